"""JSON lines: one object per line (torchtune, LLaMA-Factory, mmengine scalars.json, custom)."""

from __future__ import annotations

import json

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import to_float
from lossmon.engine.records import RecordBuilder

STEP_KEYS = ("step", "global_step", "iteration", "iter", "current_steps", "num_updates", "_step")


def flatten(obj: dict, prefix: str = "") -> dict[str, float]:
    """Numeric leaves of a JSON object; nested keys are joined with '/', numeric strings read."""
    metrics: dict[str, float] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            metrics.update(flatten(value, name + "/"))
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, (int, float)):
            metrics[name] = float(value)
        elif isinstance(value, str):
            number = to_float(value.strip())
            if number is not None:
                metrics[name] = number
    return metrics


class JsonLinesParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        text = text.strip()
        if not (text.startswith("{") and text.endswith("}")):
            return False
        try:
            obj = json.loads(text)  # accepts Python's bare NaN / Infinity
        except ValueError:
            return False
        if not isinstance(obj, dict):
            return False
        metrics = flatten(obj)
        step = next((metrics[key] for key in STEP_KEYS if key in metrics), None)
        self.emit(out, line, step, metrics)
        return True


class JsonLines(Format):
    id = "jsonl"
    title = "JSON lines"
    example = '{"step": 10, "loss": 1.2345, "lr": 2e-05}'
    anchor = r'^\s*\{\s*"[^"]+"\s*:.*\}\s*$'
    parser = JsonLinesParser
