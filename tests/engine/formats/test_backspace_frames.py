"""Progress bars drawn with backspaces: a counter is no metric. The log is
tests/corpus/progress-bar-frames-classifier-train-txt: a custom bar prints its label ("train",
"val acc"), then 60 backspaces and the batch counter ("2/133") over the middle of the bar, frames
separated by \\r; the epoch's record is a line of its own."""

from parse_helpers import CORPUS, read

LOG = CORPUS / "progress-bar-frames-classifier-train-txt" / "train.txt"


def test_a_bar_label_and_its_counter_behind_backspaces_are_no_series():
    data = LOG.read_bytes()
    bar = data.split(b"\n")[2] + b"\n"  # 133 frames of the training pass
    assert bar.count(b"\x08" * 60) == 133
    monitor = read(bar * 3)
    assert [s.name for s in monitor.store] == []
