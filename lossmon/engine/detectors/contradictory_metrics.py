"""Contradictory metrics: the loss improves while a metric sits at a degenerate value.

Typical of heavy class imbalance: the model learns the majority class and its predictions never
cross the 0.5 threshold, so the loss falls while recall reads exactly 0. A metric is *stuck* at
an evaluation when it sits at a degenerate value (a recall/precision/F1 at 0, an overlap score
at 0: Dice, IoU, mIoU, Jaccard, a segmenter that predicts no foreground pixel; an AUC at 0.5,
the chance of a coin; a word or character error rate at 98% or more, its worst: next to no word
transcribed right), or when it has never moved at all since its first evaluation (values
compared as logged: an accuracy frozen at the majority-class rate from the start). A metric that
moved and then stops at a good value has *saturated*: the loss creeping down while accuracy
stays at 0.9 (or top-1 at 87.5) is convergence, not a contradiction. A metric at its perfect
value (1, or 100%; 0 for an error rate) is not stuck.
A WER is degenerate only in percent (98 and up): as a fraction, 0.98-1.0 would read like a
WER of 1% logged in percent, which is a good model.

warn: stuck for 3 evaluations in a row while the train loss (its mean since the previous evaluation)
fell at least 10% since the metric took that value. alert: 5 evaluations at a degenerate value
outside lr warm-up, and the loss's level fell 10% too: the median of its last 3 evaluations against that median at
the metric's last move. One low epoch is no fall: a YOLOv5 box loss that bounces 0.118-0.124 with
a single 0.104 (an early-epoch precision at 0 on a one-class run that learns later) reads 13%.
A metric that has merely not moved yet is judged only once the run is past its opening: an
evaluation while the logged lr still rises (warm-up, a warm restart), or after which the train
loss fell to less than half of its value at the evaluation before (the plunge away from the
initialisation), restarts the count and the reference loss. The model has barely left its
initial guess there, and a metric on a few samples (a val accuracy of 11/13, a detection head's
foreground accuracy over one box) can sit on its first value for a few evaluations: Keras's
val_acc 0.846 for epochs 0-2 while the loss went 0.77 -> 0.09, then 1.0; detectron2's
fg_cls_accuracy 0 over 8 iterations of a linear lr warm-up, then 1.0. A degenerate value is
judged from the first evaluation; its alert counts only the evaluations since the lr last rose: a
detector trained from scratch finds no box above its confidence threshold until its warm-up has
run (a YOLOv8 run's precision and recall read 0 for its first 18 epochs, all under an lr rising
3.3e-6 -> 4.8e-5 until epoch 20, while its box loss fell 56%; both moved at epoch 19): a warning.

A score stuck at 0 beside a sibling score that learned (another F1, recall, IoU ... of the same
split whose name differs by one qualifier, at 0.1 or more: detectors.roles.score_siblings) warns
and never alerts: the model learned what such scores measure, and this one scores a head, task
or class it never predicts (an event-detection model's "training ae f1: 0" at every epoch, an
argument-extraction score it does not produce, while "training ed f1" rises 0.003 -> 0.97).

*Worsening*: a metric of what the loss optimises (not a held-out one: a val metric that worsens
while the train loss improves is overfitting's business) that gets steadily worse while the
train loss keeps improving (E2DTC's clustering accuracy 0.913 -> 0.879 over 12 evaluations while
its loss falls from 50 through zero to -1.5). Over the last 8 evaluations: the metric falls in at
least 4 of 5 of its pairs (Kendall's tau <= -0.6; an error-like metric, wer, cer, err, rises), the
median of its last 3 is below that of its first 3 by more than 4 times its own eval-to-eval noise
(second differences, which a steady trend does not inflate) and by 1% of its value, and the train
loss falls in most pairs too (tau <= -0.5) and by more than 3 times its own noise (by differences,
never by ratios: a loss that goes negative improves as well; a running average of the epoch that
settles 1.463 -> 1.447 while the accuracy's settles 0.769 -> 0.759 is no improvement). A
saturated metric that only jitters at its ceiling does none of this: warn.
A smoothed metric (``acc~``, ``smoothed_acc``, a running or EMA figure) is not judged on worsening:
it lags its raw values and drifts toward them with no noise of its own (``acc~`` 4.87 -> 4.72
over 20 records while the raw ``acc`` bounces 2.8-6.5 around 4.2 and the loss falls 7.1 -> 6.9),
so a drift of 1.5% passes for 8 times its noise; the raw metric, when logged, is judged instead.
"""

