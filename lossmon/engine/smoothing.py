"""Exponential moving averages computed on raw points, vectorized.

``ewm`` runs the recurrence ``last = w*last + (1-w)*x`` over an array without a Python loop:
within a block, ``last_k = w**k * (last_0 + (1-w) * sum_{j<=k} x_j * w**-j)``; blocks are short
enough that ``w**-j`` stays far from overflow, and the error of a past outlier decays with the
same factor as the outlier itself.
"""

from __future__ import annotations

import math

import numpy as np

_MAX_GROWTH_LOG = 230.0  # w**-block stays below e**230 ≈ 1e100
_GROWTH: dict[float, np.ndarray] = {}  # w → w**-(1..block), computed once per weight


def ewm(x: np.ndarray, w: float, last: float = 0.0) -> tuple[np.ndarray, float]:
    """Apply ``last = w*last + (1-w)*x`` to every element of finite ``x``; returns (all lasts, last).

    Detectors call this on short stretches many times, so the powers are cached per weight.
    """
    x = np.asarray(x, dtype=np.float64)
    if w <= 0.0:
        return x.copy(), (float(x[-1]) if len(x) else last)
    growth = _GROWTH.get(w)
    if growth is None:
        block = max(1, min(1 << 14, int(_MAX_GROWTH_LOG / -math.log(w))))
        growth = _GROWTH[w] = w ** -np.arange(1, block + 1, dtype=np.float64)
    n = len(x)
    if n <= len(growth):
        g = growth[:n]
        with np.errstate(over="ignore", invalid="ignore"):
            out = (last + (1.0 - w) * np.cumsum(x * g)) / g
        if n and not np.isfinite(out).all() and math.isfinite(last) and np.isfinite(x).all():
            out = _ewm_by_steps(x, w, last)  # values near float max overflowed x * g: rare
        return out, (float(out[-1]) if n else last)
    out = np.empty(n)
    for start in range(0, n, len(growth)):
        part, last = ewm(x[start : start + len(growth)], w, last)
        out[start : start + len(part)] = part
    return out, last


def _ewm_by_steps(x: np.ndarray, w: float, last: float) -> np.ndarray:
    """:func:`ewm` one point at a time: never overflows for finite ``x``."""
    out = np.empty(len(x))
    for i, value in enumerate(x.tolist()):
        last = w * last + (1.0 - w) * value
        out[i] = last
    return out


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
        with np.errstate(over="ignore", under="ignore"):
            out[finite] = lasts / -np.expm1(n * math.log(self.weight))  # 1 - w**n, exact for small n
        return out


def smooth(values: np.ndarray, weight: float) -> np.ndarray:
    """Debiased EMA of a whole array (see Smoother)."""
    return Smoother(weight).update(values)
