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


def test_an_average_without_the_split_word_of_the_preferred_loss():
    """PaddleViT's train loop (cpones/paddle log_train.txt, holdout21a): "Epoch[001/100],
    Step[0100/0196], Avg Loss: 1.0198, Avg Acc: 0.7605" twice an epoch, then "----- Epoch[001/100],
    Train Loss: 1.0238, Train Acc: 0.7581": the same loss averaged over the epoch so far, twice as
    often; the epoch's line says which pass, the step lines need not."""
    rows = [("Avg Loss", "train", "loss", 200), ("Avg Acc", "train", "metric", 200), ("Train Loss", "train", "loss", 100)]
    assert choose_primary(rows) == ("Avg Loss", None)
    # a held-out average is no average of the train loss
    assert choose_primary([("Train Loss", "train", "loss", 10), ("Avg Val Loss", "val", "loss", 20)]) == ("Train Loss", "Avg Val Loss")