from __future__ import annotations

import math
import re

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from lossmon.engine.detectors.base import LAST, MEAN_SINCE_PREVIOUS, Detector, Event, Points
from lossmon.engine.detectors.roles import SIBLING_SCORE
from lossmon.engine.detectors.stats.blocks import MAD_TO_SIGMA
from lossmon.engine.detectors.stats.task_score import LOWER_IS_BETTER
from lossmon.engine.detectors.stats.vector import array_median, previous, row_medians, row_nanmedians, run_lengths
from lossmon.engine.findings import Finding, format_step
from lossmon.engine.naming import split_of

# Overlap scores too (nothing predicted overlaps the target), but not the GIoU/CIoU/DIoU box losses
# that old YOLO results.txt files name like metrics ("GIoU", "val GIoU": 0 when validation is off).
_ZERO_MEANS_BROKEN = re.compile(r"recall|precision|f1|dice|(?<![gcd])iou|jaccard", re.I)
_HALF_MEANS_BROKEN = re.compile(r"auc", re.I)  # an AUC of 0.5 (or 50%) ranks like a coin
# A word or character error rate in percent at its worst (whole words: never "power" or "lower").
_ALL_WRONG = re.compile(r"(?<![a-z])[wc]er(?![a-z])", re.I)
ALL_WRONG_PERCENT = 98.0
# A smoothed or running figure of a metric (``acc~``, ``smoothed_acc``, ``running_acc``, ``acc_ema``).
_SMOOTHED = re.compile(r"~$|smooth|running|(?:^|[^a-z])ema(?:$|[^a-z])", re.I)
WORSENING = "worsening"  # the finding family of the worsening rule
LEVEL_EVALS = 3  # the loss's level for the alert: the median of this many evals


