"""Delimited tables with a header row: Lightning and Keras CSVLogger, Ultralytics results.csv
(new, and old with space-padded columns), timm summary.csv, and any CSV/TSV of metrics.

Cells may be empty (Lightning's sparse rows) or ``NA`` (Keras): both mean "not logged here".
A new header part-way (Lightning rewrites the file when a metric appears) restarts the columns;
rows already read before a rewrite are skipped when the file is read again. Rows whose cells no
longer fit the header (runs appended under one header with other columns) are re-read by their
values or skipped, never read by position (:mod:`~lossmon.engine.formats.column_drift`).
"""

from __future__ import annotations

import csv
import math
import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.column_drift import Realigner
from lossmon.engine.formats.file_named_columns import loss_columns_named_by_file, loss_named_by_file, value_column_name
from lossmon.engine.formats.listings import is_split_word
from lossmon.engine.formats.long_table import long_columns, series_name, split_column
from lossmon.engine.formats.prefixes import strip_prefix
from lossmon.engine.formats.unmeasured_cells import UnmeasuredZeros
from lossmon.engine.naming import kind_of, split_of
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

# Possessive: blanks are never a separator. A colon only between digits (YOLOv5's mAP_0.5:0.95,
# its forks' HBBmAP.5:.95):
# "INFO:__main__:step: 10, loss: 0.5" is a logged line, not a header.
# A blank before a digit ends a name: "Epoch 0, Step 25, total used time 7.17 (s)" is a logged
# line of pairs, not a header.
# A name may end in a unit or a sign: "gpu_util_%", "Acc%", "#params", "top1+".
# A name may be indexed after a colon by the group or class it is about ("avg_loss_group:0", ...,
# "avg_loss_group:3", group DRO's per-group columns): see _indexed_once.
_CELL_NAME = (
    r"[ ]*+[A-Za-z_](?:[\w/().@\[\]%#+-]|[ ](?![\d.])|(?<=\d):(?=\.?+\d)|(?<=[A-Za-z_]):(?=\d++[ ]*+(?:[,\t;]|$)))*+[ ]*+"
)
# pandas' ``DataFrame.to_csv()`` writes the index as a first column whose name is empty
# (",loss,lr,epsilon") or, once read and written again, "Unnamed: 0". After an empty first cell
# the next name starts at once: ", and then" is prose, not a header.
_INDEX_CELL = r"(?:Unnamed: \d++|(?=[,\t][A-Za-z_]))"
# (Some scripts end every line with the separator: "total loss\tscore loss\t...\tctc loss\t".)
_HEADER = re.compile(
    rf"^(?:{_INDEX_CELL}(?P<isep>[,\t;]){_CELL_NAME}(?:[,\t;]{_CELL_NAME})*+"
    rf"|{_CELL_NAME}(?:(?P<sep>[,\t;]){_CELL_NAME})+)[,\t;]?$"
)
_UNNAMED = re.compile(r"Unnamed: \d+\Z")
# A template of pairs printed before the values it was meant for, as the header of the rows that
# follow ("Epoch: , Avg Generator Loss: , ..., Avg Validation Discriminator Loss: " then one
# "1, 2.9603, 0.0052, ..." a line, after the logging prefix)
_EMPTY_TEMPLATE_CELL = r"[ ]*+[A-Za-z_][^,:\n]{0,80}+:[ ]*+"
_EMPTY_TEMPLATE = re.compile(rf"^{_EMPTY_TEMPLATE_CELL}(?:,{_EMPTY_TEMPLATE_CELL}){{2,}}+$")
_METRIC_WORD = re.compile(r"loss|acc|epoch|step|lr|map|recall|precision|f1|metric", re.I)
_STEP_COLUMNS = ("step", "global_step", "iteration", "iter", "_step", "total_timesteps", "total timesteps", "timesteps")
_EPOCH_COLUMNS = ("epoch",)
_MISSING = ("", "NA", "N/A", "None", "null")
# A cell holding the repr of a scalar: a torch tensor written with str() ("tensor(3.1304,
# device='cuda:0', grad_fn=<DivBackward0>)", "tensor([0.52])"), a TF tensor, a numpy array or
# numpy 2's scalar repr ("np.float64(0.25)"). Tried only on cells that are no plain number.
_WRAPPED_CELL = re.compile(
    rf"[ ]*+(?:tensor|array|tf\.Tensor|(?:np|numpy)\.float(?:16|32|64)?)"
    rf"\((?:\[[ ]*+(?P<listed>{VALUE})[ ]*+\]|[ ]*+(?P<num>{VALUE}))[ ]*+[,)]"
)


