"""A file named by its metric that holds, per line, an epoch's number and then its value (issue 12,
holdout10a): ``0001-64.5714`` (``f.write(f"{epoch:04d}-{loss:.4f}")``), and the same with a colon
or blanks between them (with a comma it is a headerless CSV row: test_column_keyed_lists). The
number is the step; a dash glued to it separates, a dash after a blank is the value's sign.
Before, a dash-glued line was no number and the file read nothing.

Real lines: tests/corpus/yolov3-improved-logs-loss-txt (400 epochs of a YOLOv3 training loss).
"""

import pytest
from parse_helpers import CORPUS, steps
from test_column import read_as

YOLOV3 = "0001-64.5714\n0002-6.4211\n0003-3.7808\n0004-2.9633\n0005-2.4412\n"


@pytest.mark.parametrize("chunk", [1 << 20, 7])
def test_the_number_before_a_glued_dash_is_the_step(chunk):
    monitor = read_as("logs/loss.txt", YOLOV3, chunk)
    assert monitor.store["loss"].values.tolist() == [64.5714, 6.4211, 3.7808, 2.9633, 2.4412]
    assert steps(monitor, "loss") == [1, 2, 3, 4, 5]
    assert monitor.store.primary_train == "loss"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1: 0.52\n2: 0.41\n3: 0.33\n", [0.52, 0.41, 0.33]),
        ("1 -0.52\n2 -0.61\n3 -0.73\n", [-0.52, -0.61, -0.73]),
        ("1\t0.52\n2\t0.41\n3\t0.33\n", [0.52, 0.41, 0.33]),
    ],
)
def test_a_colon_or_blanks_separate_too_and_a_dash_after_a_blank_is_a_sign(text, values):
    monitor = read_as("runs/val_loss.txt", text)
    assert monitor.store["val_loss"].values.tolist() == values
    assert steps(monitor, "val_loss") == [1, 2, 3]


def test_in_a_file_named_otherwise_such_lines_are_no_series():
    assert len(read_as("data/ids.txt", YOLOV3).store) == 0


def test_the_whole_yolov3_loss_file_is_read():
    monitor = read_as("loss.txt", (CORPUS / "yolov3-improved-logs-loss-txt" / "loss.txt").read_bytes())
    assert len(monitor.store["loss"]) == 400
