"""A ``name value`` pair after a run of rule or arrow characters glued to its name (issue 12):
``**************val_loss 5.197523`` is the validation loss, whatever decorates it. Real lines:
tests/corpus/faceboxes-tf-tensorpack-total-loss-val-loss-stars (FaceBoxes, tensorpack logging:
iteration lines every 10 iterations, the val loss once per epoch behind a run of stars).
"""

import pytest
from parse_helpers import CORPUS, read

from lossmon.engine.formats.pairs import message_pairs

FACEBOXES = (
    "[2019-07-28 15:51:01,910] [INFO] epoch 0: iter 480, total_loss=6.712887 loc_loss=3.822694 cla_loss=2.472195 "
    "l2_loss=0.416024 learn_rate =1.000000e-03 (38.5 examples/sec; 0.832 sec/batch) fetch data time = 0.679626run time = 0.152380 \n"
    "[2019-07-28 15:51:08,049] [INFO] epoch 0: iter 490, total_loss=6.784494 loc_loss=3.892386 cla_loss=2.474156 "
    "l2_loss=0.415986 learn_rate =1.000000e-03 (40.2 examples/sec; 0.796 sec/batch) fetch data time = 0.650312run time = 0.145921 \n"
    "[2019-07-28 15:51:13,930] [INFO] epoch 0: iter 500, total_loss=6.837327 loc_loss=3.919194 cla_loss=2.500223 "
    "l2_loss=0.415948 learn_rate =1.000000e-03 (44.7 examples/sec; 0.716 sec/batch) fetch data time = 0.575032run time = 0.141141 \n"
    "[2019-07-28 15:51:48,410] [INFO] **************val_loss 5.197523  \n"
    "[2019-07-28 15:51:48,410] [INFO] A new low loss model  saved as ./model/epoch_0L2_0.0005.ckpt \n"
    " \n"
    "[2019-07-28 15:56:37,108] [INFO] epoch 1: iter 1000, total_loss=6.175317 loc_loss=3.377055 cla_loss=2.382314 "
    "l2_loss=0.415948 learn_rate =1.000000e-03 (44.7 examples/sec; 0.716 sec/batch) fetch data time = 0.575032run time = 0.141141 \n"
    "[2019-07-28 15:57:15,366] [INFO] **************val_loss 4.431053  \n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 53))
def test_the_val_loss_behind_a_run_of_stars_is_the_held_out_series(chunk):
    monitor = read(FACEBOXES, chunk=chunk)
    val = monitor.store["val_loss"]
    assert list(val.values) == [5.197523, 4.431053]
    assert list(val.steps) == [500, 1000]  # at the train step it follows
    assert monitor.store.primary_val == "val_loss"
    assert len(monitor.store["total_loss"]) == 4


@pytest.mark.parametrize(
    "text,expected",
    [
        ("**************val_loss 5.197523  ", [("val_loss", 5.197523)]),
        ("----------val_loss: 5.19", [("val_loss", 5.19)]),
        ("=====>loss: 0.5312 ", [("loss", 0.5312)]),
        ("====>val_loss 5.19", [("val_loss", 5.19)]),
        # a banner of three "#" or more glued to a pair decorates it, like any rule
        ("##########iter 1: loss 2.999, time 10.00ms", [("iter", 1.0), ("loss", 2.999), ("time", 10.0)]),
        ("#####val_loss 0.52", [("val_loss", 0.52)]),
        ("##### Epoch 3 ##### train_loss: 0.4", [("Epoch", 3.0), ("train_loss", 0.4)]),
        # one or two "#" start a comment: a commented-out line of a config dump holds no data
        ("# loss: 0.3", []),
        ("#lr=0.0001", []),
        ("## BASE_LR: 0.02", []),
        # "#3" numbers what follows: no comment
        ("#3 loss: 0.5", [("loss", 0.5)]),
        ("Epoch:3/10=====>Loss:0.53", [("Epoch", 3.0), ("Loss", 0.53)]),
        ("********************val_Loss: 0.1234********************", [("val_Loss", 0.1234)]),
        # a command line's short flags are no decoration: still no data
        ("python train.py --lr 0.001 --batch_size 32", []),
    ],
)
def test_decoration_glued_to_a_name_does_not_hide_the_pair(text, expected):
    assert [(pair.name, pair.value) for pair in message_pairs(text)] == expected


# A script that prints its held-out loss behind a banner of "#" (print("#" * 5 + f"val_loss {v}")),
# between iteration lines, and a resumed run that dumps its YAML config again, with a
# commented-out setting named like a metric.
BANNERS = (
    "epoch 0: iter 480, total_loss=6.712887 lr=1.000000e-03\n"
    "epoch 0: iter 490, total_loss=6.784494 lr=1.000000e-03\n"
    "epoch 0: iter 500, total_loss=6.837327 lr=1.000000e-03\n"
    "#####val_loss 5.197523\n"
    "##### Epoch 1 ##### val_acc: 0.41\n"
    "epoch 1: iter 990, total_loss=6.275317 lr=1.000000e-03\n"
    "epoch 1: iter 1000, total_loss=6.175317 lr=1.000000e-03\n"
    "#####val_loss 4.431053\n"
    "##### Epoch 2 ##### val_acc: 0.47\n"
    "SOLVER:\n"
    "  # lr: 0.02\n"
    "  #total_loss: 1.0\n"
    "  MAX_ITER: 18500\n"
    "epoch 2: iter 1010, total_loss=6.075317 lr=1.000000e-03\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 41))
def test_a_banner_of_hashes_decorates_a_pair_and_a_commented_setting_is_no_record(chunk):
    monitor = read(BANNERS, chunk=chunk)
    val = monitor.store["val_loss"]
    assert list(val.values) == [5.197523, 4.431053]
    assert list(val.steps) == [500, 1000]
    assert list(monitor.store["val_acc"].values) == [0.41, 0.47]
    assert monitor.store.primary_val == "val_loss"
    assert list(monitor.store["total_loss"].steps) == [480, 490, 500, 990, 1000, 1010]
    assert list(monitor.store["lr"].values) == [1e-3] * 6


# tests/corpus/sentiment-api-hash-end-of-epoch-log-txt (aayush9753/sentiment_analysis_api
# saved/log.txt, lines 1-3, CRLF): a print that opens on "#" glued to its words, its step first and
# the losses after it. A record, not a comment; a comment's settings ("# epochs: 10, lr: 0.001",
# "# loss: 0.1") name no step before a loss and stay comments.
HASH_EPOCHS = (
    "#End of Epoch: 1  |  Train Loss: 0.750  |  Val Loss: 0.698  |  Train Acc: 47.49%  |  Val Acc: 50.00%\r\n"
    "#End of Epoch: 2  |  Train Loss: 0.675  |  Val Loss: 0.697  |  Train Acc: 56.40%  |  Val Acc: 50.00%\r\n"
    "#End of Epoch: 3  |  Train Loss: 0.663  |  Val Loss: 0.696  |  Train Acc: 59.44%  |  Val Acc: 50.00%\r\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 43))
def test_a_stepped_record_behind_a_hash_is_no_comment(chunk):
    store = read(HASH_EPOCHS, chunk=chunk).store
    assert (store.primary_train, store.primary_val) == ("Train Loss", "Val Loss")
    assert store["Train Loss"].values.tolist() == [0.750, 0.675, 0.663]
    assert store["Val Loss"].steps.tolist() == [1, 2, 3]
    settings = "".join(f"# epochs: 1{n}, lr: 0.00{n}\n# loss: 0.{n}\n" for n in range(1, 6))
    assert not [series.name for series in read(settings).store]


def test_the_whole_hash_epoch_log():
    store = read((CORPUS / "sentiment-api-hash-end-of-epoch-log-txt" / "log.txt").read_bytes()).store
    assert len(store["Train Loss"]) == len(store["Val Loss"]) == 50


# eelxpeng/dec-pytorch's mnist.log (holdout23d): a stacked denoising autoencoder's layer-wise
# pretraining prints each epoch behind "#", the first epoch with its validation loss only.
MARKED_EPOCHS = """\
#Epoch 0: Valid Reconstruct Loss: 1.4832
#Epoch   1: Reconstruct Loss: 0.5263, Valid Reconstruct Loss: 0.3031
#Epoch   2: Reconstruct Loss: 0.2756, Valid Reconstruct Loss: 0.2277
#Epoch   3: Reconstruct Loss: 0.2367, Valid Reconstruct Loss: 0.1989
Switching to learning rate 0.010000
#Epoch   4: Reconstruct Loss: 0.2196, Valid Reconstruct Loss: 0.1838
"""


def test_epochs_printed_behind_a_comment_mark_are_records():
    store = read(MARKED_EPOCHS).store
    assert store["Reconstruct Loss"].values.tolist() == [0.5263, 0.2756, 0.2367, 0.2196]
    assert store["Reconstruct Loss"].steps.tolist() == [1.0, 2.0, 3.0, 4.0]
    assert (store.primary_train, store.primary_val) == ("Reconstruct Loss", "Valid Reconstruct Loss")
    assert read("# epochs: 10, lr: 0.001\n# Epoch 3 of the schedule: lr 0.1\n").store.primary_train is None