# A column name of more words is a sentence: "If your task is similar to the task ..., you can
# already use LlamaForCausalLM for predictions without further training." is prose with a comma.
MAX_CELL_WORDS = 6


def header_of(text: str, source: str | None = None, splits: bool = False) -> tuple[str, list[str]] | None:
    """(separator, column names) when the line looks like the header of a metrics table: one with
    a metric word, or, in a file its name calls a loss (``source``: its path), one whose names are
    split words alone (pandas' ``,train,val`` in losses.csv: the loss of each split). ``splits``:
    any header of split words alone, whatever the file (format detection, which has no path)."""
    if ":" in text and _EMPTY_TEMPLATE.match(text) is not None:
        text = text.replace(":", "")  # the names of a template printed with its values left out
    match = _HEADER.match(text)
    if not match and " : " in text:
        return _spaced_colon_header(text)
    if not match:
        return None
    separator = match.group("sep") or match.group("isep")
    cells = [cell.strip() for cell in text.split(separator)]
    if not _METRIC_WORD.search(text) and not (_split_words(cells) and (splits or loss_named_by_file(source))):
        return None
    if _UNNAMED.match(cells[0]):
        cells[0] = ""  # the index column pandas wrote, named on a second round trip
    if not cells[-1]:
        cells.pop()  # the trailing separator closes the last name, it opens no column
    if any(cell.count(" ") >= MAX_CELL_WORDS for cell in cells) and separator != "\t":
        return None
    if ":" in text and _indexed_once(cells):
        return None
    return separator, cells


# Cells between " : " ("e : batch : loss : train 1 : train 5", a script's own file of columns): at
# least three names, no other colon (a logged line's "INFO : root : loss: 0.5" has one)
_SPACED_COLON_HEADER = re.compile(r"[ ]*+[A-Za-z_][\w ]{0,40}?(?:[ ]++:[ ]++[A-Za-z_][\w ]{0,40}?){2,}[ ]*")


def _spaced_colon_header(text: str) -> tuple[str, list[str]] | None:
    if _SPACED_COLON_HEADER.fullmatch(text) is None or not _METRIC_WORD.search(text):
        return None
    cells = [cell.strip() for cell in text.split(" : ")]
    if not all(cells) or any(cell.count(" ") >= MAX_CELL_WORDS for cell in cells):
        return None
    return " : ", cells


def _split_words(cells: list[str]) -> bool:
    """True when every named cell is a split's word alone ("train", "val")."""
    named = [cell for cell in cells if cell and not _UNNAMED.match(cell)]
    return bool(named) and all(is_split_word(cell) for cell in named)


_INDEXED = re.compile(r"(.*[A-Za-z_]):(\d++)")


def _indexed_once(cells: list[str]) -> bool:
    """True when a name indexed after a colon has no second index beside it: a compact line of
    pairs ("epoch:1,step:100,loss:2") is no header; a header names each group's column of the
    same statistic ("avg_loss_group:0", "avg_loss_group:1", ...)."""
    indices: dict[str, set[str]] = {}
    for cell in cells:
        indexed = _INDEXED.fullmatch(cell)
        if indexed is not None:
            indices.setdefault(indexed.group(1), set()).add(indexed.group(2))
    return any(len(found) < 2 for found in indices.values())


def cell_value(cell: str) -> float | None:
    """The number a cell holds: a plain number, or a scalar's repr (see _WRAPPED_CELL)."""
    value = to_float(cell)
    if value is None and "(" in cell:
        wrapped = _WRAPPED_CELL.match(cell)
        if wrapped is not None:
            return to_float(wrapped.group("num") or wrapped.group("listed"))
    return value


