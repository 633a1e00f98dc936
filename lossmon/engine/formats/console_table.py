"""Tables printed to a console, where a header names the values of the lines after it
(issue 12, class 4).

- :class:`WhitespaceTable`: a header row of names separated by blanks, then rows of as many
  numbers (``Iteration  Wall_Time  Samples  Train_Return ... Critic_Loss``, then ``0  0.0004
  2126  -104.44 ...``). A row is read only when it has exactly one number per column. In a
  fixed-width header (columns two blanks apart) a name may hold blanks: spaCy's ``E  #  LOSS
  TOK2VEC  LOSS NER  ENTS_F ...``, whose ``#`` column is the step.
- :class:`BoxedTable`: stable-baselines3's console logger, one table per logging call: rows
  ``|    loss                 | -0.0269      |`` between dashed rules, under section rows
  ``| train/                  |              |`` that prefix the names below them. The whole
  table is one record, added when its closing rule arrives (or, where the rule never reaches the
parser, when a name comes again: the next table began).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.prefixes import strip_prefix
from lossmon.engine.formats.table import total_beside_losses, vouch_fractional_total
from lossmon.engine.formats.tags import renamed, tag_prefix
from lossmon.engine.formats.yolo_console_val_rows import all_row, header_names
from lossmon.engine.naming import kind_of
from lossmon.engine.numbers import VALUE, VALUE_OPEN, parse_number, to_float
from lossmon.engine.records import RecordBuilder

_NAME = r"[A-Za-z_][\w/().@-]*+"
# A metric word must appear in a header, or any line of three words would be one.
# "acc" and "map" must end their word ("Train Acc", "mAP50"): prose ("metrics are accumulated",
# "mapping") is no header.
# "Deviance" is the loss of gbm's verbose table ("Iter   TrainDeviance   ValidDeviance   StepSize").
# "GIoU" is the box loss of Ultralytics' YOLOv3 and first YOLOv5 ("Epoch gpu_mem GIoU obj cls total").
_METRIC_WORD = re.compile(r"loss|acc(?:uracy)?(?![a-z])|return|reward|error|score|perplexity|ppl|map(?![a-z])|f1|\bbox\b|deviance|\bgiou\b", re.I)
# A row may end in a progress bar after its last cell ("640: 100%|████| 8/8 [00:04<00:00]", YOLO):
# a row is final when its bar is full, the frames before it are progress.
_BAR = re.compile(r"\s*+(\d++)(?:%|[ \t]*+\Z)")  # (or cut short after its first digits: see below)
_WHITESPACE_HEADER = rf"^[ \t]*+{_NAME}(?:[ \t]++{_NAME}){{2,}}+[ \t]*+$"
_WHITESPACE_HEADER_RE = re.compile(_WHITESPACE_HEADER)
# A fixed-width header: columns two or more blanks apart, so a name may hold single blanks and
# any sign ("E    #       LOSS TRANS...  LOSS NER  ENTS_F  SCORE", spaCy's ``spacy train``). A
# word of a cell never starts with a digit (that is a row, or "iter: 19") and holds no ":" or
# "|" or "=" (aligned pairs, "Train  loss=0.7598  acc=0.5269", are a record); a cell is no rule
# ("---  ------").
_CELL = r"[^\s\d=|:\[-][^\s:|=]*+(?: [^\s\d:|=][^\s:|=]*+)*+"
_FIRST_CELL = r"[^\W\d][^\s:|=]*+(?: [^\s\d:|=][^\s:|=]*+)*+"  # a name first: "# E  #  LOSS" is a comment
_FIXED_HEADER = rf"^[ \t]*+{_FIRST_CELL}(?:[ \t]{{2,}}+{_CELL}){{2,}}+[ \t]*+$"
_FIXED_HEADER_RE = re.compile(_FIXED_HEADER)
# A header of cells between pipes: "| Epoch | Train Loss | Train Acc (%) | Val Loss |" (the
# leading pipe may have gone with the logging prefix). A cell is a name, maybe of several words.
# (The pipes may be box drawing's: tabulate's "fancy_grid" tables, "│ Survived   │   loss │".)
_PIPE_CELL = r"[A-Za-z_][^|│┃║\d\n]*+"
_PIPE_HEADER = rf"^[ \t]*+[|│┃║]?+[ \t]*+{_PIPE_CELL}(?:[|│┃║][ \t]*+{_PIPE_CELL}){{2,}}+[|│┃║]?+[ \t]*+$"
_PIPE_HEADER_RE = re.compile(_PIPE_HEADER)
# A field a logging format puts before each message, "%(funcName)s: " (a function's or logger's name)
_LOGGING_FIELD_SOURCE = r"[ \t]*+[A-Za-z_][\w.<>]*+:[ \t]++"
_LOGGING_FIELD = re.compile(_LOGGING_FIELD_SOURCE)
# ... and a pipe table's header behind one ("main:     Epoch | Train loss | ...": see _fielded_header)
_FIELDED_PIPE_HEADER = "^" + _LOGGING_FIELD_SOURCE + _PIPE_HEADER[1:]
# A markdown table's header after the logging prefix took its first cell ("| Epoch |" looks like
# one): two cells and the closing pipe are left ("Train Loss | Val Loss |"). The parser reads the
# whole line, where the header has its three cells.
_MARKDOWN_HEADER_TAIL = rf"^[ \t]*+{_PIPE_CELL}[|│┃║][ \t]*+{_PIPE_CELL}[|│┃║][ \t]*+$"
_MARKDOWN_HEADER_TAIL_RE = re.compile(_MARKDOWN_HEADER_TAIL)
_FIXED_SPLIT = re.compile(r"[ \t]{2,}")
_STEP_COLUMNS = ("step", "global_step", "iteration", "iter", "steps", "timesteps", "total_timesteps", "#", "epoch")


def _cell_value(cell: str) -> float | None:
    """A row's cell: a number, maybe with a unit (``7.8G``) or a progress (``0/299`` is 0). A
    cell with more digits after its number is none: a date or a time ("[2025-12-31",
    "12:13:01,324304]") starts a logging prefix, not a row."""
    if "/" in cell:
        cell = cell.partition("/")[0]
    match = _CELL_NUMBER.match(cell)
    return None if match is None else to_float(match.group("num"))


_CELL_NUMBER = re.compile(rf"\s*+{VALUE_OPEN}\s*+(?P<num>{VALUE})(?!\d)[^\d]*+$")


def _step_index(names: list[str]) -> int | None:
    lowered = [name.rpartition("/")[2].lower() for name in names]
    return next((lowered.index(name) for name in _STEP_COLUMNS if name in lowered), None)


class WhitespaceTableParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.columns: list[str] | None = None
        self._step: int | None = None
        # The header cut at runs of two blanks, when that names other columns than cutting at
        # every blank ("train acc    va_acc  train_loss  val_loss"): the rows say which is right.
        self._fixed: list[str] | None = None
        self._pipes = False  # the cells stand between pipes
        self._tables = 0  # headers seen: the step of tables whose rows are phases (see _phase_row)
        self._items = False  # the current table lists items (see _item_row): its rows are no records
        self._rows = 0  # rows of numbers read under the current header
        self._item_headers: set[tuple[str, ...]] = set()  # headers of such tables, when printed again
        self._epoch: float | None = None  # the step of the row just read, until its validation row
        self._val_names: list[str] | None = None  # the metrics of YOLO's validation header after it
        self._total: str | None = None  # a "total" column beside loss columns (table.total_beside_losses)
        self._starts: list[int] | None = None  # where each column's name starts in its header (one word each)
        self._wrapped = False  # the header ended in "\\": a DataFrame's next block of columns follows
        self._indexed = False  # the header is indented: its rows may start with a DataFrame's index
        self._prefixed = False  # the header stood behind a logging prefix: so do its rows
        self._fielded = False  # ... and behind a field of the logging format (see _fielded_header)

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if "│" in text or "┃" in text or "║" in text:
            text = text.translate(_BOX_PIPES)
        # The table is read whole (its leading cells are no prefix), unless its header came behind
        # one ("[2021/08/26 00:24:06] - Epoch  Seconds    Train Loss  Train Acc ..."): then its
        # rows carry the prefix too, and the prefix is no cell
        if self._prefixed or (self.columns is None and _header(text) is None):
            message = strip_prefix(text)
            if message != text and (self._prefixed or _header(message) is not None):
                text = message
                self._prefixed = True
        if self._fielded and (field := _LOGGING_FIELD.match(text)) is not None:
            text = text[field.end():]
        if self._epoch is not None:
            validation = self._validation(text, line, out)
            if validation is not None:
                return validation
        if "|" in text and (field := _fielded_header(text)) is not None:
            text = text[field:]  # (the field, not a part of the first column's name)
            self._fielded = True
        columns = _header(text)
        if columns is None and self._wrapped and (names := _continued_header(text)) is not None:
            columns = names, None  # the next block of a DataFrame too wide for the console
        if columns is not None:
            self._epoch = self._val_names = None
            self.columns, self._fixed = columns
            # pandas prints a DataFrame wider than the console in blocks of columns, each header but
            # the last ending in "\"; its header is indented over the index its rows start with
            self._wrapped = self.columns[-1] == "\\"
            if self._wrapped:
                self.columns = self.columns[:-1]
                self._fixed = None
            # (sklearn's classification_report is indented so too: its rows are classes, no records)
            # A DataFrame of names read already is the history shown again (a notebook's
            # "pd.DataFrame(history.history)" after the fit's own lines): its rows are no new records.
            # A block of columns without a loss is data, or scores (df.head() of a dataset with a
            # "score" column): not read
            self._indexed = (
                text[:1] in " \t" and self._fixed is None and "support" not in self.columns
                and any(kind_of(name) == "loss" for name in self.columns)
                and all(out.last_step(name) is None for name in self.columns)
            )
            self._starts = [match.start() for match in _WORD.finditer(text)] if self._fixed is None else None
            if self._starts is not None and len(self._starts) != len(self.columns):
                self._starts = None
            self._total = total_beside_losses(self.columns)
            self._pipes = self._fixed is None and "|" in text and _PIPE_HEADER_RE.match(text) is not None
            self._step = _step_index(self.columns)
            self._tables += 1
            self._items = tuple(self.columns) in self._item_headers
            self._rows = 0
            return True
        if self.columns is None:
            return False
        if self._items:
            return False
        if self._pipes:
            cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
            if cells and _PHASE_ROW.fullmatch(cells[0]) and len(cells) == len(self.columns):
                return self._phase_row(cells, line, out)
            if _BOX_RULE.fullmatch(text):
                return True  # a rule between the rows of a box-drawn table
        else:
            cells = (text.replace("No log", "No_log") if "No log" in text else text).split()
        if self._fixed is not None and len(cells) != len(self.columns):
            fixed = len(self._fixed)
            if len(cells) >= fixed and (cells[fixed - 1].endswith(":") or _numbers(cells, fixed) is not None):
                self.columns, self._fixed = self._fixed, None  # one number per fixed-width column
                self._step = _step_index(self.columns)
                self._starts = None
        width = len(self.columns)
        if len(cells) > width and cells[width - 1].endswith(":"):
            cells = cells[:width]
            cells[-1] = cells[-1][:-1]
            done = _BAR.match(text.split(maxsplit=width)[width])
            if done is None:
                return False
            # (a bar cut after its first digits, "640: 1", as a notebook saved YOLOv5's row: the
            # row as the output kept it, the epoch's one row there)
            if done.group(1) != "100" and "%" in done.group():
                return True  # an epoch in progress: its last frame is the record
        values = _numbers(cells, width)
        if values is None and self._indexed and len(cells) == width + 1 and cells[0].isdigit():
            # a DataFrame's row: its index, then a value per column
            values = _numbers(cells[1:], width)
            if values is not None and not all(value is None for value in values):
                self._rows += 1
                self.emit(out, line, float(cells[0]), {
                    name: value for name, value in zip(self.columns, values) if value is not None
                })
                return True
        if values is None and self._starts is not None and not self._pipes:
            values = _aligned(text, self._starts)
        if values is None and not self._rows and _item_row(cells, width):
            # (a table that opens on an item; a row of words after rows of numbers, YOLO's "all
            # 128 929 0.67 ..." under its training header, is only that row)
            self._items = True
            if len(self._item_headers) < MAX_ITEM_HEADERS:
                self._item_headers.add(tuple(self.columns))
            return False
        if values is None or all(value is None for value in values):
            return False
        self._rows += 1
        step = values[self._step] if self._step is not None and self._step < len(values) else None
        if self._total in self.columns[: len(values)]:
            vouch_fractional_total(self.vouched, self._total, values[self.columns.index(self._total)])
        # (zip: a row that ends in a note before its last columns has values for the first ones)
        metrics = {
            name: value
            for index, (name, value) in enumerate(zip(self.columns, values))
            if index != self._step and value is not None
        }
        self.emit(out, line, step, metrics)
        self._epoch, self._val_names = step, None
        return True

    def _validation(self, text: str, line: int, out: RecordBuilder) -> bool | None:
        """YOLO's validation header and its ``all`` row after an epoch's training row
        (yolo_console_val_rows): the row's metrics at that epoch, once (the per-class rows of a
        final validation after the last epoch are not read); None for any other line."""
        names = header_names(text)
        if names is not None:
            self._val_names = names
            return True
        if self._val_names is None:
            return None
        values = all_row(text, self._val_names)
        if values is None:
            return None
        self.emit(out, line, self._epoch, values)
        self._epoch = self._val_names = None
        return True

    def _phase_row(self, cells: list[str], line: int, out: RecordBuilder) -> bool:
        """A row named by its pass, under a header of metric columns: Ludwig's table per epoch,
        ``│ Survived │ loss │ accuracy │`` then ``│ train │ 7.9026 │ 0.3968 │``, ``│ vali │ 7.5711
        │ 0.3827 │``, ``│ test │ ...``. The values are the pass's ("vali/loss", "test/accuracy";
        the training row keeps the column's name), at the table's step: one table is one epoch."""
        values = _numbers(cells[1:], len(cells) - 1)
        if values is None:
            return False
        prefix = tag_prefix(cells[0])
        metrics = {
            renamed(prefix, name) if prefix else name: value
            for name, value in zip(self.columns[1:], values)
            if value is not None
        }
        self.emit(out, line, float(self._tables), metrics)
        return True


MAX_ITEM_HEADERS = 64


def _item_row(cells: list[str], width: int) -> bool:
    """True for a row named by an item under the header, with numbers after it: EasyOCR's
    ``SAĞA | SAĞA | 0.9864 True`` under ``Ground Truth | Prediction | Confidence Score & T/F``, a
    class's row of a detection table (``person  128  254  0.61 ...``). The table lists items: its
    rows are none of the run's records, even one whose cells happen to be numbers (``1851 | 1031 |
    0.8874 False``, a prediction of digits)."""
    return (
        len(cells) == width and _cell_value(cells[0]) is None and cells[0] not in _MISSING_CELLS
        and any(_cell_value(cell) is not None for cell in cells[1:])
    )


_BOX_PIPES = str.maketrans({"│": "|", "┃": "|", "║": "|"})
# A rule of a box-drawn table: box drawing characters and blanks only ("├────┼────┤", "╞═══╪═══╡")
_BOX_RULE = re.compile(r"[ \t\u2500-\u257f|]*+")
# The first cell of a row that names its pass: "train", "vali" (Ludwig), "validation", "test"
_PHASE_ROW = re.compile(r"(?i:train|training|val|vali|valid|validation|eval|evaluation|test|testing|dev)")


def _numbers(cells: list[str], width: int) -> list[float | None] | None:
    """The values of a row under ``width`` columns: one number per column (None where the cell
    says there is none: "No log", "-"), or numbers for the first columns and then a note with no
    number in it (a text column such as "Initial", a time in brackets "(00:18)", "<- best"),
    which is no value. None for anything else, and for the items of a printed list ("[432, 868]],
    dtype=int64)", a confusion matrix after a classification report's header)."""
    if any(cell.endswith(",") or "]" in cell for cell in cells[:width]):
        return None
    values: list[float | None] = []
    for index, cell in enumerate(cells):
        value = _cell_value(cell)
        if value is None:
            if cell in _MISSING_CELLS and index < width:
                values.append(None)
                continue
            if index < 2 or any(_cell_value(rest) is not None for rest in cells[index + 1 :]):
                return None
            return values
        if index == width:
            return None  # more numbers than columns
        values.append(value)
    return values if len(values) == width else None


