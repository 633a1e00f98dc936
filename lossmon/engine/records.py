"""Parsed records, held column by column so that a block of lines costs a few numpy calls."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(slots=True)
class Column:
    """One series inside a batch: which records carry it, and their values."""

    rows: np.ndarray  # indices into RecordBatch.lines / .steps, increasing
    values: np.ndarray  # float64, NaN and ±inf kept


@dataclass(slots=True)
class RecordBatch:
    """Records parsed from consecutive lines, in line order."""

    lines: np.ndarray  # int64, 1-based source line of each record
    steps: np.ndarray  # float64, the step of each record
    columns: dict[str, Column]
    formats: dict[str, int] = field(default_factory=dict)  # format id → records in this batch
    attrs: dict[str, dict] = field(default_factory=dict)  # series name → attributes set by a parser

    def __len__(self) -> int:
        return len(self.lines)

    def records(self):
        """Yield (line, step, {name: value}) per record: for per-record output, not hot paths."""
        per_row: list[dict[str, float]] = [{} for _ in range(len(self.lines))]
        for name, column in self.columns.items():
            for row, value in zip(column.rows.tolist(), column.values.tolist()):
                per_row[row][name] = value
        for line, step, metrics in zip(self.lines.tolist(), self.steps.tolist(), per_row):
            yield line, step, metrics


@dataclass(slots=True)
class _Chunk:
    """Records added as arrays (a format template's hits), merged by line at build time."""

    lines: np.ndarray
    steps: np.ndarray
    columns: dict[str, Column]


class RecordBuilder:
    """Collects records one at a time (``add``) or a block at a time (``add_columns``), then
    hands them over as one RecordBatch in line order."""

    def __init__(self) -> None:
        self._lines: list[int] = []
        self._steps: list[float] = []
        self._columns: dict[str, tuple[list[int], list[float]]] = {}
        self._chunks: list[_Chunk] = []
        self._chunk_rows = 0
        self.formats: dict[str, int] = {}
        self.attrs: dict[str, dict] = {}
        self._last_steps: dict[str, float] = getattr(self, "_last_steps", {})

    def last_step(self, name: str) -> float | None:
        """The step of the latest record of ``name`` added so far (kept across builds)."""
        return self._last_steps.get(name)

    def __len__(self) -> int:
        return len(self._lines) + self._chunk_rows

    def add(self, line: int, step: float, metrics: dict[str, float], format_id: str) -> None:
        row = len(self._lines)
        self._lines.append(line)
        self._steps.append(step)
        columns = self._columns
        last = self._last_steps
        for name, value in metrics.items():
            last[name] = step
            column = columns.get(name)
            if column is None:
                column = columns[name] = ([], [])
            column[0].append(row)
            column[1].append(value)
        self.formats[format_id] = self.formats.get(format_id, 0) + 1

    def add_columns(
        self, lines: np.ndarray, steps: np.ndarray, columns: dict[str, Column], format_id: str
    ) -> None:
        """Add ``len(lines)`` records at once; each column's rows index into ``lines``."""
        if not len(lines):
            return
        self._chunks.append(_Chunk(lines.astype(np.int64, copy=False), steps.astype(np.float64, copy=False), columns))
        for name, column in columns.items():
            if len(column.rows):
                self._last_steps[name] = float(steps[column.rows[-1]])
        self._chunk_rows += len(lines)
        self.formats[format_id] = self.formats.get(format_id, 0) + len(lines)

    def set_attrs(self, name: str, **attrs) -> None:
        """Attributes a parser knows about a series (its split, Keras' running epoch average)."""
        self.attrs.setdefault(name, {}).update(attrs)

    def _sort_added(self) -> None:
        """Records held back by a parser and added late: put them back in line order."""
        order = sorted(range(len(self._lines)), key=self._lines.__getitem__)
        new_row = {old: new for new, old in enumerate(order)}
        self._lines = [self._lines[i] for i in order]
        self._steps = [self._steps[i] for i in order]
        for name, (rows, values) in list(self._columns.items()):
            pairs = sorted(zip((new_row[row] for row in rows), values))
            self._columns[name] = ([row for row, _ in pairs], [value for _, value in pairs])

    def build(self) -> RecordBatch:
        pieces = list(self._chunks)
        if self._lines:
            if any(b < a for a, b in zip(self._lines, self._lines[1:])):
                self._sort_added()
            pieces.append(
                _Chunk(
                    np.asarray(self._lines, dtype=np.int64),
                    np.asarray(self._steps, dtype=np.float64),
                    {
                        name: Column(np.asarray(rows, dtype=np.int64), np.asarray(values, dtype=np.float64))
                        for name, (rows, values) in self._columns.items()
                    },
                )
            )
        formats, attrs = self.formats, self.attrs
        self.__init__()
        if len(pieces) == 1:
            piece = pieces[0]
            return RecordBatch(piece.lines, piece.steps, piece.columns, formats, attrs)
        return _merge(pieces, formats, attrs)


def _merge(pieces: list[_Chunk], formats: dict[str, int], attrs: dict[str, dict]) -> RecordBatch:
    """One batch in line order from pieces each in line order (a line is in one piece only)."""
    if not pieces:
        empty = np.empty(0, np.int64)
        return RecordBatch(empty, np.empty(0), {}, formats, attrs)
    lines = np.concatenate([piece.lines for piece in pieces])
    steps = np.concatenate([piece.steps for piece in pieces])
    if not (np.diff(lines) < 0).any():  # pieces already in line order (templates' runs, committed in order)
        return _concatenated(pieces, lines, steps, formats, attrs)
    order = np.argsort(lines, kind="stable")
    new_row = np.empty(len(order), np.int64)
    new_row[order] = np.arange(len(order))
    columns = {}
    for name, (rows, values) in _gathered(pieces, new_row).items():
        all_rows = np.concatenate(rows)
        all_values = np.concatenate(values)
        by_row = np.argsort(all_rows, kind="stable")
        columns[name] = Column(all_rows[by_row], all_values[by_row])
    return RecordBatch(lines[order], steps[order], columns, formats, attrs)


def _concatenated(pieces: list[_Chunk], lines: np.ndarray, steps: np.ndarray, formats: dict[str, int],
                  attrs: dict[str, dict]) -> RecordBatch:
    """:func:`_merge` of pieces that follow each other in line order: each column's rows, shifted
    by the records before its piece, are already in order (what the stable sorts would give)."""
    columns = {
        name: Column(np.concatenate(rows), np.concatenate(values))
        for name, (rows, values) in _gathered(pieces, None).items()
    }
    return RecordBatch(lines, steps, columns, formats, attrs)


def _gathered(pieces: list[_Chunk], new_row: np.ndarray | None) -> dict[str, tuple[list[np.ndarray], list[np.ndarray]]]:
    """Each column's rows and values, piece by piece: a row numbered among all the pieces' records
    in turn, then through ``new_row`` when the records are reordered."""
    gathered: dict[str, tuple[list[np.ndarray], list[np.ndarray]]] = {}
    base = 0
    for piece in pieces:
        for name, column in piece.columns.items():
            rows, values = gathered.setdefault(name, ([], []))
            rows.append(column.rows + base if new_row is None else new_row[column.rows + base])
            values.append(column.values)
        base += len(piece.lines)
    return gathered