class TableParser(LineParser):
    drops_fill_zeros = True  # held-out loss cells of 0 where nothing was measured (unmeasured_cells)

    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.columns: list[str] | None = None
        self.separator = ","
        self._step_index: int | None = None
        self._epoch_index: int | None = None
        self.rows_seen = 0  # data rows since the start of the file (rewrites are skipped by it)
        self._rows_done = 0
        self._last_row: list[float | None] = []  # the last row read, by column
        self._last: list[float | None] = []  # each column's last value, kept once the table drifted
        self._drifted: Realigner | None = None  # set when a row had another number of cells than the header has names
        self._total_column: str | None = None  # a "total" beside loss columns (see total_beside_losses)
        self._long: tuple[int, int, int | None] | None = None  # (name, value, split) columns of a table in long form
        self._split_index: int | None = None  # a column naming each row's split ("step,split,loss,...")
        self._split_totals: list[str] = []  # "train_total" columns not yet judged by a value (split_totals)
        self._split_total_losses: list[str] = []  # ... and those judged losses
        self._file_losses: tuple[str, ...] = ()  # columns holding the loss the file's name names
        self._file_loss_split = "train"
        self._fill_zeros: UnmeasuredZeros | None = None

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        header = header_of(text, self.source)
        if header is not None:
            self.separator, self.columns = header
            lowered = [name.lower() for name in self.columns]
            self._step_index = next((lowered.index(c) for c in _STEP_COLUMNS if c in lowered), None)
            self._epoch_index = next((lowered.index(c) for c in _EPOCH_COLUMNS if c in lowered), None)
            if self._step_index is None and self._epoch_index is None and not self.columns[0]:
                self._step_index = 0  # pandas' index: the row's number, the only step it has
            self._last_row, self._drifted = [], None
            self._total_column = total_beside_losses(self.columns)
            self._long = long_columns(self.columns)
            self._split_index = split_column(self.columns) if self._long is None else None
            named = value_column_name(self.columns, self.source, (self._step_index, self._epoch_index))
            if named is not None:
                self.columns = [named if name.strip().lower() == "value" else name for name in self.columns]
            self._file_losses, self._file_loss_split = loss_columns_named_by_file(
                self.columns, self.source, (self._step_index, self._epoch_index)
            )
            if self._file_losses and self._total_column is None:
                self._total_column = total_beside_losses(self.columns, parts_are_losses=True)
            self._split_totals, self._split_total_losses = split_totals(self.columns), []
            self._fill_zeros = UnmeasuredZeros(self.columns) if self.drops_fill_zeros else None
            return True
        if self.columns is None:
            return False
        cells = text.split(self.separator)
        if len(cells) == len(self.columns) + 1 and not cells[-1].strip():
            cells.pop()  # a trailing separator, as the header had
        if len(cells) != len(self.columns) and (message := strip_prefix(text)) != text:
            # rows a logger printed ("2024-06-01 15:30:28,678 - 1, 2.9603, ..."): the row is its message
            prefixed = message.split(self.separator)
            if len(prefixed) == len(self.columns):
                cells = prefixed
        if len(cells) != len(self.columns) and '"' in text:
            cells = next(csv.reader([text], delimiter=self.separator))  # quoted cells ("[a, b]")
        fits = len(cells) == len(self.columns)
        if not fits and len(cells) < 2:
            return False
        values = [None if cell.strip() in _MISSING else cell_value(cell.strip()) for cell in cells]
        if all(value is None for value in values):
            return False
        if not fits or self._drifted is not None:
            # Another run's columns under this header: once a row has drifted, a row of the
            # header's width may be shifted too ("time_s" gone, a column added at the end).
            if not fits and sum(value is not None for value in values) < len(values) // 2:
                return False  # mostly text: no row of a table
            if self._drifted is None:
                self._drifted = Realigner()
                self._last = self._last_row or [None] * len(self.columns)
            placed = self._drifted.place(values, self._last_with_restarted_step(values))
            if placed is None:
                return True  # a row of this table that cannot be read right: skipped, not shifted
            aligned: list[float | None] = [None] * len(self.columns)
            for value, column in zip(values, placed):
                if column >= 0:
                    aligned[column] = value
            values = aligned
            self._last = [value if value is not None else last for value, last in zip(values, self._last)]
        self._last_row = values
        # (judged on every row, those read again after a rewrite too: the same rows, the same state)
        fills = self._fill_zeros.fill_cells(values) if self._fill_zeros is not None and self._long is None else ()
        self.rows_seen += 1
        if self.rows_seen <= self._rows_done:
            return True  # already read before the file was rewritten
        self._rows_done = self.rows_seen
        step = None
        for index in (self._step_index, self._epoch_index):
            if index is not None and values[index] is not None:
                step = values[index]
                break
        if self._long is not None:
            if not fits:
                return True  # a row short of the name or value cell: no value of a named series
            split = cells[self._long[2]] if self._long[2] is not None else None
            name, value = series_name(cells[self._long[0]], split), values[self._long[1]]
            metrics = {name: value} if name is not None and value is not None else {}
            # (a row's own schedule beside its value, "0,train,10.96,8.4e-07,15.3,...": the lr and
            # the grad norm of that step; a timestamp or a throughput is no series of the table)
            for index, column in enumerate(self.columns):
                if index not in self._long and values[index] is not None and kind_of(column) in ("lr", "grad_norm"):
                    metrics.setdefault(column, values[index])
            return self.emit(out, line, step, metrics) or True
        metrics = {
            name: value
            for index, (name, value) in enumerate(zip(self.columns, values))
            if value is not None and index != self._step_index and index not in fills
        }
        if self._split_index is not None and fits:
            metrics = self._under_split(cells[self._split_index].strip(), metrics)
        for name in metrics:
            if name not in out.attrs:
                out.set_attrs(name, table_column=True)  # (a fill value may stand for "not measured": store._unmeasured)
        if self._total_column is not None:
            vouch_fractional_total(self.vouched, self._total_column, metrics.get(self._total_column))
        if self._split_totals:
            self._judge_split_totals(metrics)
        for name in self._split_total_losses:
            if "kind" not in out.attrs.get(name, ()):
                out.set_attrs(name, kind="loss")
        for name in self._file_losses:
            if name in metrics and "kind" not in out.attrs.get(name, ()):
                split = self._file_loss_split if split_of(name) == "train" else split_of(name)
                out.set_attrs(name, kind="loss", split=split)
        self.emit(out, line, step, metrics)
        return True

    def _judge_split_totals(self, metrics: dict[str, float]) -> None:
        """A split's total column is judged by its first value: a fraction makes it that split's
        loss (split_totals), a whole number a count, once and for all (the choice of the primary
        losses is made when a series appears)."""
        for name in [name for name in self._split_totals if name in metrics]:
            self._split_totals.remove(name)
            if is_fraction(metrics[name]):
                self._split_total_losses.append(name)

    def _last_with_restarted_step(self, values: list[float | None]) -> list[float | None]:
        """The columns' last values, with the step's set to the row's first cell when the step is
        the first column and that cell a count: an appended run starts its step again (1 or 0
        after 300), which no magnitude says, and the row still starts with its step."""
        first = values[0] if values else None
        if (
            0 not in (self._step_index, self._epoch_index) or first is None
            or not 0 <= first < math.inf or first != int(first) or not self._last
        ):
            return self._last
        return [first, *self._last[1:]]

    @staticmethod
    def _under_split(split: str, metrics: dict[str, float]) -> dict[str, float]:
        """A row of a held-out split ("500,val,3.689,...") holds that split's losses and metrics
        ("val/loss"); its schedule columns (lr, tokens, time) are the train rows' own."""
        if not is_split_word(split) or split_of(split) == "train":
            return metrics
        return {f"{split}/{name}": value for name, value in metrics.items() if kind_of(name) in ("loss", "metric")}

    def rewind(self) -> None:
        self.rows_seen = 0
        self.columns = None


