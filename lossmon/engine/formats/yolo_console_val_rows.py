"""The validation row YOLO trainers print in a console capture after each epoch's training row.

Ultralytics (and YOLOv5) validate after every epoch and print a header that ends in a progress
bar, then one row for all classes::

          1/30      7.76G      1.894      1.984      1.059        216        640: 100% ━━━ 405/405 ...
                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95): 100% ━━━ 18/18 ...
                   all        548      31295      0.216      0.238      0.177     0.0917

(YOLOv5: ``Class  Images  Labels  P  R  mAP@.5 mAP@.5:.95: 100%|...``; Ultralytics' YOLOv3 before it:
``Class  Images  Targets  P  R  mAP@0.5  F1: 100% ...``; a segmentation run adds a
``Mask(P  R  mAP50  mAP50-95)`` group.) That row is the run's held-out score (mAP, precision,
recall): the values results.csv holds as ``metrics/precision(B)``, ``metrics/mAP50-95(B)``
(YOLOv5: ``metrics/mAP_0.5:0.95``), the names given here, so a console capture and its
results.csv name the same curves. The images and instances counts are no metrics.
"""

from __future__ import annotations

import re

from lossmon.engine.numbers import to_float

# The header: "Class Images Instances|Labels|Targets <metric names>:  37%", the names up to the colon before
# its bar (a frame may show any percentage; the names are the same in every frame; a name may hold
# a colon of its own: "mAP@.5:.95").
_HEADER = re.compile(r"[ \t]*+Class[ \t]++Images[ \t]++(?>Instances|Labels|Targets)[ \t]++")
_BAR = re.compile(r":[ \t]*+\d{1,3}+%")
_GROUP = re.compile(r"(?P<group>[A-Z][a-z]*+)\((?P<name>[^()]*+)")  # "Box(P", "Mask(P", "Pose(P"
# results.csv's spelling of the printed names
_NAMES = {"P": "precision", "R": "recall", "mAP@.5": "mAP_0.5", "mAP@.5:.95": "mAP_0.5:0.95"}
MAX_NAMES = 16
_ALL_ROW = re.compile(r"[ \t]*+all[ \t]")


def header_names(text: str) -> list[str] | None:
    """The metric names of a YOLO validation header, as results.csv spells them, else None."""
    if "Class" not in text:
        return None
    match = _HEADER.match(text)
    bar = None if match is None else _BAR.search(text, match.end())
    if bar is None:
        return None
    words = text[match.end() : bar.start()].split()
    if not words or len(words) > MAX_NAMES:
        return None
    names, group = [], ""
    for word in words:
        grouped = _GROUP.fullmatch(word)
        if grouped is not None:
            group, word = f"({grouped.group('group')[0]})", grouped.group("name")
        name = _NAMES.get(word.rstrip(")"), word.rstrip(")"))
        names.append(f"metrics/{name}{group}")
    return names


def all_row(text: str, names: list[str]) -> dict[str, float] | None:
    """The values of the ``all`` row under a header of ``names``: the class, the images and
    instances counts, then one number per name; None for any other line."""
    if _ALL_ROW.match(text) is None:
        return None
    cells = text.split()
    if len(cells) != 3 + len(names):
        return None
    values = [to_float(cell) for cell in cells[3:]]
    if any(value is None for value in values):
        return None
    return dict(zip(names, values))
