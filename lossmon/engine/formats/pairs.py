"""Shared pieces for formats that print ``name: value`` or ``name=value`` pairs."""

from __future__ import annotations

import re

from lossmon.engine.numbers import VALUE, to_float

# A metric name: starts with a letter; may hold . / @ - ( ) and up to three more words
# ("lm loss", "elapsed time per iteration (ms)").
NAME = r"[A-Za-z_][\w./@()\[\]-]*(?: [A-Za-z_(][\w./@()\[\]-]*){0,5}?"

# name: value / name=value, value optionally quoted, followed by a unit or nothing.
PAIR = re.compile(
    rf"(?<![\w.])(?P<name>{NAME})\s*(?:=|:)\s*['\"]?(?P<value>{VALUE})(?P<unit>[A-Za-z%/µ]*)['\"]?(?![\w.])"
)


def pairs(text: str, pattern: re.Pattern = PAIR) -> dict[str, float]:
    """name → value for every pair in ``text`` (the first value wins when a name repeats)."""
    found: dict[str, float] = {}
    for name, value, _unit in pattern.findall(text):
        number = to_float(value)
        if number is not None and name not in found:
            found[name.strip()] = number
    return found
