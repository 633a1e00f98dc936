"""A split word before an error's abbreviation names the series (issue 12, holdout15c): "Train
MSE: 0.049, Test MSE: 0.043" logs the training and the test MSE, and "Test RMSE" is the test
pass's, not a training series named "RMSE"."""

from parse_helpers import read

from lossmon.engine.formats.pairs import message_pairs

# Real lines: tests/corpus/water-python-pso-bp-train-test-mse-log (1807676448/Water_Python
# outputs/training_log.txt): a PSO search of the initial weights, then the BP training.
_PSO = (
    "[PSO] Iter 080/100, gbest MSE: 0.09364834\n"
    "[PSO] Iter 090/100, gbest MSE: 0.06530979\n"
    "[PSO] Iter 100/100, gbest MSE: 0.04920459\n"
)
_EPOCHS = (
    "Epoch 0001/10000, Train MSE: 0.04920459, Test MSE: 0.04257449, LR: 1.00e-02\n"
    "Epoch 0050/10000, Train MSE: 0.03927306, Test MSE: 0.03291738, LR: 1.00e-02\n"
    "Epoch 0100/10000, Train MSE: 0.03841491, Test MSE: 0.03108334, LR: 1.00e-02\n"
    "Epoch 0150/10000, Train MSE: 0.03816720, Test MSE: 0.02973183, LR: 1.00e-02\n"
)
# Real line: tests/corpus/pinn-rlc-russian-epoch-lbfgs-phases (mazy99/pinn-rlc-circuit).
_PINN = "Эпоха:    1 | Train Phys Loss: 0.085232 | Val Phys Loss: 0.079384 | Test RMSE: 2.039529e-02"


def test_the_split_word_stays_in_an_error_abbreviations_name():
    assert [pair.name for pair in message_pairs(_EPOCHS.splitlines()[0])] == ["Epoch", "Train MSE", "Test MSE", "LR"]
    assert [pair.name for pair in message_pairs(_PSO.splitlines()[0])] == ["Iter", "gbest MSE"]
    assert [pair.name for pair in message_pairs(_PINN)][-1] == "Test RMSE"


def test_train_and_test_mse_are_the_primary_pair():
    store = read(_EPOCHS).store
    assert (store.primary_train, store.primary_val) == ("Train MSE", "Test MSE")
    assert store["Test MSE"].split == "test"


def test_a_search_phases_mse_is_not_the_training_mse():
    """The PSO's best MSE before training is a series of its own: the training lines' MSE is not
    taken for an epoch mean of it."""
    store = read(_PSO + _EPOCHS).store
    assert store.primary_train == "Train MSE" and len(store["Train MSE"]) == 4
    assert "gbest MSE" in {series.name for series in store}
