"""When two series cannot share one y scale: shared by the app's charts and `check --plot`."""

from __future__ import annotations

# A panel of its own for the validation loss when, on a scale shared with the training loss, it
# would span less than this share of the height (an eval loss of 0.32 -> 0.42 beside a train
# loss falling to 1e-4 on a log axis: a flat line squeezed into the top row).
SHARED_SCALE_MIN_SHARE = 0.25


def squeezed(train: tuple[float, float], val: tuple[float, float]) -> bool:
    """Whether ``val`` (low, high, on the axis's scale: log10 values for a log axis) would be
    squeezed flat beside ``train`` on one axis."""
    low, high = min(train[0], val[0]), max(train[1], val[1])
    if not high > low:
        return False
    return (val[1] - val[0]) / (high - low) < SHARED_SCALE_MIN_SHARE
