import math

from lossmon.engine.detectors.stats.prior import FrozenLowAccuracy, beats_any_constant_guess, over_classes


def frozen_at(values, **options):
    """FrozenLowAccuracy's answer at each point."""
    track = FrozenLowAccuracy(**options)
    return [track.update(value, point) for point, value in enumerate(values)]


# acc of tests/corpus/ossp-keras-fit-notebook-chance-plateau, epochs 1-23 (10 classes, one predicted).
OSSP_ACC = [0.2244, 0.3398, 0.2084, 0.2244, 0.1754, 0.1367, 0.2077, 0.2207, 0.2215, 0.215, 0.194, 0.1928, 0.1935, 0.1936,
            0.1933, 0.1904, 0.1936, 0.1936, 0.1935, 0.1936, 0.1933, 0.1936, 0.1936]


def test_ten_readings_within_a_hair_at_or_below_the_first_are_frozen_low():
    found = frozen_at(OSSP_ACC)
    assert found.index(next(state for state in found if state is not None)) == 20  # 10 readings from epoch 11
    state = found[-1]
    assert (state.level, state.low, state.high, state.first, state.since) == (0.1935, 0.1904, 0.1936, 0.2244, 11)


def test_a_repeated_value_is_one_reading():
    # val_acc 0.18 for many epochs, as a log that evaluates every epoch or every 100 steps shows it.
    assert frozen_at([0.18] * 50) == [None] * 50
    assert all(state is None for state in frozen_at([0.18, 0.1812] * 4 + [0.18] * 40))


def test_high_rising_or_wider_accuracies_are_not_frozen_low():
    assert all(state is None for state in frozen_at([0.99 + 0.0001 * (i % 3) for i in range(30)]))  # saturated high
    assert all(state is None for state in frozen_at([0.05 + 0.001 * i for i in range(30)]))  # rising past the hair
    assert all(state is None for state in frozen_at([0.30] + [0.35, 0.351, 0.352] * 10))  # better than its first
    # In percent: the hair and the coin scale with it.
    assert frozen_at([19.36, 19.33, 19.35, 19.39, 19.31] * 2)[-1] is not None
    assert frozen_at([62.0, 62.1, 62.2, 62.3, 62.4] * 2)[-1] is None


def test_a_constant_guess_scores_at_least_the_majority_classs_entropy():
    assert not beats_any_constant_guess(2.1692, 0.1938)  # the Keras run predicting one class of 10
    assert not beats_any_constant_guess(0.6934, 0.5026)  # a binary classifier at ln 2
    assert beats_any_constant_guess(0.0248, 0.119)  # a regression's "accuracy" under its MSE
    assert beats_any_constant_guess(0.01, 0.99) and not beats_any_constant_guess(0.06, 0.99)
    assert not beats_any_constant_guess(-0.995 * math.log(0.5), 0.5)


def test_a_token_accuracy_is_over_a_vocabulary_not_classes():
    assert over_classes("acc") and over_classes("val_accuracy") and over_classes("Train Acc")
    assert not over_classes("mean_token_accuracy") and not over_classes("eval_mean_token_accuracy")
    assert not over_classes("val_mAP") and not over_classes("loss")
