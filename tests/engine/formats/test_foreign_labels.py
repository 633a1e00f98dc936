"""Scripts that print their own labels in their own language, and summary values ("the best so
far") that are not records. Lines from tests/corpus/resonance-lm-romanian-char-overfit."""

from parse_helpers import read, steps

from lossmon.engine.formats.pairs import message_pairs

ROMANIAN = """\
corpus  : 372,451 tokeni antrenare / 19,602 validare
vocabular: 45 caractere
pas     0 | pierdere 3.6770 | lr 4.00e-05 | |g|  2.90 |    0.2s
pas    20 | pierdere 3.0124 | lr 8.40e-04 | |g|  0.33 |    3.8s
pas    40 | pierdere 2.1932 | lr 1.64e-03 | |g|  0.95 |    7.0s
pas    60 | pierdere 1.5980 | lr 2.44e-03 | |g|  1.56 |   10.2s
        -> validare 0.5589 nats = 0.8064 biti/caracter
pas    80 | pierdere 1.0522 | lr 3.24e-03 | |g|  2.34 |   13.5s
pas   100 | pierdere 0.7467 | lr 4.00e-03 | |g|  1.98 |   16.7s
pas   120 | pierdere 0.5676 | lr 4.00e-03 | |g|  1.59 |   20.0s
        -> validare 0.4031 nats = 0.5816 biti/caracter

cea mai buna validare: 0.3489 nats = 0.5033 biti/caracter
"""


def test_romanian_loss_and_validation_lines():
    for chunk in (1 << 20, 61):
        monitor = read(ROMANIAN, chunk=chunk)
        assert (monitor.store.primary_train, monitor.store.primary_val) == ("pierdere", "validare")
        assert len(monitor.store["pierdere"]) == 7
        # the best-so-far summary at the end is not a validation point
        assert monitor.store["validare"].values.tolist() == [0.5589, 0.4031]


def test_a_best_so_far_value_keeps_its_word():
    names = [pair.name for pair in message_pairs("cea mai buna validare: 0.3489 nats = 0.5033 biti/caracter")]
    assert names[0] == "mai buna validare"
    assert [pair.name for pair in message_pairs("mejor pérdida: 0.21")] == ["mejor pérdida"]
    assert [pair.name for pair in message_pairs("epoch 3, loss: 0.30, val: 0.41")] == ["epoch", "loss", "val"]


CATBOOST = """\
>>> Start Training LightGBM (Metric: RMSE)
0:\tlearn: 2.4204049\ttest: 2.4029899\tbest: 2.4029899 (0)\ttotal: 207ms\tremaining: 3m 26s
100:\tlearn: 2.2076417\ttest: 2.1508823\tbest: 2.1508823 (100)\ttotal: 15.2s\tremaining: 2m 14s
200:\tlearn: 2.2001177\ttest: 2.1449871\tbest: 2.1449871 (200)\ttotal: 40.8s\tremaining: 2m 42s
300:\tlearn: 2.1956176\ttest: 2.1416589\tbest: 2.1416589 (300)\ttotal: 1m 8s\tremaining: 2m 38s
400:\tlearn: 2.1920711\ttest: 2.1393355\tbest: 2.1393355 (400)\ttotal: 1m 34s\tremaining: 2m 21s
500:\tlearn: 2.1892992\ttest: 2.1378882\tbest: 2.1378868 (498)\ttotal: 2m 1s\tremaining: 2m
999:\tlearn: 2.1795657\ttest: 2.1348774\tbest: 2.1348685 (997)\ttotal: 4m 26s\tremaining: 0us
bestTest = 2.134868517
bestIteration = 997
"""


def test_catboost_learn_and_test_at_their_iteration():
    monitor = read(CATBOOST)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("learn", "test")
    assert steps(monitor, "learn") == [0, 100, 200, 300, 400, 500, 999]
    assert monitor.store["test"].values.tolist()[-1] == 2.1348774


def test_a_bare_step_before_a_tab_but_not_a_rank_label():
    assert message_pairs("10:\tlearn: 0.5\ttest: 0.6")[0][:2] == ("step", 10.0)
    assert message_pairs("[10]\tvalid_0's l2: 0.3")[0][:2] == ("step", 10.0)
    assert all(pair.name != "step" for pair in message_pairs("1: loss: 0.5 acc: 0.9"))
