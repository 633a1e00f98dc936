"""A line that starts with a bare number and then its values (issue 12): ``print(f"[{epoch}]
loss={loss:.4f}")``, ``3) loss=0.52``, ``3: loss=0.52``, ``3 | loss 0.52``. The number is the
line's step, so a line of one value is a record (it was dropped as one number in a sentence). Only
blanks or a separator may stand between: a model summary's row (``13  [-1, 6]  1  2
models.common.Concat  [1]``) is no record."""

import pytest
from parse_helpers import read, steps


@pytest.mark.parametrize("lead", ["[{n}]", "[ {n}]", "({n})", "{n})", "{n}.", "{n}:", "{n}", "{n} |"])
def test_a_leading_number_steps_a_one_value_line(lead):
    text = "".join(f"{lead.format(n=n * 10)} loss=0.{9 - n}2\n" for n in range(1, 7))
    series = read(text).store["loss"]
    assert series.steps.tolist() == [10.0, 20.0, 30.0, 40.0, 50.0, 60.0]
    assert series.values.tolist() == [0.82, 0.72, 0.62, 0.52, 0.42, 0.32]


def test_the_ic_log_shapes_step_by_their_leading_epoch():
    # tests/corpus/ic-numbered-train-valid-best-valid-loss: "N: Train Loss=X, Valid Loss=Y, ..."
    text = (
        "0: Train Loss=5.8123, Valid Loss=4.9324, Best Valid Loss=4.9324\n"
        "1: Train Loss=3.6544, Valid Loss=3.3124, Best Valid Loss=3.3124\n"
        "2: Train Loss=0.9983, Valid Loss=-0.7163, Best Valid Loss=-0.7163\n"
    )
    store = read(text).store
    assert store["Train Loss"].steps.tolist() == [0.0, 1.0, 2.0]
    assert store["Valid Loss"].values.tolist() == [4.9324, 3.3124, -0.7163]


def test_a_model_summary_row_is_no_record():
    text = "".join(f" {n}             [-1, 6]  1         0  models.common.Concat                    [1]\n" for n in range(12, 20))
    assert not [series.name for series in read(text).store]


def test_a_bracketed_step_with_the_share_of_the_run_done():
    # 1-sang/data @4878d93 seq2seq.ipynb, its training cell's prints
    text = "".join(
        f"[{step} - {share}%] loss = {loss}\n"
        for step, share, loss in [(1000, "20.0", "1.3149"), (2000, "40.0", "0.3536"), (3000, "60.0", "0.1966"),
                                  (4000, "80.0", "0.0960"), (5000, "100.0", "0.0492")]
    )
    monitor = read(text)
    assert steps(monitor, "loss") == [1000, 2000, 3000, 4000, 5000]
    assert list(monitor.store["loss"].values) == [1.3149, 0.3536, 0.1966, 0.0960, 0.0492]
