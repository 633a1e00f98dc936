"""Keras output quoted in markdown the way notebook exports quote a cell's output: a "> " marker and
then the output's own indentation (">     Epoch 1/10", ">       200/36409 [....] - ETA: 7s - loss:
..."). The quoted lines are Keras lines: the epoch header counts, and an epoch's first frame is a
running figure of the epoch like the frames glued after it, not a record of its own (issue 12).

Real lines: tests/corpus/sds-diamonds-keras1-course-notebook-md-two-fits (lamastex/scalable-data-science,
a Databricks course notebook exported to markdown; a Keras 1 fit whose \\b-separated frames of an
epoch share one quoted line).
"""

import pytest
from parse_helpers import CORPUS, read, steps

SDS = CORPUS / "sds-diamonds-keras1-course-notebook-md-two-fits" / "051_DLbyABr_02-Neural-Networks.md"


def _lines(first: int, last: int) -> bytes:
    return b"".join(SDS.read_bytes().splitlines(keepends=True)[first - 1 : last])


@pytest.mark.parametrize("chunk", (1 << 20, 97))
def test_quoted_epochs_are_one_record_each(chunk):
    monitor = read(_lines(229, 233), chunk=chunk)  # "Train on ...", two epochs of the first fit
    store = monitor.store
    assert store["loss"].values.tolist() == [30723977.1971, 26190494.3583]
    assert store["val_loss"].values.tolist() == [30140263.6332, 23785609.999]
    assert steps(monitor, "loss") == [36409, 2 * 36409]


def test_the_whole_quoted_file_reads_one_loss_per_epoch():
    store = read(SDS.read_bytes()).store
    assert store.primary_train == "loss"
    assert len(store["loss"]) == len(store["val_loss"]) == 81  # 10 epochs of fit 1, 71 of fit 2