class ContradictoryMetrics(Detector):
    """A classification metric stuck at a degenerate value, or never moved, while the train loss
    falls (the module docstring has the rules). Driven by evals of the metric, with the train loss
    (its mean since the previous eval) as context; the series name says which values are
    degenerate (0 for recall, precision, F1, Dice, IoU, Jaccard; 0.5 for AUC).

    Parameters:
        warn_evals: evals with the metric stuck to warn ...
        alert_evals: ... and at a degenerate value to alert ...
        loss_fall: ... while the train loss fell by at least this fraction since the metric took
            that value.
        plunge: a train loss that fell below this factor of its value at the evaluation before
            is still in its opening: a metric that has not moved yet is not counted stuck there.
        sibling_learned: a score stuck at 0 beside a sibling score (context ``sibling_score``) at
            this value or more warns, never alerts (module docstring).

    A recall that stays at 0 while the train loss halves:

    >>> detector = ContradictoryMetrics("val_recall")
    >>> [(f.severity, f.step) for f in detector.update_values([0.0] * 6, train_loss=[1.0, 0.9, 0.8, 0.7, 0.6, 0.5])]
    [('warn', 3.0), ('alert', 5.0)]
    """

    pathology = "contradictory_metrics"
    driver = "classification_metric"
    context = {"train_loss": MEAN_SINCE_PREVIOUS, "lr": LAST, SIBLING_SCORE: LAST}

    def __init__(
        self, series: str = "recall", attrs: dict | None = None, *,
        warn_evals: int = 3, alert_evals: int = 5, loss_fall: float = 0.10, plunge: float = 0.5,
        trend_evals: int = 8, metric_tau: float = -0.6, loss_tau: float = -0.5, worse_noises: float = 4.0,
        worse_fraction: float = 0.01, loss_noises: float = 3.0, sibling_learned: float = 0.1,
    ) -> None:
        self.sibling_learned = sibling_learned
        self.warn_evals, self.alert_evals, self.loss_fall, self.plunge = warn_evals, alert_evals, loss_fall, plunge
        self.trend_evals, self.metric_tau, self.loss_tau = trend_evals, metric_tau, loss_tau
        self.worse_noises, self.worse_fraction, self.loss_noises = worse_noises, worse_fraction, loss_noises
        super().__init__(series, attrs)

    def reset(self) -> None:
        super().reset()
        self._first = math.nan  # the metric's first value
        self._moved = False  # it has taken another value since
        self._run = 0
        self._settled_run = 0  # the stuck evals in a row since the lr last rose
        self._reference = math.nan  # train loss when the metric took its current value
        self._tail = np.empty((0, 2))  # the last evals (metric, train loss) before this batch
        self._last_loss = math.nan  # train loss at the previous eval
        self._last_lr = math.nan  # lr at the previous eval
        self._loss_tail = np.full(LEVEL_EVALS - 1, math.nan)  # the train loss at the last evals
        self._reference_level = math.nan  # the loss's level when the metric took its current value

    def update(self, points: Points) -> list[Finding]:
        where = np.flatnonzero(np.isfinite(points.values))
        if not len(where):
            return []
        values = points.values[where]
        loss = points.ctx("train_loss")[where]
        zero_is_stuck = bool(_ZERO_MEANS_BROKEN.search(points.series))
        half_is_stuck = bool(_HALF_MEANS_BROKEN.search(points.series))
        lower_is_better = bool(LOWER_IS_BETTER.search(points.series))
        perfect = (values == 0.0) if lower_is_better else (values == 1.0) | (values == 100.0)
        all_wrong = bool(_ALL_WRONG.search(points.series))
        if math.isnan(self._first):
            self._first = float(values[0])
        moved = np.logical_or.accumulate(values != self._first) | self._moved
        self._moved = bool(moved[-1])
        degenerate = (zero_is_stuck & (values == 0.0)) | (half_is_stuck & ((values == 0.5) | (values == 50.0)))
        degenerate |= all_wrong & (values >= ALL_WRONG_PERCENT)
        stuck = (degenerate | ~moved) & ~perfect
        rising, plunging = self._opening(loss, points.ctx("lr")[where])
        stuck &= degenerate | ~(rising | plunging)
        run = run_lengths(stuck, self._run)
        # the alert counts only the evals since the lr stopped rising (module docstring)
        settled = run_lengths(stuck & ~rising, self._settled_run)
        self._settled_run = int(settled[-1])
        # The reference loss: at the last point where the metric moved (or the first point seen).
        fresh = ~stuck
        if math.isnan(self._reference) and not fresh[0]:
            fresh = fresh.copy()
            fresh[0] = True
        source = np.maximum.accumulate(np.where(fresh, np.arange(len(values)), -1))
        reference = np.where(source >= 0, loss[np.maximum(source, 0)], self._reference)
        self._run = int(run[-1])
        self._reference = float(reference[-1])
        level = self._level(loss)
        reference_level = np.where(source >= 0, level[np.maximum(source, 0)], self._reference_level)
        self._reference_level = float(reference_level[-1])
        with np.errstate(divide="ignore", invalid="ignore"):
            fall = 1.0 - loss / reference
            level_fall = 1.0 - level / reference_level
        falling = np.isfinite(fall) & (fall >= self.loss_fall) & (reference > 0)
        held = falling & np.isfinite(level_fall) & (level_fall >= self.loss_fall) & (reference_level > 0)
        events = []
        # a sibling score that learned says the model does: this one scores what it never predicts
        sibling = points.ctx(SIBLING_SCORE)[where]
        with np.errstate(invalid="ignore"):
            sibling_learned = zero_is_stuck & (sibling >= self.sibling_learned)
        alert = held & (settled >= self.alert_evals) & degenerate & ~sibling_learned
        rules = (("warn", falling & (run >= self.warn_evals)), ("alert", alert))
        for severity, flags in rules:
            for i in self.entries(severity, flags).tolist():
                message = self._message(values[i], bool(degenerate[i]), run[i], fall[i], points, where[i])
                events.append(Event(int(where[i]), severity, message))
        for i in self.entries("moved", ~stuck).tolist():
            events.append(Event(int(where[i]), None))
        events.extend(self._worsening(values, loss, points, where))
        return self.apply(points, events)

    def _level(self, loss: np.ndarray) -> np.ndarray:
        """The train loss's level at each eval: the median of its last ``LEVEL_EVALS`` finite
        values (of fewer at the start)."""
        both = np.concatenate((self._loss_tail, loss))
        self._loss_tail = both[len(both) - (LEVEL_EVALS - 1):]
        return row_nanmedians(sliding_window_view(both, LEVEL_EVALS))  # (np.nanmedian imports numpy.ma)

    def _opening(self, loss: np.ndarray, lr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(lr rising, loss plunging) at each eval of the run's opening (module docstring): the lr
        risen since the previous eval, the train loss fallen below ``plunge`` times its value there."""
        loss_before, lr_before = previous(loss, self._last_loss), previous(lr, self._last_lr)
        self._last_loss, self._last_lr = _last_finite(loss, self._last_loss), _last_finite(lr, self._last_lr)
        with np.errstate(invalid="ignore"):
            rising = lr > lr_before * (1.0 + 1e-6)
            plunging = (loss_before > 0) & (loss < self.plunge * loss_before)
        return rising, plunging

    def _worsening(self, values: np.ndarray, loss: np.ndarray, points: Points, where: np.ndarray) -> list[Event]:
        """The worsening rule (module docstring), on every window of the last ``trend_evals``
        evals that ends in this batch: a few numpy passes over (points x window), no loop over points."""
        width = self.trend_evals
        pairs = np.concatenate((self._tail, np.column_stack((values, loss))))
        self._tail = pairs[-(width - 1):] if width > 1 else pairs[:0]
        held = self.attrs.get("split") or split_of(points.series)
        if held in ("val", "test") or len(pairs) < width or _SMOOTHED.search(points.series):
            return []
        sign = -1.0 if LOWER_IS_BETTER.search(points.series) else 1.0
        metric = sliding_window_view(sign * pairs[:, 0], width)
        train = sliding_window_view(pairs[:, 1], width)
        first = len(pairs) - width + 1 - len(values)  # windows that end before this batch: done
        metric, train = metric[max(first, 0):], train[max(first, 0):]
        ends = np.arange(len(values))[len(values) - len(metric):]
        count = width * (width - 1) / 2
        metric_tau = _kendall(metric) / count
        train_tau = _kendall(train) / count
        before = row_medians(metric[:, :3])
        after = row_medians(metric[:, -3:])
        noise, train_noise = _noise(metric), _noise(train)
        drop = before - after
        train_fall = row_medians(train[:, :3]) - row_medians(train[:, -3:])
        with np.errstate(invalid="ignore"):
            worse = (
                (metric_tau <= self.metric_tau) & (train_tau <= self.loss_tau)
                & (drop > self.worse_noises * noise) & (drop > self.worse_fraction * np.abs(before))
                & (train_fall > self.loss_noises * train_noise)
            )
        events = []
        for k in self.entries(WORSENING, worse).tolist():
            i = int(ends[k])
            events.append(Event(int(where[i]), "warn", (
                f"{points.series} got worse over {width} evaluations ({sign * before[k]:.4g} -> {sign * after[k]:.4g}, "
                f"{100.0 * drop[k] / max(abs(before[k]), 1e-300):.1f}%, {drop[k] / max(noise[k], 1e-300):.0f} times its "
                f"eval noise) while the train loss kept improving ({array_median(train[k, :3]):.4g} -> "
                f"{array_median(train[k, -3:]):.4g}) (step {format_step(points.steps[where[i]])})"
            ), WORSENING))
        for k in self.entries(WORSENING + " over", ~worse).tolist():
            events.append(Event(int(where[int(ends[k])]), None, family=WORSENING))
        return events

    def _message(self, value, degenerate, run, fall, points: Points, i) -> str:
        state = f"stuck at {value:g}" if degenerate else f"has not moved from {value:g} since its first evaluation,"
        return (
            f"{points.series} {state} for {run} evaluations while the loss fell "
            f"{fall:.0%} (step {format_step(points.steps[i])})"
        )


def _last_finite(values: np.ndarray, before: float) -> float:
    finite = values[np.isfinite(values)]
    return float(finite[-1]) if len(finite) else before


def _kendall(windows: np.ndarray) -> np.ndarray:
    """Kendall's S of each row (pairs that rise minus pairs that fall, in row order); NaN when a
    value of the row is."""
    width = windows.shape[1]
    total = np.zeros(len(windows))
    for i in range(width - 1):
        total += np.sign(windows[:, i + 1 :] - windows[:, i : i + 1]).sum(axis=1)
    return total


def _noise(windows: np.ndarray) -> np.ndarray:
    """Robust point-to-point noise of each row, from second differences (a steady trend adds none)."""
    second = np.abs(windows[:, 2:] - 2.0 * windows[:, 1:-1] + windows[:, :-2])
    return row_medians(second) * MAD_TO_SIGMA / math.sqrt(6.0)
