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

try:  # a vectorised float(): 5x faster on a block's tokens, same values (tests/engine/test_numbers.py)
    import fastnumbers as _fastnumbers
except ImportError:  # pragma: no cover - a declared dependency; the reference path still works
    _fastnumbers = None

# The fast converter reads what float() reads, to the same bits; what it refuses is marked with a
# NaN no parse can produce (this payload), and only those tokens go through to_float. Set to False
# to convert with float() alone (the reference the fast path is tested against).
FAST_CONVERSION = _fastnumbers is not None
_REFUSED_BITS = np.uint64(0x7FF8_DEAD_BEEF_0001)
_REFUSED = float(np.array([_REFUSED_BITS]).view(np.float64)[0])

# A plain number token. Thousands groups are only taken when a full group follows (12,346 and
# 1,234.57), so a ``key=1, key=2`` list is not read as one number.
NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
NONFINITE = r"[-+]?(?:nan|inf(?:inity)?)(?:\.0)?"
VALUE = rf"(?:{NUMBER}|(?i:{NONFINITE}))"
# A value written as a float, with a point or an exponent (str() of a Python or numpy float), or a
# non-finite word: never an integer, so a counter or an index beside it is told apart.
FLOAT_WRITTEN = rf"(?:[-+]?+(?:\d++\.\d*+|\.\d++)(?:[eE][-+]?+\d++)?+|[-+]?+\d++[eE][-+]?+\d++|(?i:{NONFINITE}))"
# The repr of a scalar that wraps its number: a torch tensor printed whole ("tensor(0.52,
# device='cuda:0', grad_fn=<NllLossBackward0>)", "tensor([0.52])"), a TF eager tensor
# ("tf.Tensor(0.52, shape=(), dtype=float32)"), a JAX array ("Array(0.52, dtype=float32)") and
# numpy 2's scalars ("np.float64(0.52)", which print(dict) shows for every numpy value).
SCALAR_REPR = r"(?:tensor|tf\.Tensor|Array|array|(?:np|numpy)\.(?:float|int)(?:16|32|64)?+)\(\[?+"
# What may wrap a value: quotes (HF 5.x, fairseq JSON), a scalar's repr (above), and ``[``
# (DeepSpeed prints the learning rate as a list).
VALUE_OPEN = rf"(?:['\"]|{SCALAR_REPR}|\[)?"
UNIT = r"[A-Za-zµ%/]*"

_VALUE_AT_START = re.compile(rf"\s*+{VALUE_OPEN}\s*+(?P<num>{VALUE})(?P<unit>{UNIT})")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_NONFINITE_WORDS = {"nan": math.nan, "inf": math.inf, "infinity": math.inf}
# The units a printed nan or inf carries (``nanms``, ``inf%``, ``nans/it``); any other letters
# after it make a word (``INFO``, ``Infer``, ``nanoGPT``), not a number.
_NONFINITE_UNIT = re.compile(r"(?:[mµun]?s)?(?:/[A-Za-z]*)?|%", re.I)


def parse_number(token: str) -> float | None:
    """The number a token spells, or None when it is not a number.

    Trailing units and quotes are ignored; a percentage stays in percent (``39.12%`` → 39.12).
    """
    match = _VALUE_AT_START.match(token)
    if match is None:
        return None
    if match.group("unit") and not match.group("num")[-1].isdigit() and not _NONFINITE_UNIT.fullmatch(match.group("unit")):
        return None  # a word that starts like one: INFO (a log level), Infer, nanoGPT
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
    if FAST_CONVERSION:
        values = _fastnumbers.try_array(tokens(), dtype=np.float64, on_fail=_REFUSED)
        if len(values) != count:
            raise ValueError(f"{len(values)} tokens where {count} were expected")
        refused = _refused(values, tokens)
        if not len(refused):
            return values, None
        return _fall_back(values, refused, tokens())
    try:
        return np.fromiter(map(float, tokens()), np.float64, count=count), None
    except ValueError:
        pass
    tokens = list(tokens())
    values = [to_float(token) for token in tokens]
    bad = np.fromiter((value is None for value in values), bool, count=len(values))
    return np.array([_nan_if_none(value) for value in values], dtype=np.float64), bad


def _refused(values: np.ndarray, tokens: Callable[[], Iterable[str | bytes]]) -> np.ndarray:
    """Indices of the tokens float() must read instead: those the fast converter refused, and, in
    text, any token with a non-ASCII character: it reads a lone ``½``, ``²`` or ``⑦`` as a number,
    blanks around it too (`` ½``), where float() does not. Bytes are never read that way (a
    template's tokens are bytes: no extra pass)."""
    refused = np.flatnonzero(values.view(np.uint64) == _REFUSED_BITS)
    first = next(iter(tokens()), None)
    if isinstance(first, str):
        odd = [index for index, token in enumerate(tokens()) if not token.isascii()]
        if odd:
            refused = np.union1d(refused, np.array(odd, np.int64))
    return refused


def _fall_back(values: np.ndarray, refused: np.ndarray, tokens: Iterable[str | bytes]) -> tuple[np.ndarray, np.ndarray | None]:
    """The tokens the fast converter refused, read by to_float (``nan.0``, ``12,346``, ``1_000``);
    those it refuses too are marked bad (NaN)."""
    tokens = tokens if isinstance(tokens, Sequence) else list(tokens)
    bad = np.zeros(len(values), bool)
    for index in refused.tolist():
        value = to_float(tokens[index])
        if value is None:
            bad[index] = True
            value = math.nan
        values[index] = value
    return values, (bad if bad.any() else None)


_FLOAT_WRITTEN = re.compile(FLOAT_WRITTEN)


def written_floats(text: str, start: int = 0, end: int | None = None) -> list[float | None]:
    """The values written as floats (FLOAT_WRITTEN) in ``text[start:end]``, in order: a printed
    list's or a row's values."""
    found = _FLOAT_WRITTEN.finditer(text, start, len(text) if end is None else end)
    return [to_float(match.group()) for match in found]


def to_floats(tokens: Sequence[str | bytes]) -> np.ndarray:
    """float64 array of number tokens that :data:`VALUE` matched (a token no reading takes is NaN).

    The fast converter (or ``float`` applied through ``map``) runs at C speed; only a block holding a
    spelling they do not read (``nan.0``, ``12,346``) pays for the slower per-token path.
    """
    if FAST_CONVERSION:
        values = _fastnumbers.try_array(tokens, dtype=np.float64, on_fail=_REFUSED)
        refused = _refused(values, lambda: tokens)
        return _fall_back(values, refused, tokens)[0] if len(refused) else values
    try:
        return np.fromiter(map(float, tokens), np.float64, count=len(tokens))
    except ValueError:
        return np.array([_nan_if_none(to_float(token)) for token in tokens], dtype=np.float64)


def _nan_if_none(value: float | None) -> float:
    return math.nan if value is None else value
