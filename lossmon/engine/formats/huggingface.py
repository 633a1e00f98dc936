"""Hugging Face Trainer: console dicts (4.x floats, 5.x quoted strings) and trainer_state.json.

The console dict is a Python ``repr``: it is read with one regex (never ``ast.literal_eval``), and
any other ``print(dict)`` of numbers is read the same way.
"""

from __future__ import annotations

import json
import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

_DICT_PAIR = re.compile(rf"'(?P<name>[^']+)': (?P<q>'?)(?P<value>{VALUE})(?P=q)(?=[,}}])")
_DICT_LINE = re.compile(r"^\{'[^']+': .*\}\s*$")
# Keys of the end-of-training summary: an average over the run, not a point on the curve.
_SUMMARY_KEY = "train_runtime"
_STEP_KEYS = ("step", "global_step")
_CATBOOST_ENTRY = ('{"learn":[', '{"iteration":')  # an iteration of catboost_training.json


def numeric(items) -> dict[str, float]:
    """The numeric values of (name, value) items; numbers written as strings are read too."""
    metrics = {}
    for name, value in items:
        number = to_float(value) if isinstance(value, str) else value
        if isinstance(number, (int, float)) and not isinstance(number, bool):
            metrics[name] = float(number)
    return metrics


class HFDictParser(LineParser):
    """``{'loss': 2.31, ...}`` lines. The console prints no step: train dicts are counted, and an
    eval dict belongs to the train step logged before it."""

    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.train_dicts = 0

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
        if not metrics:
            return False
        if _SUMMARY_KEY in metrics:
            self.train_dicts = 0  # the run is over: a run after it in the same log starts again
            return True
        step_key = next((key for key in _STEP_KEYS if key in metrics), None)
        if step_key is not None:
            step_span = spans.pop(step_key)
            return self.emit(out, line, metrics.pop(step_key), metrics, spans, step_span=step_span) or True
        increments = "loss" in metrics
        if increments:
            self.train_dicts += 1
        self.emit(out, line, self.train_dicts, metrics, spans, counter=("train_dicts", increments))
        return True


class HFDict(Format):
    id = "hf_dict"
    title = "Hugging Face Trainer console dicts (4.x and 5.x), any printed dict of numbers"
    example = "{'loss': 2.3123, 'grad_norm': 3.456789016723633, 'learning_rate': 4.9500000000000004e-05, 'epoch': 0.01}"
    anchor = r"^\{'[\w./@ -]+': '?(?:[-+.\d]|nan|inf|-nan|-inf)"
    parser = HFDictParser


class HFStateParser(LineParser):
    """A pretty-printed ``trainer_state.json``: collected from its opening ``{`` to its closing
    ``}``, then each new ``log_history`` entry becomes a record. The file is rewritten whole at
    every checkpoint; entries already read are skipped when it is read again."""

    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._text: list[str] = []
        self._entry_lines: list[int] = []
        self._first_line = 0
        self.entries_done = 0

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if not self._text:
            if text.rstrip() != "{" or line != 1:
                return False
            self._first_line = line
            self._entry_lines = []
        self._text.append(text)
        if re.match(r"^ {4}\{\s*$", text) or text.startswith(_CATBOOST_ENTRY):  # an entry opens
            self._entry_lines.append(line)
        if text.rstrip() == "}":
            self._read_document(out)
        return True

    def finish(self, out: RecordBuilder) -> None:
        if self._text:
            self._read_document(out)

    def rewind(self) -> None:
        self._text = []

    def _read_document(self, out: RecordBuilder) -> None:
        source, self._text = "\n".join(self._text), []
        try:
            state = json.loads(source)
        except (ValueError, RecursionError):  # RecursionError: nested too deeply
            return
        if isinstance(state, dict) and isinstance(state.get("meta"), dict) and isinstance(state.get("iterations"), list):
            self._read_catboost(state, out)
            return
        history = state.get("log_history") if isinstance(state, dict) else None
        if not isinstance(history, list):
            return
        last_step = None
        for index, entry in enumerate(history):
            if not isinstance(entry, dict):
                continue
            step = entry.get("step", last_step)  # predict_* entries have no step
            last_step = step
            if index < self.entries_done or _SUMMARY_KEY in entry:
                continue
            line = self._entry_lines[index] if index < len(self._entry_lines) else self._first_line
            metrics = numeric((k, v) for k, v in entry.items() if k != "step")
            self.emit(out, line, step, metrics)
        self.entries_done = max(self.entries_done, len(history))


    def _read_catboost(self, state: dict, out: RecordBuilder) -> None:
        """CatBoost's ``catboost_info/catboost_training.json``: ``meta`` names the metrics of
        each set (the first learn metric is the objective), then one entry per iteration with a
        list of values per set: ``{"learn":[0.51],"iteration":1,...,"test":[0.89,0.51]}``.
        Series are ``<set>/<metric>`` (``learn/Logloss``, ``test/AUC``); the objective is a loss
        whatever its name (RMSE, MultiClass), on the learn set and on the test sets."""
        meta = state["meta"]
        names: dict[str, list[str]] = {}
        for kind in ("learn", "test"):
            sets = [name for name in meta.get(f"{kind}_sets") or [] if isinstance(name, str)]
            metrics = [m.get("name") for m in meta.get(f"{kind}_metrics") or [] if isinstance(m, dict)]
            if sets and metrics and all(isinstance(m, str) for m in metrics):
                # several test sets: their values follow one another, metrics within each
                names[kind] = [f"{name}/{metric}" for name in sets for metric in metrics]
        learn_metrics = meta.get("learn_metrics") or []
        objective = learn_metrics[0].get("name") if learn_metrics and isinstance(learn_metrics[0], dict) else None
        for index, entry in enumerate(state["iterations"]):
            if index < self.entries_done or not isinstance(entry, dict):
                continue
            metrics = {}
            for kind, series in names.items():
                values = entry.get(kind)
                if isinstance(values, list) and len(values) == len(series):
                    metrics.update(numeric(zip(series, values)))
            if not metrics:
                continue
            for name in metrics:
                if objective is not None and name.endswith(f"/{objective}"):
                    out.set_attrs(name, kind="loss")
            line = self._entry_lines[index] if index < len(self._entry_lines) else self._first_line
            step = entry.get("iteration")
            self.emit(out, line, float(step) if isinstance(step, (int, float)) else None, metrics)
        self.entries_done = max(self.entries_done, len(state["iterations"]))


class HFState(Format):
    id = "hf_trainer_state"
    title = "Hugging Face trainer_state.json (and CatBoost's catboost_training.json)"
    example = '{"log_history": [{"epoch": 0.91, "loss": 1.1409, "step": 500}, ...]}'
    anchor = r"^\{\s*$"
    parser = HFStateParser
    whole_file = True
    first_line_only = True
    strip_prefix = False
