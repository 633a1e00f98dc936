"""Plateau: the loss does not improve for a long stretch while still far from a good value.

On blocks of log-loss (stats/blocks.py), each averaged with the two before it. A run whose loss never
gets 5% below where it started (a dead start: zero learning rate, frozen weights, labels the
model cannot see) and that is quiet (a loss that bounced within the last window is
not_converging's business) is a warning after 200 points, an alert after 1000, not counting
blocks while the logged lr rises (during warm-up the loss may well be flat). Only a segment that
starts at the start of training can be a dead start: a run resumed from a checkpoint starts
where its loss already is. A run that improved and then flattened has most likely converged:
worth knowing (info) after no 1% improvement for max(1000 points, half the run), never alarming,
and only while the loss stays near its best: a loss climbing away from it is not flat.
Short runs (epoch-level logs, 10-300 points) are judged on all their points so far
(features.ShortTrend, all medians): a dead start whose points are smooth (within +-2% of a local
line: means over epochs; single noisy batches wait for the block rule) and whose second half is
not even 1% below its first warns after 10 points at a chance level ln(k) or while the held-out
task score (accuracy, mAP ...: context ``task_score``) has never risen above its first value, 20
elsewhere, outside lr warm-up, over at least 3 distinct steps: records that share a step are
batches of one epoch (DeepSpeed RWKV's reward model logs 21 batches as 'Epoch 0', flat at ~1.0 before its loss drops
in epoch 4), not 21 epochs of a flat loss. A steady smooth fall is progress unless too slow to get
5% lower within 200 points; an epoch-level start that bounces 2-10% has its own rule
(``_noisy_dead``). A running sum of batch losses (series attribute ``running_sum``) is not judged: it
flattens when the batch losses near zero.
A loss that falls onto a chance level ln(k) (telling k: _telling_classes) and stays there made no
progress, however high it started: fresh logits overshoot (a ConvLSTM of 8 classes opens at 4.70,
sits 0.7-3% above ln 8 = 2.079 from its fourth epoch, val_acc at chance). A model that learns
nothing cannot beat the labels' entropy, ln(k) for balanced classes, so such a loss sits from
0.5% below ln(k) to a little above it and never gets lower. Short runs, fresh, smooth, after 10
points outside warm-up: the second half's median and the last two medians of 3 sit from 0.5% below
ln(k) to 3% above it, no median of 3 was ever lower, and either the held-out accuracy (context
``task_score``: an accuracy only) has not covered 10% of the way from chance 1/k to 1 (the median
of its last 5 readings), or both medians are within 0.5% of ln(k) and the second half is not 1%
below the first. With the accuracy's word (near chance), from 8 points: a notebook's fit of 9 epochs
on 4 classes sits at ln 4 (1.3999 ... 1.3852) with val_accuracy 0.26-0.30, and is over before a
10th. Long runs: smoothed block means within 0.5% of ln(k) in 3 of 4 blocks so far (the
latest too), 10 of them outside warm-up, never below, quiet, and 5% below the opening (less is a
dead start). A healthy loss passing through ln(k) neither stays nor keeps off below it. Warn; the
warning goes out once the loss gets 0.5% below ln(k).
The accuracy that tells a chance level is the held-out one or, with none, the first
classification metric if it is an accuracy over classes that has changed value 3 times and is
no better than its first reading (a Keras fit with no validation, loss onto ln 2, accuracy
0.496-0.503; a running mean of the first epoch's accuracy that rose 9% -> 13.5% is no chance).
A model that predicts the same class for every input (the class frequencies) is *stuck at the
class prior*: its loss sits at the entropy of the class frequencies, below ln(k) when the classes
are unbalanced (a Keras run of 10 classes flat at 2.17 < ln 10), and its accuracy is frozen low
(stats/prior.py: 10 readings within 0.005, no better than a coin or than its first reading). Short
runs, fresh, outside warm-up: such an accuracy, held-out or train, while the loss makes no 1%
progress over its last 10 points and is no lower than any constant guess of that accuracy could
score, warns; the warning goes out once the accuracy rises above its band.
A loss *frozen* at one full-precision value (stats/frozen.py: the same value to its last digit,
of 6 significant digits or more, over distinct steps) warns after 20 records and alerts after 50,
wherever the segment starts: a loss that no batch moves is no converged one (a Lightning run's
train_loss_batch at 16.74222755432129 for 74 records from step 1299, resumed or not). A new value
clears it.
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Event, Points
from lossmon.engine.detectors.stats.features import (
    BLOCK_POINTS, HISTORY_BLOCKS, SHORT_LIMIT, SHORT_MIN, LrQuiet, ShortTrend, TrendBlocks, starts_fresh,
)
from lossmon.engine.detectors.stats.few import median
from lossmon.engine.detectors.stats.frozen import FrozenRuns
from lossmon.engine.detectors.stats.prior import FrozenLowAccuracy, beats_any_constant_guess, over_classes
from lossmon.engine.detectors.stats.task_score import is_accuracy
from lossmon.engine.detectors.stats.vector import previous, run_lengths
from lossmon.engine.findings import Finding, format_step, severity_rank
from lossmon.engine.store import GrowableArray

# A short run at a chance level whose held-out accuracy sits at chance too speaks from this many
# points (the other short rules wait for SHORT_MIN)
EARLY_CHANCE_POINTS = 8


def _halves_noise(stats) -> np.ndarray:
    """The standard error of the difference of a short run's halves' medians from noise alone:
    a median of n/2 normal points errs by 1.25 sigma / sqrt(n/2), the difference of two by
    about 2.5 sigma / sqrt(n) (sigma: the point-to-point jitter)."""
    return 2.5 * stats.jitter / np.sqrt(stats.count)


def _early_trend() -> ShortTrend:
    """Short-run statistics of the points before SHORT_MIN (for the chance rule's early word)."""
    return ShortTrend(minimum=EARLY_CHANCE_POINTS, limit=SHORT_MIN)


class Plateau(Detector):
    """A train loss that does not improve: a dead start (warn, alert) or a converged run (info);
    the module docstring has the rules. Ratios are plain factors (0.95: 5% lower), not logs.

    Parameters:
        dead_ratio: a dead start never gets below this factor of its first blocks.
        warn_blocks, alert_blocks: blocks of a dead start (outside lr warm-up) to warn, to alert.
        quiet_swing: a block whose points spread this wide (log) bounces: not a plateau.
        late_ratio, late_blocks: after progress, no fall below this factor of the best over
            max(``late_blocks``, half the run) blocks is a converged run (info) ...
        near_best: ... while the loss stays within this factor of its best.
        smooth_blocks: block means are averaged over this many blocks.
        short_at_chance, short_anywhere: short runs: points of a smooth dead start to warn at a
            telling chance level (ln k), elsewhere ...
        short_smooth: ... whose points stay within this (log) of a local line ...
        short_progress: ... and whose second half is not this factor below its first ...
        short_steps: ... over at least this many distinct steps.
        short_slow: a steady fall of a smooth short run that would take more than this many
            points to get below ``dead_ratio`` is no progress.
        short_noisy, short_noisy_bounce, short_noisy_share: short runs whose points bounce by
            ``short_smooth`` up to this (log) (noisier is not_converging's business): a dead start
            over at least ``short_noisy`` points, held at this share of the points judged so far.
        score_evals: a task score read at this many points that never rose above its first value
            makes a smooth dead start as telling as a chance level.
        chance_above: a short run's loss up to this factor above a chance level ln(k) (and never
            0.5% below it) sits at it, when an accuracy at chance says so ...
        chance_share, score_recent: ... an accuracy that has not covered this share of the way
            from chance (1/k) to 1, nor reached CHANCE_TIMES 1/k, by the median of its last
            ``score_recent`` readings.
        frozen_warn, frozen_alert: records of one frozen value (stats/frozen.py) to warn, to alert.
        prior_readings, prior_hair: a short run's accuracy whose last ``prior_readings`` readings
            stay within ``prior_hair`` (absolute; x100 in percent), low (stats/prior.py), while the
            loss makes no ``short_progress`` over them: the model predicts one class (warn).

    A loss stuck at ln 2 (a binary classifier that learns nothing) from its first point:

    >>> detector = Plateau()
    >>> [finding.message for finding in detector.update_values([0.6931, 0.6932, 0.6930, 0.6931] * 6)]  # doctest: +ELLIPSIS
    ['loss flat at 0.6931 for 10 points (step 10)...']
    """

    pathology = "plateau"
    driver = "train_loss"
    # The held-out task score, and the first classification metric (an accuracy, train or val:
    # a log with no held-out accuracy may still log the train one).
    context = {"lr": LAST, "epoch": LAST, "task_score": LAST, "classification_metric": LAST}

    def __init__(
        self, series: str = "loss", attrs: dict | None = None, *,
        dead_ratio: float = 0.95, warn_blocks: int = 10, alert_blocks: int = 50, quiet_swing: float = 0.3,
        late_ratio: float = 0.99, late_blocks: int = 50, near_best: float = 1.25, smooth_blocks: int = 3,
        short_at_chance: int = 10, short_chance_early: int = EARLY_CHANCE_POINTS, short_anywhere: int = 20,
        short_smooth: float = 0.02, short_progress: float = 1.01,
        short_steps: int = 3, short_slow: int = 200, short_noisy: int = 40, short_noisy_bounce: float = 0.1,
        short_noisy_share: float = 0.75, score_evals: int = 3, frozen_warn: int = 20, frozen_alert: int = 50,
        chance_above: float = 1.03, chance_share: float = 0.1, score_recent: int = 5,
        prior_readings: int = 10, prior_hair: float = 0.005,
    ) -> None:
        self.prior_readings, self.prior_hair = prior_readings, prior_hair
        self.chance_above, self.chance_share, self.score_recent = chance_above, chance_share, score_recent
        self.frozen_warn, self.frozen_alert = frozen_warn, frozen_alert
        self.score_evals = score_evals
        self.short_steps, self.short_slow = short_steps, short_slow
        self.short_noisy, self.short_noisy_bounce, self.short_noisy_share = short_noisy, short_noisy_bounce, short_noisy_share
        self.dead_ratio, self.warn_blocks, self.alert_blocks, self.quiet_swing = dead_ratio, warn_blocks, alert_blocks, quiet_swing
        self.late_ratio, self.late_blocks, self.near_best, self.smooth_blocks = late_ratio, late_blocks, near_best, smooth_blocks
        self.short_at_chance, self.short_anywhere = short_at_chance, short_anywhere
        self.short_chance_early = short_chance_early
        self.short_smooth, self.short_progress = short_smooth, short_progress
        super().__init__(series, attrs)

    def reset(self) -> None:
        super().reset()
        self._start = math.nan  # mean log-loss of the first block
        self._age = 0  # blocks outside lr warm-up
        self._fresh: bool | None = None  # the segment starts at the start of training
        self._best = math.inf
        self._recent = np.empty(0)  # the last block means, for smoothing
        self._calm = HISTORY_BLOCKS  # blocks since the series last bounced
        self._best_by_block = GrowableArray(np.float64)  # running best after each block
        self._short_age = 0  # points of a short run outside lr warm-up
        self._short_steps = 0  # distinct steps of a short run
        self._last_step = math.nan
        self._noisy_flags = np.empty(0, dtype=bool)  # the noisy dead-start condition at each short-run point
        self._with_epoch = 0  # points of a short run with a logged epoch ...
        self._new_epochs = 0  # ... and how many of them start a new one
        self._last_epoch = math.nan
        self._counted = 0  # points of a short run ...
        self._steps_by_one = 0  # ... whose step is one above the step before
        self._last_step_seen = math.nan
        self._score_first = math.nan  # the held-out task score's first value ...
        self._score_best = -math.inf  # ... its best so far ...
        self._score_read = 0  # ... and at how many points it was read
        self._frozen = FrozenRuns()
        self._scores: deque[float] = deque(maxlen=self.score_recent)  # the task score's last readings
        self._score_scale = 1.0  # 100 for a score in percent
        self._chance_k = 0  # the chance level ln(k) a warning named (0: none)
        self._band_blocks: dict[int, list[int]] = {}  # k: smoothed block means within 0.5% of ln(k), [all, outside warm-up]
        self._score_source = ""  # the accuracy _recent_score reads ...
        self._source_first = math.nan  # ... its first reading ...
        self._source_changes = 0  # ... how many times its value changed (the first reading too) ...
        self._source_last = math.nan  # ... and its last value
        self._prior_tracks: dict[str, FrozenLowAccuracy] = {}  # each accuracy the prior rule reads
        self._prior_logs: list[float] = []  # log loss at each point of a short run (NaN: none) ...
        self._prior_steps: list[float] = []  # ... and its step
        self._prior_age = 0  # points of a short run outside lr warm-up
        self._prior_ceiling = ("", math.inf)  # the accuracy that warned, above this: the warning goes out

    def update(self, points: Points) -> list[Finding]:
        if self.attrs.get("running_sum"):
            # A running sum of batch losses (spaCy's losses dict) goes flat when its batches' losses
            # near 0: convergence, never a loss that refuses to decrease.
            return []
        if self._fresh is None and len(points):
            self._fresh = starts_fresh(points.steps, points.ctx("epoch"))
        quiet = self.feature(points, "lr_quiet", LrQuiet)
        short = self._short(self.feature(points, "short_trend", ShortTrend), quiet, points) + self._frozen_value(points)
        short += self._prior(points, quiet)
        blocks, (index, _, bouncing, _, _) = self.feature(points, "trend_blocks", TrendBlocks)
        if not len(blocks):
            return self.apply(points, short)
        means, ends = self._smoothed(blocks.means), blocks.ends
        # Quiet: no window has bounced for a whole window's span (bouncing comes and goes with,
        # e.g., a cyclic lr; a loss that bounced a moment ago is not flat).
        window_bounced = np.zeros(len(blocks), dtype=bool)
        window_bounced[index] = bouncing
        window_bounced |= blocks.noise >= self.quiet_swing
        calm = run_lengths(~window_bounced, self._calm)
        self._calm = int(calm[-1])
        loud = calm < HISTORY_BLOCKS
        if math.isnan(self._start):
            self._start = float(means[0])  # the first block (then the mean of the first two, three)
        # Blocks while the lr warms up do not count toward patience (the loss may well be flat
        # then), but any progress they make counts.
        age = self._age + np.cumsum(~quiet[ends])
        self._age = int(age[-1])
        best = np.minimum.accumulate(np.minimum(means, self._best))
        self._best = float(best[-1])
        total = blocks.first + np.arange(1, len(means) + 1)  # blocks since the start
        self._best_by_block.extend(best)
        improvement = self._start - best
        dead = (improvement < -math.log(self.dead_ratio)) & ~loud & (age > 0) & bool(self._fresh)
        lr = points.ctx("lr")
        events = []
        for severity, need in (("warn", self.warn_blocks), ("alert", self.alert_blocks)):
            for i in self.entries(severity, dead & (age >= need)).tolist():
                events.append(Event(int(ends[i]), severity, self._dead_message(means[i], age[i] * BLOCK_POINTS, improvement[i], lr[ends[i]], points, ends[i]), "dead"))
        for i in self.entries("improved", improvement >= -math.log(self.dead_ratio)).tolist():
            events.append(Event(int(ends[i]), None, family="dead"))
        events.extend(self._chance_blocks(means, best, total, improvement, quiet[ends], loud, ends, points))
        events.extend(self._late(means, best, total, improvement, ends, points))
        return self.apply(points, short + events)

    def _short(self, stats, quiet, points: Points) -> list[Event]:
        """A dead start in a short run (module docstring); the block rule escalates it."""
        # A running mean of the epoch (Keras) is smooth by construction, not because it is flat.
        if self._short_age >= SHORT_LIMIT or not self._fresh or self.attrs.get("epoch_running_average"):
            return []
        outside = self._short_age + np.cumsum(~quiet)  # points outside lr warm-up so far
        self._short_age = int(outside[-1]) if len(outside) else self._short_age
        # Records that share a step (a log whose step is the epoch and whose records are its
        # batches) are one step of progress, however many: the flat stretch must span a few steps.
        new_step = points.steps != previous(points.steps, self._last_step)
        if len(points):
            self._last_step = float(points.steps[-1])
        spanned = self._short_steps + np.cumsum(new_step)
        self._short_steps = int(spanned[-1]) if len(spanned) else self._short_steps
        # A flat loss whose run's held-out score never got better than its first reading (a video
        # classifier at val_acc 0.19 -> 0.06 while its loss sits at 2.2 for 13 epochs) is as plainly
        # no progress as one at a chance level: both need only the short wait.
        never_rose = self._score_never_rose(points.ctx("task_score"))
        recent_score, score_read, score_settled = self._recent_score(*self._accuracy(points))
        events = self._chance_early(points, quiet, outside, spanned, recent_score, score_read, score_settled)
        if not len(stats):
            return events
        never_rose, recent_score, score_read = never_rose[stats.index], recent_score[stats.index], score_read[stats.index]
        score_settled = score_settled[stats.index]
        counted = ~quiet[stats.index] & (spanned[stats.index] >= self.short_steps)
        age = outside[stats.index]
        at_chance = np.array([_clearly_at_chance(math.exp(level)) for level in stats.recent.tolist()])
        # The halves' medians are n/2 points apart: a fall at this pace per point ...
        pace = stats.progress / np.maximum(stats.count // 2, 1)
        dead = (
            self._never_below(stats) & (stats.progress < math.log(self.short_progress))
            # a steady fall, however slow, is progress: the halves differ by noise alone by about
            # _halves_noise (a smooth per-step decay of 0.1% a point is not flat) ...
            & ((stats.progress <= 3.0 * _halves_noise(stats))
               # ... unless at its pace the loss would take longer than the block rule's warning
               # (200 points) to get 5% lower: a Lightning run at 2.08e8 that fell 0.6% in 50
               # epochs, point after point, is flat (rl-bem-lightning-metrics-csv)
               | (pace * self.short_slow < -math.log(self.dead_ratio)))
            & (stats.jitter < self.short_smooth) & counted
            & (age >= np.where(at_chance | never_rose, self.short_at_chance, self.short_anywhere))
        )
        lr = points.ctx("lr")
        for k in self.entries("short dead", dead).tolist():
            i = int(stats.index[k])
            improvement = float(stats.start[k] - stats.best[k])
            message = self._dead_message(stats.recent[k], int(stats.count[k]), improvement, lr[i], points, i)
            if never_rose[k] and not at_chance[k]:
                score = points.ctx_name("task_score", "the held-out score")
                message += f"; {score} never rose above its first value ({self._score_first:.4g})"
            events.append(Event(i, "warn", message, "dead"))
        events.extend(self._chance_short(
            stats, counted & (age >= self.short_at_chance), recent_score, score_read, score_settled, points
        ))
        epoch_level = self._epoch_level(points)[stats.index]
        for k in self._noisy_dead(stats, counted & epoch_level & (age >= self.short_noisy)).tolist():
            i = int(stats.index[k])
            events.append(Event(i, "warn", (
                f"loss flat at {math.exp(stats.recent[k]):.4g} (median of its last {stats.count[k] // 2} points) for "
                f"{stats.count[k]} points, bouncing by about ±{math.expm1(stats.jitter[k]):.0%} from point to point "
                f"(step {format_step(points.steps[i])}): {_from_start(float(stats.opening[k] - stats.recent[k]))}"
            ), "dead"))
        return events

    def _chance_early(self, points: Points, quiet, outside, spanned, recent_score, score_read, score_settled) -> list[Event]:
        """The chance rule at ``short_chance_early`` to SHORT_MIN points, on the held-out accuracy's
        word only (module docstring): a notebook's 9 epochs at ln 4 with val_accuracy 0.26-0.30."""
        early = self.feature(points, "short_trend_early", _early_trend)
        if not len(early):
            return []
        at = early.index
        eligible = ~quiet[at] & (spanned[at] >= self.short_steps) & (outside[at] >= self.short_chance_early)
        return self._chance_short(
            early, eligible, recent_score[at], score_read[at], score_settled[at], points, loss_alone=False,
        )

    def _chance_short(
        self, stats, eligible, recent_score, score_read, score_settled, points: Points, loss_alone: bool = True,
    ) -> list[Event]:
        """A short run that fell onto a chance level ln(k), from however high it started, and sits
        there (module docstring): falling from the overshoot of fresh logits to ln(k) is no progress."""
        flags = np.zeros(len(stats), dtype=bool)
        found: dict[int, tuple[int, str]] = {}
        score = self._accuracy(points)[1]
        accuracy = bool(score)
        smooth = (stats.jitter < self.short_smooth) & eligible
        for j in np.flatnonzero(smooth).tolist():
            recent, level = math.exp(stats.recent[j]), math.exp(stats.level[j])
            k = _sits_at_chance(recent, self.chance_above)
            # It stays: the second half's median and the last two medians of 3 all sit there (a
            # loss on its way down through ln(k) passes the band in a few points) ...
            if k is None or not _sits_at_chance(level, self.chance_above) == k == _sits_at_chance(
                math.exp(stats.level_before[j]), self.chance_above
            ):
                continue
            if math.exp(stats.best[j]) < CHANCE_BELOW * math.log(k):  # ... and it never got below it
                continue
            chance = 1.0 / k
            # near chance: not a tenth of the way from 1/k to 1, nor twice 1/k (of 100 classes, 0.063
            # is 6x chance: an MXNet run of 196 classes falling 4.91 -> 4.54 past ln 100 while its
            # val accuracy rose 0.04 -> 0.09 an epoch was learning)
            near = min(chance + self.chance_share * (1.0 - chance), CHANCE_TIMES * chance)
            near_chance = recent_score[j] <= self._score_scale * near
            if accuracy and near_chance and score_settled[j]:
                why = (f"; {score} at {recent_score[j]:.4g} (median of its last {score_read[j]} readings), "
                       f"near chance (1/{k} = {self._score_scale * chance:.4g})")
            elif loss_alone and _telling_classes(recent) == k == _telling_classes(level) and stats.progress[j] < math.log(self.short_progress):
                why = ""  # flat within 0.5% of ln(k) by both medians: the loss alone says it
            else:
                continue
            flags[j] = True
            found[j] = (k, why)
        events = []
        for j in self.entries("short chance", flags).tolist():
            i = int(stats.index[j])
            k, why = found[j]
            self._chance_k = k
            message = self._chance_message(stats.recent[j], int(stats.count[j]), float(stats.opening[j]), k, points, i)
            events.append(Event(i, "warn", message + why, "chance"))
        if self._chance_k:
            events.extend(self._chance_cleared("below chance", stats.level, stats.index))
        return events

    def _chance_blocks(self, means, best, total, improvement, quiet_end, loud, ends, points: Points) -> list[Event]:
        """A long run whose smoothed block means fell onto ln(k) early and stay (3 in 4 of its
        blocks so far within 0.5% of it, ``warn_blocks`` of them outside warm-up, the latest
        too), never below it: a CIFAR-10 run at 2.3026 for thousands of batches after an opening
        at 2.5. A dead start (never 5% below its opening) is the dead-start rule's."""
        events = []
        flags = np.zeros(len(means), dtype=bool)
        classes = np.zeros(len(means), dtype=np.int64)
        ages = np.zeros(len(means), dtype=np.int64)
        listed = means.tolist()
        for j in _maybe_telling(means).tolist():
            k = _telling_classes(math.exp(listed[j]))
            if k is None:
                continue
            held = self._band_blocks.setdefault(k, [0, 0])  # blocks at ln(k), and those outside warm-up
            held[0] += 1
            held[1] += int(not quiet_end[j])
            classes[j], ages[j] = k, held[1]
            flags[j] = (
                held[1] >= self.warn_blocks and 4 * held[0] >= 3 * int(total[j]) and not loud[j]
                and math.exp(best[j]) >= CHANCE_BELOW * math.log(k) and improvement[j] >= -math.log(self.dead_ratio)
            )
        for j in self.entries("chance blocks", flags & bool(self._fresh)).tolist():
            i = int(ends[j])
            self._chance_k = int(classes[j])
            message = self._chance_message(means[j], int(ages[j]) * BLOCK_POINTS, self._start, self._chance_k, points, i)
            events.append(Event(i, "warn", message, "chance"))
        if self._chance_k:
            events.extend(self._chance_cleared("below chance blocks", means, ends))
        return events

    def _chance_cleared(self, name: str, levels, where) -> list[Event]:
        """The warning of a chance level goes out once the loss gets below it: progress at last."""
        below = levels < math.log(CHANCE_BELOW * math.log(self._chance_k))
        return [Event(int(where[j]), None, family="chance") for j in self.entries(name, below).tolist()]

    def _chance_message(self, mean, flat_points, opening, k, points: Points, i) -> str:
        return (
            f"loss flat at {math.exp(mean):.4g} for {flat_points} points (step {format_step(points.steps[i])}): "
            f"{_from_start(float(opening - mean))} but never below ln({k}) = {math.log(k):.4f}, the chance level "
            f"for {k} classes (falling to it is no progress)"
        )

    def _accuracy(self, points: Points) -> tuple[np.ndarray, str, bool]:
        """The accuracy that says whether the model beats chance, its name ("": none), and
        whether it is held out: the task score if it is an accuracy, else the first
        classification metric if it is one over classes (a Keras fit with no validation logs its
        train accuracy only)."""
        name = points.ctx_name("task_score", "")
        if is_accuracy(name):
            return points.ctx("task_score"), name, True
        name = points.ctx_name("classification_metric", "")
        if over_classes(name):
            return points.ctx("classification_metric"), name, False
        return np.full(len(points), np.nan), "", False

    def _recent_score(self, score: np.ndarray, source: str, held_out: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """At each point: the median of the accuracy's last ``score_recent`` readings, how many,
        and whether it may speak for a chance level: a held-out accuracy may; a train accuracy
        only once it has changed value ``score_evals`` times and its median is no better than its
        first reading (a running mean of the first epoch's accuracy, 9% -> 13.5% at a loss
        still falling through ln 10, is a model learning; so is a language model's 0% -> 6%)."""
        if source != self._score_source:  # another series now speaks for the accuracy
            self._score_source, self._score_scale = source, 1.0
            self._scores.clear()
            self._source_first, self._source_changes, self._source_last = math.nan, 0, math.nan
        out, read = np.full(len(score), np.nan), np.zeros(len(score), dtype=np.int64)
        settled = np.full(len(score), held_out)
        for i, value in enumerate(score.tolist()):
            if math.isfinite(value):
                self._scores.append(value)
                if value > 1.0:
                    self._score_scale = 100.0  # an accuracy in percent
                if math.isnan(self._source_first):
                    self._source_first = value
                self._source_changes += int(value != self._source_last)
                self._source_last = value
            if self._scores:
                out[i], read[i] = median(list(self._scores)), len(self._scores)
                if not held_out:
                    settled[i] = self._source_changes >= self.score_evals and (
                        out[i] <= self._source_first + self.prior_hair * self._score_scale
                    )
        return out, read, settled

    def raise_finding(self, severity, points, index, message, family=""):
        # One stuck loss, one warning: a dead start, a chance level and an accuracy frozen at the
        # class prior are views of it.
        if family in STUCK_VIEWS:
            for other in STUCK_VIEWS:
                held = self._actives.get(other)
                if other != family and held is not None and severity_rank(held.severity) >= severity_rank(severity):
                    return None
        return super().raise_finding(severity, points, index, message, family)

    def _prior(self, points: Points, quiet: np.ndarray) -> list[Event]:
        """A short run whose accuracy (held-out or train: either tells) is frozen low
        (stats/prior.py) while its loss makes no 1% progress (the medians of the halves of its
        last ``prior_readings`` points): the model predicts the same class, whatever its input.
        Also for a running mean of the epoch (Keras): a constant predictor's is as flat as its
        epoch figure, and the noisy opening batches of a learning model's leave the band."""
        room = SHORT_LIMIT - len(self._prior_logs)
        if room <= 0 or not self._fresh:
            return []
        sources = []
        for role in ("task_score", "classification_metric"):
            name = points.ctx_name(role, "")
            if over_classes(name) and name not in [known for known, _, _ in sources]:
                track = self._prior_tracks.setdefault(name, FrozenLowAccuracy(self.prior_readings, self.prior_hair))
                sources.append((name, points.ctx(role), track))
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log(points.values[:room])
        logs[~np.isfinite(logs)] = np.nan
        if not sources:  # no accuracy (yet): keep the loss in step, point by point costs nothing
            self._prior_logs.extend(logs.tolist())
            self._prior_steps.extend(points.steps[:room].tolist())
            self._prior_age += int(np.count_nonzero(~quiet[:room]))
            return []
        flags = np.zeros(len(points), dtype=bool)
        found: dict[int, tuple | None] = {}
        for i, value in enumerate(logs.tolist()):
            self._prior_logs.append(value)
            self._prior_steps.append(float(points.steps[i]))
            self._prior_age += int(not quiet[i])
            frozen = []
            for name, accuracy, track in sources:
                reading = float(accuracy[i])
                state = track.update(reading, len(self._prior_logs) - 1)
                if state is not None:
                    frozen.append((name, state, track.scale))
                if name == self._prior_ceiling[0] and reading > self._prior_ceiling[1]:
                    self._prior_ceiling = ("", math.inf)
                    found[i] = None  # the accuracy rose above its band: the warning goes out
            if not frozen or quiet[i] or self._prior_age < self.short_at_chance:
                continue
            recent = [log for log in self._prior_logs[-self.prior_readings :] if not math.isnan(log)]
            half = len(recent) // 2
            if half < 2:
                continue
            late = median(recent[-half:])
            frozen = [hit for hit in frozen if not beats_any_constant_guess(math.exp(late), hit[1].level / hit[2])]
            if frozen and median(recent[:half]) - late < math.log(self.short_progress):
                flags[i] = True
                found[i] = (*frozen[0], late)
        events = [Event(i, None, family="prior") for i, hit in found.items() if hit is None]
        for i in self.entries("prior", flags).tolist():
            name, state, scale, late = found[i]
            self._prior_ceiling = (name, state.high + self.prior_hair * scale)
            events.append(Event(i, "warn", (
                f"{name} frozen at {state.level:.4g} ({state.low:.4g}-{state.high:.4g}) since step "
                f"{format_step(self._prior_steps[state.since])}, no better than its first reading ({state.first:.4g}), "
                f"while the loss sits at {math.exp(late):.4g} with no {self.short_progress - 1:.0%} progress "
                f"(step {format_step(points.steps[i])}): the model predicts the same class for every input "
                f"(the class frequencies)"
            ), "prior"))
        return events

    def _frozen_value(self, points: Points) -> list[Event]:
        """A loss frozen at one full-precision value (module docstring)."""
        length, frozen, since = self._frozen.update(points.values, points.steps, points.ctx("epoch"))
        events = []
        for severity, need in (("warn", self.frozen_warn), ("alert", self.frozen_alert)):
            for i in self.entries("frozen " + severity, frozen & (length >= need)).tolist():
                events.append(Event(i, severity, (
                    f"loss frozen at {float(points.values[i])!r}: the same value to its last digit in {length[i]} records "
                    f"since step {format_step(since[i])} (step {format_step(points.steps[i])}): "
                    f"no batch moves it (a zero learning rate, frozen weights, an output stuck at a clamp)"
                ), "frozen"))
        for i in self.entries("thawed", ~frozen).tolist():
            events.append(Event(i, None, family="frozen"))
        return events

    def _score_never_rose(self, score: np.ndarray) -> np.ndarray:
        """At each point: has the task score (higher is better) been read at ``score_evals`` points
        or more, never above its first value?"""
        read = np.isfinite(score)
        if math.isnan(self._score_first) and read.any():
            self._score_first = float(score[read][0])
        best = np.maximum.accumulate(np.concatenate(([self._score_best], np.where(read, score, -math.inf))))[1:]
        counted = self._score_read + np.cumsum(read)
        if len(score):
            self._score_best, self._score_read = float(best[-1]), int(counted[-1])
        return (counted >= self.score_evals) & (best <= self._score_first)

    def _epoch_level(self, points: Points) -> np.ndarray:
        """True at points of a log whose points are epochs: a new epoch at 3 in 4 of its points
        when it logs one, else a step that goes up by exactly 1 (the epoch number: YOLO's
        console, Keras). Batches scatter by batch: a flat, noisy stretch of them early in training
        is the block rule's to judge, over 200 points."""
        epoch = np.floor(points.ctx("epoch"))  # a fractional epoch (Hugging Face's 0.25) is within one
        logged = np.isfinite(epoch)
        new = logged & (epoch != previous(epoch, self._last_epoch))
        if logged.any():
            self._last_epoch = float(epoch[logged][-1])
        by_one = points.steps - previous(points.steps, self._last_step_seen) == 1.0
        if len(points):
            self._last_step_seen = float(points.steps[-1])
        with_epoch = self._with_epoch + np.cumsum(logged)
        new_epochs = self._new_epochs + np.cumsum(new)
        counted = self._counted + np.arange(1, len(points) + 1)
        steps_by_one = self._steps_by_one + np.cumsum(by_one)
        if len(points):
            self._with_epoch, self._new_epochs = int(with_epoch[-1]), int(new_epochs[-1])
            self._counted, self._steps_by_one = int(counted[-1]), int(steps_by_one[-1])
        # (batches over 3 epochs or more: a flat, noisy stretch as long as that is no warm-up)
        return np.where(with_epoch > 0, (new_epochs >= 0.75 * with_epoch) | (new_epochs >= 3), steps_by_one >= 0.75 * counted)

    def _noisy_dead(self, stats, eligible: np.ndarray) -> np.ndarray:
        """A dead start whose points bounce by 2-10% (single batches, an epoch of a few batches:
        too noisy for the smooth rule, too quiet for not_converging): judged by medians, which the
        noise moves little over ``short_noisy`` points. The second half is not 1% below the first
        (nor, where no median of 3 got 5% below the start, by twice the noise of the halves' medians)
        and the recent level within 5% of where the run started (the median of its first 5
        points: a loss that climbed away from it is not flat), at 3 in 4 of the points judged so far
        (from the 10th), the latest included: the halves of a noisy loss that falls slowly may meet
        for a while (a synthetic nanoGPT run's warm-up, flat for 100 iterations, then falling), one
        flat from its start stays so. A YOLO run whose box_loss bounces 2.5-4.1 (±8%) about 3.3 for
        100 epochs while its mAP reads 0 (yolo-miniproj-utf16-train-output): warn at epoch 69."""
        # Or, for a loss no median of 3 of which ever got 5% below its start (the block rule's dead
        # start), not below by more than the noise lets the halves' medians tell apart: twice the
        # standard error of their difference (_halves_noise). A Bayesian HMM's ELBO
        # bouncing ±3.8% about 1.8 for 50 epochs has halves 1-2.7% apart, this way and that
        # (johnbbb42 v88); a loss falling 3x over 462 points bounced ±3% about a 1.5% fall at its
        # 40th, but had got 9% below its start.
        within_noise = (stats.progress < 2.0 * _halves_noise(stats)) & self._never_below(stats)
        flat = (
            (stats.jitter >= self.short_smooth) & (stats.jitter < self.short_noisy_bounce)
            & ((stats.progress < math.log(self.short_progress)) | within_noise)
            & (np.abs(stats.recent - stats.opening) < -math.log(self.dead_ratio))
        )
        flags = np.concatenate((self._noisy_flags, flat))
        self._noisy_flags = flags
        held = np.concatenate(([0], np.cumsum(flags)))
        ends = np.arange(len(flags) - len(flat), len(flags)) + 1
        share = held[ends] / ends  # over every point judged so far: a start that moved once moved
        return self.entries("short noisy dead", flat & eligible & (share >= self.short_noisy_share))

    def _never_below(self, stats) -> np.ndarray:
        """No median of 3 ever got ``dead_ratio`` below the start (the first 3 points' median)."""
        return stats.start - stats.best < -math.log(self.dead_ratio)

    def _smoothed(self, means: np.ndarray) -> np.ndarray:
        """Each block's mean averaged with the two before it: one lucky block of a noisy loss must
        not pass for 5% of progress."""
        both = np.concatenate((self._recent, means))
        sums = np.concatenate(([0.0], np.cumsum(both)))
        end = np.arange(len(self._recent), len(both)) + 1
        start = np.maximum(end - self.smooth_blocks, 0)
        self._recent = both[max(0, len(both) - self.smooth_blocks + 1) :]
        return (sums[end] - sums[start]) / (end - start)

    def _late(self, means, best, age, improvement, ends, points) -> list[Event]:
        """No 1% improvement (``late_ratio``) over the last max(``late_blocks``, half the run) blocks, the loss still
        near its best: info."""
        history = self._best_by_block.view
        lookback = np.maximum(self.late_blocks, age // 2)
        then = np.where(age > lookback, history[np.maximum(age - lookback - 1, 0)], np.inf)
        flat = means - best < math.log(self.near_best)
        stale = (then - best < -math.log(self.late_ratio)) & (improvement >= -math.log(self.dead_ratio)) & flat
        events = []
        for i in self.entries("stale", stale).tolist():
            events.append(Event(int(ends[i]), "info", (
                f"no {1 - self.late_ratio:.0%} improvement for {int(lookback[i]) * BLOCK_POINTS} points (best {math.exp(best[i]):.4g}) "
                f"at step {format_step(points.steps[ends[i]])}: converged, or stuck"
            ), "late"))
        for i in self.entries("fresh", ~stale).tolist():
            events.append(Event(int(ends[i]), None, family="late"))
        return events

    def _dead_message(self, mean, flat_points, improvement, lr, points: Points, i) -> str:
        level = math.exp(mean)
        message = (
            f"loss flat at {level:.4g} for {flat_points} points (step {format_step(points.steps[i])}): "
            f"{-math.expm1(-improvement):.1%} below where it started{_chance_hint(level)}"
        )
        if lr == 0.0:
            message += "; the learning rate is 0"
        return message


def _from_start(fall: float) -> str:
    """Where a level stands against where the run started, from their difference in log."""
    change = -math.expm1(-fall)
    return f"{change:.1%} below where it started" if change >= 0 else f"{-change:.1%} above where it started"


CHANCE_BELOW = 0.995  # a loss at a chance level ln(k) gets no more than 0.5% below it
CHANCE_TIMES = 2.0  # an accuracy twice chance (1/k) or more beats chance
STUCK_VIEWS = ("dead", "chance", "prior")  # the families of a loss that does not improve: one warning
TELLING_CLASSES = (*range(2, 11), 100, 1000, 10_000, 100_000)  # as _telling_classes names them


def _sits_at_chance(level: float, above: float) -> int | None:
    """The telling k (see _telling_classes) whose ln(k) the level sits at: from 0.5% below it to
    the factor ``above`` above it. Whatever a model that learned nothing predicts, its loss is at
    least the labels' entropy, ln(k) for k balanced classes: noise in what it predicts lifts it."""
    for k in TELLING_CLASSES:
        if CHANCE_BELOW * math.log(k) <= level <= above * math.log(k):
            return k
    return None


def _clearly_at_chance(level: float) -> bool:
    """At ln(k) for a k that is telling: few classes (ln k are far apart) or a power of ten (10,
    100, 1000 classes); for other large k, every level is near some ln(k)."""
    return _telling_classes(level) is not None


_TELLING_LOGS = np.log(np.array(TELLING_CLASSES, dtype=np.float64))


def _maybe_telling(means: np.ndarray) -> np.ndarray:
    """The indices of the log-means whose level _telling_classes may find a k for: within 0.6% of
    some ln(k), in numpy (it asks 0.5%, and any k it names is one of TELLING_CLASSES; the margin
    covers np.exp against math.exp). For the rest it would say None: a long run's loop over its
    block means visits these only."""
    with np.errstate(over="ignore", invalid="ignore"):
        levels = np.exp(means)[:, None]
        return np.flatnonzero((np.abs(levels - _TELLING_LOGS) <= 0.006 * levels).any(axis=1))


def _telling_classes(level: float) -> int | None:
    """The telling k whose ln(k) the level is within 0.5% of: the nearest few-class k, or the
    nearest power of ten in log (a loss at ln 1000 = 6.908 that reads 6.90 is e^6.90 = 992
    classes: rounding e^level would never land on 1000)."""
    if not 0 < level < 12:
        return None
    few = round(math.exp(level))
    for k in ((few,) if few <= 10 else ()) + (10 ** round(level / math.log(10)),):
        if k >= 2 and abs(level - math.log(k)) <= 0.005 * level:
            return k
    return None


def _chance_hint(level: float) -> str:
    """Name ln(k) when the loss sits at the cross-entropy of guessing among k classes, for a
    telling k only (few classes, or a power of ten): every level is within 1% of ln(k) for some
    large k ("loss flat at 7.406": e^7.406 = 1645), which says nothing of the classes the run has."""
    if not 0 < level < 12:  # ln(100,000) = 11.5: above, no class count to name (and exp overflows)
        return ""
    k = _telling_classes(level) or round(math.exp(level))
    telling = k <= 10 or k == 10 ** round(math.log10(k))
    if 2 <= k <= 100_000 and telling and abs(level - math.log(k)) <= 0.01 * level:
        return f"; ln({k}) = {math.log(k):.4f}: chance level for {k} classes"
    return ""
