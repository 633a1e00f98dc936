"""A column of a table that the file's name names, where the header does not.

One column of values called only "value" (``step,value``; TensorBoard's CSV download, ``Wall
time,Step,Value``) is an export of one metric per file, the file named by it (train_loss.csv), or
by TensorBoard after its run and tag (``run-.-tag-train_loss.csv``, the tag's slashes made
underscores). The column is that metric.

A table of several such columns in a file its name calls a loss (``loss.csv``, ``losses.csv``,
``train_loss.csv``), where no column names a loss or a metric of its own, holds that loss's
values by its parts: a W&B export of two terms (``run_id,epoch,mesa,run_name,step,base``), a
PINN's residuals (``iteration,bc,pde,supervised``), an embedding's ``iter,error``. Each such
column is a loss of the split the file names (loss_columns_named_by_file).
"""

from __future__ import annotations

import re

from lossmon.engine.formats.column import name_from_path
from lossmon.engine.naming import is_metric_name, is_step_word, kind_of, split_of

_VALUE = "value"
_TENSORBOARD_RUN, _TENSORBOARD_TAG = "run-", "-tag-"  # TensorBoard names a download "run-<run>-tag-<tag>.csv"


def value_column_name(columns: list[str], source: str | None, steps: tuple[int | None, ...]) -> str | None:
    """The metric the file's name names when the only metric column is called "value", else None."""
    metrics = [name for index, name in enumerate(columns) if index not in steps and name and is_metric_name(name)]
    if len(metrics) != 1 or metrics[0].strip().lower() != _VALUE:
        return None
    name = name_from_path(source)
    if name is not None and name.startswith(_TENSORBOARD_RUN) and _TENSORBOARD_TAG in name:
        tag = name.partition(_TENSORBOARD_TAG)[2]
        return tag if tag and is_metric_name(tag) else None
    return name


_WORDS = re.compile(r"[^\s_./-]++")


def loss_named_by_file(source: str | None) -> str | None:
    """The loss the file's name names (``losses.csv``: "losses"), or None."""
    name = name_from_path(source)
    return name if name is not None and kind_of(name) == "loss" else None


def loss_columns_named_by_file(
    columns: list[str], source: str | None, steps: tuple[int | None, ...],
) -> tuple[tuple[str, ...], str]:
    """(the columns that hold the loss the file's name names, its split) when no value column names
    a loss or a metric of its own; ((), "train") otherwise. A column any word of which names a
    counter, a clock or an id ("run_id", "wall_time") is no part of the loss."""
    name = loss_named_by_file(source)
    if name is None:
        return (), "train"
    parts = []
    for index, column in enumerate(columns):
        if index in steps or not column or not is_metric_name(column) or is_step_word(column):
            continue
        kind = kind_of(column)
        if kind in ("loss", "metric"):
            return (), "train"  # the table names its own losses and metrics: none is the file's
        if kind == "other" and all(is_metric_name(word) and not is_step_word(word) for word in _WORDS.findall(column)):
            parts.append(column)
    return tuple(parts), split_of(name)
