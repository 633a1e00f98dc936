"""Numbers for JSON output: JSON has no NaN or infinity, so every JSON face (check --json, the
compare report, watch --jsonl) writes a non-finite value as null, by these two functions."""

from __future__ import annotations

import math


def json_number(value: float | None) -> float | None:
    """``value`` as a plain float, or None when it is missing, NaN or infinite."""
    return float(value) if value is not None and math.isfinite(value) else None


def json_safe(value):
    """``value`` with every float in it (in dicts, lists and tuples) made a ``json_number``."""
    if isinstance(value, float):
        return json_number(value)
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    return value
