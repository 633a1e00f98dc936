"""A held-out task score (mAP, accuracy, F1 ...) logged next to the val loss: has it worsened?

The val loss is a proxy; the score is what the run is for. A val loss can rise while the score
holds (over-confidence, or the noise of a small val set: a YOLO run's val box loss wanders 10%
above its best and back while its mAP50-95 stays within its own noise), so the field guide's rule
"show overfitting as yellow unless a task metric also degrades" needs the score's own verdict.

The score is smoothed as the val loss is (an EWMA over evals, weight 0.5) and judged against its
best smoothed level in units of its own eval-to-eval jitter (robust, from second differences, up
to its best: a decline must not raise its own bar). Values, not logs: a score may read 0.
"""

from __future__ import annotations

import math
import re
from collections import deque

from lossmon.engine.detectors.stats.blocks import MAD_TO_SIGMA
from lossmon.engine.detectors.stats.few import median

# Which held-out metric speaks for the task, best first: COCO-style mAP over IoU 0.5:0.95 (what
# Ultralytics' own fitness weighs 0.9; "mAP50-95(B)", YOLOv5's "mAP_0.5:0.95", its console's
# "mAP@.5:.95"), any mAP, accuracy / top-1, then the other summary scores.
# Precision and recall alone trade off against each other: neither is the task's score.
_PREFERENCE = (
    re.compile(r"map[^a-z0-9]{0,3}(?:50[^a-z0-9]{0,3}95|0?\.50?:0?\.95)", re.I),
    re.compile(r"map", re.I),
    re.compile(r"acc|top-?1", re.I),
    re.compile(r"f1|auc|iou|dice|bleu|rouge|exact[-_ ]?match", re.I),
)
# Metrics that are better lower: error rates ("top1_err", WER, CER), miss rates, false positive and
# negative rates. No task score in this sense (and a loss is no score at all).
LOWER_IS_BETTER = re.compile(r"err|wer|cer|miss|fpr|fnr", re.I)


def task_score_names(metrics: list[tuple[str, str]]) -> list[str]:
    """The held-out task score among (name, split) of the log's metrics: at most one name."""
    held_out = [name for name, split in metrics if split == "val" and not _worse_upwards(name)]
    for pattern in _PREFERENCE:
        for name in held_out:
            if pattern.search(name):
                return [name]
    return []


def _worse_upwards(name: str) -> bool:
    return bool(LOWER_IS_BETTER.search(name)) or "loss" in name.lower()


class TaskScoreTrack:
    """The score's smoothed level against its best, per eval (higher is better)."""

    def __init__(self, smoothing: float = 0.5, history: int = 32, min_differences: int = 3) -> None:
        self.smoothing, self.min_differences = smoothing, min_differences
        self._values: deque[float] = deque(maxlen=3)
        self._second_differences: deque[float] = deque(maxlen=history)
        self._smoothed = math.nan
        self._best = -math.inf
        self._jitter_at_best = math.nan
        self.falls = 0  # evals in a row at which the raw score fell

    def update(self, value: float) -> None:
        if not math.isfinite(value):
            return
        self.falls = self.falls + 1 if self._values and value < self._values[-1] else 0
        self._values.append(value)
        if len(self._values) == 3:
            a, b, c = self._values
            self._second_differences.append(abs(a - 2 * b + c))
        self._smoothed = value if math.isnan(self._smoothed) else self._smoothed + self.smoothing * (value - self._smoothed)
        if self._smoothed > self._best:
            self._best = self._smoothed
            if len(self._second_differences) >= self.min_differences:
                self._jitter_at_best = median(self._second_differences) * MAD_TO_SIGMA / math.sqrt(6.0)

    def worsened(self, jitters: float) -> bool | None:
        """Has the smoothed score fallen more than ``jitters`` jitters below its best? None while
        there is no score or no jitter yet (nothing to say either way)."""
        if math.isnan(self._smoothed) or not math.isfinite(self._jitter_at_best):
            return None
        return self._best - self._smoothed > jitters * self._jitter_at_best

    def describe(self) -> str:
        return f"{self._smoothed:.4g} (best smoothed {self._best:.4g})"


def is_accuracy(name: str) -> bool:
    """Is the score an accuracy (top-1)? Of the task scores only an accuracy has a chance level
    that a class count fixes: 1/k."""
    return bool(_PREFERENCE[2].search(name))
