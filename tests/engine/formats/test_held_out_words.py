"""Held-out losses named in words the split rules did not know (issue 12, holdout6a): a bare
``heldout`` beside ``train``, and a metric named before the pass it summarises ("Evaluation Loss
of the epoch:0.0319"), where the step word next to the colon took the value."""

from parse_helpers import CORPUS, read

from lossmon.engine.formats.pairs import message_pairs
from lossmon.engine.naming import kind_of, split_of

# bjorvack/lorcana-training @664b473 pretrain.log (tests/corpus/lorcana-pretrain-log-train-heldout-eq)
_LORCANA = (CORPUS / "lorcana-pretrain-log-train-heldout-eq" / "pretrain.log").read_text()


def test_heldout_beside_train_is_the_held_out_loss():
    monitor = read(_LORCANA)
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("train", "heldout")
    assert store["heldout"].split == "val" and len(store["heldout"]) == 28
    assert store["heldout"].values.tolist()[:2] == [26.8717, 16.228] and store["heldout"].steps.tolist()[:2] == [1, 2]


def test_held_out_spellings_name_the_validation_split():
    for name in ("heldout", "held-out loss", "held_out_loss", "Heldout/loss"):
        assert split_of(name) == "val" and kind_of(name) == "loss", name
    assert split_of("withheldout") == "train"  # a word holding it is no split word
    assert kind_of("heldout_acc") == "metric"


# Amelioratede/ML-proj @3c0c0d4 trainlog.txt (tests/corpus/ml-proj-sr-trainlog-mov-avg-loss)
_ML_PROJ = (CORPUS / "ml-proj-sr-trainlog-mov-avg-loss" / "trainlog.txt").read_text()


def test_a_metric_of_the_epoch_is_named_by_the_metric_not_by_the_step_word():
    assert [(p.name, p.value) for p in message_pairs("Evaluation Loss of the epoch:0.0319")] == [("Evaluation Loss", 0.0319)]
    assert [(p.name, p.value) for p in message_pairs("Average loss for this epoch: 0.52")] == [("Average loss", 0.52)]
    assert [(p.name, p.value) for p in message_pairs("epoch: 3")] == [("epoch", 3.0)]  # a step word alone is a step
    store = read(_ML_PROJ).store
    assert (store.primary_train, store.primary_val) == ("Mov Avg Loss", "Evaluation Loss")
    assert store["Evaluation Loss"].values.tolist() == [0.0319, 0.0333, 0.0321]
    assert store["Training Loss"].values.tolist() == [0.0366, 0.0354, 0.0354]
    assert len(store["Mov Avg Loss"]) == 120
