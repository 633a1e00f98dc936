"""Statistics of a few Python floats (a handful of recent values), without the ``statistics``
module: importing it pulls in ``decimal``, ``fractions`` and ``random`` (0.8 MB of memory and
3 ms of every ``lossmon check``) for one function."""

from __future__ import annotations

from collections.abc import Iterable


def median(values: Iterable[float]) -> float:
    """What ``statistics.median`` returns: the middle value, or ``(a + b) / 2`` of the two middle
    ones (the same floating-point operations, so the same bits). ValueError when there are none."""
    data = sorted(values)
    if not data:
        raise ValueError("no median of no values")
    return middle(data)


def middle(ordered: list[float]) -> float:
    """The median of values already in order (at least one)."""
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def theil_sen(values: list[float]) -> tuple[float, float]:
    """The Theil-Sen line through ``values`` at x = 0, 1, ...: (slope, the median absolute
    residual about it). The median of the pairwise slopes: one outlier among a handful of evals
    neither makes nor hides a trend, as a least-squares slope's would (at least two values)."""
    n = len(values)
    slope = median((values[j] - values[i]) / (j - i) for i in range(n) for j in range(i + 1, n))
    intercept = median(value - slope * x for x, value in enumerate(values))
    return slope, median(abs(value - intercept - slope * x) for x, value in enumerate(values))
