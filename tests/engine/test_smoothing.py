import math

import numpy as np
import pytest

from lossmon.engine.smoothing import Smoother, block_length, ewm, smooth


def tensorboard_smoothing(values, weight):
    """TensorBoard's loop, written out: the reference the vectorized version must match."""
    last, count, out = 0.0, 0, []
    for y in values:
        if not math.isfinite(y):
            out.append(y)
            continue
        last = last * weight + (1 - weight) * y
        count += 1
        out.append(last / (1 - weight**count))
    return out


@pytest.mark.parametrize("weight", [0.0, 0.6, 0.9, 0.99, 0.999])
def test_smoothing_matches_the_tensorboard_formula(weight):
    rng = np.random.default_rng(7)
    values = np.exp(rng.normal(0, 1, 20_000)) * np.linspace(10, 1, 20_000)
    values[[5, 700, 9000]] = [np.nan, np.inf, -np.inf]
    np.testing.assert_allclose(smooth(values, weight), tensorboard_smoothing(values, weight), rtol=1e-9)


def test_smoothing_in_pieces_equals_smoothing_at_once():
    rng = np.random.default_rng(3)
    values = rng.random(5_000)
    smoother = Smoother(0.9)
    pieces = [smoother.update(values[a:b]) for a, b in ((0, 1), (1, 777), (777, 5_000))]
    np.testing.assert_allclose(np.concatenate(pieces), smooth(values, 0.9), rtol=1e-12)


def test_non_finite_points_pass_through_and_do_not_advance_the_count():
    out = smooth(np.array([2.0, np.nan, 4.0]), 0.5)
    assert out[0] == 2.0 and math.isnan(out[1])
    # Second finite point: last = 0.5*1 + 0.5*4 = 2.5, debiased by 1 - 0.25.
    assert out[2] == pytest.approx(2.5 / 0.75)


def test_ewm_survives_a_huge_outlier():
    values = np.ones(50_000)
    values[100] = 1e25
    lasts, _ = ewm(values, 0.99)
    assert lasts[-1] == pytest.approx(1.0, rel=1e-9)
    assert np.isfinite(lasts).all()


def test_bad_weight_is_rejected():
    with pytest.raises(ValueError):
        Smoother(1.0)


@pytest.mark.parametrize("huge", [1e250, 1e300, 1.7976931348623157e308])
@pytest.mark.parametrize("weight", [0.6, 0.99])
def test_values_near_float_max_are_smoothed_exactly_without_a_warning(huge, weight):
    # x * w**-n overflowed to inf and the smoothed line stayed NaN for good after one such value.
    values = np.ones(3_000)
    values[[10, 1_500]] = huge
    with np.errstate(all="raise"):
        out = smooth(values, weight)
    np.testing.assert_allclose(out, tensorboard_smoothing(values, weight), rtol=1e-9)


@pytest.mark.parametrize("weight", [0.6, 0.9, 0.99])
@pytest.mark.parametrize("odd", ["none", "overflow", "nan"])
def test_a_long_array_is_smoothed_bit_for_bit_as_block_by_block(weight, odd):
    # A long array's blocks are computed as rows at once; the result must be exactly what
    # feeding ewm one block at a time gives (each block short enough for the one-call path).
    block = block_length(weight)
    rng = np.random.default_rng(11)
    values = np.exp(rng.normal(0, 2, 7 * block + block // 3))
    if odd == "overflow":
        values[[block // 2, 5 * block + 1]] = 1e300
    elif odd == "nan":
        values[3 * block + 2] = np.nan
    whole, whole_last = ewm(values, weight, 0.25)
    pieces, last = [], 0.25
    for start in range(0, len(values), block):
        part, last = ewm(values[start : start + block], weight, last)
        pieces.append(part)
    np.testing.assert_array_equal(whole, np.concatenate(pieces))
    assert whole_last == last or (math.isnan(whole_last) and math.isnan(last))
