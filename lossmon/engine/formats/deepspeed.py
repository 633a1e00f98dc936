"""DeepSpeed's own lines: the learning rate every ``steps_per_print`` steps, throughput and
memory, and fp16 overflow notices (the loss itself comes from the training script)."""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pairs import find_pairs
from lossmon.engine.records import RecordBuilder

_STEP_LINE = re.compile(r"^step=(\d+), skipped=\d+, ")  # "[Rank 0] " is a stripped prefix
_TIMER = re.compile(r"^epoch=(\d+)/micro_step=\d+/global_step=(\d+), ")
_OVERFLOW = re.compile(r"OVERFLOW! Rank \d+ Skipping step\. Attempted loss scale: \d+, reducing to (\d+)")


class DeepSpeedParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _STEP_LINE.match(text) or _TIMER.match(text)
        if match is not None:
            found = find_pairs(text, offset=0)
            metrics = {pair.name: pair.value for pair in found if pair.start >= match.end()}
            spans = {pair.name: (pair.start, pair.end) for pair in found if pair.start >= match.end()}
            step_group = 1 if match.re is _STEP_LINE else 2
            self.emit(out, line, int(match.group(step_group)), metrics, spans, step_span=match.span(step_group))
            return True
        match = _OVERFLOW.search(text)
        if match is not None:
            self.emit(out, line, self.last_step, {"loss scale": float(match.group(1))})
            return True
        return False


class DeepSpeed(Format):
    id = "deepspeed"
    title = "DeepSpeed (step/lr, throughput and memory, overflow notices)"
    example = "[2025-01-02 03:04:05,678] [INFO] [logging.py:128:log_dist] [Rank 0] step=10, skipped=0, lr=[2.9999999999999997e-05], mom=[(0.9, 0.999)]"
    anchor = r"^step=\d+, skipped=\d+, lr=\[|^epoch=\d+/micro_step=\d+/global_step=\d+, |OVERFLOW! Rank \d+ Skipping step"
    parser = DeepSpeedParser
    anchored = False
