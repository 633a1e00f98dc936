"""Records of several kinds in one JSON-lines log, told apart by a field that names what each
record is: ``{"kind": "train_epoch", "epoch": 1, "train_loss": 0.0104, "val_loss": 0.0084}``, then
``{"kind": "horizon_curve", "horizon": 1, "val_loss": 0.00712}`` (one checkpoint's loss at each
horizon, not a training curve). A hand-kept metrics file appends records of every kind it has to
one place; each kind is a table of its own, as a second header starts another table in CSV.

A kind that names a held-out split (``{"kind": "eval", "step": 500, "loss": 3.1}``, ``{"type":
"val", ...}``) is that split, as mmcv's ``"mode": "val"`` is: its values are the split's
("eval/loss"). Any other kind that shares a loss or a metric with the kinds before it is another
table: its values are named by it ("horizon_curve/val_loss"), not more points of their series. A
kind that shares none is left as it is (``{"event": "train", "total": ...}`` beside ``{"event":
"config", "n_train": ...}``). A field named "split" names a split or nothing.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.tags import renamed, tag_phase, tag_prefix
from lossmon.engine.naming import kind_of

# Fields that name what a record is (structlog's "event", a logger's "msg", a hand-kept "kind"),
# and one that names the split it measured, and nothing else ("split": "train" / "test")
KIND_KEYS = ("kind", "type", "event", "tag", "record_type", "event_type", "entry_type", "log_type", "msg")
SPLIT_KEY = "split"
# An identifier without digits: the name of a kind, not a sentence ("Epoch 3 done") or a counter
_KIND_VALUE = re.compile(r"[A-Za-z][A-Za-z_.:-]{0,47}+")
MAX_KINDS = 16  # a field with more values than this names no kinds of record
MAX_NAMES = 4096


def record_kind(obj: dict) -> str | None:
    """The value of a record's first kind field, when it is an identifier ("split:" before the
    value of a split field)."""
    for key in KIND_KEYS:
        value = obj.get(key)
        if isinstance(value, str):
            return value if _KIND_VALUE.fullmatch(value) is not None else None
    value = obj.get(SPLIT_KEY)
    if isinstance(value, str) and _KIND_VALUE.fullmatch(value) is not None:
        return SPLIT_KEY + ":" + value
    return None


def kind_name(kind: tuple[str, bool], name: str) -> str:
    """A value's name in a record of a kind RecordKinds.prefix gave ``kind`` for."""
    prefix, split = kind
    return renamed(prefix, name) if split else prefix + name


def _measured(name: str) -> bool:
    return kind_of(name) in ("loss", "metric")


class RecordKinds:
    """What the kind of each record makes of its values' names; a kind is decided once, at its
    first record with values."""

    def __init__(self) -> None:
        self._prefixes: dict[str, tuple[str, bool] | None] = {}  # kind → (prefix, split?) or None
        self._main_names: set[str] = set()  # names logged by the kinds left as they are

    def prefix(self, obj: dict, names) -> tuple[str, bool] | None:
        """``(prefix, split)`` for the values of this record, or None to leave them as they are.
        ``split``: the prefix is a held-out split's (formats.tags.renamed applies it, keeping the
        names that name their own split); else every name takes it."""
        kind = record_kind(obj)
        if kind is None or not names:
            return None  # (a record with no values, "provenance", decides nothing)
        if kind in self._prefixes:
            decided = self._prefixes[kind]
        elif len(self._prefixes) >= MAX_KINDS:
            return None
        else:
            decided = self._decide(kind, names)
            self._prefixes[kind] = decided
        if decided is None and len(self._main_names) < MAX_NAMES:
            self._main_names.update(names)
        return decided

    def _decide(self, kind: str, names) -> tuple[str, bool] | None:
        split_field = kind.startswith(SPLIT_KEY + ":")
        if split_field:
            kind = kind[len(SPLIT_KEY) + 1 :]
        phase = tag_phase(kind)
        if phase == "held_out" and (split := tag_prefix(kind)) is not None:
            return split, True
        if phase is None and not split_field and any(name in self._main_names and _measured(name) for name in names):
            return kind + "/", False
        return None
