"""Hugging Face Trainer: console dicts (4.x floats, 5.x quoted strings) and trainer_state.json,
with the other JSON documents of records read the same way (CatBoost, Keras history, Chainer log).

The console dict is a Python ``repr``: it is read with one regex (never ``ast.literal_eval``), and
any other ``print(dict)`` of numbers is read the same way.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser, matches_at_least
from lossmon.engine.formats.column import name_from_path
from lossmon.engine.formats.jsonl import (
    STEP_KEYS, _number, bare_loss_beside_training_loss, column_values, flatten, is_json_number, load_json,
    whole_entries,
)
from lossmon.engine.formats.listings import is_split_word, split_sizes
from lossmon.engine.formats.run_columns import names_a_history, run_columns
from lossmon.engine.formats.table import is_fraction, split_totals
from lossmon.engine.naming import kind_of
from lossmon.engine.numbers import SCALAR_REPR, VALUE, to_float
from lossmon.engine.records import RecordBuilder

# A value may be the repr of a scalar (numbers.SCALAR_REPR): numpy 2 prints "np.float64(0.91)" for the
# numpy values a script's compute_metrics returns, a torch scalar prints "tensor(0.52, device='cuda:0')".
_REPR_ARGUMENT = r"[ ]*+\w++=(?:'[^']*+'|<[^>]*+>|\([^)]*+\)|[\w.]++)"
_DICT_PAIR = re.compile(
    rf"'(?P<name>[^']+)': (?P<q>'?)(?P<repr>{SCALAR_REPR})?(?P<value>{VALUE})(?(repr)\]?+(?:,{_REPR_ARGUMENT})*+\))"
    rf"(?P=q)(?=[,}}])"
)
# A dict's repr written as one CSV field is quoted whole ("\"{'loss': 0.47, 'dataset': 'our'}\"",
# as a CSV writer quotes a field with commas in it): read as the dict it holds.
# A list of one flat dict is that dict: a notebook's "history = [evaluate(model, val_loader)]" shows
# "[{'val_loss': 3.8896, 'val_acc': 0.0259}]", the evaluation before training (the "Zero to GANs"
# course's template); a list of several is the history echoed, its records read already.
_DICT_LINE = re.compile(r"^(?P<q>\"?+)(?:\{'[^']+': .*\}|\[\{'[^']+': [^{}]*+\}\])(?P=q)\s*$")
# A value that is no number: a flag or a text ("'phase': 'train'", "'save_result': False"). A
# dict with two of them is a configuration printed at start (st-gcn's argument dict), not a record;
# 5.x quotes its numbers ("'loss': '2.312'", "'grad_norm': 'nan'"), which are no such values.
_TEXT_VALUE = re.compile(r"""': (?:True|False|None|'(?![-+]?+(?:\d|\.\d|(?i:nan|inf)))[^']*+')""")
MIN_TEXT_VALUES = 2
# ... unless a loss stands among its numbers and they outnumber the texts this many times over:
# a history dict per epoch that carries the run's tags ("'dataset': 'our', 'aggregator_type':
# 'single'" beside 'loss', 'val_loss', 'acc', ...). st-gcn's arguments hold no loss and about as
# many texts as numbers.
TAGGED_RECORD_RATIO = 2
# Keys of the end-of-training summary: an average over the run, not a point on the curve.
_SUMMARY_KEY = "train_runtime"
_STEP_KEYS = ("step", "global_step")
# Dicts of keys that name no loss, metric or learning rate waiting for a dict of the same keys
# with another value (see HFDictParser._settings_or_held): a bound on the key sets and the dicts kept.
MAX_HELD_KEY_SETS = 64
MAX_HELD_DICTS = 8


def numeric(items) -> dict[str, float]:
    """The numeric values of (name, value) items; numbers written as strings are read too."""
    metrics = {}
    for name, value in items:
        number = to_float(value) if isinstance(value, str) else value
        if is_json_number(number):
            metrics[name] = float(number)
    return metrics


class HFDictParser(LineParser):
    """``{'loss': 2.31, ...}`` lines. The console prints no step: train dicts are counted, and an
    eval dict belongs to the train step logged before it."""

    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.train_dicts = 0
        self._held: dict[tuple[str, ...], list[tuple[int, float, dict[str, float]]]] = {}
        self._changing: set[tuple[str, ...]] = set()  # key sets seen with a changed value

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if not _DICT_LINE.match(text):
            return False
        metrics: dict[str, float] = {}
        spans = {}
        for match in _DICT_PAIR.finditer(text):
            name = match.group("name")
            if name not in metrics:
                metrics[name] = to_float(match.group("value"))
                spans[name] = match.span("value")
        if _settings(text, metrics):
            return False
        if not metrics or (len(metrics) > 1 and is_split_word(next(iter(metrics))) and split_sizes(text, spans.items())):
            return False  # ("{'train': 40058, 'test': 12032}": the examples of each split)
        if _SUMMARY_KEY in metrics:
            self.train_dicts = 0  # the run is over: a run after it in the same log starts again
            return True
        if all(kind_of(name) == "other" for name in metrics) and self._settings_or_held(out, line, metrics):
            self.shape = None  # (held or dropped: no template of it)
            return False
        step_key = next((key for key in _STEP_KEYS if key in metrics), None)
        if step_key is not None:
            step_span = spans.pop(step_key)
            return self.emit(out, line, metrics.pop(step_key), metrics, spans, step_span=step_span) or True
        increments = "loss" in metrics
        if increments:
            self.train_dicts += 1
        self.emit(out, line, self.train_dicts, metrics, spans, counter=("train_dicts", increments))
        return True

    def _settings_or_held(self, out: RecordBuilder, line: int, metrics: dict[str, float]) -> bool:
        """A dict none of whose keys names a loss, a metric or a learning rate is a record only
        once a dict of the same keys changes a value: "{'feat_dim': 512, 'num_class': 72778,
        'margin': 0.35, 'scale': 32}" is a model's settings, printed once at start (once per rank
        under torch.distributed), while "{'psnr': 30.1, 'ssim': 0.91}" each epoch is a series.
        True while the dict is held (or dropped); False when it is a record, the held ones of its
        keys added first."""
        keys = tuple(metrics)
        if keys in self._changing:
            return False
        held = self._held.get(keys)
        if held is None:
            if len(self._held) < MAX_HELD_KEY_SETS:
                self._held[keys] = [(line, self.train_dicts, metrics)]
            return True
        if all(earlier == metrics for _, _, earlier in held):
            if len(held) < MAX_HELD_DICTS:
                held.append((line, self.train_dicts, metrics))
            return True
        self._changing.add(keys)
        for held_line, held_step, held_metrics in self._held.pop(keys):
            self.emit(out, held_line, held_step, held_metrics)
        return False


def _settings(text: str, metrics: dict[str, float]) -> bool:
    if not matches_at_least(_TEXT_VALUE, text, MIN_TEXT_VALUES):
        return False
    if not any(kind_of(name) == "loss" for name in metrics):
        return True
    return len(_TEXT_VALUE.findall(text)) * TAGGED_RECORD_RATIO > len(metrics)


class HFDict(Format):
    id = "hf_dict"
    title = "Hugging Face Trainer console dicts (4.x and 5.x), any printed dict of numbers"
    example = "{'loss': 2.3123, 'grad_norm': 3.456789016723633, 'learning_rate': 4.9500000000000004e-05, 'epoch': 0.01}"
    anchor = rf"^\"?+\[?+\{{'[\w./@ -]+': '?(?:[-+.\d]|nan|inf|-nan|-inf|{SCALAR_REPR})"
    parser = HFDictParser


class HFStateParser(LineParser):
    """A pretty-printed ``trainer_state.json`` (and CatBoost's ``catboost_training.json``), read
    as it is written: each entry of its record list (``log_history``, ``iterations``) becomes a
    record as soon as its closing brace arrives, so a file cut short, or still being written,
    gives every entry it holds whole. Nesting is followed line by line (brackets outside strings),
    and each entry is parsed once, on its own: the cost per line is O(1). The file is rewritten
    whole at every checkpoint; entries already read are skipped when it is read again.

    Two more shapes of the same kind of document are read here. A top-level list of records
    (Chainer's LogReport ``log``: ``[`` then one object per entry, steps in ``iteration``; also
    after an assignment, ``l = [``, and on one line, whole or cut short). And a dict of columns, one list of values per
    metric (Keras' ``history.history`` dumped with json, or pandas' ``to_json()`` with an index
    per column): its rows are records once the document closes (or the input ends), row ``i``
    at step ``i``, as Keras' CSVLogger numbers its epochs."""

    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._open = False  # inside the document
        self._depth = 0  # nesting depth after the last line
        self._list: str | None = None  # the record list being read, when inside one
        self._chunk: list[str] = []  # lines of the entry (or top-level member) being read
        self._chunk_line = 0
        self._chunk_depth = 0  # the depth at which it is complete
        self._members: dict = {}  # top-level members read whole (CatBoost's "meta")
        self._index = 0  # entries of this reading of the document so far
        self._step = None  # the step of the last entry that had one
        self._catboost: tuple[dict[str, list[str]], str | None] | None = None
        self.entries_done = 0
        self._columns: dict[str, list[float | None]] = {}  # a dict of columns' lists (Keras history)
        self._columns_line = 0
        self.rows_done = 0  # rows of the columns read (a rewritten document adds only new ones)
        self._named_list = False  # the member being read opened a list: of records, if an object comes next

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if not self._open:
            if line != 1:
                return False
            opening = text.rstrip()
            if opening == "{":
                self._start()
                return True
            if _LIST_OPENING.match(opening):
                self._start()
                self._list = _TOP_LIST
                return True
            if opening.startswith("["):  # a whole list of records (or of values) on one line
                entries = load_json(opening)
                if entries is None:  # cut short (a prefix of a one-line dump): its whole entries
                    entries = whole_entries(opening)
                if not isinstance(entries, list) or not entries:
                    return False
                self._start()
                for entry in entries:
                    self._entry(_TOP_LIST, entry, line, out)
                self._open = False
                return True
            return False
        depth = self._depth
        if "{" in text or "}" in text or "[" in text or "]" in text:  # (most lines are "key": value)
            depth += _depth_change(text)
        if self._chunk and self._named_list and len(self._chunk) == 1 and text.lstrip().startswith("{"):
            # "history": [ then "{": the member is a list of records under a name of the run's
            # own ({"history": [{"epoch": 1, "train_loss": 24.5}, ...]}, {"metadata": {...},
            # "training_steps": [{"step": 1510, "loss": 3.07}, ...]}): each entry is read as it
            # closes, like a top-level list's (a file still being written gives what it holds)
            self._chunk, self._named_list, self._list = [], False, _TOP_LIST
        if self._chunk:
            self._chunk.append(text)
            if depth <= self._chunk_depth:
                self._read_chunk(out)
        elif self._list is not None:
            if text.lstrip().startswith("]"):
                self._list = None  # the record list is over
            elif self._list == _TOP_LIST and not text.lstrip().startswith(_JSON_VALUE_STARTS):
                self._open = False  # a log that opened with "[", no JSON list: the other formats read on
                return False
            else:
                self._chunk, self._chunk_line, self._chunk_depth = [text], line, self._depth
                if depth <= self._depth:
                    self._read_chunk(out)
        elif self._depth == 1:
            member = _MEMBER.match(text)
            if member is None:
                if depth > 0:  # no JSON document after all: let the other formats read on
                    self._open = False
                    return False
            elif member.group("key") in _RECORD_LISTS and depth == 2 and member.group("rest").rstrip() == "[":
                self._list = member.group("key")
            else:
                self._chunk, self._chunk_line, self._chunk_depth = [text], line, 1
                self._named_list = depth == 2 and member.group("rest").rstrip() == "["
                if depth <= 1:
                    self._read_chunk(out)
        self._depth = depth
        if depth <= 0:
            self._open = False  # the document is complete
            self._read_columns(line, out)
        return True

    def finish(self, out: RecordBuilder) -> None:
        if self._chunk and (self._list is not None or self._named_list):
            # The document ends inside a top-level list of values, or inside an entry of its
            # record list (a prefix of it, a dump cut by a full disk): the values it has, closed
            # where they stop (an entry cut inside a value of its own gives none)
            self._chunk[-1] = self._chunk[-1].rstrip().rstrip(",")
            self._chunk.append("}" if self._list is not None else "]")
            self._read_chunk(out)
        self._read_columns(self._columns_line, out)  # a document cut short: the columns it has

    def rewind(self) -> None:
        self._open = False

    def _start(self) -> None:
        self._open, self._depth, self._list = True, 1, None
        self._chunk, self._members, self._index, self._step, self._catboost = [], {}, 0, None, None
        self._columns = {}
        self._named_list = False

    def _read_columns(self, line: int, out: RecordBuilder) -> None:
        """The rows of a dict of columns, each a record (the rows read before skipped)."""
        columns, self._columns = self._columns, {}
        if not columns:
            return
        for name in split_totals(list(columns)):
            # "train_total", "val_total" beside the terms of a loss (train_asr, train_kg ...): each
            # split's total loss when it holds fractions, as in a table (formats.table.split_totals)
            if any(is_fraction(value) for value in columns[name]):
                out.set_attrs(name, kind="loss")
        rows = max(len(values) for values in columns.values())
        for row in range(self.rows_done, rows):
            metrics = {name: values[row] for name, values in columns.items() if row < len(values)}
            self._emit_document(out, line, float(row), {k: v for k, v in metrics.items() if v is not None})
        self.rows_done = max(self.rows_done, rows)

    def _emit_document(self, out: RecordBuilder, line: int, step: float | None, metrics: dict[str, float]) -> None:
        """A record of a dict of columns, under the id of the documents it belongs to (a file
        that opened as a trainer_state might)."""
        own, self.format = self.format, _JSON_DOCUMENT
        try:
            self.emit(out, line, step, metrics)
        finally:
            self.format = own

    def _read_chunk(self, out: RecordBuilder) -> None:
        """An entry of the record list, or a top-level member, is complete: read it."""
        chunk, self._chunk = self._chunk, []
        body = "".join(chunk).strip().rstrip(",")  # (JSON needs no line ends between its lines)
        if self._list is not None:
            entries = load_json("[" + body + "]", wrapped=1)
            if isinstance(entries, list):
                for entry in entries:
                    self._entry(self._list, entry, self._chunk_line, out)
            return
        member = load_json(f"{{{body}}}", wrapped=1)
        if not isinstance(member, dict):
            return
        for key, value in member.items():
            if key in _RECORD_LISTS and isinstance(value, list):  # the whole list on one line
                for entry in value:
                    self._entry(key, entry, self._chunk_line, out)
            elif key == "meta":
                self._members[key] = value
            elif (values := column_values(value)) is not None:
                self._columns[key] = values
                self._columns_line = self._chunk_line
            elif isinstance(value, list) and value and all(isinstance(entry, dict) for entry in value):
                for entry in value:  # a named list of records on one line: {"history": [{...}, {...}]}
                    self._entry(_TOP_LIST, entry, self._chunk_line, out)
            elif (records := _numbered_records(value)) is not None:
                for entry in records:  # records keyed by their number: {"epoch_to_data": {"0": {...}, "1": {...}}}
                    self._entry(_TOP_LIST, entry, self._chunk_line, out)
            elif isinstance(value, dict) and (split_columns := _split_columns(key, value)):
                # {"train": {"l2": [...]}, "valid": {"l2": [...]}}: LightGBM's evals_result_,
                # XGBoost's evals_result() dumped with json: a dict of columns per data set, each
                # named by its set as CatBoost's are ("valid/l2", "validation_0/rmse")
                self._columns.update(split_columns)
                self._columns_line = self._chunk_line
            elif isinstance(value, dict) and (nested := run_columns(key, value)):
                # {"results": {"HistoMoE": {"train_losses": [...]}, "Baseline": {...}}}: each run's
                # history under its name, named by its path ("results/HistoMoE/train_losses")
                self._columns.update(nested)
                self._columns_line = self._chunk_line

    def _entry(self, kind: str, entry, line: int, out: RecordBuilder) -> None:
        index = self._index
        self._index += 1
        if kind == _TOP_LIST and not isinstance(entry, (dict, bool)) and isinstance(entry, (int, float, str)):
            # A list of values: json.dump(losses, f), or str(list) in a .txt. The file's name
            # names it (loss.json), as it names a column of bare numbers (formats.column).
            name = name_from_path(self.source)
            value = _number(entry)
            if name is not None and value is not None and index >= self.entries_done:
                self.entries_done = index + 1
                self.emit(out, line, None, {name: value})
            return
        if not isinstance(entry, dict):
            return
        if kind == "iterations":
            self._catboost_entry(entry, index, line, out)
            return
        if kind == _TOP_LIST:  # Chainer's LogReport: {"main/loss": ..., "epoch": 1, "iteration": 100}
            metrics = flatten(entry)
            step_key = next((key for key in STEP_KEYS if key in metrics), None)
            # (a saved log_history: predict_* entries have no step; the summary is no point)
            step = metrics.pop(step_key) if step_key is not None else self._step
            self._step = step
            if index >= self.entries_done and _SUMMARY_KEY not in entry:
                self.entries_done = index + 1
                if bare_loss_beside_training_loss(metrics):
                    out.set_attrs("loss", split="val")
                self.emit(out, line, step, metrics)
            return
        step = entry.get("step", self._step)  # predict_* entries have no step
        self._step = step
        if index < self.entries_done or _SUMMARY_KEY in entry:
            return
        self.entries_done = index + 1
        self.emit(out, line, step, numeric((k, v) for k, v in entry.items() if k != "step"))

    def _catboost_entry(self, entry: dict, index: int, line: int, out: RecordBuilder) -> None:
        """An iteration of CatBoost's ``catboost_info/catboost_training.json``: ``meta`` (which
        comes first) names the metrics of each set (the first learn metric is the objective),
        then one entry per iteration with a list of values per set: ``{"learn":[0.51],
        "iteration":1,...,"test":[0.89,0.51]}``. Series are ``<set>/<metric>`` (``learn/Logloss``,
        ``test/AUC``); the objective is a loss whatever its name (RMSE, MultiClass), on the learn
        set and on the test sets."""
        if self._catboost is None:
            meta = self._members.get("meta")
            if not isinstance(meta, dict):
                return
            self._catboost = _catboost_names(meta)
        names, objective = self._catboost
        if index < self.entries_done:
            return
        self.entries_done = index + 1
        metrics = {}
        for kind, series in names.items():
            values = entry.get(kind)
            if isinstance(values, list) and len(values) == len(series):
                metrics.update(numeric(zip(series, values)))
        if not metrics:
            return
        for name in metrics:
            if objective is not None and name.endswith(f"/{objective}"):
                out.set_attrs(name, kind="loss")
        step = entry.get("iteration")
        self.emit(out, line, float(step) if isinstance(step, (int, float)) else None, metrics)


def _catboost_names(meta: dict) -> tuple[dict[str, list[str]], str | None]:
    """The series of each set (several test sets: their values follow one another, metrics
    within each), and the objective."""
    names: dict[str, list[str]] = {}
    for kind in ("learn", "test"):
        sets = [name for name in meta.get(f"{kind}_sets") or [] if isinstance(name, str)]
        metrics = [m.get("name") for m in meta.get(f"{kind}_metrics") or [] if isinstance(m, dict)]
        if sets and metrics and all(isinstance(m, str) for m in metrics):
            names[kind] = [f"{name}/{metric}" for name in sets for metric in metrics]
    learn_metrics = meta.get("learn_metrics") or []
    objective = learn_metrics[0].get("name") if learn_metrics and isinstance(learn_metrics[0], dict) else None
    return names, objective if isinstance(objective, str) else None


_RECORD_LISTS = ("log_history", "iterations")
MAX_SPLIT_COLUMNS = 64  # metrics of one data set in an evals_result dump; more is no such dump


def _split_columns(split: str, value: dict) -> dict[str, list[float | None]] | None:
    """``{"l2": [...], "l1": [...]}`` under a data set's key: its columns, named ``split/metric``;
    None unless every member is a column of values."""
    if not value or len(value) > MAX_SPLIT_COLUMNS:
        return None
    columns = {}
    prefix = "" if names_a_history(split) else f"{split}/"  # ({"history": {...}} names no data set)
    for metric, inner in value.items():
        values = column_values(inner)
        if values is None:
            return None
        columns[f"{prefix}{metric}"] = values
    return columns
_TOP_LIST = ""  # the record list that is the document itself
_JSON_VALUE_STARTS = ("{", "[", '"', "-", "+", ".", "N", "I", "t", "f", "n", *"0123456789")
# "[" opening a document that is a list, maybe assigned to a name ("l = [": a log saved as code).
# "[", "l = [", and a script's declaration: "const model_train = [" (a log history dumped into a
# JavaScript file for a dashboard), "export const history = [", "let log = [", "module.exports = [".
_LIST_OPENING = re.compile(
    r"(?:(?:export[ \t]++)?+(?:const|let|var)[ \t]++)?+(?:[A-Za-z_$][\w$.]{0,40}+[ \t]*+=[ \t]*+)?+\[\Z"
)
_MEMBER = re.compile(r'[ \t]*+"(?P<key>(?:[^"\\]|\\.)*+)"[ \t]*+:[ \t]*+(?P<rest>.*)')
_STRING = re.compile(r'"(?:[^"\\]|\\.)*+"')


def _numbered_records(value) -> list[dict] | None:
    """The records of a dict that keys each by its number ("0", "1", ...: an epoch's, a step's), in
    their order, when every value is a record of numbers; else None (a dict of runs' columns, a
    config)."""
    if not isinstance(value, dict) or len(value) < 2 or not all(isinstance(key, str) and key.isdigit() for key in value):
        return None
    records = [value[key] for key in sorted(value, key=int)]
    if not all(isinstance(record, dict) and record and all(is_json_number(item) for item in record.values()) for record in records):
        return None
    return records


def _depth_change(text: str) -> int:
    """How much deeper in the document the text ends than it starts (brackets in strings are text)."""
    if '"' in text:
        text = _STRING.sub("", text)
    return text.count("{") + text.count("[") - text.count("}") - text.count("]")


class HFState(Format):
    id = "hf_trainer_state"
    title = "Hugging Face trainer_state.json (and CatBoost's catboost_training.json)"
    example = '{"log_history": [{"epoch": 0.91, "loss": 1.1409, "step": 500}, ...]}'
    anchor = r"^\{\s*$"
    parser = HFStateParser
    whole_file = True
    first_line_only = True
    strip_prefix = False


class JsonDocument(HFState):
    """The other JSON documents of records, read by the same parser: its records carry this id
    (a dict of columns opens with "{" as a trainer_state does, and says what it is only later)."""

    id = "json_document"
    title = "JSON document of records: Chainer's log (a list), Keras' history.json (columns), a list of values"
    example = "l = ["
    # "[" alone (pretty, maybe assigned: "l = ["), or a list on one line: of objects, or of
    # numbers only ("[1,    20] loss: 2.29" is a logged line, not a list).
    anchor = (
        r"^(?:(?:(?:export[ \t]++)?+(?:const|let|var)[ \t]++)?+(?:[A-Za-z_$][\w$.]{0,40}+[ \t]*+=[ \t]*+)?+\[[ \t]*+"
        r"|\[\{.*|\[[-+\d.eE, \t]++\][ \t]*+)$"
    )


_JSON_DOCUMENT = JsonDocument()
