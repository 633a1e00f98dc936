"""An epoch's summary line that reuses the per-batch key (issue 12): ``Epoch 1/5 | Loss: 1.9121``
after ``  Batch 10/215 | Loss: 2.2790`` lines is the epoch's mean, a series of its own, not one
more point of the batch series. Real lines: tests/corpus/deepfake-multimodal-batch-loss-and-
epoch-summary (21 batch lines an epoch, then the summary with the same ``Loss`` key).
"""

import pytest
from parse_helpers import CORPUS, read

DEEPFAKE = CORPUS / "deepfake-multimodal-batch-loss-and-epoch-summary" / "training.log"

TWO_EPOCHS = (
    "Starting Training...\n"
    "  Batch 10/215 | Loss: 2.2790\n"
    "  Batch 20/215 | Loss: 2.2715\n"
    "  Batch 30/215 | Loss: 2.4214\n"
    "  Batch 40/215 | Loss: 2.2706\n"
    "Epoch 1/5 | Loss: 1.9121 | Accuracy: 0.7035\n"
    "\n"
    "Saved checkpoint: models\\checkpoint_epoch1.pth\n"
    "Epoch 2: Freezing ResNet18 backbones...\n"
    "  Batch 10/215 | Loss: 2.1527\n"
    "  Batch 20/215 | Loss: 1.8783\n"
    "  Batch 30/215 | Loss: 1.3146\n"
    "Epoch 2/5 | Loss: 1.5914 | Accuracy: 0.8555\n"
)


def values(monitor, name):
    return [float(value) for value in monitor.store[name].values]


@pytest.mark.parametrize("chunk", (1 << 20, 37))
def test_an_epoch_line_with_the_batch_key_is_its_own_series(chunk):
    monitor = read(TWO_EPOCHS, chunk=chunk)
    assert values(monitor, "Loss") == [2.2790, 2.2715, 2.4214, 2.2706, 2.1527, 1.8783, 1.3146]
    assert values(monitor, "epoch/Loss") == [1.9121, 1.5914]
    assert values(monitor, "Accuracy") == [0.7035, 0.8555]
    assert monitor.store.primary_train == "Loss"


def test_an_epoch_counter_beside_a_batch_counter_is_a_batch_line():
    # "Epoch 10 Batch 100/781 Loss: ..." lines are the batches (an epoch and a batch counter);
    # "Epoch 10 | Loss: ..." (the epoch alone) is the epoch's mean
    log = "".join(f"Epoch 10 Batch {batch}00/781 Loss: 2.29{batch}41 Accuracy: 0.{batch}1\n" for batch in range(1, 5))
    monitor = read(log + "Epoch 10 | Loss: 2.2953\n" + log.replace("Epoch 10", "Epoch 11") + "Epoch 11 | Loss: 2.2803\n")
    assert len(monitor.store["Loss"]) == 8
    assert values(monitor, "epoch/Loss") == [2.2953, 2.2803]


def test_epoch_lines_alone_stay_the_loss_series():
    # no per-batch lines log the key: the epoch lines are the series, under their own name
    monitor = read("".join(f"Epoch {epoch}/5 | Loss: {2 - epoch / 10} | Accuracy: 0.{epoch}\n" for epoch in range(1, 6)))
    assert values(monitor, "Loss") == [1.9, 1.8, 1.7, 1.6, 1.5]
    assert "epoch/Loss" not in monitor.store


def test_the_corpus_log_keeps_its_105_batch_points():
    monitor = read(DEEPFAKE.read_bytes())
    assert len(monitor.store["Loss"]) == 105
    assert values(monitor, "epoch/Loss") == [1.9121, 1.5914, 1.5475, 1.3931, 1.3403]


def test_a_learning_rate_on_the_epoch_line_is_one_more_point_of_its_schedule():
    # finch's '|'-separated prints (tests/corpus/finch-concat-conv1d-imdb-test-md): the epoch line
    # repeats lr, the schedule's value where the epoch ends, not an epoch mean
    steps = "".join(
        f"Epoch 1/2 | Step {step}/781 | train_loss: 0.4{step // 50} | train_acc: 0.8125 | lr: 0.00{48 - step // 50}\n"
        for step in range(50, 251, 50)
    )
    monitor = read(steps + "Epoch 1/2 | train_loss: 0.1376 | train_acc: 1.0000 | test_loss: 0.2545 | lr: 0.0042\n")
    assert "epoch/lr" not in monitor.store
    assert values(monitor, "lr")[-1] == 0.0042
    assert values(monitor, "epoch/train_loss") == [0.1376]
