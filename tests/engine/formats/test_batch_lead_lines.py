"""A line that starts with its batch out of the epoch's batches and prints no epoch (``Batch
80/2500\t Loss 6.90 (6.50)`` under ``==> Epoch 1/1``): the batch is the line's step, counted on
across epochs as ``Epoch: [1][80/2500]`` would be (epoch * batches + batch), with the epoch the
last line printed. Before, a single loss beside a batch counter was a number in a sentence: the
whole log read nothing.

Real lines: tests/corpus/reid-mars-ankit-log-log-train-txt (Video-Person-ReID, AverageMeter
``value (average)``), tests/corpus/mmfrnet-pneumoniamnist-windows (``Batch 0/295, Loss: 0.6176``
under ``Epoch 1/2 (lr=0.01000)``), tests/corpus/pc-transformers-energy-diverges-ppl-inf (no
epoch above the batches).
"""

import pytest
from parse_helpers import CORPUS, read, steps

REID = (
    "Model size: 24.78866M\n"
    "==> Epoch 1/1\n"
    "Batch 80/2500\t Loss 6.901227 (6.501728)\n"
    "Batch 160/2500\t Loss 6.623084 (6.689403)\n"
    "Batch 240/2500\t Loss 6.893158 (6.756009)\n"
    "Batch 320/2500\t Loss 6.857597 (6.800836)\n"
    "Batch 400/2500\t Loss 6.653900 (6.809885)\n"
)

MMFRNET = (
    "Epoch 1/2 (lr=0.01000)\n"
    "  Batch 0/295, Loss: 0.6176\n"
    "  Batch 50/295, Loss: 0.0021\n"
    "  Batch 100/295, Loss: 0.0013\n"
    "  Train Loss: 0.0056, ACC: 1.0000, AUC: nan\n"
    "  Val   Loss: 0.0000, ACC: 1.0000, AUC: nan\n"
    "Epoch 2/2 (lr=0.01000)\n"
    "  Batch 0/295, Loss: 0.0004\n"
    "  Batch 50/295, Loss: 0.0002\n"
    "  Batch 100/295, Loss: 0.0001\n"
    "  Train Loss: 0.0003, ACC: 1.0000, AUC: nan\n"
    "  Val   Loss: 0.0000, ACC: 1.0000, AUC: nan\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 37))
def test_the_current_value_of_each_batch_line_is_a_point_at_its_batch(chunk):
    monitor = read(REID, chunk=chunk)
    assert monitor.store["Loss"].values.tolist() == [6.901227, 6.623084, 6.893158, 6.857597, 6.6539]
    assert steps(monitor, "Loss") == [2580, 2660, 2740, 2820, 2900]
    assert monitor.store.primary_train == "Loss"


def test_the_batches_count_on_across_epochs_and_the_summary_stands_at_the_epochs_last_batch():
    monitor = read(MMFRNET)
    assert steps(monitor, "Loss") == [295, 345, 395, 590, 640, 690]
    assert steps(monitor, "Train Loss") == [395, 690]
    assert monitor.store["Train Loss"].values.tolist() == [0.0056, 0.0003]


def test_without_an_epoch_above_them_the_batch_is_the_step():
    text = "".join(
        f"2025-09-17 09:24:16,788 - INFO -   Batch {b}/5258 | Batch Energy: {3 - b / 1000:.4f} | Perplexity: {b * 10.5:.4f}\n"
        for b in (10, 20, 30, 40)
    )
    assert steps(read(text), "Batch Energy") == [10, 20, 30, 40]


def test_the_whole_reid_log_is_read():
    monitor = read((CORPUS / "reid-mars-ankit-log-log-train-txt" / "log_train.txt").read_bytes())
    assert len(monitor.store["Loss"]) == 31
    assert monitor.store.primary_train == "Loss"


@pytest.mark.parametrize(
    "shape",
    ["Batch {b}/2500 Loss {v} (6.5)", "batch: {b}/2500, loss: {v}", "Batch [{b}/2500] Loss: {v}", "[Batch {b}/2500] loss={v}"],
)
def test_the_batch_may_be_bracketed_or_named_with_a_colon(shape):
    text = "".join(
        f"==> Epoch {epoch}/2\n" + "".join(shape.format(b=b, v=round(7 - b / 1000 - epoch, 3)) + "\n" for b in (80, 160, 240))
        for epoch in (1, 2)
    )
    monitor = read(text)
    (name,) = [series.name for series in monitor.store]
    assert steps(monitor, name) == [2580, 2660, 2740, 5080, 5160, 5240]
