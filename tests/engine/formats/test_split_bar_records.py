"""A record that lives in a progress bar's description, cut by another bar's frame where a flush
ended mid-line (``Loss=3\\r  6%|▌ | 6/100 [...].630421:  41%|...``), is joined again: the text
after the frame is what the frame cut, not the description of one more frame. Dropping it with
the frame left ``Loss=3`` on a line that is no bar, which settled every bar held so far as the
running figures of that line: the log's whole series went (issue 12, class 1)."""

import pytest
from parse_helpers import read

from lossmon.engine.formats.auto import strip_bar_frames

# Real lines: tests/corpus/emnist-cnn-tqdm-epoch-batch-loss-frames (a capture of tqdm frames, each
# line ended by \r\n\r\n\r\n; the loss lives only in the bar's description).
_REAL = [
    "Epoch=0 | Batch_id=0 | Loss=4.125688:   0%|          | 1/341 [00:00<03:08,  1.80it/s]",
    "Epoch=0 | Batch_id=1 | Loss=4.122197:   0%|          | 1/341 [00:00<03:08,  1.80it/s]",
    "Epoch=0 | Batch_id=1 | Loss=4.122197:   1%|          | 2/341 [00:00<02:49,  2.00it/s]",
    "Epoch=0 | Batch_id=2 | Loss=4.123782:   1%|          | 2/341 [00:01<02:49,  2.00it/s]",
    "Epoch=0 | Batch_id=2 | Loss=4.123782:   1%|          | 3/341 [00:01<02:33,  2.21it/s]",
    "Epoch=0 | Batch_id=3 | Loss=4.124037:   1%|          | 3/341 [00:01<02:33,  2.21it/s]",
    "Epoch=0 | Batch_id=3 | Loss=4.124037:   1%|          | 4/341 [00:01<02:23,  2.35it/s]",
    "Epoch=0 | Batch_id=4 | Loss=4.123797:   1%|          | 4/341 [00:02<02:23,  2.35it/s]",
    "Epoch=0 | Batch_id=4 | Loss=4.123797:   1%|▏         | 5/341 [00:02<02:18,  2.43it/s]",
    "Epoch=0 | Batch_id=5 | Loss=4.123011:   1%|▏         | 5/341 [00:02<02:18,  2.43it/s]",
    "Epoch=0 | Batch_id=5 | Loss=4.123011:   2%|▏         | 6/341 [00:02<02:11,  2.54it/s]",
]
# Another bar's frame as tqdm 4.x writes it ("\r" + format_meter), no line end after it.
_FRAME = "\r  6%|▌         | 6/100 [00:10<02:36,  1.67s/it]"


def _capture(lines: list[str]) -> str:
    return "".join(line + "\r\n\r\n\r\n" for line in lines)


def _loss(text: str) -> list[float]:
    return read(text).store["Loss"].values.tolist()


@pytest.mark.parametrize("cut", ["Loss=4.1", "Loss=4", "Loss=", "Batch_id=", "Epoch", "/341 [00", ":   ", "%|", "it/s"])
def test_a_frame_cutting_a_bar_record_is_removed_and_the_record_joined(cut):
    cut_lines = list(_REAL)
    for k in (3, 7):  # two of the lines cut at the same place
        at = _REAL[k].index(cut) + len(cut)
        cut_lines[k] = _REAL[k][:at] + _FRAME + _REAL[k][at:]
    assert _loss(_capture(cut_lines)) == _loss(_capture(_REAL))
    assert len(_loss(_capture(_REAL))) == 6


def test_the_text_after_the_frame_stays():
    line = "Epoch=0 | Batch_id=138 | Loss=3" + _FRAME + ".630421:  41%|████      | 139/341 [00:51<01:13,  2.75it/s]"
    assert strip_bar_frames(line) == "Epoch=0 | Batch_id=138 | Loss=3.630421:  41%|████      | 139/341 [00:51<01:13,  2.75it/s]"


def test_frames_that_lost_their_cr_still_go_beside_one_that_has_it():
    # a capture whose \r were lost (text served without them), then a frame with its \r
    line = (
        "  0%|          | 10/4854 [0" + _FRAME + "0:16<2:14:42,  1.67s/it]  0%|          | 11/4854 [00:17<2:12:22,  1.64s/it]"
        "                                                   {'loss': 1.2588, 'epoch': 0.01}"
    )
    assert strip_bar_frames(line).strip() == "{'loss': 1.2588, 'epoch': 0.01}"
