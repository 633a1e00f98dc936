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


EMPTY_BATCH_ARRAY = np.empty(0)


class RecordBuilder:
    """Collects records one at a time, then hands them over as a RecordBatch."""

    def __init__(self) -> None:
        self._lines: list[int] = []
        self._steps: list[float] = []
        self._columns: dict[str, tuple[list[int], list[float]]] = {}
        self.formats: dict[str, int] = {}
        self.attrs: dict[str, dict] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def add(self, line: int, step: float, metrics: dict[str, float], format_id: str) -> None:
        row = len(self._lines)
        self._lines.append(line)
        self._steps.append(step)
        columns = self._columns
        for name, value in metrics.items():
            column = columns.get(name)
            if column is None:
                column = columns[name] = ([], [])
            column[0].append(row)
            column[1].append(value)
        self.formats[format_id] = self.formats.get(format_id, 0) + 1

    def set_attrs(self, name: str, **attrs) -> None:
        """Attributes a parser knows about a series (e.g. Keras' running epoch average)."""
        self.attrs.setdefault(name, {}).update(attrs)

    def build(self) -> RecordBatch:
        columns = {
            name: Column(np.asarray(rows, dtype=np.int64), np.asarray(values, dtype=np.float64))
            for name, (rows, values) in self._columns.items()
        }
        batch = RecordBatch(
            np.asarray(self._lines, dtype=np.int64),
            np.asarray(self._steps, dtype=np.float64),
            columns,
            self.formats,
            self.attrs,
        )
        self.__init__()
        return batch
