"""Numbers as training scripts print them.

Covers every spelling in the field guide: ``nan``, ``-nan``, ``NaN``, ``Infinity``, ``nan.0``,
``'nan'``, ``nanms``, ``tensor(nan, device='cuda:0')``, scientific notation (``7.012345E+00``),
thousands separators (``12,346``), unit suffixes (``ms``, ``s/it``, ``GiB``) and percentages.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np

# A plain number token. Thousands groups are only taken when a full group follows (12,346 and
# 1,234.57), so a ``key=1, key=2`` list is not read as one number.
NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
NONFINITE = r"[-+]?(?:nan|inf(?:inity)?)(?:\.0)?"
VALUE = rf"(?:{NUMBER}|(?i:{NONFINITE}))"
# What may wrap a value: quotes (HF 5.x, fairseq JSON), ``tensor(`` (a printed torch scalar), and
# ``[`` (DeepSpeed prints the learning rate as a list).
VALUE_OPEN = r"(?:['\"]|tensor\(|\[)?"
UNIT = r"[A-Za-zµ%/]*"

_VALUE_AT_START = re.compile(rf"\s*+{VALUE_OPEN}\s*+(?P<num>{VALUE})(?P<unit>{UNIT})")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_NONFINITE_WORDS = {"nan": math.nan, "inf": math.inf, "infinity": math.inf}


def parse_number(token: str) -> float | None:
    """The number a token spells, or None when it is not a number.

    Trailing units and quotes are ignored; a percentage stays in percent (``39.12%`` → 39.12).
    """
    match = _VALUE_AT_START.match(token)
    if match is None:
        return None
    return to_float(match.group("num"))


def to_float(num: str | bytes) -> float | None:
    """float() that also reads ``-nan``, ``nan.0``, ``Infinity`` and ``12,346``; None if not a number."""
    try:
        return float(num)
    except ValueError:
        pass
    if isinstance(num, bytes):
        num = num.decode("ascii", "replace")
    text = num.strip()
    low = text.lower()
    if low.endswith(".0"):
        low = low[:-2]
    sign = -1.0 if low.startswith("-") else 1.0
    word = _NONFINITE_WORDS.get(low.lstrip("+-"))
    if word is not None:
        return word if math.isnan(word) else math.copysign(word, sign)
    if "," in text and _THOUSANDS.fullmatch(text):
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    return None


def checked_floats(tokens: Callable[[], Iterable[str | bytes]], count: int) -> tuple[np.ndarray, np.ndarray | None]:
    """(values, which tokens are not numbers or None when all are) for the ``count`` tokens of a
    template that ``tokens()`` iterates over (called again when one is not a plain float)."""
    try:
        return np.fromiter(map(float, tokens()), np.float64, count=count), None
    except ValueError:
        pass
    tokens = list(tokens())
    values = [to_float(token) for token in tokens]
    bad = np.fromiter((value is None for value in values), bool, count=len(values))
    return np.array([_nan_if_none(value) for value in values], dtype=np.float64), bad


def to_floats(tokens: Sequence[str | bytes]) -> np.ndarray:
    """float64 array of number tokens that :data:`VALUE` matched.

    ``float`` applied through ``map`` runs at C speed; only a block holding a spelling it does not
    read (``nan.0``, ``12,346``) pays for the slower per-token path.
    """
    try:
        return np.fromiter(map(float, tokens), np.float64, count=len(tokens))
    except ValueError:
        return np.array([_nan_if_none(to_float(token)) for token in tokens], dtype=np.float64)


def _nan_if_none(value: float | None) -> float:
    return math.nan if value is None else value
