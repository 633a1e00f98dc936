"""A step counter that restarts every epoch under an epoch header is one run (issue 13). Real lines:
tests/corpus/step-loss-equals-indented-val-frame-error (a CNN-TCN regressor: 'Epoch e/25
(device=cuda)', then '  step 00020: loss=0.7674' every 20 steps up to step 01160, then the next
epoch's header and '  step 00020' again). A second run appended to a file (its header says epoch 1
again) is a restart: a new segment."""

import pytest
from parse_helpers import CORPUS, read, steps

RELEASE_FRAME = CORPUS / "step-loss-equals-indented-val-frame-error" / "train.log"


def _epoch(epoch: int, losses: list[float], mean: float) -> str:
    lines = [f"Epoch {epoch}/25 (device=cuda)\n"]
    lines += [f"  step {20 * (i + 1):05d}: loss={loss:.4f}\n" for i, loss in enumerate(losses)]
    lines.append(f"  Val | mean={mean:.2f} median=1.00 ±1=75.86% ±2=86.21% ±3=89.66%\n")
    return "".join(lines)


EPOCHS = (
    _epoch(1, [0.7674, 0.6534, 0.6250, 0.5991, 0.5368, 0.4647], 13.03)
    + _epoch(2, [0.0817, 0.1720, 0.1349, 0.0835, 0.0928, 0.0278], 5.24)
    + _epoch(3, [0.0460, 0.0312, 0.0505, 0.0282, 0.0196, 0.0171], 5.34)
)


@pytest.mark.parametrize("chunk", (1 << 20, 37))
def test_epoch_local_steps_continue_across_epoch_headers(chunk):
    monitor = read(EPOCHS, chunk=chunk)
    loss = monitor.store["loss"]
    assert steps(monitor, "loss") == [20.0 * i for i in range(1, 19)]
    assert loss.segment_starts == [0]  # one run, not three
    assert steps(monitor, "Val/mean") == [120.0, 240.0, 360.0]


def test_a_second_run_appended_to_the_file_is_still_a_restart():
    monitor = read(EPOCHS + "nohup: ignoring input\n" + EPOCHS)
    loss = monitor.store["loss"]
    assert loss.segment_starts == [0, 18]
    assert steps(monitor, "loss") == [20.0 * i for i in range(1, 19)] * 2


def test_epoch_local_steps_counted_from_zero_do_not_repeat_a_step():
    text = "".join(
        f"Epoch {e}\n" + "".join(f"step {s} loss={1.0 / (e * 10 + s + 1):.4f}\n" for s in range(0, 30, 10))
        for e in (1, 2, 3)
    )
    assert steps(read(text), "loss") == [0.0, 10.0, 20.0, 21.0, 31.0, 41.0, 42.0, 52.0, 62.0]


def test_the_release_frame_capture_is_one_run():
    monitor = read(RELEASE_FRAME.read_bytes())
    loss = steps(monitor, "loss")
    assert len(loss) == 521 and loss == sorted(loss) and len(set(loss)) == 521
    assert monitor.store["loss"].segment_starts == [0]
    # 58 prints per epoch, the last at step 1160: epoch 9's step 1140 is 8 * 1160 + 1140
    assert loss[57:59] == [1160.0, 1180.0] and loss[-1] == 8 * 1160 + 1140


def test_a_step_that_goes_back_without_a_new_epoch_header_is_not_carried_on():
    # A held-out pass counting its own batches inside epoch 2 is no new epoch and no restart: the
    # epoch's offset stays, and the train steps after the pass continue where they were.
    text = (
        _epoch(1, [0.7674, 0.6534, 0.6250], 13.03)
        + "Epoch 2/25 (device=cuda)\n  step 00020: loss=0.5991\n  step 00040: loss=0.5368\n"
        + "  step 00010: val_loss=0.6012\n  step 00020: val_loss=0.5944\n"
        + "  step 00060: loss=0.4647\n"
    )
    monitor = read(text)
    assert steps(monitor, "loss") == [20.0, 40.0, 60.0, 80.0, 100.0, 120.0]
    assert monitor.store["loss"].segment_starts == [0]
