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
    assert monitor.store["test"].kind == "loss"  # beside "learn"; a bare "test" alone is not (naming.kind_of)


def test_a_bare_step_before_a_tab_but_not_a_rank_label():
    assert message_pairs("10:\tlearn: 0.5\ttest: 0.6")[0][:2] == ("step", 10.0)
    assert message_pairs("[10]\tvalid_0's l2: 0.3")[0][:2] == ("step", 10.0)
    assert all(pair.name != "step" for pair in message_pairs("1: loss: 0.5 acc: 0.9"))


# Spanish prints, as shown in two public projects' READMEs (a PyTorch tutorial's expected output
# and a C++ gradient-descent example's): letters beyond ASCII in names, a Spanish epoch word.
SPANISH_SPLITS = """\
Epoca: 0 | Entrenamiento pérdida: 0.29664039611816406 | Test pérdida 0.28563693165779114
Epoca: 10 | Entrenamiento pérdida: 0.17860610783100128 | Test pérdida 0.16613411903381348
Epoca: 20 | Entrenamiento pérdida: 0.11701875925064087 | Test pérdida 0.10174953937530518
"""
SPANISH_EPOCHS = """\
=== Entrenamiento ===
Época    0 | Pérdida: 125.3456
Época  100 | Pérdida: 0.2541
Época  200 | Pérdida: 0.2512
=== Resultados ===
"""


def test_spanish_train_and_test_losses_by_epoch():
    monitor = read(SPANISH_SPLITS)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("Entrenamiento pérdida", "Test pérdida")
    assert steps(monitor, "Test pérdida") == [0, 10, 20]


def test_an_accented_epoch_word_steps_an_accented_loss():
    monitor = read(SPANISH_EPOCHS)
    assert monitor.store.primary_train == "Pérdida"
    assert steps(monitor, "Pérdida") == [0, 100, 200]


def test_chinese_labels():
    # the line a public training script prints (its f-string, values made up):
    # print(f'第 [{epoch+1}/{num_epochs}] 轮, 训练损失: {loss.item():.4f}, 验证损失: {val_loss.item():.4f}')
    monitor = read("".join(f"第 [{e}/5] 轮, 训练损失: {1 / e:.4f}, 验证损失: {1.2 / e:.4f}\n" for e in range(1, 6)))
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("训练损失", "验证损失")
    assert len(monitor.store["验证损失"]) == 5
