"""A tqdm bar draws its postfix again as its count moves on (issue 12): a loop that calls
``set_postfix(loss=...)`` once a step shows each value twice, at the count it was set at and at
the next (minitorch's ``Training (epoch 0 / 20):   0%| | 0/157 [..., loss=9.42, lr=0.02,
tokens_per_sec=314]`` then ``1%| | 1/157 [..., loss=9.42, lr=0.02, tokens_per_sec=314]``,
tests/corpus/minitorch-tqdm-postfix-only-loss-glued-timing; Lightning's bar likewise, see
test_lightning_redrawn_frames). The same figure of the same bar drawn again is one record, as a
description drawn again is."""

from parse_helpers import read

# (real frames of that capture, one "\r" apart as tqdm writes them)
_FRAMES = [
    "Training (epoch 0 / 20):   0%|          | 0/157 [00:15<?, ?it/s, loss=9.42, lr=0.02, tokens_per_sec=314]",
    "Training (epoch 0 / 20):   1%|          | 1/157 [00:15<41:21, 15.91s/it, loss=9.42, lr=0.02, tokens_per_sec=314]",
    "Training (epoch 0 / 20):   1%|          | 1/157 [00:30<41:21, 15.91s/it, loss=8.67, lr=0.02, tokens_per_sec=341]",
    "Training (epoch 0 / 20):   1%|▏         | 2/157 [00:30<39:10, 15.17s/it, loss=8.67, lr=0.02, tokens_per_sec=341]",
    "Training (epoch 0 / 20):   1%|▏         | 2/157 [00:45<39:10, 15.17s/it, loss=8.02, lr=0.02, tokens_per_sec=344]",
    "Training (epoch 0 / 20):   2%|▏         | 3/157 [00:45<38:11, 14.88s/it, loss=8.02, lr=0.02, tokens_per_sec=344]",
    "Training (epoch 0 / 20):   2%|▏         | 3/157 [00:59<38:11, 14.88s/it, loss=7.5, lr=0.02, tokens_per_sec=347]",
    "Training (epoch 0 / 20):   3%|▎         | 4/157 [00:59<37:27, 14.69s/it, loss=7.5, lr=0.02, tokens_per_sec=347]",
]


def test_a_postfix_drawn_again_as_the_count_moves_on_is_one_record():
    store = read("Training (epoch 0 / 20):   0%|          | 0/157 [00:00<?, ?it/s]\r" + "\r".join(_FRAMES) + "\n").store
    assert store["loss"].values.tolist() == [9.42, 8.67, 8.02, 7.5]
    assert store["tokens_per_sec"].values.tolist() == [314, 341, 344, 347]


def test_the_same_when_each_frame_is_a_line_of_its_own():
    store = read("\n".join(_FRAMES) + "\n").store
    assert store["loss"].values.tolist() == [9.42, 8.67, 8.02, 7.5]


def test_a_value_printed_again_by_another_bar_stays_a_record():
    # one finished bar a line, an epoch each (tests/corpus/deeplense-ft-log-md): two epochs may end
    # on the same rounded loss, still two points
    lines = [
        f"Epoch {e}/50 [FT]: 100%|██████████| 157/157 [01:5{e}<00:00,  1.3{e}it/s, loss={loss}]"
        for e, loss in ((3, "0.787"), (4, "0.671"), (5, "0.671"), (6, "0.678"))
    ]
    store = read("\n".join(lines) + "\n").store
    assert store["loss"].values.tolist() == [0.787, 0.671, 0.671, 0.678]
