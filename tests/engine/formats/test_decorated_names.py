"""A ``name value`` pair after a run of rule or arrow characters glued to its name (issue 12):
``**************val_loss 5.197523`` is the validation loss, whatever decorates it. Real lines:
tests/corpus/faceboxes-tf-tensorpack-total-loss-val-loss-stars (FaceBoxes, tensorpack logging:
iteration lines every 10 iterations, the val loss once per epoch behind a run of stars).
"""

import pytest
from parse_helpers import read

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
        # a line that starts with "#" is a comment, not decoration (a follower agrees with check)
        ("##########iter 1: loss 2.999, time 10.00ms", [("loss", 2.999), ("time", 10.0)]),
        ("Epoch:3/10=====>Loss:0.53", [("Epoch", 3.0), ("Loss", 0.53)]),
        ("********************val_Loss: 0.1234********************", [("val_Loss", 0.1234)]),
        # a command line's short flags are no decoration: still no data
        ("python train.py --lr 0.001 --batch_size 32", []),
    ],
)
def test_decoration_glued_to_a_name_does_not_hide_the_pair(text, expected):
    assert [(pair.name, pair.value) for pair in message_pairs(text)] == expected
