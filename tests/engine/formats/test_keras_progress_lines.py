"""Keras progress frames are running figures of their epoch (issue 12): when the epoch ends with a
summary (its final frame: the time it took, or its validation values), the summary is the epoch's
record and the frames before it are not. A capture without a tty writes every update on a line of
its own; a terminal's frames share a line, split by \\r: the same rule reads both. An epoch that
ends with no summary (a bar that shows each batch's own loss, a Keras 3 fit without validation)
keeps its frames as the records.

Real lines: tests/corpus/deepbug-keras-train-log-txt/train.log.txt (lofus/deepbug, Keras 2 fit
output without a tty; a second run is cut inside its first epoch).
"""

import pytest
from parse_helpers import CORPUS, read, steps

from lossmon.engine import Monitor

DEEPBUG = CORPUS / "deepbug-keras-train-log-txt" / "train.log.txt"

# train.log.txt lines 35-48
TWO_EPOCHS = """\
Train on 9454 samples, validate on 1000 samples
Epoch 1/500

2048/9454 [=====>........................] - ETA: 33s - loss: 6.9103 - acc: 0.0020
4096/9454 [===========>..................] - ETA: 20s - loss: 6.7825 - acc: 0.0042
6144/9454 [==================>...........] - ETA: 11s - loss: 6.6653 - acc: 0.0063
8192/9454 [========================>.....] - ETA: 4s - loss: 6.5772 - acc: 0.0061 
9454/9454 [==============================] - 33s 3ms/step - loss: 6.5302 - acc: 0.0067 - val_loss: 6.2844 - val_acc: 0.0050
Epoch 2/500

2048/9454 [=====>........................] - ETA: 21s - loss: 6.0563 - acc: 0.0142
4096/9454 [===========>..................] - ETA: 17s - loss: 6.0518 - acc: 0.0144
6144/9454 [==================>...........] - ETA: 10s - loss: 6.0554 - acc: 0.0153
8192/9454 [========================>.....] - ETA: 3s - loss: 6.0551 - acc: 0.0164 
9454/9454 [==============================] - 29s 3ms/step - loss: 6.0540 - acc: 0.0179 - val_loss: 6.3261 - val_acc: 0.0110
"""

# train.log.txt lines 293-302: the second run, cut inside its first epoch
CUT_EPOCH = """\
Train on 18885 samples, validate on 1000 samples
Epoch 1/500

 2048/18885 [==>...........................] - ETA: 1:13 - loss: 7.0193 - acc: 4.8828e-04
 4096/18885 [=====>........................] - ETA: 56s - loss: 6.8790 - acc: 0.0027     
 6144/18885 [========>.....................] - ETA: 44s - loss: 6.7634 - acc: 0.0036
"""


@pytest.mark.parametrize("chunk", (1 << 20, 97))
def test_progress_lines_before_an_epoch_summary_are_no_records(chunk):
    monitor = read(TWO_EPOCHS, chunk=chunk)
    store = monitor.store
    assert store["loss"].values.tolist() == [6.5302, 6.054]
    assert store["acc"].values.tolist() == [0.0067, 0.0179]
    assert store["val_loss"].values.tolist() == [6.2844, 6.3261]
    assert steps(monitor, "loss") == [9454, 2 * 9454]
    assert not store["loss"].attrs.get("epoch_running_average")


def test_the_same_frames_split_by_carriage_returns_read_alike():
    # as a terminal capture holds them: an epoch's frames on one line, each after a \r
    lines, frames = [], []
    for text in TWO_EPOCHS.splitlines():
        if "/9454 [" in text:
            frames.append(text)
            if "val_loss" in text:
                lines.append("\r" + "\r".join(frames))
                frames = []
        else:
            lines.append(text)
    terminal = "\n".join(lines) + "\n"
    assert terminal.count("\r") == 10
    monitor = read(terminal)
    assert monitor.store["loss"].values.tolist() == [6.5302, 6.054]
    assert steps(monitor, "loss") == [9454, 2 * 9454]


def test_a_run_cut_inside_an_epoch_adds_no_running_figure_where_epochs_end_with_a_summary():
    monitor = read(TWO_EPOCHS + CUT_EPOCH)
    assert monitor.store["loss"].values.tolist() == [6.5302, 6.054]


def test_the_whole_log_counts_one_record_per_epoch():
    monitor = read(DEEPBUG.read_bytes())
    store = monitor.store
    assert len(store["loss"]) == len(store["val_loss"]) == 32
    assert (store.primary_train, store.primary_val) == ("loss", "val_loss")
    assert store["loss"].values[-1] == 3.1334


