"""A bare "loss" in a record that names its training loss (issue 12): hot_expert_predictor's
train_history.json (tests/corpus/hot-expert-predictor-train-history-json) appends
``{**eval_metrics, "epoch": epoch, "train_loss": train_loss}`` each epoch, so the evaluation's own
"loss" (beside its recall@k and ndcg@k) stands next to "train_loss". The record says which is the
training loss: the bare one is the held-out pass's, and "loss" is no longer taken as the train
loss with no validation at all."""

import json

from parse_helpers import read

# (the first three records of that file, as json.dump(history, f, indent=2) wrote them)
_RECORDS = [
    {"recall@4": 0.1802777796983719, "recall@8": 0.22831597924232483, "ndcg@4": 0.34261080622673035,
     "ndcg@8": 0.36617353558540344, "loss": 46.653470516204834, "epoch": 1, "train_loss": 51.56031866073609},
    {"recall@4": 0.2349189817905426, "recall@8": 0.30092012882232666, "ndcg@4": 0.4322926104068756,
     "ndcg@8": 0.45785391330718994, "loss": 41.4199059009552, "epoch": 2, "train_loss": 45.77556676864624},
    {"recall@4": 0.2488541603088379, "recall@8": 0.31937500834465027, "ndcg@4": 0.4578145444393158,
     "ndcg@8": 0.4874480664730072, "loss": 39.84010720252991, "epoch": 3, "train_loss": 42.46098852157593},
]


def test_the_bare_loss_of_a_json_history_is_the_held_out_loss():
    store = read(json.dumps(_RECORDS, indent=2) + "\n").store
    assert (store.primary_train, store.primary_val) == ("train_loss", "loss")
    assert store["loss"].split == "val"
    assert store["loss"].values.tolist() == [46.653470516204834, 41.4199059009552, 39.84010720252991]
    assert store["train_loss"].values.tolist() == [51.56031866073609, 45.77556676864624, 42.46098852157593]


def test_the_same_records_as_json_lines():
    store = read("".join(json.dumps(record) + "\n" for record in _RECORDS)).store
    assert (store.primary_train, store.primary_val) == ("train_loss", "loss")


def test_a_bare_loss_beside_a_held_out_loss_stays_the_training_loss():
    # "loss", "train_loss" and "val_loss" in one record: no telling the bare one's pass, left as it was
    records = [{"epoch": e, "loss": 0.5 - e / 20, "train_loss": 0.52 - e / 20, "val_loss": 0.6 - e / 30} for e in range(1, 4)]
    store = read("".join(json.dumps(record) + "\n" for record in records)).store
    assert store["loss"].split == "train"
    assert store.primary_val == "val_loss"


def test_a_bare_loss_alone_stays_the_training_loss():
    records = [{"epoch": e, "loss": 0.5 - e / 20, "recall@4": 0.2 + e / 50} for e in range(1, 4)]
    store = read(json.dumps(records, indent=2) + "\n").store
    assert (store.primary_train, store.primary_val) == ("loss", None)
