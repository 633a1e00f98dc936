"""Keras 3 draws its progress bar with "=" instead of "━" where stdout cannot encode "━" (its
io_utils falls back to the Keras 2 character: a Windows console, a redirect there), and with no
brackets: "35/35 ==================== 42s 899ms/step - loss: 0.8803 - val_loss: 0.4290". Those are
Keras 3 frames all the same: the epoch's summary (its validation values) is its record, the
frames before it are running figures (issue 12), not a record per step.

Real lines: tests/corpus/ocularsurface-keras-utf16-powershell-log/training_log.txt
(192210154/ocularsurfaceai, a PowerShell "> training_log.txt 2>&1" capture, UTF-16LE with CRLF,
ANSI colours kept).
"""

import pytest
from parse_helpers import CORPUS, read, steps

from lossmon.engine.formats.auto import detect

OCULAR = CORPUS / "ocularsurface-keras-utf16-powershell-log" / "training_log.txt"

ESC = "\x1b"
# training_log.txt lines 76-80 and 109-118 (decoded), ANSI escapes and CRLF as they are
FRAMES = (
    "Epoch 1/8\r\n"
    "\r\n"
    f"{ESC}[1m 1/35{ESC}[0m {ESC}[37m===================={ESC}[0m {ESC}[1m6:27{ESC}[0m 11s/step - accuracy: 0.2188 - loss: 1.6807\r\n"
    f"{ESC}[1m 2/35{ESC}[0m {ESC}[32m={ESC}[0m{ESC}[37m==================={ESC}[0m {ESC}[1m26s{ESC}[0m 817ms/step - accuracy: 0.2031 - loss: 1.7387\r\n"
    f"{ESC}[1m34/35{ESC}[0m {ESC}[32m==================={ESC}[0m{ESC}[37m={ESC}[0m {ESC}[1m0s{ESC}[0m 652ms/step - accuracy: 0.5132 - loss: 1.2419\r\n"
    f"{ESC}[1m35/35{ESC}[0m {ESC}[32m===================={ESC}[0m{ESC}[37m{ESC}[0m {ESC}[1m0s{ESC}[0m 652ms/step - accuracy: 0.5191 - loss: 1.2316\r\n"
    f"{ESC}[1m35/35{ESC}[0m {ESC}[32m===================={ESC}[0m{ESC}[37m{ESC}[0m {ESC}[1m42s{ESC}[0m 899ms/step - accuracy: 0.7205 - loss: 0.8803 - val_accuracy: 0.8929 - val_loss: 0.4290 - learning_rate: 0.0010\r\n"
    "Epoch 2/8\r\n"
    "\r\n"
    f"{ESC}[1m 1/35{ESC}[0m {ESC}[37m===================={ESC}[0m {ESC}[1m1:12{ESC}[0m 2s/step - accuracy: 0.9375 - loss: 0.3943\r\n"
    f"{ESC}[1m 2/35{ESC}[0m {ESC}[32m={ESC}[0m{ESC}[37m==================={ESC}[0m {ESC}[1m21s{ESC}[0m 657ms/step - accuracy: 0.9062 - loss: 0.4578\r\n"
    f"{ESC}[1m35/35{ESC}[0m {ESC}[32m===================={ESC}[0m{ESC}[37m{ESC}[0m {ESC}[1m0s{ESC}[0m 1s/step - accuracy: 0.9707 - loss: 0.1529\r\n"
    f"{ESC}[1m35/35{ESC}[0m {ESC}[32m===================={ESC}[0m{ESC}[37m{ESC}[0m {ESC}[1m50s{ESC}[0m 1s/step - accuracy: 0.9670 - loss: 0.1598 - val_accuracy: 0.9607 - val_loss: 0.1438 - learning_rate: 0.0010\r\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_ascii_bar_frames_before_an_epoch_summary_are_no_records(chunk):
    monitor = read(FRAMES, chunk=chunk)
    store = monitor.store
    assert store["loss"].values.tolist() == [0.8803, 0.1598]
    assert store["val_loss"].values.tolist() == [0.429, 0.1438]
    assert steps(monitor, "loss") == [35, 70]
    assert (store.primary_train, store.primary_val) == ("loss", "val_loss")


def test_the_utf16_powershell_capture_has_a_record_per_epoch():
    store = read(OCULAR.read_bytes()).store
    # 8 epochs of the head, then the fine-tuning fit's first (the prefix ends inside its second)
    assert len(store["loss"]) == len(store["val_loss"]) == 9
    assert store["loss"].values.tolist()[-1] == 0.3603
    assert store["val_loss"].values.tolist()[-1] == 0.1601


@pytest.mark.parametrize(
    "text",
    (
        "1/3 ==================== Running stage 2",  # a separator after a counter, no step timing
        "2/10 ====== 5 files 3s/step",  # no ETA or time before the time per step
    ),
)
def test_a_run_of_equals_without_keras_timing_is_no_keras_frame(text):
    fmt = detect(text, line=2)
    assert fmt is None or fmt.id != "keras"
