"""Megatron-LM (and Megatron-DeepSpeed, NeMo-Megatron) training and validation lines."""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

_ITERATION = re.compile(r"\biteration\s+(\d+)/\s*\d+ \|(.*)$")
_VALIDATION = re.compile(
    r"\b(?P<split>validation|test)(?P<suffix>-[\w-]+)? loss at (?P<where>[^|]*?)\s*\|(?P<rest>.*)$"
)
_FIELD = re.compile(rf"\s*(?P<name>[^|:]+?):\s*(?P<value>{VALUE})\s*(?=\||$)")
_ON_TEST_SET = re.compile(r"on test set")
_STEP_IN = re.compile(r"iteration (\d+)")


def _fields(text: str) -> dict[str, float]:
    metrics = {}
    for part in text.split("|"):
        match = _FIELD.match(part)
        if match:
            metrics[match.group("name").strip()] = to_float(match.group("value"))
    return metrics


class MegatronParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _ITERATION.search(text)
        if match:
            return self.emit(out, line, int(match.group(1)), _fields(match.group(2))) or True
        match = _VALIDATION.search(text)
        if not match:
            return False
        where = match.group("where")
        step = _STEP_IN.search(where)
        split = "test" if match.group("split") == "test" or _ON_TEST_SET.search(where) else "validation"
        prefix = split + (match.group("suffix") or "")
        metrics = {
            f"{prefix} {name.removesuffix(' value')}": value
            for name, value in _fields(match.group("rest")).items()
        }
        self.emit(out, line, int(step.group(1)) if step else None, metrics)
        return True


class Megatron(Format):
    id = "megatron"
    title = "Megatron-LM"
    example = (
        " [2025-01-02 03:04:05.678901] iteration      100/  500000 | consumed samples:        51200 | "
        "learning rate: 3.000000E-04 | lm loss: 7.012345E+00 | loss scale: 1.0 | grad norm: 1.234 |"
    )
    anchor = r"\biteration\s+\d+/\s*\d+ \| |\b(?:validation|test)(?:-[\w-]+)? loss at [^|]*\| "
    parser = MegatronParser
