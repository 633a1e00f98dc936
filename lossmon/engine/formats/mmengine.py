"""OpenMMLab's mmengine: text log lines (``Epoch(train) [1][ 50/500]  lr: …  loss: …``) and
``vis_data/scalars.json``. The config it dumps at the top of a log is never a metric: it has no
``Epoch(...)``/``Iter(...)`` marker, and the generic parser only takes shapes that repeat with
changing values."""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.jsonl import flatten, load_json
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

_HEAD = re.compile(r"^(Epoch|Iter)\((train|val|test)\)\s*(?:\[\s*(\d+)\])?\s*\[\s*(\d+)/(\d+)\]")
# Fields are separated by two spaces; names may hold "." "@" "=" ("recall@thr=0.5: 0.3889").
_FIELD = re.compile(rf"(?<=\s\s)(?P<name>[A-Za-z_][^\s:]*(?: [^\s:]+)*): (?P<value>{VALUE})(?=\s\s|\s*$)")
_SPLITS = {"val": "val", "test": "test"}


class MMEngineParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.iters_per_epoch = 0

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _HEAD.match(text)
        if match is None:
            return False
        unit, mode, epoch, done, total = match.groups()
        metrics = {
            field.group("name"): to_float(field.group("value")) for field in _FIELD.finditer(text, match.end())
        }
        if mode == "train":
            if unit == "Epoch" and epoch is not None:
                self.iters_per_epoch = int(total)
                step = (int(epoch) - 1) * int(total) + int(done)
            else:
                step = int(done)
            self.emit(out, line, step, metrics)
            return True
        for name in metrics:
            out.set_attrs(name, split=_SPLITS[mode])
        if epoch is not None and self.iters_per_epoch:
            step = int(epoch) * self.iters_per_epoch  # the end of that epoch's training
        else:
            step = self.last_step if self.last_step is not None else int(epoch or done)
        self.emit(out, line, step, metrics)
        return True


class MMEngine(Format):
    id = "mmengine"
    title = "mmengine / OpenMMLab text log"
    example = (
        "2023/06/04 15:36:29 - mmengine - INFO - Epoch(train)   [1][1/6]  lr: 4.0000e-08  eta: 3:57:54  "
        "time: 11.9057  data_time: 11.1286  memory: 8725  loss: 0.3891  loss_cls: 0.2491  loss_bbox: 0.1401"
    )
    anchor = r"^(?:Epoch|Iter)\((?:train|val|test)\)\s*(?:\[\s*\d+\])?\s*\[\s*\d+/\d+\]"
    parser = MMEngineParser


class MMEngineScalarsParser(LineParser):
    """``scalars.json``: train entries carry ``lr``/``iter`` and step = iteration; validation
    entries step by epoch, so they are placed at the last training step instead."""

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if not text.startswith("{"):
            return False
        entry = load_json(text)
        if not isinstance(entry, dict) or "step" not in entry:
            return False
        metrics = flatten(entry)
        step = metrics.pop("step")
        if "iter" in entry or "lr" in entry:
            self.emit(out, line, step, metrics)
            return True
        for name in metrics:
            out.set_attrs(name, split="val")
        self.emit(out, line, self.last_step if self.last_step is not None else step, metrics)
        return True


class MMEngineScalars(Format):
    id = "mmengine_scalars"
    title = "mmengine vis_data/scalars.json"
    example = '{"lr": 4e-08, "data_time": 11.13, "loss": 0.3891, "loss_cls": 0.2491, "time": 11.91, "epoch": 1, "iter": 1, "memory": 8725, "step": 1}'
    anchor = r'^\{".*"(?:data_time|coco/[\w]+)": .*"step": \d+\}\s*$'
    parser = MMEngineScalarsParser
