"""A record written once per rank (lossmon.engine.echoes): a line that repeats byte for byte and
prints the same step is one record; a line that differs in any byte (two ranks' own values, their
times), a repeat at another step, or a repeat whose step the line does not print stays a record.

Real lines: tests/corpus/drivevlm-train-log-jsonl-duplicated (every record 4 times, one per rank),
ml-dp-tf1-after-n-training-steps-py-capture (a validation line printed twice),
ravdess-multimodal-per-batch-loss-and-avgmeter-lines (equal per-batch precisions on stepless lines),
ml-proj-sr-trainlog-mov-avg-loss (an epoch's loss equal to the one before, under an iteration
counter that restarts every epoch) and llamafactory-sft-two-ranks-trainer-log (tests/engine/test_echoes.py).
"""

from pathlib import Path

import pytest

from lossmon.engine.monitor import Monitor

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

DRIVEVLM = CORPUS / "drivevlm-train-log-jsonl-duplicated" / "train_log.json"


def _read(data: bytes, chunk: int | None = None) -> Monitor:
    monitor = Monitor()
    step = chunk or len(data)
    for start in range(0, len(data), step):
        monitor.feed(data[start : start + step])
    monitor.finish()
    return monitor


@pytest.mark.parametrize("chunk", (None, 301))
def test_a_record_written_once_per_rank_is_one_record(chunk):
    data = b"".join(DRIVEVLM.read_bytes().splitlines(keepends=True)[:12])  # steps 10, 20, 30 x4
    series = _read(data, chunk).store["train/loss"]
    assert series.steps.tolist() == [10.0, 20.0, 30.0]
    assert series.values.tolist()[:2] == [0.2569881081581116, 0.31273922324180603]


def test_the_whole_log_has_one_point_per_step():
    store = _read(DRIVEVLM.read_bytes()).store
    assert len(store["train/loss"]) == 41
    assert len(set(store["train/loss"].steps.tolist())) == 41
    assert len(store["train/learning_rate"]) == 41


TF1_VALIDATION = """\
After 7001 training step(s), validation accuracy = 0.9834
After 8001 training step(s), validation accuracy = 0.9844
After 8001 training step(s), validation accuracy = 0.9844
After 9001 training step(s), validation accuracy = 0.984
"""


def test_a_line_printed_twice_at_its_step_is_one_record():
    series = _read(TF1_VALIDATION.encode()).store["validation accuracy"]
    assert series.steps.tolist() == [7001.0, 8001.0, 9001.0]


def test_the_same_line_at_another_step_is_a_record():
    # a stuck run prints the same numbers at every step
    stuck = "".join(f"step {step}, loss: 0.6931, acc: 0.5000\n" for step in (100, 200, 300, 300, 400))
    series = _read(stuck.encode()).store["loss"]
    assert series.steps.tolist() == [100.0, 200.0, 300.0, 400.0]


def test_a_repeat_whose_step_the_line_does_not_print_is_a_record():
    # two batches of 8 with the same precision (lines 154 and 156 of the log): the step of a
    # "Prec@1" line is only inferred, so equal texts do not make them one record
    path = CORPUS / "ravdess-multimodal-per-batch-loss-and-avgmeter-lines" / "output.log"
    store = _read(path.read_bytes()).store
    assert len(store["Prec@1"]) == len(store["Prec@5"]) == 218


def test_an_epoch_loss_equal_to_the_one_before_under_a_restarting_counter_stays():
    path = CORPUS / "ml-proj-sr-trainlog-mov-avg-loss" / "trainlog.txt"
    series = _read(path.read_bytes()).store["Training Loss"]
    assert series.values.tolist()[1:] == [0.0354, 0.0354]
