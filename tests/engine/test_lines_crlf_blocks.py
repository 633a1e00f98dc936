"""A CRLF log (Windows, PowerShell's Tee-Object) reads as its LF copy does, however its bytes
arrive: the \\r of a \\r\\n that ends a block belongs to the line end, not to the line."""

import pytest

from lossmon.engine import Monitor
from lossmon.engine.lines import LineSplitter

# Real lines: the end of tests/corpus/painn-workingsetup-11-md (a PaiNN run's console). The val
# record repeats itself exactly at epochs 151-153 (a plateau): the last one is a record of its
# own, and was lost when its line kept the \r of its \r\n (another shape than the lines above,
# so it was taken for an echo of the previous record).
_LINES = [
    "Epoch [151/650], Train Loss: 0.0009, Train L1 Loss: 0.2012",
    "Epoch [151/650], Validation Loss: 0.0017, Validation L1: 0.2685, Smoothed Validation Loss: 0.0017",
    "Epoch [152/650], Train Loss: 0.0009, Train L1 Loss: 0.2010",
    "Epoch [152/650], Validation Loss: 0.0017, Validation L1: 0.2685, Smoothed Validation Loss: 0.0017",
    "Epoch [153/650], Train Loss: 0.0009, Train L1 Loss: 0.2008",
    "Epoch [153/650], Validation Loss: 0.0017, Validation L1: 0.2685, Smoothed Validation Loss: 0.0017",
]


def _series(data: bytes, chunk: int) -> dict[str, list]:
    monitor = Monitor("test.log")
    for start in range(0, len(data), chunk):
        monitor.feed(data[start : start + chunk])
    monitor.finish()
    return {s.name: (s.steps.tolist(), s.values.tolist()) for s in monitor.store}


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_crlf_reads_as_lf(chunk):
    lf = ("\n".join(_LINES) + "\n").encode()
    crlf = lf.replace(b"\n", b"\r\n")
    assert _series(crlf, chunk) == _series(lf, 1 << 20)
    assert len(_series(crlf, chunk)["Validation Loss"][0]) == 3


def test_no_line_keeps_the_cr_of_its_crlf():
    splitter = LineSplitter()
    lines = []
    for piece in (b"a 1\r\nb 2\r", b"\nc 3\r\n"):  # a \r\n cut between two reads, too
        block = splitter.feed(piece)
        if block is not None:
            lines += block.lines
    assert lines == ["a 1", "b 2", "c 3"]


def test_a_frame_line_keeps_its_frames():
    block = LineSplitter().feed(b"\r 10%|#| 1/10 [00:01<00:09]\r 20%|##| 2/10 [00:02<00:08] loss=0.5\r\n")
    assert block.lines == ["\r 10%|#| 1/10 [00:01<00:09]\r 20%|##| 2/10 [00:02<00:08] loss=0.5"]
