"""Each demo log shows its own pathology, read back from its text with small regexes."""

import csv
import io
import json
import math
import re

import numpy as np


def text(rendered, name) -> str:
    return rendered[name].decode("utf-8")


def numbers(pattern: str, source: str) -> np.ndarray:
    return np.array([float(v) for v in re.findall(pattern, source, re.M)])


def max_ratio_to_running_median(values: np.ndarray, skip_fraction: float = 0.05, window: int = 50) -> float:
    start = max(1, int(len(values) * skip_fraction))
    return max(values[i] / np.median(values[max(0, i - window):i]) for i in range(start, len(values)))


def test_healthy_falls_fast_then_flattens_with_mild_noise(rendered):
    log = text(rendered, "healthy")
    loss = numbers(r"\{'loss': (\S+), 'grad_norm'", log)
    eval_loss = numbers(r"\{'eval_loss': (\S+),", log)
    assert len(loss) >= 1500 and np.all(np.isfinite(loss))
    assert abs(loss[0] - math.log(10)) < 0.05  # starts at chance
    assert loss[-50:].mean() <= 0.5 * loss[0]
    assert max_ratio_to_running_median(loss) < 1.5  # no spike anywhere
    tenth = len(loss) // 10
    assert loss[tenth:2 * tenth].mean() - loss[-tenth:].mean() < 0.5 * (loss[0] - loss[-tenth:].mean())  # flattens
    assert np.all(np.diff(eval_loss) < 0.01)  # validation keeps improving
    assert abs(eval_loss[-1] - loss[-50:].mean()) < 0.1  # train and val close


def test_exploding_loss_is_healthy_then_blows_up_and_stays_finite(rendered):
    log = text(rendered, "exploding_loss")
    loss = numbers(r"^iter \d+: loss (\S+),", log)
    assert np.all(np.isfinite(loss)) and not re.search(r"\b(nan|inf)\b", log)
    assert loss[200:1000].mean() < 0.5 * loss[:10].mean()  # learns first
    assert loss[-1] >= 100 * loss.min()
    assert loss[-1] == loss.max()
    mfu = re.findall(r"mfu (\S+)%", log)
    assert mfu[:5] == ["-100.00"] * 5 and mfu[5] != "-100.00"


def keras2_frames(log: str) -> list[str]:
    """What a terminal would show for each redraw: split on \\r, drop the backspaces."""
    return [seg for seg in log.replace("\b", "").replace("\n", "\r").split("\r") if " - loss: " in seg]


def test_nan_or_inf_goes_from_normal_straight_to_nan(rendered):
    frames = keras2_frames(text(rendered, "nan_or_inf"))
    loss = np.array([float(re.search(r" - loss: (\S+)", f).group(1)) for f in frames])
    first_nan = int(np.argmax(np.isnan(loss)))
    assert first_nan > len(loss) // 2
    before = loss[:first_nan]
    assert np.all(np.isfinite(before)) and before.max() <= before[0]  # no finite spike first
    assert np.all(np.isnan(loss[first_nan:]))
    epoch_ends = [f for f in frames if "val_loss" in f]
    assert len(epoch_ends) == 20
    assert "nan" not in epoch_ends[10] and all(" - loss: nan" in f and "val_loss: nan" in f for f in epoch_ends[11:])


def test_not_converging_oscillates_without_progress_or_explosion(rendered):
    loss = numbers(r"step=\d+ loss=(\S+) lr=", text(rendered, "not_converging"))
    assert len(loss) == 2000 and np.all(np.isfinite(loss))
    fifth = len(loss) // 5
    assert loss[-fifth:].mean() >= 0.95 * loss[:fifth].mean()  # no progress
    p5, p50, p95 = np.percentile(loss, [5, 50, 95])
    assert (p95 - p5) / p50 > 0.3  # large swings
    assert max_ratio_to_running_median(loss) < 1.6 and loss.max() < 2 * math.log(10)  # bounded


def lightning_columns(rendered):
    rows = list(csv.DictReader(io.StringIO(text(rendered, "overfitting"), newline="")))

    def column(name):
        return np.array([float(r[name]) for r in rows if r[name]])
    return column


def test_overfitting_train_falls_smoothly_while_val_turns_up(rendered):
    column = lightning_columns(rendered)
    train_step, train_epoch, val = column("train_loss_step"), column("train_loss_epoch"), column("val_loss")
    best = int(np.argmin(val))
    assert best <= len(val) // 4  # minimum well before the end
    assert val[-1] >= 1.10 * val[best]  # rises by 10 % or more after it
    assert np.all(np.diff(val[best + 5:]) > 0)  # a steady U-turn, not noise
    assert np.all(np.diff(train_epoch) < 0)  # train keeps falling every epoch
    assert train_epoch[-1] < 0.05 * train_epoch[best]
    assert max_ratio_to_running_median(train_step) < 1.5


def test_contradictory_metrics_recall_is_zero_while_loss_falls(rendered):
    log = text(rendered, "contradictory_metrics")
    lines = re.findall(r"^40/40 - .*$", log, re.M)
    assert len(lines) == 30
    for line in lines:
        assert re.search(r" - recall: 0\.0000e\+00 ", line) and line.endswith(" - val_recall: 0.0000e+00")
    loss = numbers(r"^40/40 - \S+ - \S+ - loss: (\S+) ", log)
    assert loss[-1] <= 0.7 * loss[0] and np.all(np.diff(loss) < 0)


def test_stuck_periodic_repeats_each_epoch_with_little_progress(rendered):
    records = [json.loads(line) for line in text(rendered, "stuck_periodic").splitlines()]
    loss = np.array([r["loss"] for r in records])
    steps_per_epoch = sum(1 for r in records if r["epoch"] == 0)
    lagged = np.corrcoef(loss[steps_per_epoch:], loss[:-steps_per_epoch])[0, 1]
    assert lagged > 0.9
    epoch_means = loss.reshape(-1, steps_per_epoch).mean(axis=1)
    assert abs(epoch_means[-1] / epoch_means[0] - 1) < 0.1


def test_plateau_sits_at_chance_level(rendered):
    log = text(rendered, "plateau")
    loss = numbers(r"\| lm loss: (\S+) \|", log)
    val = numbers(r"lm loss value: (\S+) \|", log)
    assert len(loss) == 3000 and len(val) == 6
    assert np.all(np.abs(np.concatenate([loss, val]) / math.log(10) - 1) < 0.01)
    assert set(re.findall(r"learning rate: (\S+) \|", log)) == {"0.000000E+00"}
