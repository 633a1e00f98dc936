"""JSON lines: one object per line (torchtune, LLaMA-Factory trainer_log.jsonl, custom)."""

from __future__ import annotations

import json
import math
import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.record_kinds import RecordKinds, kind_name
from lossmon.engine.formats.tags import renamed, tag_prefix
from lossmon.engine.naming import kind_of, split_of
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

# "episode": reinforcement-learning loggers count episodes, not optimiser steps.
STEP_KEYS = ("step", "global_step", "iteration", "iter", "current_steps", "num_updates", "_step", "episode")
_TOP_LEVEL_NUMBER = re.compile(rf'"(?P<name>[^"\\]+)":\s*(?P<q>"?)(?P<value>{VALUE})(?P=q)\s*(?=[,}}])')


# Deeper nesting is a bad line on every Python: 3.10 and 3.11's parser raises RecursionError near
# 1,000 levels (less the caller's stack), 3.12's reads far deeper. No metrics log nests a tenth of it.
MAX_JSON_DEPTH = 500


def load_json(text: str, wrapped: int = 0):
    """``json.loads``, or None for text that is not JSON, or is nested deeper than MAX_JSON_DEPTH.
    ``wrapped``: levels the caller put around the text (a document's entry read in brackets),
    which do not count towards the cap. Every JSON path reads through here: one cap for all."""
    try:
        value = json.loads(text)  # accepts Python's bare NaN / Infinity
    except (ValueError, RecursionError):
        return None
    limit = MAX_JSON_DEPTH + wrapped
    if text.count("{") + text.count("[") > limit and _deeper_than(value, limit):
        return None
    return value


_DECODER = json.JSONDecoder()
_BETWEEN_ENTRIES = re.compile(r"\s*+,?+\s*+")


def whole_entries(text: str) -> list:
    """The records of a JSON list (``text`` opens with ``[``) that is cut short: every object that
    is whole, up to the first that is not (a one-line dump of a run's records kept as a prefix, or
    still being written). Objects only: a number cut short still reads as a number ("0.12" of
    "0.1234"), a record cut short never closes its brace. Each is read by load_json, under its cap."""
    entries = []
    at = 1
    while True:
        at = _BETWEEN_ENTRIES.match(text, at).end()
        if not text.startswith("{", at):
            return entries
        try:
            _, end = _DECODER.raw_decode(text, at)
        except (ValueError, RecursionError):
            return entries
        entry = load_json(text[at:end])
        if entry is None:
            return entries
        entries.append(entry)
        at = end


def _deeper_than(value, limit: int) -> bool:
    """True when objects and arrays nest more than ``limit`` levels (walked level by level)."""
    level, depth = [value], 0
    while level:
        level = [node for node in level if isinstance(node, (dict, list))]
        if not level:
            return False
        depth += 1
        if depth > limit:
            return True
        level = [child for node in level for child in (node.values() if isinstance(node, dict) else node)]
    return False


