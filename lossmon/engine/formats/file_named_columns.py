"""A column of a table that the file's name names, where the header does not.

One column of values called only "value" (``step,value``; TensorBoard's CSV download, ``Wall
time,Step,Value``) is an export of one metric per file, the file named by it (train_loss.csv), or
by TensorBoard after its run and tag (``run-.-tag-train_loss.csv``, the tag's slashes made
underscores). The column is that metric.
"""

from __future__ import annotations

from lossmon.engine.formats.column import name_from_path
from lossmon.engine.naming import is_metric_name

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
