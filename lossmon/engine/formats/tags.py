"""The role of a line's values from the tag in front of them (issue 12): a held-out evaluation,
a recap of a pass, or training.

Many trainers print held-out results under the training names and say what they are only in a
tag: ``Eval epoch: 4`` above ``mean_loss: 1.38`` (st-gcn), ``Valid Summary | Epoch 1 |
Loss=0.22`` (demucs, dora/flashy), ``Epoch(val) [4][40]  loss: 0.22`` (mmcv 1.x), ``"mode":
"val"`` (mmcv 1.x json). Read as they are spelled, those values would land in the training
series. The tag's held-out word names them instead: ``Eval/mean_loss``, ``Valid Summary/Loss``,
``val/loss``. A recap (``Train Summary | ... Loss=0.20``) repeats the last values of its pass,
so it gets its own names too (``Train Summary/Loss``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lossmon.engine.naming import is_metric_name, kind_of

# (With its "set": "Test set: Average loss: 0.0335" names "Test set/Average loss", as it reads.)
_HELD_OUT = re.compile(
    r"(?<![A-Za-z])((?:val|vali|valid|validation|validate|validating|eval|evaluation|evaluate|evaluating|test|testing|dev"
    r"|held[-_ ]?out)(?:[ _]set)?)(?![A-Za-z])",
    re.I,
)
_TRAIN = re.compile(r"(?<![A-Za-z])(train|training)(?![A-Za-z])", re.I)
_RECAP = re.compile(r"(?<![A-Za-z])summary(?![A-Za-z])", re.I)
# A name that says its split itself keeps it ("val_loss", "Train Loss", "valid", "test_acc").
_SPLIT_WORD = re.compile(
    r"(?:^|(?<=[\s/_.\-(]))(?:train|training|val|valid|validation|eval|evaluation|test|testing|dev)(?=$|[\s/_.\-)]|\d)",
    re.I,
)
MAX_TAG = 60  # longer text before the values is a sentence, not a tag
# TF1 Estimator's evaluation results (estimator.py logs "Saving dict for global step %d: %s" with the
# eval dict, the TF Object Detection API's "loss = ..." among them): the evaluation's values
_ESTIMATOR_EVAL = re.compile(r"^[ \t]*+Saving dict for global step\b")


@lru_cache(maxsize=1024)
def tag_prefix(tag: str) -> str | None:
    """The prefix a tag gives the names after it (``"valid/"``, ``"Valid Summary/"``, ``"Train
    Summary/"``), in the tag's spelling, or None for a training tag or text that is no tag."""
    if not tag or len(tag) > MAX_TAG:
        return None
    if _ESTIMATOR_EVAL.match(tag) is not None:
        return "eval/"
    recap = _RECAP.search(tag)
    held_out = _HELD_OUT.search(tag)
    if held_out is not None:
        word = held_out.group(1)
    elif recap is not None and (train := _TRAIN.search(tag)) is not None:
        word = train.group(1)
    else:
        return None
    # The tag's own spelling: the user reads "Evaluation Epoch 0 - Average Loss" and finds
    # "Evaluation/Average Loss" (its split is read whatever the case).
    return f"{word} {recap.group(0)}/" if recap is not None else f"{word}/"


@lru_cache(maxsize=8192)
def renamed(prefix: str, name: str) -> str:
    """``name`` under ``prefix``, unless it names its own split, or is the learning rate, the
    epoch or no metric at all (those mean the same whatever the tag)."""
    if _SPLIT_WORD.search(name) or not is_metric_name(name) or kind_of(name) == "lr" or name.lower() == "epoch":
        return name
    return prefix + name


def tag_phase(tag: str) -> str | None:
    """The pass a header's tag announces: "held_out" ("=====validate epoch 1====="), "train"
    ("=====training epoch 1====="), or None."""
    if not tag or len(tag) > MAX_TAG:
        return None
    if _HELD_OUT.search(tag) is not None:
        return "held_out"
    return "train" if _TRAIN.search(tag) is not None else None
