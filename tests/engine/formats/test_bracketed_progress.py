"""A line that starts with its step out of the total in brackets (issue 12):
``print(f"[{epoch}/{epochs}] loss: {loss:.4f}")`` writes ``[3/100] loss: 0.5213``. The bracket is
the step; one value after it is a record (it was dropped as one number in a sentence)."""

import pytest
from parse_helpers import read


@pytest.mark.parametrize("lead", ["[{n}/100]", "[ {n}/100]", "({n}/100)", "[{n}/100]\t", "{n}/100"])
def test_the_bracketed_fraction_steps_a_one_value_line(lead):
    text = "".join(f"{lead.format(n=n)} loss: 0.{9 - n}1\n" for n in range(1, 7))
    series = read(text).store["loss"]
    assert series.steps.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    assert series.values.tolist() == [0.81, 0.71, 0.61, 0.51, 0.41, 0.31]


def test_dtrb_iteration_lines_step_the_accuracy_lines_under_them():
    # clovaai deep-text-recognition-benchmark's log_train.txt (tests/corpus/dtrb-korean-ocr-...)
    text = (
        "[1/200000] Train loss: 0.00023, Valid loss: 0.00622, Elapsed_time: 3.53794\n"
        "Current_accuracy : 96.083, Current_norm_ED  : 0.39\n"
        "Best_accuracy    : 96.083, Best_norm_ED     : 0.39\n"
        "[100/200000] Train loss: 0.00414, Valid loss: 0.00665, Elapsed_time: 665.83799\n"
        "Current_accuracy : 96.031, Current_norm_ED  : 0.39\n"
        "Best_accuracy    : 96.083, Best_norm_ED     : 0.39\n"
    )
    store = read(text).store
    assert store["Train loss"].steps.tolist() == [1.0, 100.0]
    assert store["Current_accuracy"].values.tolist() == [96.083, 96.031]
    assert store["Current_accuracy"].steps.tolist() == [1.0, 100.0]
