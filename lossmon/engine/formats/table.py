"""Delimited tables with a header row: Lightning and Keras CSVLogger, Ultralytics results.csv
(new, and old with space-padded columns), timm summary.csv, and any CSV/TSV of metrics.

Cells may be empty (Lightning's sparse rows) or ``NA`` (Keras): both mean "not logged here".
A new header part-way (Lightning rewrites the file when a metric appears) restarts the columns.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import to_float
from lossmon.engine.records import RecordBuilder

_CELL_NAME = r"\s*[A-Za-z_][\w/().@ \[\]-]*?\s*"
_HEADER = re.compile(rf"^{_CELL_NAME}(?:(?P<sep>[,\t;]){_CELL_NAME})+$")
_METRIC_WORD = re.compile(r"loss|acc|epoch|step|lr|map|recall|precision|f1|metric", re.I)
_STEP_COLUMNS = ("step", "global_step", "iteration", "iter")
_EPOCH_COLUMNS = ("epoch",)
_MISSING = ("", "NA", "nan_missing")


def header_of(text: str) -> tuple[str, list[str]] | None:
    """(separator, column names) when the line looks like the header of a metrics table."""
    match = _HEADER.match(text)
    if not match or not _METRIC_WORD.search(text):
        return None
    separator = match.group("sep")
    return separator, [cell.strip() for cell in text.split(separator)]


class TableParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.columns: list[str] | None = None
        self.separator = ","
        self._step_index: int | None = None
        self._epoch_index: int | None = None
        self.rows_seen = 0  # data rows since the start of the file (rewrites are skipped by it)
        self._rows_done = 0

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        header = header_of(text)
        if header is not None:
            self.separator, self.columns = header
            lowered = [name.lower() for name in self.columns]
            self._step_index = next((lowered.index(c) for c in _STEP_COLUMNS if c in lowered), None)
            self._epoch_index = next((lowered.index(c) for c in _EPOCH_COLUMNS if c in lowered), None)
            return True
        if self.columns is None:
            return False
        cells = text.split(self.separator)
        if len(cells) != len(self.columns):
            return False
        values = [to_float(cell.strip()) if cell.strip() not in _MISSING else None for cell in cells]
        if all(value is None for value in values):
            return False
        self.rows_seen += 1
        if self.rows_seen <= self._rows_done:
            return True  # already read before the file was rewritten
        self._rows_done = self.rows_seen
        step = None
        for index in (self._step_index, self._epoch_index):
            if index is not None and values[index] is not None:
                step = values[index]
                break
        metrics = {
            name: value
            for index, (name, value) in enumerate(zip(self.columns, values))
            if value is not None and index != self._step_index
        }
        self.emit(out, line, step, metrics)
        return True

    def rewind(self) -> None:
        self.rows_seen = 0
        self.columns = None


class Table(Format):
    id = "csv"
    title = "CSV/TSV metrics table (Lightning, Keras, Ultralytics, timm, custom)"
    example = "epoch,step,train_loss_step,val_loss\\n0,49,8.6205,"
    anchor = _HEADER.pattern.replace("(?P<sep>", "(")
    parser = TableParser
    whole_file = True

    def recognises(self, text: str) -> bool:
        return header_of(text) is not None