def _aligned(text: str, starts: list[int]) -> list[float | None] | None:
    """The values of a row that leaves some cells blank, each number read in the column whose
    name starts where it starts: Chainer's PrintReport pads every cell to its column and leaves
    blank those not reported yet ("loss_dis    loss_gen    inception_mean  ...  FID", then
    "103.341     223.106" until the first evaluation). None unless the row has at least 2 numbers
    and every one of them starts exactly under a column's name."""
    values: list[float | None] = [None] * len(starts)
    found = 0
    for match in _WORD.finditer(text):
        column = _column_at(starts, match.start())
        value = _cell_value(match.group()) if column is not None else None
        if value is None:
            return None
        values[column] = value
        found += 1
    return values if found >= 2 else None


def _column_at(starts: list[int], offset: int) -> int | None:
    index = bisect_left(starts, offset)
    return index if index < len(starts) and starts[index] == offset else None


_WORD = re.compile(r"\S++")


# Cells that hold no value: Hugging Face's notebook table prints "No log" for a training loss not
# logged yet (read as one cell: "No_log").
_MISSING_CELLS = frozenset(("No_log", "-", "--", "N/A", "n/a", "NA", "None", "null"))


# A name glued to a measured value ("loss9.2023", "perplexity9920.619"): a record of glued pairs
# (formats.pairs.glued_pairs), no header ("mAP_0.5", "mAP@.5:.95" are names)
_GLUED_VALUE = re.compile(r"[A-Za-z]\d++\.\d{2,}+")


