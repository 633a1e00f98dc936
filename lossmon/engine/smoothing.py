"""Exponential moving averages computed on raw points, vectorized.

``ewm`` runs the recurrence ``last = w*last + (1-w)*x`` over an array without a Python loop:
within a block, ``last_k = w**k * (last_0 + (1-w) * sum_{j<=k} x_j * w**-j)``; blocks are short
enough that ``w**-j`` stays far from overflow, and the error of a past outlier decays with the
same factor as the outlier itself.
"""

from __future__ import annotations

import math

import numpy as np

_MAX_GROWTH_LOG = 230.0  # w**-B stays below e**230 ≈ 1e100
_MAX_BLOCK = 8192


def _block_length(w: float) -> int:
    return max(1, min(_MAX_BLOCK, int(_MAX_GROWTH_LOG / -math.log(w))))


def ewm(x: np.ndarray, w: float, last: float = 0.0) -> tuple[np.ndarray, float]:
    """Apply ``last = w*last + (1-w)*x`` to every element of finite ``x``; returns (all lasts, last)."""
    x = np.asarray(x, dtype=np.float64)
    out = np.empty_like(x)
    if not len(x):
        return out, last
    if w <= 0.0:
        out[:] = x
        return out, float(x[-1])
    block = _block_length(w)
    growth = w ** -np.arange(1, min(block, len(x)) + 1, dtype=np.float64)
    for start in range(0, len(x), block):
        chunk = x[start : start + block]
        g = growth[: len(chunk)]
        out[start : start + len(chunk)] = (last + (1.0 - w) * np.cumsum(chunk * g)) / g
        last = float(out[start + len(chunk) - 1])
    return out, last


class Smoother:
    """TensorBoard's debiased EMA, kept up to date as points are appended.

    ``last = w*last + (1-w)*y; smoothed = last / (1 - w**n)``, with ``last`` starting at 0 and
    ``n`` counting finite points; a NaN or inf passes through unchanged and does not advance n.
    """

    def __init__(self, weight: float) -> None:
        if not 0.0 <= weight < 1.0:
            raise ValueError("smoothing weight must be in [0, 1)")
        self.weight = weight
        self.last = 0.0
        self.count = 0

    def update(self, values: np.ndarray) -> np.ndarray:
        values = np.asarray(values, dtype=np.float64)
        out = values.copy()
        finite = np.isfinite(values)
        finite_values = values[finite]
        if not len(finite_values):
            return out
        if self.weight == 0.0:
            self.count += len(finite_values)
            return out
        lasts, self.last = ewm(finite_values, self.weight, self.last)
        n = self.count + np.arange(1, len(finite_values) + 1, dtype=np.float64)
        self.count += len(finite_values)
        out[finite] = lasts / -np.expm1(n * math.log(self.weight))  # 1 - w**n, exact for small n
        return out


def smooth(values: np.ndarray, weight: float) -> np.ndarray:
    """Debiased EMA of a whole array (see Smoother)."""
    return Smoother(weight).update(values)
