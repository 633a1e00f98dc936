"""YOLOv3/v5/v7 ``results.txt``: one row per epoch and no header (issue 12, class 4).

The trainers of ultralytics/yolov3, yolov5 (before v6) and WongKinYiu/yolov7 write the console row
of the epoch (``'%10s' * 2 + '%10.4g' * 6``: epoch ``e/E``, gpu_mem, the four mean train losses box,
obj, cls and total, the label count and the image size) followed by the seven validation results
(``'%10.4g' * 7``: P, R, mAP@.5, mAP@.5:.95, and the val box, obj and cls losses). The layout is
fixed by that code, so the columns are named from it: a row is 15 blank-separated cells, the
first ``e/E`` and the second a memory size (``1.86G``, or ``0`` on a CPU). The v3 trainer wrote
F1 where later ones write mAP@.5:.95; the loss columns are the same in all three.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import to_float
from lossmon.engine.records import RecordBuilder

# Output names per column; None: not a metric (the epoch is the step; gpu_mem, labels, img_size).
COLUMNS: tuple[str | None, ...] = (
    None, None, "box", "obj", "cls", "total", None, None,
    "metrics/precision", "metrics/recall", "metrics/mAP_0.5", "metrics/mAP_0.5:0.95",
    "val/box_loss", "val/obj_loss", "val/cls_loss",
)
_CELL = r"[-+]?+(?:\d++\.?+\d*+|\.\d++)(?:[eE][-+]?+\d++)?+|nan|inf"
_ROW = rf"^[ \t]*+\d++/\d++[ \t]++(?:\d++\.?+\d*+[KMG]?+)(?:[ \t]++(?:{_CELL})){{13}}[ \t]*+$"
_ROW_RE = re.compile(_ROW)


class YoloResultsParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if _ROW_RE.match(text) is None:
            return False
        cells = text.split()
        step = float(cells[0].partition("/")[0])
        metrics = {}
        for name, cell in zip(COLUMNS, cells):
            if name is not None:
                value = to_float(cell)
                if value is not None:
                    metrics[name] = value
                    if name not in out.attrs:
                        out.set_attrs(name, table_column=True)  # validation off (--notest): its columns hold 0
        self.emit(out, line, step, metrics)
        return True


class YoloResultsTxt(Format):
    id = "yolo_results_txt"
    title = "YOLOv3/v5/v7 results.txt: headerless rows of epoch, train losses and val results"
    example = "      0/29     1.86G   0.09854   0.09318         0    0.1917        24       416         0         0  0.004895 0.0009547   0.09176   0.05526         0"
    anchor = _ROW
    parser = YoloResultsParser
    strip_prefix = False  # the leading blanks of a row are not a logging prefix