def test_frames_with_no_summary_after_them_stay_the_records():
    # the frames of the cut run alone: no epoch of this log ends with a summary
    monitor = read(CUT_EPOCH)
    assert monitor.store["loss"].values.tolist() == [7.0193, 6.879, 6.7634]
    assert monitor.store["loss"].attrs.get("epoch_running_average") is True


def keras3_batches(epochs: int, batches: int) -> str:
    """A Keras 3 bar per batch and no validation: no frame is an epoch's summary."""
    out = []
    for epoch in range(1, epochs + 1):
        out.append(f"Epoch {epoch}/{epochs}\n")
        for batch in range(1, batches + 1):
            loss = 2.0 / epoch - 0.01 * batch
            out.append(f"{batch:>3}/{batches} ━━━━━━━━━━━━━━━━━━━━ 0s 12ms/step - loss: {loss:.4f}\n")
    return "".join(out)


def test_an_epoch_that_ends_with_no_summary_keeps_its_frames_and_later_ones_come_live():
    text = keras3_batches(3, 5)
    monitor = read(text)
    assert len(monitor.store["loss"]) == 15
    assert steps(monitor, "loss") == list(range(1, 16))
    # once an epoch ended with no summary, the next epochs' frames are records as they come
    live = Monitor("test.log")
    live.feed(text[: text.index("  3/5", text.index("Epoch 3/3"))].encode())
    assert len(live.store["loss"]) >= 12


# tests/corpus/deepamanjunath-assignment1-untitled81-ipynb-keras-multi-output-replayed-lines (holdout21h):
# Colab saved a fit's output replayed from its start inside epoch 9: epoch 1's line again, then
# "Epoch 2/200" and epoch 2's line again, times and all, up to epoch 8, then epoch 9 for real.
LINE = "360/360 [==============================] - {s}s {ms}ms/step - loss: {loss} - val_loss: {val}"
FIT = [(177, 491, "0.4332", "0.4321"), (150, 416, "0.4222", "0.4301"), (146, 406, "0.4197", "0.4290")]


def test_a_fit_replayed_from_its_start_gives_no_second_record():
    lines = []
    for epoch, (s, ms, loss, val) in enumerate(FIT, 1):
        lines += [f"Epoch {epoch}/200", LINE.format(s=s, ms=ms, loss=loss, val=val)]
    lines += ["Epoch 4/200", "197/360 [===============>..............] - ETA: 1:06 - loss: 0.4100"]
    lines.append(LINE.format(s=177, ms=491, loss="0.4332", val="0.4321"))  # the replay: epoch 1's line ...
    for epoch, (s, ms, loss, val) in list(enumerate(FIT, 1))[1:]:  # ... then each header and line again
        lines += [f"Epoch {epoch}/200", LINE.format(s=s, ms=ms, loss=loss, val=val)]
    lines += ["Epoch 4/200", LINE.format(s=153, ms=424, loss="0.4099", val="0.4280")]
    store = read("\n".join(lines) + "\n").store
    assert store["val_loss"].values.tolist() == [0.4321, 0.4301, 0.4290, 0.4321, 0.4280]  # (the headerless copy stays)
    # a second fit that starts again at epoch 1 takes its own times: its records are kept
    again = lines[:6] + ["Epoch 1/200", LINE.format(s=160, ms=444, loss="0.4332", val="0.4321")]
    assert len(read("\n".join(again) + "\n").store["val_loss"]) == 4


def test_the_replayed_notebook():
    from lossmon.engine import check_file

    monitor = check_file(str(CORPUS / "deepamanjunath-assignment1-untitled81-ipynb-keras-multi-output-replayed-lines"
                             / "Untitled81.ipynb"))
    assert len(monitor.store["loss"]) == 64  # 63 epochs, and the one replayed line that follows no header


def test_a_fit_stopped_in_an_epoch_ends_on_a_frame_not_a_record():
    """devan5622's Untitled92.ipynb (holdout21k), saved after its kernel was stopped in epoch 5: the
    epochs end with a summary (a checkpoint line, then the epoch's line with val_loss), so the last
    frame, which shows the time left, is no record of epoch 5."""
    log = (
        "Epoch 4/50\n"
        "16/16 [==============================] - ETA: 0s - loss: 8.2752 - accuracy: 0.5215 \n"
        "Epoch 4: val_accuracy did not improve from 0.53711\n"
        "16/16 [==============================] - 724s 46s/step - loss: 8.2752 - accuracy: 0.5215 - val_loss: 19.4404 - val_accuracy: 0.5059\n"
        "Epoch 5/50\n"
        "16/16 [==============================] - ETA: 0s - loss: 9.5673 - accuracy: 0.5312 \n"
    )
    store = read(log).store
    assert store["loss"].values.tolist() == [8.2752]
    assert store["val_loss"].values.tolist() == [19.4404]
