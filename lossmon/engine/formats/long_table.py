"""Metrics tables in long form: one row per (metric, value, step), the metric's name in a cell.

DAGsHub's logger writes ``metrics.csv`` so (``Name,Value,Timestamp,Step`` then
``"train_loss",1.1338625,1613824468871,0``), as do exports of a metric history (``key,value,
timestamp,step``), as does a script that writes its train and val losses to one file
(``step,type,value,lr,...``, ``0,val,10.95``, ``0,train,10.96,8.4e-07,...``). Read by position, such a table has one column of values that no name says
anything about; each row is instead one value of the series its name cell names.
"""

from __future__ import annotations

_NAME_COLUMNS = ("name", "metric", "metric_name", "key", "tag", "type")
_VALUE_COLUMNS = ("value",)


def long_columns(columns: list[str]) -> tuple[int, int] | None:
    """(index of the name column, index of the value column) when a header is that of a table in
    long form, else None."""
    lowered = [name.strip().lower() for name in columns]
    name = next((lowered.index(word) for word in _NAME_COLUMNS if word in lowered), None)
    value = next((lowered.index(word) for word in _VALUE_COLUMNS if word in lowered), None)
    if name is None or value is None:
        return None
    return name, value


def series_name(cell: str) -> str | None:
    """The metric a row's name cell names (a CSV writer may have quoted it), or None when empty."""
    name = cell.strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "\"'":
        name = name[1:-1].strip()
    return name or None