def total_beside_losses(columns: list[str], parts_are_losses: bool = False) -> str | None:
    """The column named "total" alone when other columns of the header are losses
    ("epoch,lr,ce,domain,pl,total"), or when the file's name says they are (``parts_are_losses``:
    loss.csv's "iteration,total,bc,pde,supervised"): the sum of those terms, the loss the run
    optimises, when its cells hold fractions. "total" alone is otherwise a count or a time
    (naming.is_metric_name)."""
    total = next((name for name in columns if name.strip().lower() == "total"), None)
    if total is None or not (parts_are_losses or any(kind_of(name) == "loss" for name in columns if name != total)):
        return None
    return total


# A split's word, then "total": "train_total", "val/total" (a custom loop's per-epoch history:
# "epoch,train_total,val_total,train_cls,val_cls,..." beside the terms, or alone).
_SPLIT_TOTAL = re.compile(r"(?i:train|training|val|valid|validation|eval|dev|test)[_/. -](?i:total)")


def is_fraction(value: float | None) -> bool:
    """A finite value with a fractional part: a split total that holds one is a loss, not a count."""
    return value is not None and math.isfinite(value) and not value.is_integer()


def split_totals(columns: list[str]) -> list[str]:
    """The columns named by a split and "total" that no word names otherwise: that split's total
    loss when its cells hold fractions (as "total" alone beside losses: total_beside_losses), a
    count of examples when they hold whole numbers ("train_correct,train_total")."""
    return [name for name in columns if _SPLIT_TOTAL.fullmatch(name.strip()) is not None and kind_of(name) == "other"]


