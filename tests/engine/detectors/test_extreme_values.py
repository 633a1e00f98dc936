"""Values at the edges of float64 (subnormal, tiny, huge, signed zeros, inf, nan) never raise in
a detector and never leak a numpy warning: a log is data, and a 1e-320 val loss is a value."""

from __future__ import annotations

import warnings

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lossmon.engine import Monitor
from lossmon.engine.records import RecordBuilder

EXTREMES = [
    5e-324, 1e-320, 2.2250738585072014e-308, 1e-300, 1e-30, 0.0, -0.0, -1e-320, -1e300,
    1.0, 1.5, 3.0, 1e30, 1e300, 1.7976931348623157e308, np.inf, -np.inf, np.nan,
]
# One series for every detector role: train and val loss, lr, grad norm, epoch, a recall.
NAMES = ("train_loss", "val_loss", "lr", "grad_norm", "epoch", "recall")

value = st.one_of(st.sampled_from(EXTREMES), st.floats(allow_nan=True, allow_infinity=True))
record = st.fixed_dictionaries({}, optional={name: value for name in NAMES})


def _strict_numpy():
    """numpy's default error handling, with its warnings raised as errors."""
    state = np.errstate(divide="warn", over="warn", invalid="warn", under="ignore")
    return state


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(record, min_size=1, max_size=150), cuts=st.lists(st.integers(1, 149), max_size=6))
@example(records=[{"train_loss": -1e-320}, {"train_loss": -1e300}], cuts=[1])  # a negative loss grown past float range
def test_every_detector_takes_extreme_values_without_raising_or_warning(records, cuts):
    monitor = Monitor("run.log")
    bounds = [0, *sorted(set(cuts)), len(records)]
    with warnings.catch_warnings(), _strict_numpy():
        warnings.simplefilter("error")  # a numpy RuntimeWarning fails the test
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            builder = RecordBuilder()
            for row in range(lo, min(hi, len(records))):
                # Every record has a train loss, so that the roles (and all detectors) are wired.
                builder.add(row + 1, float(row + 1), {"train_loss": 2.0, **records[row]}, "test")
            if len(builder):
                monitor.feed_records(builder.build())
    assert monitor.records == len(records)


def test_a_subnormal_val_loss_after_normal_ones_is_read_and_judged_without_error():
    # The shape that raised OverflowError in overfitting: a subnormal best, then ordinary evals
    # while the train loss falls (the smoothed log level climbs ~737 above its best).
    lines = []
    for step in range(1, 401):
        lines.append(f"step={step} train_loss={3.0 * 0.995 ** step:.6f}")
        if step % 10 == 0:
            val = "1e-320" if step == 10 else f"{1.0 + step / 1000:.4f}"
            lines.append(f"step={step} val_loss={val}")
    monitor = Monitor("run.log")
    with warnings.catch_warnings(), _strict_numpy():
        warnings.simplefilter("error")
        monitor.feed(("\n".join(lines) + "\n").encode())
        monitor.finish()
    assert len(monitor.store["val_loss"]) == 40
    assert monitor.store["val_loss"].values.min() == 1e-320
