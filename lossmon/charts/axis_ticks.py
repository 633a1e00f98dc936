"""Axis ticks at round numbers, and compact number labels."""

from __future__ import annotations

import math

import numpy as np


_NICE = (1, 2, 2.5, 5)


def nice_ticks(low: float, high: float, count: int) -> list[float]:
    """About ``count`` round values (1, 2, 2.5 or 5 times a power of ten) within [low, high];
    at least two when ``count`` is two or more (one label alone gives no scale)."""
    if not (math.isfinite(low) and math.isfinite(high)) or count < 1:
        return []
    if high <= low:
        return [low]
    raw = (high - low) / max(count, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    steps = [m * power * 10.0**k for k in (-1, 0, 1) for m in _NICE]
    index = next(i for i, step in enumerate(steps) if step >= raw)
    while True:
        step = steps[index]
        first = math.ceil(low / step - 1e-9) * step
        ticks = [float(t) if abs(t) > step * 1e-9 else 0.0 for t in np.arange(first, high + step * 1e-9, step)]
        if len(ticks) >= min(count, 2) or index == 0:
            return ticks
        index -= 1  # a finer step: the range holds too few round values for this one


def log_ticks(low: float, high: float, count: int) -> list[float]:
    """Ticks for a log10 axis: whole powers of ten when the range holds some, else nice_ticks."""
    first, last = math.ceil(low), math.floor(high)
    if last - first < 1:
        return nice_ticks(low, high, count)
    stride = max(1, math.ceil((last - first + 1) / max(count, 1)))
    return [float(p) for p in range(first, last + 1, stride)]


def compact_exponent(value: float) -> str:
    """1.2e-4, 3e308: two significant digits, the exponent without its sign or zeros padding."""
    mantissa, exponent = f"{value:.1e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{int(exponent)}"


def format_number(value: float, width: int = 7) -> str:
    """A short label, never longer than 7 characters: 12, 39.93, 1.5k, 3.2M, 0.0031, 1.2e-4, 1e308."""
    if not math.isfinite(value):
        return str(value)
    magnitude = abs(value)
    if magnitude == 0:
        return "0"
    if magnitude >= 999.5e12 or magnitude < 1e-3:
        return compact_exponent(value)
    if magnitude >= 1000:
        for divisor, suffix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
            if magnitude >= divisor * 0.9995:  # 999,999 is 1M, not 1e+03k
                return f"{value / divisor:.3g}{suffix}"
    if magnitude >= 0.01:
        text = f"{value:.4g}"
        if "e" in text:  # 999.96 rounds to 1e+03
            return format_number(float(text), width)
        return text if len(text) <= width else f"{value:.3g}"
    return f"{value:.2g}"  # 0.001 to 0.01: 0.0031
