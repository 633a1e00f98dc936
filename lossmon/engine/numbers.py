"""Numbers as training scripts print them.

Covers every spelling in the field guide: ``nan``, ``-nan``, ``NaN``, ``Infinity``, ``nan.0``,
``'nan'``, ``nanms``, ``tensor(nan, device='cuda:0')``, scientific notation, thousands separators
(``12,346``), unit suffixes (``ms``, ``s/it``, ``GiB``) and percentages.
"""

from __future__ import annotations

import math
import re

# A plain number token. Thousands groups are only taken when a group follows (12,346), so a
# ``key=1, key=2`` list is not read as one number.
NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
NONFINITE = r"[-+]?(?:nan|inf(?:inity)?)(?:\.0)?"
VALUE = rf"(?:{NUMBER}|(?i:{NONFINITE}))"

_VALUE_AT_START = re.compile(
    rf"\s*(?:tensor\()?\s*['\"]?\s*(?P<num>{NUMBER}|(?i:{NONFINITE}))(?P<unit>[A-Za-z%/µ]*)"
)


def parse_number(token: str) -> float | None:
    """The number a token spells, or None when it is not a number.

    Trailing units and quotes are ignored; a percentage stays in percent (``39.12%`` → 39.12).
    """
    match = _VALUE_AT_START.match(token)
    if match is None:
        return None
    return to_float(match.group("num"))


def to_float(num: str) -> float | None:
    """float() that also reads ``-nan``, ``nan.0``, ``Infinity`` and ``12,346``."""
    try:
        return float(num)
    except ValueError:
        pass
    low = num.lower().removesuffix(".0")
    if low.lstrip("+-") in ("nan", "inf", "infinity"):
        return math.copysign(math.inf, -1.0 if low.startswith("-") else 1.0) if "inf" in low else math.nan
    try:
        return float(num.replace(",", ""))
    except ValueError:
        return None
