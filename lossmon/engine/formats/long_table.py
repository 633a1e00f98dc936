"""Metrics tables in long form: one row per (metric, value, step), the metric's name in a cell.

DAGsHub's logger writes ``metrics.csv`` so (``Name,Value,Timestamp,Step`` then
``"train_loss",1.1338625,1613824468871,0``), as do exports of a metric history (``key,value,
timestamp,step``), as does a script that writes its train and val losses to one file
(``step,type,value,lr,...``, ``0,val,10.95``, ``0,train,10.96,8.4e-07,...``), or with the split in
a column of its own (``mode,epoch,metric,result`` then ``training,0,loss,1.203`` and
``validation,0,loss,1.054``: the series is ``training/loss``). Read by position, such a table has
one column of values that no name says anything about; each row is instead one value of the series
its name cell names.
"""

from __future__ import annotations

_NAME_COLUMNS = ("name", "metric", "metric_name", "key", "tag", "type")
_VALUE_COLUMNS = ("value", "result")
_SPLIT_COLUMNS = ("mode", "split", "phase", "stage", "subset")


def long_columns(columns: list[str]) -> tuple[int, int, int | None] | None:
    """(index of the name column, of the value column, of the split column or None) when a header
    is that of a table in long form, else None."""
    lowered = [name.strip().lower() for name in columns]
    name = next((lowered.index(word) for word in _NAME_COLUMNS if word in lowered), None)
    value = next((lowered.index(word) for word in _VALUE_COLUMNS if word in lowered), None)
    if name is None or value is None:
        return None
    return name, value, split_column(columns)


def split_column(columns: list[str]) -> int | None:
    """The index of a column that names each row's split ("mode", "split", "phase" ...), if any."""
    lowered = [name.strip().lower() for name in columns]
    return next((lowered.index(word) for word in _SPLIT_COLUMNS if word in lowered), None)


def series_name(cell: str, split_cell: str | None = None) -> str | None:
    """The metric a row's name cell names (a CSV writer may have quoted it), or None when empty;
    under the split its split cell names, if any ("training/loss")."""
    name, split = _unquoted(cell), _unquoted(split_cell or "")
    return f"{split}/{name}" if name and split else name or None


def _unquoted(cell: str) -> str:
    cell = cell.strip()
    if len(cell) >= 2 and cell[0] == cell[-1] and cell[0] in "\"'":
        cell = cell[1:-1].strip()
    return cell
