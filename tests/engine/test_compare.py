"""compare: labels, speedups and gaps against a baseline, on real speedrun records."""

import re
import shutil

import pytest

from lossmon.engine import check_file
from lossmon.engine.compare import MissingAxis, compare, run_labels


def test_labels_are_the_shortest_distinguishing_part():
    assert run_labels(["runs/a/train.log", "runs/b/train.log"]) == ["a", "b"]
    assert run_labels(["logs/x.log", "logs/y.log"]) == ["x.log", "y.log"]
    assert run_labels(["/w/exp1/seed0/out.log", "/w/exp2/seed0/out.log"]) == ["exp1", "exp2"]
    assert run_labels(["same.log", "same.log"]) == ["same.log", "same.log"]
    # Files in different places: their names, not the whole paths (an absolute and a relative one).
    assert run_labels(["/work/logs/adamw.log", "demo/exploding.log"]) == ["adamw.log", "exploding.log"]
    assert run_labels(["sweep/lr1/seed0/out.log", "sweep/lr2/seed0/out.log", "sweep/lr2/seed1/out.log"]) == [
        "lr1/seed0", "lr2/seed0", "seed1"
    ]


def _first_step_at_or_below(path, key, target):
    """By hand, without lossmon: the first 's:N key:X' line with X <= target."""
    for line in path.read_text().splitlines():
        step, _, rest = line.partition(" ")
        if rest.startswith(f"{key}:") and float(rest.split(":")[1]) <= target:
            return int(step[2:])
    return None


def test_speedup_of_two_records_matches_a_hand_count(real_logs):
    adamw, llmc = real_logs / "modded-nanogpt-adamw.log", real_logs / "llmc-main.log"
    target = float([l for l in adamw.read_text().splitlines() if " tel:" in l][-1].split("tel:")[1])
    base_steps = _first_step_at_or_below(adamw, "tel", target)
    run_steps = _first_step_at_or_below(llmc, "tel", target)
    c = compare([check_file(str(adamw)), check_file(str(llmc))], ["healthy", "healthy"], baseline=0)
    assert c.split == "val" and c.target == target
    assert c.target_step == base_steps == 9536
    assert c.runs[1].reaches_step == run_steps
    assert c.runs[1].speedup == base_steps / run_steps
    assert c.runs[1].gap_ratio > 0 and c.runs[1].beyond_noise  # llm.c is behind AdamW at step 9,536
    assert any("more steps" in message for message in c.findings)


def test_a_run_against_its_own_copy_is_within_noise(real_logs, tmp_path):
    copy = tmp_path / "copy.log"
    shutil.copy(real_logs / "gpt-lab-diffusion-train.log", copy)
    monitors = [check_file(str(real_logs / "gpt-lab-diffusion-train.log")), check_file(str(copy))]
    c = compare(monitors, ["warn", "warn"])
    assert c.runs[1].gap_ratio == 0 and not c.runs[1].beyond_noise
    assert c.runs[1].speedup == 1.0
    assert not any("beyond" in message for message in c.findings)


def test_train_loss_is_compared_smoothed_when_a_run_has_no_val(real_logs, tmp_path):
    """Without val losses the training loss is compared, smoothed: one lucky batch early on
    (a line of llm.c's log set to 0.5 at step 100) does not make a run reach the target."""
    lines = [l for l in (real_logs / "llmc-main.log").read_text().splitlines() if " trl:" in l]
    base, lucky = tmp_path / "base.log", tmp_path / "lucky.log"
    base.write_text("\n".join(lines) + "\n")
    lucky.write_text("\n".join(l.replace(l.split()[1], "trl:0.5") if l.startswith("s:100 ") else l for l in lines) + "\n")
    c = compare([check_file(str(base)), check_file(str(lucky))], ["healthy", "healthy"])
    assert c.split == "train"
    assert c.runs[1].reaches_step == c.target_step > 10_000
    assert c.runs[1].speedup == 1.0


def test_on_the_time_axis_a_run_twice_as_slow_takes_twice_the_time(real_logs, tmp_path):
    """The same record with its clock (train_time) doubled: the same steps to the target, twice
    the time; by hand, the speedup on time is exactly 0.5 and on steps 1."""
    original = real_logs / "gpt-lab-diffusion-train.log"
    slow = tmp_path / "slow.log"
    slow.write_bytes(re.sub(rb"train_time:(\d+)ms", lambda m: b"train_time:%dms" % (2 * int(m.group(1))), original.read_bytes()))
    monitors = [check_file(str(original)), check_file(str(slow))]
    by_step = compare(monitors, ["warn", "warn"])
    by_time = compare(monitors, ["warn", "warn"], axis="time")
    assert by_step.runs[1].speedup == 1.0 and by_step.axis == "step"
    assert by_time.axis == "time" and by_time.axis_label == "time since first record"
    assert by_time.runs[1].reaches_step == by_time.target_step == by_step.target_step
    # the time axis interpolates between a few sampled lines per block (not a value per record):
    # by hand, train_time on the line where the baseline's target is first reached, to 0.1%
    step = f"step:{by_time.target_step:.0f}/"
    ms = int(re.search(rf"^{step}\S+ val_loss:\S+ train_time:(\d+)ms", original.read_text(), re.M).group(1))
    assert by_time.target_x == pytest.approx(ms / 1000, rel=1e-3)
    assert by_time.runs[1].reaches_x == pytest.approx(2 * ms / 1000, rel=1e-3)
    assert by_time.runs[1].speedup == pytest.approx(0.5, rel=1e-3)
    assert any(m.endswith(": 2.00x more time") for m in by_time.findings)


def test_a_run_without_the_axis_is_an_error(real_logs):
    monitors = [check_file(str(real_logs / "gpt-lab-diffusion-train.log")), check_file(str(real_logs / "llmc-main.log"))]
    with pytest.raises(MissingAxis, match=r"--x time: .*llmc-main.log has no time axis \(its axes: step\)"):
        compare(monitors, ["warn", "healthy"], axis="time")
