"""Console tables whose header names the values below it (issue 12, class 4), on real logs.

- data/table_awr.log: JKinx/awr output/log.txt (lines 1-8): a header of names padded with
  blanks, then rows of numbers, CRLF line ends.
- data/table_sb3.log: AlanXiangYuWu/REINFORCEMENT-LEARNING-homework3-4 train.log (lines 1-70):
  stable-baselines3 console tables, ``| train/ |`` sections, dashed rules.
"""

import pytest

from lossmon.engine.formats import detect
from tests.engine.formats.parse_helpers import DATA, read, series, steps


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_whitespace_table_rows_are_named_by_the_header(chunk):
    monitor = read((DATA / "table_awr.log").read_bytes(), chunk=chunk)
    found = series(monitor)
    assert steps(monitor, "Critic_Loss") == [0, 50, 100, 150, 200, 250, 300]
    assert monitor.store["Critic_Loss"].values.tolist()[0] == 0.010988221585171895
    assert monitor.store["Actor_Loss"].values.tolist()[0] == -0.5889755427141597
    assert "Iteration" not in found  # the step column
    assert found["Train_Return"][2] == 7


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_sb3_tables_are_one_record_each(chunk):
    monitor = read((DATA / "table_sb3.log").read_bytes(), chunk=chunk)
    assert monitor.store.primary_train == "train/loss"
    assert monitor.store["train/loss"].values.tolist() == [-0.0269, -0.0288, -0.0342]
    assert steps(monitor, "train/loss") == [19987456, 19988480, 19989504]  # time/total_timesteps
    assert steps(monitor, "rollout/ep_rew_mean") == steps(monitor, "train/loss")


@pytest.mark.parametrize(
    "text",
    [
        "Epoch gpu_mem box obj cls total labels img_size",  # no metric word: not a table header here
        "| epoch   1 |   200/ 2983 batches | lr 20.0000 | ms/batch 11.43 | loss 17.74 |",  # many cells
    ],
)
def test_what_is_not_a_console_table(text):
    fmt = detect(text)
    assert fmt is None or fmt.id not in ("console_table", "boxed_table")