def vouch_fractional_total(vouched: set[str], total: str, value: float | None) -> None:
    """A value of the total column (total_beside_losses) that is a fraction makes it a sum of the
    losses, not a count: a metric from now on."""
    if value is not None and value == value and not value.is_integer():
        vouched.add(total)


class _TableFormat(Format):
    parser = TableParser
    whole_file = True
    strip_prefix = False

    def recognises(self, text: str) -> bool:
        return header_of(text, splits=True) is not None  # (the parser, which has the path, decides)


def _header_anchor(requirement: str) -> str:
    """The header regex behind a lookahead; anchored first, or search would retry it at every offset."""
    return "^" + requirement + _HEADER.pattern.replace("(?P<sep>", "(").replace("(?P<isep>", "(").removeprefix("^")


class UltralyticsParser(TableParser):
    """A results.csv row of an epoch that was not validated: Ultralytics (and YOLOv5) validate only
    at the last epoch under ``val=False`` (``noval``) and write the validation columns of the other
    epochs with their initial 0. Its metrics/* zeros are no measurement: read as one, a precision
    "stuck at 0" while the loss falls would be a contradiction. They are dropped when every
    metrics/* and val/* cell of the row is 0; its val/* zeros stay (store._unmeasured judges them)."""

    drops_fill_zeros = False  # its val/* zeros are records of their own (store._unmeasured)

    def emit(self, out: RecordBuilder, line: int, step: float | None, metrics: dict[str, float], *args, **kwargs) -> bool:
        validation = [value for name, value in metrics.items() if name.startswith(("metrics/", "val/"))]
        if validation and not any(validation):
            metrics = {name: value for name, value in metrics.items() if not name.startswith("metrics/")}
        return super().emit(out, line, step, metrics, *args, **kwargs)


class UltralyticsCsv(_TableFormat):
    parser = UltralyticsParser
    id = "ultralytics_csv"
    title = "Ultralytics YOLO results.csv (new, and old space-padded; metrics/* are validation)"
    example = "epoch,time,train/box_loss,train/cls_loss,train/dfl_loss,metrics/precision(B),metrics/recall(B),metrics/mAP50(B),metrics/mAP50-95(B),val/box_loss,val/cls_loss,val/dfl_loss,lr/pg0,lr/pg1,lr/pg2"
    anchor = _header_anchor(r"(?=.*train/box_loss|.*metrics/mAP)")


class LightningCsv(_TableFormat):
    id = "lightning_csv"
    title = "PyTorch Lightning CSVLogger metrics.csv (sparse rows)"
    example = "epoch,epoch_time,step,train_loss_epoch,train_loss_step,val_loss"
    anchor = _header_anchor(r"(?=(?:.*,)?epoch(?:,|$))(?=(?:.*,)?step(?:,|$))")


class KerasCsv(_TableFormat):
    id = "keras_csv"
    title = "Keras CSVLogger"
    example = "epoch,accuracy,loss,val_accuracy,val_loss"
    anchor = _header_anchor(r"(?=epoch[,\t;])(?=.*[,\t;]val_)")


class Table(_TableFormat):
    id = "csv"
    title = "CSV/TSV metrics table (timm summary.csv, custom)"
    example = "epoch,train_loss,eval_loss,eval_top1,eval_top5,lr"
    anchor = (
        _HEADER.pattern.replace("(?P<sep>", "(").replace("(?P<isep>", "(") + "|" + _EMPTY_TEMPLATE.pattern
        + "|^" + _SPACED_COLON_HEADER.pattern + "$"
    )
