"""Listings: rows that each name one thing the log lists, not a value it tracks.

A table of feature importances (CatBoost's and LightGBM's ``>>> Top 10 Feature Importance``, a
pandas frame ``0  user_id  0.143204``), a TensorFlow variable listing (``generator/g_bn0/beta:0
(float32_ref 1024) [1024, bytes: 4096]``), a per-item count: each row names another item, never
seen before, with its number, one row after the other. Read as pairs, every row would be a series
of one point, and a column the rows share (``bytes``) a series of sizes.

A metrics line names the same values again and again; a block of one metric per line under a step
header (OLMo's ``    train/CrossEntropyLoss=11.33``) is stepped by its header and its names are
metrics' names. So a run of consecutive rows whose first name is new, all unstepped (no step of
their own, none from a header) or stepped by a row index that counts up by one, and named by none
of the words of a metric (:func:`lossmon.engine.naming.kind_of` says "other"), is a listing once it
has :data:`LISTING_ROWS` rows: its rows give no record. Fewer rows are handed on as they came, a
line or two late.

The sizes of a data set's splits (``train: 27344, valid: 3039, test: 7596``) are counts, not the
losses the bare split words name elsewhere (``train 3.45 val 3.43``): :func:`split_sizes`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lossmon.engine.naming import kind_of

LISTING_ROWS = 4
MAX_SEEN_NAMES = 4096  # (a bound: a log may print new names on every line)


class ListingRows:
    """The rows of a run that may be a listing, held until the run ends or proves one."""

    __slots__ = ("_seen", "_rows", "_last_line", "_last_step", "_last_columns", "_listing")

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._rows: list = []  # items of the current run, in line order
        self._last_line = -2
        self._last_step: float | None = None
        self._last_columns: frozenset[str] = frozenset()  # the other names of the last row
        self._listing = False  # the current run is a listing: its rows are dropped as they come

    def feed(self, line: int, names: tuple[str, ...], own_step: float | None, context_step: float | None, item) -> list:
        """The items to take now, in line order: the held rows of a run that ended as no listing,
        then ``item`` unless it is a row of a run (held, or dropped in a listing)."""
        seen = self._seen
        new = bool(names) and names[0] not in seen
        if not new and not self._rows and not self._listing:
            if len(seen) < MAX_SEEN_NAMES and not seen.issuperset(names):
                seen.update(names)
            return [item]  # (the common line: its first name was seen, no run is held)
        if len(seen) < MAX_SEEN_NAMES:
            seen.update(names)
        row = new and kind_of(names[0]) == "other" and (own_step is not None or context_step is None)
        columns = frozenset(names[1:])
        if row and (self._rows or self._listing) and line == self._last_line + 1 and (
            (own_step is None and self._last_step is None)
            or (own_step is not None and self._last_step is not None and own_step == self._last_step + 1)
        ) and (columns == self._last_columns or not columns.isdisjoint(self._last_columns)):
            self._last_line, self._last_step, self._last_columns = line, own_step, columns
            if not self._listing:
                self._rows.append(item)
                if len(self._rows) >= LISTING_ROWS:
                    self._rows, self._listing = [], True
            return []
        released = self.end()
        if row:
            self._rows = [item]
            self._last_line, self._last_step, self._last_columns = line, own_step, columns
            return released
        return [*released, item]

    def end(self) -> list:
        """The end of a run (a line that is no row of it, the end of the input): its rows, when it
        was no listing, to be taken now."""
        rows, self._rows, self._listing = self._rows, [], False
        return rows


# The words that name a data set's split, alone: "train: 27344, valid: 3039, test: 7596", "Treino:
# 1594 | Val: 199 | Teste: 200" (Portuguese), "{'train': 40058, 'test': 12032}".
_SPLIT_WORDS = frozenset(
    "train training trn val valid validation dev eval test testing tst treino teste validação validacao "
    "entrenamiento prueba validación validacion".split()
)
# (a count may group its thousands: "Train:  81,920  Val: 10,240  Test: 10,240")
_WHOLE_NUMBER = re.compile(r"[+]?+(?:\d{1,3}+(?:,\d{3})++|\d++)")


@lru_cache(maxsize=1024)
def is_split_word(name: str) -> bool:
    """True for a name that is a split's word alone ("train", "Valid", "Teste")."""
    return len(name) <= 13 and name.casefold() in _SPLIT_WORDS


def split_sizes(text: str, spans) -> bool:
    """True for a line that counts the examples of each split: two or more values (``spans``: their
    names and where their numbers stand in ``text``), each named by a split word alone and written
    as a whole number ("27344", not "3.0"). A loss per split ("Train 5.52381 | Valid 3.00888") has
    fractions."""
    return len(spans) >= 2 and all(
        is_split_word(name) and _WHOLE_NUMBER.fullmatch(text, start, end) is not None
        for name, (start, end) in spans
    )