def _int_to_float(value: int) -> float:
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _number(value) -> float | None:
    """A JSON number, or a string holding one ("0.5", HF 5.x and fairseq), as a float."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return value
    if isinstance(value, int):  # JSON integers are unbounded: 1e400 written out is inf
        return _int_to_float(value)
    if isinstance(value, str):
        return to_float(value.strip())
    return None


def flatten(obj: dict, prefix: str = "") -> dict[str, float]:
    """Numeric leaves of a JSON object; nested keys are joined with '/', numeric strings read.
    A list holding exactly one number is that number: hand-rolled loggers that append each value
    to a list per key dump ``{"episode": [1], "loss": ["4.657190"]}``. A longer list is left out:
    which of its values is the metric (a param group's lr, a per-class score) is not said.
    Walked with an explicit stack: nesting depth costs memory, never Python's recursion limit."""
    metrics: dict[str, float] = {}
    stack = [(prefix, iter(obj.items()))]
    while stack:
        base, items = stack[-1]
        for key, value in items:
            name = f"{base}{key}"
            if isinstance(value, dict):
                stack.append((name + "/", iter(value.items())))
                break  # depth first, so that names keep the order of the line
            if isinstance(value, list):
                value = value[0] if len(value) == 1 else None
            number = _number(value)
            if number is not None:
                metrics[name] = number
        else:
            stack.pop()
    return metrics


MIN_COLUMN_ROWS = 2  # one value per metric is a summary, not a curve


def column_values(value) -> list[float | None] | None:
    """The values of a column of a dict of columns: a list of numbers (Keras history), or an
    object of them keyed by row ("0", "1", ...: pandas' to_json). None for anything else."""
    if isinstance(value, dict):
        if not value or not all(key.isdigit() for key in value):
            return None
        value = list(value.values())
    if not isinstance(value, list) or len(value) < MIN_COLUMN_ROWS:
        return None
    numbers = [None if item is None else _column_number(item) for item in value]
    if any(number is _NOT_A_NUMBER for number in numbers) or all(number is None for number in numbers):
        return None
    return numbers


_NOT_A_NUMBER = object()


def _column_number(item):
    if isinstance(item, str):  # numpy floats made JSON-safe with str(): ["0.5688", "0.3184"]
        number = to_float(item.strip())
        return _NOT_A_NUMBER if number is None else number
    if isinstance(item, bool) or not isinstance(item, (int, float)):
        return _NOT_A_NUMBER
    return _int_to_float(item) if isinstance(item, int) else item


def _columns(obj: dict) -> dict[str, list[float | None]] | None:
    """Every member of the object as a column (column_values), or None when one is not."""
    columns = {}
    for key, value in obj.items():
        values = column_values(value)
        if values is None:
            return None
        columns[key] = values
    return columns or None


# A list member this long that names a loss or a metric is a curve of a results dump (shorter
# lists beside settings are per-group figures: two param groups' lr)
MIN_DUMP_ROWS = 3


def _figures(item, width: int | None) -> list[float] | None:
    """A number, or a list of ``width`` numbers, as a list of floats (None for anything else)."""
    if is_json_number(item):
        return [float(item)] if width in (None, 1) else None
    if isinstance(item, list) and len(item) >= 2 and (width is None or len(item) == width) and all(map(is_json_number, item)):
        return [float(x) for x in item]
    return None


def _stepped(value) -> list[tuple[float, list[float]]] | None:
    """``[[1, 0.5869], [2, 0.3244], ...]`` or ``[[5, [0.3756, 88.46]], [10, [...]]]``: (step, its
    figures) of each pair when every item is a whole number then a number (or a tuple of as many
    numbers as the first), and the whole numbers rise; else None."""
    if not isinstance(value, list) or len(value) < MIN_DUMP_ROWS:
        return None
    pairs: list[tuple[float, list[float]]] = []
    width = None
    for item in value:
        if not (isinstance(item, list) and len(item) == 2 and is_json_number(item[0])):
            return None
        step, figures = item[0], _figures(item[1], width)
        if figures is None or not float(step).is_integer() or (pairs and step <= pairs[-1][0]):
            return None
        width = len(figures)
        pairs.append((float(step), figures))
    return pairs


def _tuples(value) -> list[list[float]] | None:
    """``[[0.3628, 88.59], ...]``: the figures of each tuple, when every item is a tuple of as many
    numbers as the first (two or more); else None."""
    if not isinstance(value, list) or len(value) < MIN_DUMP_ROWS:
        return None
    rows: list[list[float]] = []
    for item in value:
        figures = _figures(item, len(rows[0]) if rows else None)
        if figures is None or len(figures) < 2:
            return None
        rows.append(figures)
    return rows


def _figure_names(key: str, width: int) -> list[str] | None:
    """The name of each figure of a tuple: ``key`` itself for one; for several, the key's parts, each
    after the first sharing its prefix ("test_loss/acc" -> "test_loss", "test_acc"); else None."""
    if width == 1:
        return [key]
    parts = key.split("/")
    if len(parts) != width or not all(parts):
        return None
    head = parts[0][: parts[0].rfind("_") + 1]
    return [parts[0]] + [head + part for part in parts[1:]]


def is_json_number(item) -> bool:
    """A JSON number (a bool is an int to Python, never a number here)."""
    return isinstance(item, (int, float)) and not isinstance(item, bool)


def dump_records(obj: dict) -> list[tuple[float, dict[str, float]]] | None:
    """A run's results dumped on one line (``json.dump`` without an indent): ``{"architecture":
    "fcnn1", "epochs": 200, "train_losses": [[1, 0.5869], ...], "test_loss/acc": [[0.3628, 88.59],
    ...]}``. Its members that are lists of values (row i at step i, as a dict of columns), of
    [step, value] pairs, or of tuples of figures, named as a loss or a metric, are its curves; the
    scalars beside them are the run's settings. (step, metrics) in step order, or None when no member
    is such a list or the object has a step of its own (a record, whose lists are per-group figures)."""
    if any(key in obj for key in STEP_KEYS) or "epoch" in obj:
        return None
    rows: dict[float, dict[str, float]] = {}
    for key, value in obj.items():
        if not isinstance(value, list) or len(value) < MIN_DUMP_ROWS or kind_of(key) not in ("loss", "metric"):
            continue
        if (pairs := _stepped(value)) is not None:
            stepped = pairs
        elif (tuples := _tuples(value)) is not None:
            stepped = [(float(row), figures) for row, figures in enumerate(tuples)]
        else:
            stepped = None
        if stepped is not None:
            names = _figure_names(key, len(stepped[0][1]))
            for step, figures in stepped if names is not None else ():
                rows.setdefault(step, {}).update(zip(names, figures))
        elif (values := column_values(value)) is not None:
            for row, number in enumerate(values):
                if number is not None:
                    rows.setdefault(float(row), {})[key] = number
    return sorted(rows.items()) if rows else None


# A training loss named as one: beside it in a record, a bare "loss" is not the training loss
_TRAINING_LOSS_KEYS = frozenset(("train_loss", "train/loss", "training_loss", "train loss", "training loss"))


def bare_loss_beside_training_loss(metrics: dict[str, float]) -> bool:
    """True when a record names its training loss and also holds a bare "loss" and no held-out
    loss: ``{**evaluate(model), "epoch": 1, "train_loss": 51.56}`` merged the evaluation's own
    "loss" (46.65, beside its recall@k and ndcg@k) into the epoch's record. That "loss" is the
    held-out pass's."""
    if "loss" not in metrics or _TRAINING_LOSS_KEYS.isdisjoint(metrics):
        return False
    return all(split_of(name) == "train" or kind_of(name) != "loss" for name in metrics)


class JsonLinesParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._kinds = RecordKinds()  # records of another kind are another table (formats.record_kinds)

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        stripped = text.strip()
        if not (stripped.startswith("{") and stripped.endswith("}")):
            return False
        obj = load_json(stripped)
        columns = _columns(obj) if line == 1 and isinstance(obj, dict) else None
        if line == 1 and columns is None and (obj is None or isinstance(obj, dict)):
            # Results dumped on one line: one object, or several joined by commas (`{"exp_id": 6},
            # {"architecture": ...}`: the run's id, then its results), each a run (dump_records)
            objects = [obj] if obj is not None else load_json(f"[{stripped}]", wrapped=1)
            runs = [dump_records(each) for each in objects if isinstance(each, dict)] if isinstance(objects, list) else []
            if any(runs):
                for rows in filter(None, runs):
                    for step, metrics in rows:
                        self.emit(out, line, step, metrics)
                return True
        if not isinstance(obj, dict):
            return False
        if columns is not None:
            # A dict of columns dumped on one line (Keras' history.history): a document, one
            # record per row, row i at step i (see formats.huggingface.HFStateParser).
            for row in range(max(len(values) for values in columns.values())):
                metrics = {name: values[row] for name, values in columns.items() if row < len(values)}
                self.emit(out, line, float(row), {k: v for k, v in metrics.items() if v is not None})
            return True
        metrics = flatten(obj)
        step_key = next((key for key in STEP_KEYS if key in metrics), None)
        spans = None
        if text == stripped and not any(isinstance(v, dict) for v in obj.values()):
            spans = {}
            for match in _TOP_LEVEL_NUMBER.finditer(text):
                spans.setdefault(match.group("name"), match.span("value"))
        step_span = spans.pop(step_key, None) if spans is not None and step_key else None
        if spans is not None and step_key is None:
            spans = None  # the step would be a count: only lines with their own step are templated
        step = metrics.pop(step_key) if step_key else None
        mode = obj.get("mode")
        prefix = tag_prefix(mode) if isinstance(mode, str) else None
        if prefix is not None:  # mmcv 1.x: {"mode": "val", ..., "loss": 0.22} is a held-out loss
            metrics = {renamed(prefix, name): value for name, value in metrics.items()}
            if spans is not None:
                spans = {renamed(prefix, name): span for name, span in spans.items()}
        elif (kind := self._kinds.prefix(obj, metrics)) is not None:
            # {"kind": "horizon_curve", "val_loss": 0.00712} after {"kind": "train_epoch", ...}
            metrics = {kind_name(kind, name): value for name, value in metrics.items()}
            if spans is not None:
                spans = {kind_name(kind, name): span for name, span in spans.items()}
        elif bare_loss_beside_training_loss(metrics):
            out.set_attrs("loss", split="val")
        self.emit(out, line, step, metrics, spans, step_span=step_span)
        return True


class JsonLines(Format):
    id = "jsonl"
    title = "JSON lines (torchtune jsonl, custom)"
    example = '{"step": 10, "loss": 1.2345, "lr": 2e-05}'
    anchor = r'^\{\s*"[^"]+"\s*:.*\}\s*$'
    parser = JsonLinesParser


class LlamaFactory(Format):
    id = "llamafactory"
    title = "LLaMA-Factory trainer_log.jsonl"
    example = '{"current_steps": 10, "total_steps": 1000, "loss": 1.2345, "lr": 4.99e-05, "epoch": 0.03, "percentage": 1.0, "elapsed_time": "0:01:02", "remaining_time": "1:42:18"}'
    anchor = r'^\{"current_steps": \d+, "total_steps": \d+'
    parser = JsonLinesParser
