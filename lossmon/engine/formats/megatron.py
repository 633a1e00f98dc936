"""Megatron-LM (and Megatron-DeepSpeed, NeMo-Megatron, the Primus fork): training and
validation lines. Its timer lines and per-rank memory reports are taken and dropped: they are
durations and one-off sizes, not training curves."""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

_ITERATION = re.compile(r"\biteration\s+(\d+)/\s*\d+ \|")
_VALIDATION = re.compile(
    r"\b(?P<split>validation|test)(?P<suffix>-[\w-]+)? loss at (?P<where>[^|]*?)\s*\|"
)
# "name: value |"; Primus prints "current/average" pairs: the first number is taken.
_FIELD = re.compile(rf"(?:^|\|)\s*+(?P<name>[^|:\s][^|:]*?):\s*+(?P<value>{VALUE})(?:/[^|]*+)?\s*+(?=\||$)")
_NOT_METRICS = re.compile(r"^\s*time \(ms\) \||\(after \d+ iterations\) memory|\bmemory \(MB\) \|")
_STEP_IN = re.compile(r"iteration (\d+)")


def _fields(text: str, start: int, prefix: str = "", strip: str = "") -> tuple[dict, dict]:
    metrics, spans = {}, {}
    for match in _FIELD.finditer(text, start):
        name = match.group("name").strip()
        if strip:
            name = name.removesuffix(strip)
        name = prefix + name
        if name not in metrics:
            metrics[name] = to_float(match.group("value"))
            spans[name] = match.span("value")
    return metrics, spans


class MegatronParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _ITERATION.search(text)
        if match:
            metrics, spans = _fields(text, match.end() - 1)
            self.emit(out, line, int(match.group(1)), metrics, spans, step_span=match.span(1))
            return True
        match = _VALIDATION.search(text)
        if match:
            where = match.group("where")
            step = _STEP_IN.search(where)
            split = "test" if match.group("split") == "test" or "on test set" in where else "validation"
            prefix = split + (match.group("suffix") or "") + " "
            metrics, spans = _fields(text, match.end() - 1, prefix, " value")
            step_span = (match.start("where") + step.start(1), match.start("where") + step.end(1)) if step else None
            if step_span is None:
                self.emit(out, line, self.last_step, metrics)
            else:
                self.emit(out, line, int(step.group(1)), metrics, spans, step_span=step_span)
            return True
        return _NOT_METRICS.search(text) is not None


class Megatron(Format):
    id = "megatron"
    title = "Megatron-LM / Megatron-DeepSpeed (training and validation lines)"
    example = (
        " [2025-01-02 03:04:05.678901] iteration      100/  500000 | consumed samples:        51200 | "
        "elapsed time per iteration (ms): 1234.5 | learning rate: 3.000000E-04 | global batch size:   512 | "
        "lm loss: 7.012345E+00 | loss scale: 1.0 | grad norm: 1.234 | number of skipped iterations:   0 | "
        "number of nan iterations:   0 |"
    )
    anchor = (
        r"\biteration\s++\d++/\s*+\d++ \| |\b(?:validation|test)(?:-[\w-]++)?+ loss at [^|]*+\| "
        r"|^\s*+time \(ms\) \| |\(after \d++ iterations\) memory \(MB\) \|"
    )
    parser = MegatronParser
    anchored = False
