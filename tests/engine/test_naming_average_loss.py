"""A loss averaged over each pass beside the same loss logged now and then. gpt-from-zero's
finetune.log (tests/corpus/gpt-from-zero-finetune-log-epoch-average-loss) prints "Epoch N
completed. Average loss: X" every epoch (5) and "Step 50, Loss: X, Avg batch rating: 3.8" twice:
the preferred name "Loss" won with 2 points. The more complete of the two is the curve, as for
Lightning's step and epoch columns."""

from pathlib import Path

from lossmon.engine import check_file
from lossmon.engine.naming import choose_primary

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_the_average_of_the_preferred_loss_wins_when_it_has_more_points():
    rows = [("Loss", "train", "loss", 2), ("Average loss", "train", "loss", 5), ("Avg batch rating", "train", "other", 2)]
    assert choose_primary(rows) == ("Average loss", None)


def test_the_preferred_loss_stays_when_it_has_as_many_points_or_more():
    assert choose_primary([("Loss", "train", "loss", 5), ("Average loss", "train", "loss", 5)])[0] == "Loss"
    assert choose_primary([("loss", "train", "loss", 40), ("avg_loss", "train", "loss", 4)])[0] == "loss"


def test_the_corpus_log():
    monitor = check_file(str(CORPUS / "gpt-from-zero-finetune-log-epoch-average-loss" / "finetune.log"))
    assert monitor.store.primary_train == "Average loss"
    assert monitor.store["Average loss"].values.tolist() == [4.6905, 4.609, 4.4468, 4.3095, 4.252]