_CONTINUED_HEADER = re.compile(rf"[ \t]++{_NAME}(?:[ \t]++{_NAME})*+(?:[ \t]++\\)?+[ \t]*+")


def _continued_header(text: str) -> list[str] | None:
    """The names of a DataFrame's next block of columns (indented names, as few as one: "        loss")."""
    return text.split() if _CONTINUED_HEADER.fullmatch(text) is not None else None


def _fielded_header(text: str) -> int | None:
    """Where a pipe table's header starts behind a logging format's field ("main:     Epoch | Train
    loss | Train accuracy | ...", its rows "train: 1   / 200 |   0.762602 | ..."), or None."""
    field = _LOGGING_FIELD.match(text)
    if field is None or "|" not in text:
        return None
    rest = text[field.end():]
    return field.end() if _PIPE_HEADER_RE.match(rest) is not None and _header(rest) is not None else None


def _header(text: str) -> tuple[list[str], list[str] | None] | None:
    """The column names of a header row (with a metric word among them), and the names of its
    fixed-width reading when that differs (names that hold blanks), else None."""
    if _WHITESPACE_HEADER_RE.match(text):
        if not _METRIC_WORD.search(text) or _GLUED_VALUE.search(text):
            return None
        words = text.split()
        fixed = _FIXED_SPLIT.split(text.strip()) if _FIXED_HEADER_RE.match(text) else None
        return words, fixed if fixed is not None and len(fixed) != len(words) else None
    if _FIXED_HEADER_RE.match(text) and _METRIC_WORD.search(text):
        return _FIXED_SPLIT.split(text.strip()), None
    if "|" in text and _PIPE_HEADER_RE.match(text) and _METRIC_WORD.search(text):
        return [cell.strip() for cell in text.strip().strip("|").split("|")], None
    return None


