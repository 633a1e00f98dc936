"""Lightning logs one training loss as two columns, per step and per epoch (``train_loss_step``,
``train_loss_epoch``): the more complete of the two is the primary curve, as for every pair of
preferred names (lossmon.engine.naming.choose_primary). Real files: tests/corpus
rl-bem-lightning-metrics-csv (13 steps an epoch, logged every 50 steps: the step column has 13
rows in 50 epochs) and lightning-slm-training-metrics (thousands of steps an epoch: the step column
is the fuller one).
"""

from pathlib import Path

from lossmon.engine import check_file
from lossmon.engine.naming import choose_primary

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _lightning(step_rows: int, epoch_rows: int) -> list[tuple[str, str, str, int]]:
    return [
        ("train_loss_step", "train", "loss", step_rows),
        ("train_loss_epoch", "train", "loss", epoch_rows),
        ("val_loss", "val", "loss", epoch_rows),
    ]


def test_the_fuller_of_the_step_and_epoch_columns_is_the_curve():
    assert choose_primary(_lightning(step_rows=13, epoch_rows=50)) == ("train_loss_epoch", "val_loss")
    assert choose_primary(_lightning(step_rows=764, epoch_rows=2)) == ("train_loss_step", "val_loss")
    assert choose_primary(_lightning(step_rows=20, epoch_rows=20)) == ("train_loss_step", "val_loss")  # (a tie: the step)


def test_a_plain_loss_beside_them_keeps_its_place_when_as_complete():
    rows = [("loss", "train", "loss", 50), ("train_loss_epoch", "train", "loss", 50)]
    assert choose_primary(rows)[0] == "loss"


def test_short_epochs_logged_every_fifty_steps():
    store = check_file(str(CORPUS / "rl-bem-lightning-metrics-csv" / "metrics.csv")).store
    assert (store.primary_train, len(store["train_loss_epoch"])) == ("train_loss_epoch", 50)
    assert len(store["train_loss_step"]) == 13
    assert store.primary_val == "val_loss"


def test_long_epochs_logged_every_few_steps():
    store = check_file(str(CORPUS / "lightning-slm-training-metrics" / "metrics.csv")).store
    assert (store.primary_train, len(store["train_loss_step"])) == ("train_loss_step", 764)
