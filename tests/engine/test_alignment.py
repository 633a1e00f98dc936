"""alignment: each run's x axes (step, epoch, time, tokens), checked against values read by hand
from real logs that carry epochs, timestamps and token counts."""

import csv
import json
import re
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from lossmon.engine import Monitor, check_file
from lossmon.engine.alignment import AXES, axis_map, available_axes, describe_x

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FORMATS = Path(__file__).resolve().parent / "formats" / "data"


def _monotone(values) -> bool:
    return bool((np.diff(values) >= 0).all())


def test_step_is_the_identity_and_every_run_has_it(real_logs):
    monitor = check_file(str(real_logs / "llmc-main.log"))
    step = axis_map(monitor, "step")
    assert step.label == "step"
    steps = np.array([0.0, 250.0, 19_560.0])
    assert step.to_x(steps).tolist() == steps.tolist() and step.to_step(steps).tolist() == steps.tolist()
    # llm.c's main.log has no epoch, timestamps, elapsed time or token counts
    assert available_axes(monitor) == ["step"]
    assert all(axis_map(monitor, axis) is None for axis in ("epoch", "time", "tokens"))


def test_unknown_axis_is_refused():
    with pytest.raises(ValueError):
        axis_map(Monitor(), "wall")
    assert AXES == ("step", "epoch", "time", "tokens")


def test_epoch_from_a_trainer_state_matches_its_log_history():
    path = CORPUS / "trl-dpo-nan-grad-norm-trainer-state" / "trainer_state.json"
    history = [entry for entry in json.loads(path.read_text())["log_history"] if "loss" in entry]
    epoch = axis_map(check_file(str(path)), "epoch")
    steps = np.array([entry["step"] for entry in history], dtype=float)
    assert epoch.label == "epoch"
    assert np.allclose(epoch.to_x(steps), [entry["epoch"] for entry in history])
    assert np.allclose(epoch.to_step(epoch.to_x(steps)), steps)


def test_an_epoch_staircase_is_anchored_where_each_epoch_begins(real_logs):
    """Lightning's metrics.csv writes the integer epoch on every row: the axis is the epoch at
    the first step of each epoch, and fractional in between (not a staircase)."""
    path = real_logs / "slm-lightning-metrics.csv"
    first_step: dict[int, float] = {}
    for row in csv.DictReader(path.open()):
        first_step.setdefault(int(row["epoch"]), float(row["step"]))
    epoch = axis_map(check_file(str(path)), "epoch")
    starts = np.array(sorted(first_step.values()))
    assert np.allclose(epoch.to_x(starts), sorted(first_step))
    between = (starts[:-1] + starts[1:]) / 2
    inside = epoch.to_x(between)
    assert ((inside > np.arange(len(between))) & (inside < np.arange(1, len(between) + 1))).all()


def test_tokens_from_trl_num_tokens():
    path = CORPUS / "hf-trl-qwen3-lora-nohup-glued-tqdm" / "train.log"
    counts = [float(n) for n in re.findall(r"'num_tokens': '?([\d.]+)", path.read_text())]
    tokens = axis_map(check_file(str(path)), "tokens")
    assert tokens.label == "tokens"
    monitor = check_file(str(path))
    steps = monitor.store["num_tokens"].steps
    assert np.allclose(tokens.to_x(steps), counts)


def test_tokens_from_nanogpts_tokens_per_iteration():
    path = CORPUS / "nanogpt-sigmalyj-iter-lines-eval-stalls" / "log_train.txt"
    per_step = int(re.search(r"tokens per iteration will be: ([\d,]+)", path.read_text()).group(1).replace(",", ""))
    assert per_step == 16_384
    tokens = axis_map(check_file(str(path)), "tokens")
    assert tokens.to_x([10.0, 1000.0]).tolist() == [10 * 16_384, 1000 * 16_384]
    assert tokens.to_step([163_840.0]).tolist() == [10.0]


@pytest.mark.parametrize("name", ["megatron.log", "nemo.log"])
def test_megatron_consumed_samples_are_a_samples_axis(name):
    """Samples, not tokens: the sequence length is not in the log line."""
    path = FORMATS / name
    pairs = re.findall(r"(?:iteration|global_step:)\s+(\d+)\D.*?consumed[ _]samples:\s+(\d+)", path.read_text())
    steps, samples = np.array(pairs, dtype=float).T
    axis = axis_map(check_file(str(path)), "tokens")
    assert axis.label == "samples" and axis.unit == "samples"
    assert np.allclose(axis.to_x(steps), samples)


def _stamp(line: str) -> float:
    return datetime.strptime(line[:19], "%Y/%m/%d %H:%M:%S").timestamp()


def test_time_from_mmengine_timestamps():
    path = CORPUS / "mmseg-pspnet-watermelon-iter-text-log" / "20230614_065503.log"
    lines = path.read_text().splitlines()
    starts = [(k, float(m.group(1))) for k, line in enumerate(lines) if (m := re.search(r"Iter\(train\) \[ *(\d+)/", line))]
    t0 = _stamp(lines[starts[0][0]])
    # by hand: the time of each training iteration's line, and the times of every line up to the
    # next one (its validation records carry the same step, a few seconds later)
    at_step = {step: {_stamp(line) - t0 for line in lines[k : nxt] if line[:4].isdigit()}
               for (k, step), (nxt, _) in zip(starts, [*starts[1:], (len(lines), None)])}
    steps = np.array([step for _, step in starts])
    seconds = np.array([_stamp(lines[k]) - t0 for k, _ in starts])
    time = axis_map(check_file(str(path)), "time")
    assert time.label == "time since first record" and time.unit == "s"
    assert len(time.steps) >= 10 and time.steps[0] == steps[0] and time.steps[-1] == steps[-1]
    assert all(x in at_step[step] for step, x in zip(time.steps, time.to_x(time.steps)))
    # between anchors, the interpolation stays within the times of the records around it
    assert np.abs(time.to_x(steps) - seconds).max() <= np.diff(seconds).max()
    assert _monotone(time.to_x(steps))


