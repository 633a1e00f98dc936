"""Darknet's training output (YOLOv2-v4, pjreddie/darknet and AlexeyAB/darknet, ``./darknet detector
train ... > train.log``): one line per iteration with its values before their names,

    1: 678.508362, 678.508362 avg loss, 0.000000 rate, 5.130467 seconds, 64 images, -1.000000 hours left

the iteration, the batch's loss, its running average ("avg loss"; "avg" in pjreddie's), the learning
rate. The average is the loss a user follows (the one the line names; darknet's chart.png draws it,
and AlexeyAB's README says to stop when it no longer falls), so the batch's unnamed value is named
"batch loss" here, and the primary train loss is "avg loss". Between them come a line per detection layer and batch ("v3 (iou loss, Normalizer: (iou:
0.07, obj: 1.00, cls: 1.00) Region 139 Avg (IOU: 0.30), count: 3, class_loss = 68.9, ...", "Region
82 Avg IOU: 0.30, Class: 0.49, Obj: 0.50, ..."), and "total_bbox = 3" and "Loaded: 0.0 seconds":
diagnostics of the layers, taken here as no records (read as pairs, the normalizer's constants
"obj: 1.00" and "cls: 1.00" were flat "losses" and the layer numbers a series)."""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

_LAYER_LINE = re.compile(r"^[ \t]*+(?:v\d \(|Region \d|total_bbox = |Loaded: [\d.]++ seconds)")
_ITERATION = re.compile(rf"^[ \t]*+(\d++): ({VALUE}), ({VALUE}) (avg(?: loss)?+), ({VALUE}) rate\b")


class DarknetParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _ITERATION.match(text)
        if match is None:
            return _LAYER_LINE.match(text) is not None
        metrics = {"batch loss": to_float(match.group(2)), match.group(4): to_float(match.group(3)), "learning rate": to_float(match.group(5))}
        spans = {"batch loss": match.span(2), match.group(4): match.span(3), "learning rate": match.span(5)}
        self.emit(out, line, int(match.group(1)), metrics, spans, step_span=match.span(1))
        return True


class Darknet(Format):
    id = "darknet"
    title = "Darknet (YOLOv2-v4 training output)"
    example = " 1: 678.508362, 678.508362 avg loss, 0.000000 rate, 5.130467 seconds, 64 images, -1.000000 hours left"
    anchor = (
        r"^[ \t]*+(?:\d++: [-+\d.]++, [-+\d.]++ avg(?: loss)?+, [-+\d.eE]++ rate\b"
        r"|v\d \((?:iou|giou|diou|ciou|mse) loss, Normalizer: |Region \d++ Avg IOU: )"
    )
    parser = DarknetParser
