"""A console table with a two-level header: a row of named groups between pipes over the row of
column names (issue 12, class 4). Kaggle-style training scripts print it once per run:

    |------------ VALID -------------|----------- TRAIN -------------|------------|
    lr       iter     epoch    | loss   top-1  top-2            | loss   top-1  top-2           | time       |
    -----------------------------------------------------------------------------------------------
    0.0001   0.0    0.0        | 0.521  80.365  96.347          | 0.653  66.667  95.480         |  0 hr 06 min

Both groups spell ``loss``: only the group row tells the validation loss from the training loss,
so a column under a named group is named by it (``VALID/loss``, ``TRAIN/loss``). The groups are
matched to the header's cells by where they stand on the line, the header's cells to a row's by
their order between the pipes; a cell of the row that holds no number (``0 hr 06 min``) is none
of the record. A row is read only when its numbers fit their cells' names one to one.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.console_table import _cell_value, _step_index
from lossmon.engine.records import RecordBuilder

# The group row: a pipe, dashes and a name ("|------------ VALID ----"); recognises checks the
# rest. Formats are detected on the message, where "   |------------ " may have gone with the
# logging prefix: then it starts at the name ("VALID -------------|----------- TRAIN ---").
_GROUP_ANCHOR = r"^[ \t]*+\|?+-{3,}+[ \t]*+[A-Za-z][^|\n]*+\||^[A-Za-z][\w ./@+()]{0,40}+-{3,}+\|"
# A header must name a loss or a score among its columns, or a ruled banner would start a table
_GROUPED_METRIC_WORD = re.compile(r"loss|acc|top-?\d|error|score|map(?![a-z])|f1|auc|iou|dice", re.I)
_GROUPED_NAME_SPLIT = re.compile(r"[ \t]{2,}+")
_GROUPED_RULE = re.compile(r"[ \t]*+[-=+|*]{10,}+[ \t]*+")
MAX_GROUPED_CELLS = 32  # cells of a header; more is no table of metrics


def _pipe_cells(text: str) -> list[tuple[int, str]]:
    """The cells between pipes, each with where it starts; a blank last cell (after a closing
    pipe) is dropped."""
    cells, start = [], 0
    for part in text.split("|"):
        cells.append((start, part))
        start += len(part) + 1
    while cells and not cells[-1][1].strip():
        cells.pop()
    return cells


def group_spans(text: str) -> list[tuple[int, int, str]] | None:
    """(start, end, name) of each group of a group row, the name "" for an unnamed one (the blank
    over the first columns, a run of dashes); None when the line is no group row."""
    cells = _pipe_cells(text)
    if len(cells) < 2 or len(cells) > MAX_GROUPED_CELLS:
        return None
    spans, named = [], False
    for start, cell in cells:
        body = cell.strip()
        if body and not (body.startswith("-") or body.endswith("-")):
            return None  # a cell of words: a row of a table of items, not a group row
        name = body.strip("-").strip()
        if name and (len(name) > 40 or not name[:1].isalpha()):
            return None
        named |= bool(name)
        spans.append((start, start + len(cell), name))
    return spans if named else None


def _grouped_names(cells: list[tuple[int, str]], groups: list[str]):
    """Per cell, its names cut at runs of two blanks and at every blank, each under its cell's
    group; None when a name comes twice."""
    named, seen = [], set()
    for (_, cell), group in zip(cells, groups):
        prefix = f"{group}/" if group else ""
        wide = [prefix + name for name in _GROUPED_NAME_SPLIT.split(cell.strip()) if name]
        narrow = [prefix + name for name in cell.split()]
        if seen.intersection(wide) or seen.intersection(narrow):
            return None
        seen.update(wide)
        seen.update(narrow)
        named.append((wide, narrow))
    return named


class GroupedTableParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._groups: list[tuple[int, int, str]] | None = None  # the last group row's, until its header
        self._cells: list[tuple[list[str], list[str]]] | None = None  # per cell: names cut at 2 blanks, at 1
        self._step: tuple[int, int] | None = None  # (cell, column) of the step

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if "|" in text and "-" in text and (groups := group_spans(text)) is not None:
            self._groups, self._cells = groups, None
            return True
        if self._groups is not None:
            groups, self._groups = self._groups, None
            return self._header(text, groups)
        if self._cells is None:
            return False
        if _GROUPED_RULE.fullmatch(text) is not None:
            return True
        return self._row(text, line, out)

    def _header(self, text: str, groups: list[tuple[int, int, str]]) -> bool:
        """The column names under the group row, each named by the group it stands under."""
        cells = _pipe_cells(text)
        if len(cells) < 2 or len(cells) > MAX_GROUPED_CELLS or _GROUPED_METRIC_WORD.search(text) is None:
            return False
        if len(groups) == len(cells):
            named = _grouped_names(cells, [name for _, _, name in groups])  # a group over each cell
        else:
            # groups that span several cells, or part of one: by where the cell's names stand
            by_place = []
            for start, cell in cells:
                position = start + len(cell) - len(cell.lstrip())
                by_place.append(next((name for low, high, name in groups if low <= position < high), ""))
            named = _grouped_names(cells, by_place)
            if named is None:
                # the group row's dashes do not line up with the cells (one group over two cells
                # that both say "loss"): the named groups in their order, from the first cell under one
                first = next((k for k, name in enumerate(by_place) if name), None)
                in_order = [name for _, _, name in groups if name]
                if first is not None:
                    ordered = [""] * first + in_order[: len(cells) - first]
                    named = _grouped_names(cells, ordered + [""] * (len(cells) - len(ordered)))
        if named is None:
            return False  # a name twice: the groups do not tell its columns apart
        self._cells = named
        index = _step_index(named[0][0])
        self._step = (0, index) if index is not None else None
        return True

    def _row(self, text: str, line: int, out: RecordBuilder) -> bool:
        cells = _pipe_cells(text)
        if len(cells) != len(self._cells):
            return False
        metrics: dict[str, float] = {}
        step = None
        for k, ((_, cell), (wide, narrow)) in enumerate(zip(cells, self._cells)):
            tokens = cell.split()
            values = [_cell_value(token) for token in tokens]
            if not tokens or any(value is None for value in values):
                if k == 0:
                    return False  # a row starts with its numbers
                continue  # a time, a note: no value
            names = wide if len(wide) == len(values) else narrow if len(narrow) == len(values) else None
            if names is None:
                return False  # numbers that fit no names: not a row of this table
            for column, (name, value) in enumerate(zip(names, values)):
                if self._step == (k, column):
                    step = value
                else:
                    metrics[name] = value
        if not metrics:
            return False
        self.emit(out, line, step, metrics)
        return True

    def rewind(self) -> None:
        self._groups, self._cells, self._step = None, None, None


class GroupedTable(Format):
    id = "grouped_table"
    title = "Console table under a row of named column groups (|--- VALID ---|--- TRAIN ---|)"
    example = "                           |------------ VALID -------------|----------- TRAIN -------------|"
    anchor = _GROUP_ANCHOR
    parser = GroupedTableParser
    strip_prefix = False  # its pipes would be taken for a logging prefix's

    def recognises(self, text: str) -> bool:
        return group_spans(text) is not None or (text[:1].isalpha() and group_spans("|-" + text) is not None)