class WhitespaceTable(Format):
    id = "console_table"
    title = "Console table: a header row of names, then rows of numbers separated by blanks"
    example = "Iteration    Wall_Time    Samples    Train_Return    Critic_Loss    Actor_Loss"
    # and a metric word (recognises): a lookahead here would scan every line
    anchor = f"{_WHITESPACE_HEADER}|{_FIXED_HEADER}|{_PIPE_HEADER}|{_FIELDED_PIPE_HEADER}|{_MARKDOWN_HEADER_TAIL}"
    parser = WhitespaceTableParser
    strip_prefix = False

    def recognises(self, text: str) -> bool:
        if "│" in text or "┃" in text or "║" in text:
            text = text.translate(_BOX_PIPES)
        return _header(text) is not None or _fielded_header(text) is not None or (
            _MARKDOWN_HEADER_TAIL_RE.match(text) is not None and _METRIC_WORD.search(text) is not None
        )


_BOX_ROW = re.compile(r"^\|[ \t]++(?P<name>[A-Za-z_][\w./-]*+)[ \t]*+\|[ \t]*+(?P<value>[^|\s]*+)[ \t]*+\|[ \t]*+$")
_RULE = re.compile(r"^-{8,}+[ \t]*+$")


# The rules of other tables of two columns: texttable's or prettytable's ("+------+------+",
# "+======+"), markdown's ("|:----------:|:-------------|", which the logging prefix may take whole),
# tables that print a configuration or a data set's counts once ("| Dropout | 0.500 |", "| balloon |
# 255 |" under detectron2's "| category | #instances |"): their rows are items and settings, no
# record. stable-baselines3 rules its tables with dashes only, and opens them on a section.
_FOREIGN_RULE = re.compile(r"[ \t]*+(?>(?:\|[ \t]*+:?+-{3,}+:?+[ \t]*+)++\|?+|\+(?:[-=]{3,}+\+)++)[ \t]*+\Z")


class BoxedTableParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._section = ""
        self._pending: dict[str, float] = {}
        self._first_line = 0
        self._foreign = False  # in a table of another kind (_FOREIGN_RULE) until the next dashed rule

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if text[:1] in " \t":
            # a notebook's output exported to markdown is indented ("    | value_loss | 401.4 |",
            # stable-baselines' PPO2 tables in a Colab .md): the table starts at its first pipe
            text = text.lstrip(" \t")
        if text[:1] == "-" and _RULE.match(text):
            self._flush(out)
            self._foreign = False
            return True
        if ("|:" in text or "-|" in text or "+-" in text or "+=" in text) and _FOREIGN_RULE.match(text):
            self._pending, self._section, self._foreign = {}, "", True  # (rows read above it were its header's)
            return True
        if self._foreign:
            if _BOX_ROW.match(text) is not None:
                return True  # a row of that table: no metric
            self._foreign = False  # a line of another kind ends it (its closing rule may never come)
            return False
        row = _BOX_ROW.match(text)
        if row is None:
            return False
        name, value = row.group("name"), row.group("value")
        if not value:
            if name.endswith("/"):
                self._section = name  # "| train/ |   |": the names below are train/...
            return True
        number = parse_number(value)
        if number is None:
            if not self._pending and not self._section:
                # a table that opens on a row of words, its header ("| category | #instances |",
                # "| Parameter | Value |"): a table of items or settings (_FOREIGN_RULE)
                self._foreign = True
            return True  # a text cell: part of the table, not a metric
        indented = text[1:3] == "  " or text[1:2] == "\t"
        key = self._section + name if indented and self._section else name
        if key in self._pending:  # a name again: the next table began (its rule went with the prefix)
            self._flush(out)
        if not self._pending:
            self._first_line = line
        self._pending[key] = number
        return True

    def _flush(self, out: RecordBuilder) -> None:
        if not self._pending:
            return
        metrics, self._pending = self._pending, {}
        names = list(metrics)
        index = _step_index(names)
        step = metrics.pop(names[index]) if index is not None else None
        self.emit(out, self._first_line, step, metrics)

    def finish(self, out: RecordBuilder) -> None:
        self._flush(out)

    def rewind(self) -> None:
        self._pending, self._section, self._foreign = {}, "", False


class BoxedTable(Format):
    id = "boxed_table"
    title = "Boxed console table (stable-baselines3): | name | value | rows between dashed rules"
    example = "|    loss                 | -0.0269      |"
    # Formats are detected on the message, where "|    " went with the logging prefix.
    anchor = r"^(?:\|[ \t]++)?[A-Za-z_][\w./-]*+[ \t]*+\|[ \t]*+[^|\s]*+[ \t]*+\|[ \t]*+$"
    parser = BoxedTableParser
    strip_prefix = False  # its "|" would be taken for a logging prefix
