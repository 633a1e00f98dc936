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
_DEBIAS_ENDS = 45.0  # past n * log(w) = -45 the debiasing divides by exactly 1.0


def ewm(x: np.ndarray, w: float, last: float = 0.0) -> tuple[np.ndarray, float]:
    """Apply ``last = w*last + (1-w)*x`` to every element of finite ``x``; returns (all lasts, last).

    Detectors call this on short stretches many times, so the powers are cached per weight.
    """
    x = np.asarray(x, dtype=np.float64)
    if w <= 0.0:
        return x.copy(), (float(x[-1]) if len(x) else last)
    growth = _GROWTH.get(w)
    if growth is None:
        growth = _GROWTH[w] = w ** -np.arange(1, block_length(w) + 1, dtype=np.float64)
    n = len(x)
    if n <= len(growth):
        g = growth[:n]
        with np.errstate(over="ignore", invalid="ignore"):
            out = (last + (1.0 - w) * np.cumsum(x * g)) / g
        if n and not np.isfinite(out).all() and math.isfinite(last) and np.isfinite(x).all():
            out = _ewm_by_steps(x, w, last)  # values near float max overflowed x * g: rare
        return out, (float(out[-1]) if n else last)
    whole = n - n % len(growth)
    out = np.empty(n)
    if not _ewm_rows(x[:whole], w, last, growth, out[:whole]):
        return _ewm_block_by_block(x, w, last, growth)
    tail, last = ewm(x[whole:], w, float(out[whole - 1]))
    out[whole:] = tail
    return out, last


def block_length(w: float) -> int:
    """How many points :func:`ewm` computes in one numpy pass at weight ``0 < w < 1``."""
    return max(1, min(1 << 14, int(_MAX_GROWTH_LOG / -math.log(w))))


def _ewm_rows(x: np.ndarray, w: float, last: float, growth: np.ndarray, out: np.ndarray) -> bool:
    """:func:`ewm` of whole blocks at once: one row per block, each row's cumulative sum in one
    numpy call (a block-by-block loop made ~7 numpy calls per block: a 1M-point series holds
    thousands of blocks at the chart's weight). Only the carries from block to block run in
    Python, one float each, with the same operations as the block-by-block loop: the result is
    bit-identical. False (``out`` unusable) when any output is not finite: that loop tells an
    overflow (recomputed) from a non-finite input (kept), block by block."""
    rows = x.reshape(-1, len(growth))
    with np.errstate(over="ignore", invalid="ignore"):
        local = (1.0 - w) * np.cumsum(rows * growth, axis=1)
        g_end = float(growth[-1])
        carries = []
        for end in local[:, -1].tolist():
            carries.append(last)
            last = (last + end) / g_end
        np.divide(np.array(carries)[:, None] + local, growth, out=out.reshape(rows.shape))
    return bool(np.isfinite(out).all())


def _ewm_block_by_block(x: np.ndarray, w: float, last: float, growth: np.ndarray) -> tuple[np.ndarray, float]:
    out = np.empty(len(x))
    for start in range(0, len(x), len(growth)):
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
        finite = np.isfinite(values)
        every = bool(finite.all())
        finite_values = values if every else values[finite]
        if not len(finite_values) or self.weight == 0.0:
            self.count += len(finite_values)
            return values.copy()
        lasts, self.last = ewm(finite_values, self.weight, self.last)  # a new array: debiased in place
        # 1 - w**n, exact for small n (expm1); once n * log(w) is below -45, w**n is below 1e-19
        # and expm1 returns -1.0 exactly (glibc: from -38.8 on): those points need no division.
        rate = math.log(self.weight)
        head = min(len(lasts), max(0, math.ceil(_DEBIAS_ENDS / -rate) - self.count))
        n = self.count + np.arange(1, head + 1, dtype=np.float64)
        self.count += len(finite_values)
        with np.errstate(over="ignore", under="ignore"):
            lasts[:head] /= -np.expm1(n * rate)
        if every:
            return lasts
        out = values.copy()
        out[finite] = lasts
        return out


def smooth(values: np.ndarray, weight: float) -> np.ndarray:
    """Debiased EMA of a whole array (see Smoother)."""
    return Smoother(weight).update(values)
