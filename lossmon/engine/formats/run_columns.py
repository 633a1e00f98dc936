"""Per-epoch lists nested under the names of runs or models in a JSON document (issue 12, holdout16e).

A script that trains several models (or one model on several data sets) keeps a history dict per
run, a list per metric beside a few summaries, and dumps them all under a member of its results:

    {"config": {...}, "results": {"HistoMoE": {"best_val_pcc": -0.011, "train_losses": [0.488, ...],
     "val_pccs": [...]}, "Baseline": {...}}}

A top-level member that is a column, or a dict of nothing but columns, is read elsewhere (Keras'
history, a boosting library's evals_result: :mod:`~lossmon.engine.formats.huggingface`); here each
run's dict of columns, summaries beside them, stands under its name: a top-level member, or a level
or two below one. Each list is named by its path from the top
member down (``results/HistoMoE/train_losses``), as a user would find it in the file; several runs
give several series, in the order the file lists them. A dict counts as a run's only when one of its
lists is named as a loss or a metric; the summaries beside the lists (``best_val_pcc``) are no
points. A configuration is never walked into: its lists (layer sizes, a loss's weights) are settings.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.jsonl import column_values
from lossmon.engine.naming import kind_of

# How deep below the top member a run's dict may stand: results/<run>, results/<data set>/<run>.
MAX_RUN_DEPTH = 3
MAX_RUN_COLUMNS = 256  # columns taken from one member (a bound on what one document adds)
# A loss's weights are settings, whatever the dict that holds them is called ("loss_weights": [1.0, 0.5]).
_WEIGHTS = re.compile(r"(?i:weight)")
# Members that hold a run's settings rather than its history.
_SETTINGS_KEYS = frozenset(
    "config configs cfg conf args arguments hparams hyperparameters hyper_parameters params parameters "
    "settings options opts opt".split()
)


_HISTORY_KEYS = frozenset("history train_history training_history metrics_history".split())


def names_a_history(key: str) -> bool:
    """Is a member's key a name for the run's history itself ({"history": {"train_loss": [...]}}),
    which adds nothing to its columns' names?"""
    return key.lower() in _HISTORY_KEYS


def run_columns(key: str, value: object) -> dict[str, list[float | None]]:
    """The columns of the runs' dicts nested in a top-level member's ``value`` (a dict), named by
    their path from ``key``; empty when it holds none."""
    found: dict[str, list[float | None]] = {}
    if isinstance(value, dict) and key.lower() not in _SETTINGS_KEYS:
        # the member may be a run itself ({"HistoMoE": {"train_losses": [...], "best_val_pcc": ...}});
        # one named as the history itself ({"history": {"train_loss": [...], "best_epoch": 3}})
        # names nothing of its own: its columns keep their names
        prefix = "" if names_a_history(key) else f"{key}/"
        for metric, values in _columns_of_a_run(value).items():
            found[f"{prefix}{metric}"] = values
        _walk(key, value, 1, found)
    return found


def _walk(path: str, node: dict, depth: int, found: dict[str, list[float | None]]) -> None:
    for name, inner in node.items():
        if len(found) >= MAX_RUN_COLUMNS:
            return
        if isinstance(inner, dict) and name.lower() not in _SETTINGS_KEYS:
            columns = _columns_of_a_run(inner)
            for metric, values in columns.items():
                found.setdefault(f"{path}/{name}/{metric}", values)
            if depth < MAX_RUN_DEPTH:
                _walk(f"{path}/{name}", inner, depth + 1, found)


def _columns_of_a_run(node: dict) -> dict[str, list[float | None]]:
    """The lists of values in a run's dict; none unless one is named as a loss or a metric."""
    columns = {}
    for name, inner in node.items():
        if isinstance(inner, list):
            values = column_values(inner)
            if values is not None:
                columns[name] = values
    if not any(kind_of(name) in ("loss", "metric") and _WEIGHTS.search(name) is None for name in columns):
        return {}
    return columns