def test_time_from_loguru_timestamps_survives_restarts():
    path = CORPUS / "torchrl-ppo-hppo-mac-loguru-restarts" / "train.log"
    time = axis_map(check_file(str(path)), "time")
    assert time is not None and time.to_x([0.0]).tolist() == [0.0]
    assert _monotone(time.xs) and _monotone(time.steps)


def test_time_from_modded_nanogpts_train_time(real_logs):
    """modded-nanogpt prints its own clock, train_time:...ms: the axis is that clock in seconds."""
    path = real_logs / "gpt-lab-diffusion-train.log"
    found = re.findall(r"^step:(\d+)/\d+ (?:train|val)_loss:\S+ train_time:(\d+)ms", path.read_text(), re.M)
    steps, ms = np.array(found, dtype=float).T  # the first record is step 0's val_loss, at 0ms
    time = axis_map(check_file(str(path)), "time")
    anchored = np.isin(steps, time.steps)
    assert anchored.sum() >= 10 and anchored[0]
    assert np.allclose(time.to_x(steps[anchored]), (ms[anchored] - ms[0]) / 1000)
    assert time.to_x([7151.0])[0] == pytest.approx(31_848.444)  # the last line: train_time:31848444ms


def test_a_per_step_token_count_is_not_a_tokens_axis():
    """barber0's ntokens and fairseq's are tokens of one batch, not a running total."""
    monitor = check_file(str(CORPUS / "barber0-llm-pretrain-ep-batch" / "train.log"))
    assert axis_map(monitor, "tokens") is None


def test_describe_x():
    assert describe_x("step", "", 12_000) == "step 12,000"
    assert describe_x("epoch", "", 3.25) == "epoch 3.25"
    assert describe_x("time", "s", 42) == "42s"
    assert describe_x("time", "s", 3 * 3600 + 900) == "3.25h"
    assert describe_x("tokens", "tokens", 2.1e9) == "2.1B tokens"
    assert describe_x("tokens", "samples", 51_200) == "51.2k samples"


def test_time_from_a_tensorboard_runs_wall_times(tmp_path):
    """Event files carry each point's wall time: a run written at 2.5 s a step is 2.5 s a step."""
    from tensorboardX import SummaryWriter

    writer = SummaryWriter(str(tmp_path))
    for step in range(300):
        writer.add_scalar("train/loss", 4.0 / (step + 1) + 0.3, step, walltime=1_700_000_000 + 2.5 * step)
    writer.close()
    (event_file,) = tmp_path.glob("events.out.tfevents.*")
    for path in (event_file, tmp_path):  # one event file; a run directory
        time = axis_map(check_file(str(path)), "time")
        assert time.label == "time since first record"
        assert np.allclose(time.to_x([0.0, 100.0, 299.0]), [0.0, 250.0, 747.5])


def test_time_from_an_mlflow_runs_timestamps(tmp_path):
    """MLflow's metric files: 'timestamp(ms) value step' per point."""
    from tests.engine.trackers.test_mlflow import fill, make_run

    run = make_run(tmp_path)
    fill(run, range(200))  # a point a second
    time = axis_map(check_file(str(run)), "time")
    assert np.allclose(time.to_x([0.0, 77.0, 199.0]), [0.0, 77.0, 199.0])


def test_megatron_samples_become_tokens_with_the_sequence_length_of_its_arguments():
    """Slices of a real Megatron-DeepSpeed job's stdout (bigscience-workshop/bigscience @5c444c0,
    experiments/gpt2-meg-ds-3d/meg_ds_3d_gpt2_perf_n16-ds-off.out): part of its arguments dump,
    then iterations 41-50 (the timer lines between them left out)."""
    path = Path(__file__).resolve().parent / "data" / "megatron-bigscience-slices.out"
    text = path.read_text()
    seq_length = int(re.search(r"seq_length \.+ (\d+)", text).group(1))
    pairs = np.array(re.findall(r"iteration +(\d+)/ +\d+ \| consumed samples: +(\d+)", text), dtype=float)
    tokens = axis_map(check_file(str(path)), "tokens")
    assert tokens.label == "tokens" and seq_length == 1024
    assert np.allclose(tokens.to_x(pairs[:, 0]), pairs[:, 1] * seq_length)


def test_time_from_llamafactorys_elapsed_time():
    """trainer_log.jsonl: "elapsed_time": "0:02:12" (h:mm:ss since the start), two ranks' lines."""
    path = CORPUS / "llamafactory-mistral-translator-trainer-log" / "trainer_log.jsonl"
    first: dict[float, float] = {}
    for line in path.read_text().splitlines():
        entry = json.loads(line)
        h, m, s = (int(part) for part in entry["elapsed_time"].split(":"))
        first.setdefault(float(entry["current_steps"]), 3600 * h + 60 * m + s)
    time = axis_map(check_file(str(path)), "time")
    t0 = first[min(first)]
    assert len(time.steps) >= 10
    assert time.to_x(time.steps).tolist() == [first[step] - t0 for step in time.steps]
