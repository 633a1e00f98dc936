"""``i=150  total=1.83  map=0.30  lag=1.53`` (a Julia run's @printf, many a Python loop's print):
``i`` is the loop's index, the line's step, not a series; and beside that step, ``total`` with a
fraction is the objective (here total = map + lag), even in a log that never spells "loss".

Real lines: tests/corpus/fewstep-ebm-experiments-train-log; tests/corpus/alphazero-gobang-two-line-records
(``batch i:2, episode_len:39`` then the update's ``kl:..,loss:..`` line: the update of batch 2).
"""

from parse_helpers import CORPUS, read, steps

FEWSTEP = (
    "┌ Info: Device\n"
    "└   cuda_functional = true\n"
    "i=50  total=3.64123  map=0.47531  lag=3.16592\n"
    "i=100  total=2.36838  map=0.34447  lag=2.02391\n"
    "i=150  total=1.83097  map=0.30083  lag=1.53014\n"
    "i=200  total=1.84524  map=0.28455  lag=1.56069\n"
    "i=250  total=1.74466  map=0.2935  lag=1.45116\n"
)

ALPHAZERO = (
    "2025-06-04 19:53:31, batch i:1, episode_len:28\n"
    "2025-06-04 19:53:48, batch i:2, episode_len:39\n"
    "kl:0.01113,lr_multiplier:1.000,loss:5.315903186798096,entropy:4.372379302978516,explained_var_old:0.000,explained_var_new:0.106\n"
    "2025-06-04 19:54:08, batch i:3, episode_len:46\n"
    "kl:0.02387,lr_multiplier:1.000,loss:5.188070774078369,entropy:4.342602729797363,explained_var_old:-0.041,explained_var_new:0.241\n"
    "2025-06-04 19:54:26, batch i:4, episode_len:42\n"
    "kl:0.01514,lr_multiplier:1.000,loss:5.076334476470947,entropy:4.332662105560303,explained_var_old:0.093,explained_var_new:0.342\n"
)


def test_the_index_steps_the_line_and_total_is_the_objective():
    monitor = read(FEWSTEP)
    assert {s.name for s in monitor.store} == {"total", "map", "lag"}
    assert steps(monitor, "total") == [50, 100, 150, 200, 250]
    assert monitor.store["total"].values.tolist() == [3.64123, 2.36838, 1.83097, 1.84524, 1.74466]
    assert monitor.store.primary_train == "total"


def test_a_record_under_an_index_line_stands_at_that_index():
    monitor = read(ALPHAZERO)
    assert "i" not in monitor.store
    assert steps(monitor, "loss") == [2, 3, 4]


def test_the_whole_fewstep_log_is_read():
    monitor = read((CORPUS / "fewstep-ebm-experiments-train-log" / "train.log").read_bytes())
    assert len(monitor.store["total"]) == 80
    assert monitor.store.primary_train == "total"
