"""A step word glued to its number (issue 12, holdout7): ``Load file: None, EP0, avg_loss=0.0010``
(``print(f"EP{epoch}, avg_loss=...")``) was read as one loss with no step, which alone is no
record; "EP0" is the epoch."""

from parse_helpers import CORPUS, read, records

from lossmon.engine.formats.pairs import message_pairs

# LwbXc/DPBL @7f4b34f logs/train.txt: tests/corpus/dpbl-load-file-ep-avg-loss-restarts (three runs)
_LOG = (CORPUS / "dpbl-load-file-ep-avg-loss-restarts" / "train.txt").read_bytes()


def _pairs(text: str) -> list[tuple[str, float]]:
    return [(pair.name, pair.value) for pair in message_pairs(text)]


def test_a_glued_step_word_before_the_values_is_the_step():
    assert _pairs("Load file: None, EP0, avg_loss=0.0010") == [("epoch", 0.0), ("avg_loss", 0.001)]
    assert _pairs("Epoch12 | loss: 0.3") == [("epoch", 12.0), ("loss", 0.3)]
    assert _pairs("[ep3] train_loss=0.5, val_loss=0.6") == [("epoch", 3.0), ("train_loss", 0.5), ("val_loss", 0.6)]
    assert _pairs("iter1500/20000 loss=0.2") == [("iter", 1500.0), ("loss", 0.2)]
    assert _pairs("epoch_3, loss=0.5") == [("epoch", 3.0), ("loss", 0.5)]


def test_a_glued_step_is_not_the_first_word_of_the_name_after_it():
    assert _pairs("Epoch5 val loss: 0.52") == [("epoch", 5.0), ("val loss", 0.52)]
    assert _pairs("Step7  train loss 0.41  lr 0.001") == [("step", 7.0), ("train loss", 0.41), ("lr", 0.001)]


def test_a_step_word_inside_a_name_or_a_path_is_no_step():
    assert _pairs("saved ckpt_ep3, loss=0.2") == [("loss", 0.2)]
    assert _pairs("loaded epoch10.pth, loss=0.2") == [("loss", 0.2)]
    assert _pairs("runs EP0-1, loss=0.2") == [("loss", 0.2)]
    # a line that prints its step keeps it
    assert _pairs("EP3, epoch: 4, loss=0.2") == [("epoch", 4.0), ("loss", 0.2)]


def test_the_dpbl_log_is_an_average_loss_per_epoch():
    store = read(_LOG).store
    assert (store.primary_train, store.primary_val) == ("avg_loss", None)
    assert len(store["avg_loss"]) == 40
    assert store["avg_loss"].steps.tolist()[:6] == [0.0, 0.0, 1.0, 0.0, 1.0, 2.0]  # three runs, appended
    assert store["avg_loss"].values.tolist()[:4] == [0.001, 0.0013, 0.0012, 0.0154]
    assert records(_LOG, fast=True) == records(_LOG, fast=False)
