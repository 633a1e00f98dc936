"""A loss printed only in a progress bar's description (``pbar.set_description(f"train loss:
{loss:.4f}")``): each frame's description is data, even with a single metric and no step."""

import pytest
from parse_helpers import CORPUS, read

# wondongee/QuantGAN_mvfit's W&B output.log (a GAN's losses in its tqdm description)
GAN_FRAME = "Discriminator Loss: -0.00009543 Generator Loss: -0.49751121:   5%|▌         | 5/100 [06:24<2:01:47, 76.93s/it]\n"

# tqdm's frame format with a one-metric description, as a W&B output.log keeps each last frame
ONE_METRIC = "".join(
    f"train loss: {loss:.4f}: 100%|██████████| 100/100 [00:22<00:00,  4.41it/s]\n" for loss in (0.5321, 0.4321, 0.3321)
)


def test_a_single_metric_in_a_bar_description_is_a_record():
    monitor = read(ONE_METRIC)
    assert monitor.store.primary_train == "train loss"
    assert monitor.store["train loss"].values.tolist() == [0.5321, 0.4321, 0.3321]


def test_two_losses_in_a_bar_description():
    frames = GAN_FRAME + GAN_FRAME.replace("-0.4975", "-0.5975") + GAN_FRAME.replace("-0.4975", "-0.6975")
    monitor = read(frames)
    assert monitor.store["Generator Loss"].values.tolist() == [-0.49751121, -0.59751121, -0.69751121]


def test_a_sentence_before_a_bar_is_not_a_description():
    monitor = read("".join(f"Saved checkpoint with loss {v}: 100%|██████████| 3/3 [00:01<00:00]\n" for v in (0.5, 0.4, 0.3)))
    assert "loss" not in monitor.store


# tests/corpus/emnist-cnn-tqdm-epoch-batch-loss-frames (AkhilP9182/EMNIST-Images-Classification-
# using-CNN training_logs.txt): each batch sets the description, drawn at once and again as the
# bar advances; the capture turned every frame's "\r" into "\r\r\n\r\n\r\n".
EMNIST = (CORPUS / "emnist-cnn-tqdm-epoch-batch-loss-frames" / "training_logs.txt").read_bytes()


@pytest.mark.parametrize("chunk", (1 << 20, 997))
def test_a_description_drawn_twice_is_one_record(chunk):
    monitor = read(EMNIST, chunk=chunk)
    loss = monitor.store["Loss"]
    assert len(loss) == 205  # batches 0-204 of epoch 0, each drawn twice
    assert loss.values[:3].tolist() == [4.125688, 4.122197, 4.123782]
    assert "Batch_id" not in monitor.store  # a counter, no series


def test_a_description_that_changes_is_a_record_each_time():
    frames = "".join(
        f"Epoch=0 | Batch_id={b} | Loss={loss}:   0%|          | {b}/341 [00:00<03:08,  1.80it/s]\n"
        for b, loss in enumerate((4.125688, 4.125688, 4.122197))
    )
    assert len(read(frames).store["Loss"]) == 3  # the batch differs: three records, one value twice
