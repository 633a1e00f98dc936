"""Keras 1's verbose=2 output prints one line at each epoch's end: the time it took, then the
epoch's figures, with no batch counter ("225s - loss: 0.2062 - acc: 0.9412 - val_loss: 0.1095").
Under an "Epoch e/E" header it is the epoch's record and its step is that epoch, so that a fit
after another starts again at 1 rather than continuing, or sticking at, a count kept elsewhere
(issue 12).

Real lines: tests/corpus/keras1-kanji-verbose2-four-fits-early-stopping (four fits in a row, the
third and fourth without validation) and tests/corpus/sds-diamonds-keras1-course-notebook-md-two-fits
(lamastex/scalable-data-science: the same lines quoted in a notebook exported to markdown, after a
fit shown with verbose=1).
"""

from parse_helpers import CORPUS, read, steps

KANJI = CORPUS / "keras1-kanji-verbose2-four-fits-early-stopping" / "training_log.txt"
SDS = CORPUS / "sds-diamonds-keras1-course-notebook-md-two-fits" / "051_DLbyABr_02-Neural-Networks.md"


def _lines(path, first: int, last: int) -> bytes:
    return b"".join(path.read_bytes().splitlines(keepends=True)[first - 1 : last])


def test_an_epoch_line_takes_its_header_epoch_as_step():
    monitor = read(_lines(KANJI, 42, 48))  # the second fit: "Train on ...", epochs 1-3
    assert monitor.store["loss"].values.tolist() == [0.2062, 0.1348, 0.1119]
    assert steps(monitor, "loss") == steps(monitor, "val_loss") == [1, 2, 3]


def test_each_fit_counts_its_own_epochs():
    monitor = read(KANJI.read_bytes())
    loss = steps(monitor, "loss")
    fits = [19, 14, 19, 14]  # epochs per fit: "stopped after 19 epochs", ... (66 in all)
    assert loss == [float(e) for n in fits for e in range(1, n + 1)]


def test_quoted_epoch_lines_after_a_verbose_1_fit():
    monitor = read(SDS.read_bytes())
    loss = steps(monitor, "loss")
    assert loss[:10] == [36409.0 * e for e in range(1, 11)]  # fit 1: verbose 1, steps are batches
    assert loss[10:] == [float(e) for e in range(1, 72)]  # fit 2: verbose 2, epochs 1-71 of the prefix
