"""What both period finders of stuck_periodic report: a profile of the loss within one period,
compared with an earlier one (epoch folding: the previous epoch's; autocorrelation: the first
half of the cycles against the second)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(slots=True)
class Comparison:
    """At point ``index``: whether the profile agrees with the one it was compared with, the
    profile (None: no period found, which resets the count of agreeing periods without clearing
    the badge), the noise of a bin mean, the unit of the period, and the profile's spread over that
    noise when the finder computed it."""

    index: int
    agree: bool
    profile: np.ndarray | None = None
    noise: float = 0.0
    unit: str = ""
    amplitude: float | None = None


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a - a.mean(), b - b.mean()
    norm = float(np.sqrt((a @ a) * (b @ b)))
    return float(a @ b) / norm if norm > 0 else 0.0


def is_ramp(profile: np.ndarray, noise: float, fit_noises: float) -> bool:
    """True when a rising straight line explains the profile up to its noise: what is left after
    the best line is no more than ``fit_noises`` times the variance a bin mean has by noise alone,
    and the line rises across the period. The memorisation staircase (flat within the epoch, a
    drop at each boundary) leaves a rising profile once the continuous trend is removed; a loss
    that falls within every period and jumps back up at its start (high on the first classes of
    sorted data) is a pattern, however faint."""
    x = np.arange(len(profile), dtype=np.float64)
    coefficients = np.polyfit(x, profile, 1)
    fit = np.polyval(coefficients, x)
    left = float(((profile - fit) ** 2).sum()) / (len(profile) - 2)
    return bool(coefficients[0] > 0) and left <= fit_noises * noise**2
