"""Overfitting: validation loss rising while training loss keeps falling.

Runs on the sparse eval stream; patience is counted in evaluations (as Lightning does), never in
steps. Prechelt's generalization loss GL = 100 (E_va / E_opt - 1) measures how far the latest
validation loss sits above its best; his UP criterion (consecutive rises) guards against one
noisy eval. Evals are noisy, and the raw best is the luckiest draw of that noise, so GL is taken
on the val loss smoothed over evals (an EWMA of log val loss, weight 0.5: it lags a steady rise by
about one eval) and must clear 3 times (4 for an alert) the eval-to-eval jitter, estimated
robustly from second differences of log val loss (a steady rise does not count as jitter) over
the evals up to the best one (the raw best, when the smoothed best, which lags it, follows
within 3 evals): overfitting inflates the differences after it (a val loss that
jumps and then bounces at its new level), and a bar scaled to that noise would hide the very
rise it should see. A val loss that jumps up and stays up without rising every eval (a short,
noisy Keras run: best 0.0718, then 0.1239, then about 0.09 while the train loss goes to 4e-05)
is caught by GL alone, held above the bar for 3 evals (5 for an alert).
Memorisation: on a tiny data set (200 samples) the val loss is so noisy, and one outlier eval so
far off, that no jitter-scaled bar can see a rise of 35% (best 0.692, then 0.739, 0.869, 0.932).
The train loss says what the val noise hides: when it has collapsed (10x below its level at the
val loss's raw best, and 10x below the val loss itself) and the val loss has risen 2 evals in a
row to its highest level since the best (one outlier eval allowed) and > 10% above it, the model
is memorising: a warning, whatever the jitter. Collapsed on the val loss's smoothing too (the
EWMA of log train loss at evals 10x below its value at the raw best): where each eval sees one
batch of train loss (a notebook printing a batch of 4 next to each validation, 0.03-3.5), one
lucky batch 23x below the one at the best is that batch's noise, not a collapse. A healthy run whose val loss only levels off does
not climb to new highs while its train loss collapses.
Evals while the logged lr warms up, or right after it jumps back up, are no reference: the val
history restarts after them (a YOLO val loss bumps up in the warm-up epochs).
And the train loss (its mean between evals) must keep falling *while* val rises: a train loss
that rises with val is not overfitting, and the first interval's mean (which still holds the
start of training) is never the reference. One epoch's train loss is noisy too: it must also
have fallen since the best eval on the same smoothing as the val loss (a train loss that only
bounces about a level, 0.034-0.050 for 14 epochs, while a val loss bumps 0.051 -> 0.060 and back,
has not kept falling: the fall from a noisy high at the first rise is no evidence). That fall
must also clear the train loss's own eval-to-eval noise (2 jitters of log train loss at evals,
from second differences, and at least 2 of its logging steps: 0.0057 printed with 4 decimals
moves by 1.8% a digit): a converged train loss that drifts 2% while the val loss wobbles up and
back (PaiNN: 0.0251 -> 0.0280 over 4 epochs, train 0.0217 -> 0.0213 within its +-3%), or a
small data set's epoch losses scattering 0.58-0.94 (a YOLO run), has not kept falling.

A val loss that wanders (autocorrelated noise that second differences do not see: PaiNN's val
loss drifts 0.0074 -> 0.0078 and back, then 0.0074 -> 0.0079 and back over tens of epochs while
its lr steps down) shows how far it strays by itself: a rise no more than twice as high as an
excursion the smoothed val loss came back from (below its best) within the last 32 evals is not
news, as a spike smaller than one the run recovered from is not (stats/spikes.py): no warning.
A rise no higher than such an excursion that clears the alert bar is a warning, unless a held-out
task score worsens along. A sawtooth comes back from its teeth without going below
its best: PaiNN's val loss, after each cut of an lr it does not log, creeps up one printed digit
an epoch (0.0209 -> 0.0224, 8 rises in a row) until the next cut brings it back to 0.0211. A
climb of 3 rises in a row or more whose smoothed height falls back to a quarter of itself is an
excursion it came back from as well (a single outlier eval that falls back is not: no climb).
An excursion from one of the first 2 evals is not remembered: the val loss of a barely trained
model swings (a Lightning run's val loss 0.405, 0.789, 0.471 in epochs 0-2) and says nothing of how
far a trained one strays (that run's val loss, best 0.314 at epoch 8, then sits at 0.50-0.70 for
7 epochs while the train loss falls 0.264 -> 0.160).

A run with few evals has no clean jitter: the second differences of its first evals measure the
curvature of its fall, and those after its best the turn itself (HF log_history with 8 evals:
eval_loss 5.78, 3.73, 3.44, then 3.58, 4.25, 4.38, 4.56, 4.94 while the loss falls 6.0 -> 0.70 puts
the bar at 27%). Prechelt's UP criterion needs no noise scale: 5 rises in a row (1 chance in 720
for a val loss that only jitters) above 3% warn whatever the jitter. A val loss with no noise to
speak of (XGBoost's test-rmse, deterministic: 7.770 -> 5.9687 at round 23, then up at every one
of the 52 rounds after it to 6.0138, 0.75%, while train-rmse keeps falling 4.919 -> 4.802) turns
up by less than any % floor, yet every eval after its best is worse: 10 rises in a row (two of
Prechelt's strips of 5; 1 chance in 11!, 4e7, for a val loss that only jitters) warn above 3
jitters, with no % floor.
The shortest runs cannot wait for 5 rises: a BERT fine-tuning of 4 epochs (val loss 0.42, 0.39,
then 0.49, 0.57 while the train loss falls 0.50 -> 0.13) has 2 second differences in all, both of
the turn, which put the bar at 37%. While there are no more than 3 second differences and none
clean, a climb warns above 10% (the alert floor): 2 rises in a row, the eval before the latest
already 10% above the raw best and the latest rise no more than twice that climb (one outlier eval
after a flat eval is no climb), and the train loss 10% lower than at the first rise. The same
holds while the jitter at the best rests on the first 3 second differences only (a best by the
fifth eval, not bettered since): one is the curvature of the opening fall, one is centred on the
raw best, the lowest draw of the noise by selection. A Keras run of 10 epochs (val loss 0.0062,
0.0048, 0.0051, 0.0041 best, 0.0043, then 0.0055, 0.0048, 0.0069, 0.0074 while the loss falls
0.0037 -> 0.00098) gets a jitter of 18% from them, a bar of 55% that its 47% climb cannot clear.

A held-out task score logged with the val loss (mAP, accuracy, top-1, F1 ...: stats/task_score.py)
is what the run is for; the field guide shows overfitting yellow unless a task metric degrades too.
While the score, smoothed as the val loss is, holds within 4 of its own jitters of its best, the
val loss alone must clear twice the alert bar: a YOLO val box loss wanders 10% above its best for
a dozen epochs and back (0.89 at epoch 77, 1.02-1.09 around epoch 90, 0.95 at 117) while the
train loss falls and mAP50-95 stays within its noise (smoothed 0.610 against a best of 0.662: 2.6
of its jitters): a warning at most. A val loss that climbs 37% or 5x over its best still alerts.

An eval whose task score reads 0 (mAP 0 at a YOLO run's first epoch) measured a model that has
not learned the task yet: a detector that finds nothing has almost no box loss (0.00169, then
0.0238 once it finds objects, falling to 0.013 as mAP50-95 climbs 0 -> 0.59). It is no reference:
the val history restarts at the first eval whose score is above 0. A score that stays 0 keeps the
history (an HF run whose eval_match_accuracy reads 0 at every eval while its eval_loss climbs 3.44 ->
4.94 overfits all the same; so does an AllenNLP classifier's, rising every epoch from its best at the
first, val accuracy 0-0.06). But while every score so far reads below 0.01, a val loss that jumped
and stays up, without rising eval after eval, is a warning until the train loss has collapsed (10x
since the best): a single-class YOLOv5 run's val box loss bumps 0.102 -> 0.134 in epochs 8-17, just
out of warm-up, and stays there while its mAP reads 0.0001-0.004 and its train box loss falls
0.100 -> 0.082; it falls to 0.028 once mAP rises.

A short run cannot wait for the patience rule's 10 evals: a Keras fit of 10 epochs whose val loss is
best at epoch 5 (0.4785) and then sits at 0.53-0.84 (median 0.57, 20% up) while the train loss falls
0.39 -> 0.094 has overfitted, whatever its val accuracy does. In a run of no more than 30 evals,
no new raw best for 4 evals, their median and the latest 15% above the level at the best (the
median of the eval before it, the best and the one after, as the patience rule takes it) and above
the noise of such a median (2 jitters at the best, sqrt(pi/2) / sqrt(n)), while the train loss fell
2x since the best, warn. A best among the first 3 evals is a barely trained model's lucky draw (a
history.json's val loss 0.0144 at epoch 1, then 0.015-0.022), and a val loss that strayed as high
before and came back (a noisy 47-epoch run, 0.20-0.45) wanders: no warning.

A short run's val loss may climb too gently for any level: a Keras fit of 10 epochs, val loss best
0.0822 at epoch 6, then 0.0877, 0.0896, 0.0919, 0.0965 while the loss falls 0.0285 -> 0.0136 (the
median since the best 3.5% above the level at it). The evals since the best are a trend, not a
level: in a run of no more than 30 evals, at least 4 evals since a best set after the first 3, the
Theil-Sen line through them (log) rising 8% and 3 times their scatter about it, the latest eval
the highest since the best and 10% above it, the train loss 25% below its level at the best and
falling along (its own Theil-Sen line over the same evals going down) warns, when no other rule
speaks. A train loss that climbs back with the val loss (an MLP's 0.024 -> 0.108 while its val loss
rises 10%, then falls to a new best) is the run's own noise; evals that scatter about a flat line
have no trend.

A table that validates every few epochs may copy the last eval into the rows between (an Ultralytics
results.csv repeating val/box_loss 1.69581 in the epoch after): a val loss equal to the one before
to 4 significant digits or more is that copy, not an eval: no rise, no eval held above the bar (4
evals of a run validating every 2nd epoch, held up 13-24%, were read as 6, an alert). The row's
train loss is real: the train loss's noise and smoothed level follow every row.

A train loss already fitted has no fall left to show: a small image classifier's train loss reaches
0.006 by epoch 11, 15x below its val loss (best 0.0892 there), then sits at 0.003-0.011 while the val
loss climbs to 0.129, 45% above its best. When the smoothed train loss at the best eval was 10x
below the smoothed val loss, and has risen since by no more than its noise (2 of its jitters), a
climb of 2 rises in a row above the warn bar and 10% warns (never alerts): the gap widens on the
held-out side alone. A train loss that rises with the val loss is not fitted.

Two held-out signals that agree are stronger than either: a val loss that climbs 3 evals in a row
to above the warn bar (and 10%) over its raw best, while the task score logged with it falls at
each of those same evals, is a warning before the smoothed level, which lags a climb by an eval,
gets there. A short run's noisy val loss (a kanji classifier of 15 epochs: the jitter of its
opening fall, 0.47 -> 0.30 -> 0.15, puts the bar at 44%) climbs 0.0671 -> 0.0863 -> 0.1001 ->
0.1076 at its end while val_acc falls 0.9832 -> 0.9792 -> 0.9763 -> 0.9741; an IMDB classifier's
smooth val loss (bar 7%) turns up 0.3127 -> 0.3222 -> 0.3371 -> 0.3530 in its last 3 epochs
while val_accuracy falls 0.8699 -> 0.8654; the train loss keeps falling in both: overfitting, and
both held-out curves say so.

A val loss that stops improving and settles above its best is the early-stopping patience's case
(Keras' EarlyStopping waits 10 epochs): no new raw best for 10 evals (and a quarter of the evals so
far), the median of those evals above the level at the best (the median of the eval before it, the
best and the one after) by 10% and by 3 of the noise of such a median (sqrt(pi/2) jitters /
sqrt(n)), while the train loss fell 30% since the best and the held-out task score's median over
those evals is below its level at the best, warns. A ResNet-34 notebook's val loss, best 0.689 at
epoch 17, wanders 0.70-0.92 over the next 10 epochs (median 0.81) while its train loss falls
0.57 -> 0.34 and the validation accuracy slips: no rise in a row ever clears the jitter bar, the
level does. Without a task score, or with one that holds, a val loss that sits higher may be a
wander (a YOLO run whose mAP keeps rising): no warning.

warn: 2 rises in a row or 3 evals above the bar, GL > max(3%, 3 jitter) (10% at most for a climb of few evals), or 5 rises in a row and GL > 3%, or 10 rises in a row and GL > 3 jitter, or 3 rises in a row with the task score falling at each and the raw GL above the bar and 10%, or the patience rule,
or the short run's climb, or its trend. alert: 3 rises in a
row or 5 evals above the bar, GL > max(10%, 4 jitter), twice that while a task score holds.
"""

from __future__ import annotations

import math
from collections import deque

from lossmon.engine.detectors.base import HELD_BEFORE_CHANGE, LAST, MEAN_SINCE_PREVIOUS, Detector, Points
from lossmon.engine.detectors.stats.schedule import RESTART_JUMP
from lossmon.engine.detectors.stats.blocks import MAD_TO_SIGMA
from lossmon.engine.detectors.stats.few import median, theil_sen
from lossmon.engine.detectors.stats.task_score import TaskScoreTrack
from lossmon.engine.findings import Finding, format_step

# A val loss equal to the last one to this many significant digits is that eval copied into a row
# where none ran (an Ultralytics results.csv of a run validating every 2nd epoch repeats val/box_loss
# 1.69581 in the epoch after), not a second eval that happened to agree.
STALE_DIGITS = 4
UNLEARNED_SCORE = 0.01  # task scores all below this (mAP 0.004) scored a model that has not learned yet
_MAX_EXPONENT = 700.0  # below log(float max) = 709.78
_MEDIAN_ERROR = math.sqrt(math.pi / 2.0)  # a median of n draws strays sqrt(pi/2) sigma/sqrt(n)


class Overfitting(Detector):
    """The val loss turns up while the train loss keeps falling (Prechelt's GL with his UP
    criterion; the module docstring has the rules). Driven by evals, with the train loss (its mean
    since the previous eval) and the lr as context.

    Parameters:
        min_evals: evals before any verdict.
        warn_rises, warn_gl, warn_jitters, warn_held: warn after this many rises in a row or this
            many evals held above the bar, the bar being GL > max(``warn_gl`` %, ``warn_jitters``
            jitters).
        alert_rises, alert_gl, alert_jitters, alert_held: the same for an alert.
        min_differences: second differences needed before the best eval for a jitter from them alone.
        smoothing: EWMA weight of the newest eval (log val loss).
        train_fall: the train loss must have fallen by this fraction meanwhile ...
        train_jitters: ... and by this many times its own eval-to-eval noise (jitters, or logging steps).
        jitter_history: second differences the jitter is the median of.
        up_rises: this many rises in a row warn above ``warn_gl`` whatever the jitter.
        long_rises: this many rises in a row warn above ``warn_jitters`` jitters, with no % floor.
        recovered_evals, recovered_factor: a rise must be this many times higher than any
            excursion the smoothed val loss came back from within this many evals.
        recovered_share, tooth_rises: a climb of this many rises in a row that falls back to
            this share of its height came back as well (a tooth of a sawtooth).
        opening_evals: an excursion from a best set before this eval is not remembered.
        few_gl, few_train_fall: the few-evals rule (module docstring): its bar (%), and the fall of
            the train loss since the first rise it needs.
        collapse, memorised_gl: the memorisation rule (module docstring): the train loss
            ``collapse`` times below its level at the raw best and below the val loss, the val loss
            ``memorised_gl`` % above its raw best.
        fitted, fitted_rises, fitted_gl: the fitted rule (module docstring): the train loss this
            many times below the val loss at its best, this many rises in a row, this GL (%).
        score_holds_factor: the alert bar is this many times higher while a held-out task score
            (context ``task_score``: mAP, accuracy ...) holds within ``alert_jitters`` of its own
            jitters of its best (module docstring).
        stage_held, stage_share: a logged schedule variable (context ``schedule``: a fold, a stage,
            K) that held its value this many evals, and this share of the evals so far, and
            changed starts a new stage: the evals before it are no reference (k-fold runs logged
            one after the other, each fold's val loss starting high again).
        short_evals, short_patience, short_gl, short_train_fall, short_jitters: the short run's
            climb (module docstring): in a run of at most ``short_evals`` evals, no new best for
            ``short_patience``, their median ``short_gl`` % and ``short_jitters`` median noises
            above the best, the train loss ``short_train_fall`` times lower.
        trend_gl, trend_scatter, trend_train_fall: the short run's trend (module docstring): the
            evals since the best on a line rising ``trend_gl`` % and ``trend_scatter`` times their
            scatter, the train loss ``trend_train_fall`` below its level at the best.

    Evals every 100 steps: the val loss turns up at step 600 while the train loss (context) keeps
    falling:

    >>> detector = Overfitting()
    >>> val = [1.0, 0.8, 0.7, 0.65, 0.64, 0.66, 0.70, 0.76, 0.85, 0.95]
    >>> train = [1.0, 0.8, 0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1]
    >>> for finding in detector.update_values(val, steps=range(100, 1100, 100), train_loss=train):
    ...     print(finding.severity, finding.message)
    alert val_loss 0.85 rose 4 evals in a row, 17% above its best smoothed level (best eval 0.64 at step 500), while the train loss fell 50% meanwhile (step 900)
    """

    pathology = "overfitting"
    driver = "val_loss"
    context = {"train_loss": MEAN_SINCE_PREVIOUS, "lr": LAST, "task_score": LAST, "schedule": HELD_BEFORE_CHANGE}

    def __init__(
        self, series: str = "val_loss", attrs: dict | None = None, *, min_evals: int = 3,
        warn_rises: int = 2, warn_gl: float = 3.0, warn_jitters: float = 3.0, warn_held: int = 3,
        alert_rises: int = 3, alert_gl: float = 10.0, alert_jitters: float = 4.0, alert_held: int = 5,
        min_differences: int = 3, smoothing: float = 0.5, train_fall: float = 0.01, jitter_history: int = 32,
        collapse: float = 10.0, memorised_gl: float = 10.0, train_jitters: float = 2.0,
        recovered_evals: int = 32, recovered_factor: float = 2.0, up_rises: int = 5, few_gl: float = 10.0,
        few_train_fall: float = 0.1, recovered_share: float = 0.25, tooth_rises: int = 3, opening_evals: int = 3,
        score_holds_factor: float = 2.0, long_rises: int = 10, fitted: float = 10.0, fitted_rises: int = 2,
        fitted_gl: float = 10.0, stage_held: int = 5, stage_share: float = 0.1,
        patience: int = 10, patience_share: float = 0.25, stalled_train_fall: float = 0.3,
        short_evals: int = 30, short_patience: int = 4, short_gl: float = 15.0, short_train_fall: float = 2.0,
        short_jitters: float = 2.0, trend_gl: float = 8.0, trend_scatter: float = 3.0, trend_train_fall: float = 0.25,
    ) -> None:
        self.trend_gl, self.trend_scatter, self.trend_train_fall = trend_gl, trend_scatter, trend_train_fall
        self.patience, self.patience_share, self.stalled_train_fall = patience, patience_share, stalled_train_fall
        self.short_evals, self.short_patience, self.short_gl = short_evals, short_patience, short_gl
        self.short_train_fall, self.short_jitters = short_train_fall, short_jitters
        self.stage_held, self.stage_share = stage_held, stage_share
        self.fitted, self.fitted_rises, self.fitted_gl = fitted, fitted_rises, fitted_gl
        self.long_rises = long_rises
        self.score_holds_factor = score_holds_factor
        self.opening_evals = opening_evals
        self.recovered_share, self.tooth_rises = recovered_share, tooth_rises
        self.few_gl, self.few_train_fall = few_gl, few_train_fall
        self.up_rises = up_rises
        self.recovered_evals, self.recovered_factor = recovered_evals, recovered_factor
        self.train_jitters = train_jitters
        self.collapse, self.memorised_gl = collapse, memorised_gl
        self.min_evals = min_evals
        self.warn_rises, self.warn_gl, self.warn_jitters, self.warn_held = warn_rises, warn_gl, warn_jitters, warn_held
        self.alert_rises, self.alert_gl, self.alert_jitters, self.alert_held = alert_rises, alert_gl, alert_jitters, alert_held
        self.min_differences, self.smoothing = min_differences, smoothing
        self.train_fall, self.jitter_history = train_fall, jitter_history
        super().__init__(series, attrs)

    def reset(self) -> None:
        super().reset()
        self._lr = math.nan  # the lr at the previous eval
        self._score_was_zero: bool | None = None  # every task score so far read 0 (None: none yet)
        self._score_peak = -math.inf  # the highest task score so far
        self._last_value = math.nan  # the val loss at the eval before
        self._warming = True  # the lr has only risen so far
        self._seen = 0  # evals of the segment so far (a new stage forgets the others, not these)
        self._forget()

    def _forget(self) -> None:
        """Forget the val history: evals up to here are no reference (see _schedule_moved)."""
        self._evals = 0
        self._best = math.inf  # raw best val loss, for messages
        self._best_step = math.nan
        self._smoothed = math.nan  # EWMA of log val loss
        self._best_smoothed = math.inf
        self._previous = math.nan
        self._rises = 0
        self._falls = 0  # evals in a row lower than the one before
        self._train_at_first_rise = math.nan
        self._train_at_best = math.nan
        self._train_smoothed = math.nan  # EWMA of log train loss, the val loss's smoothing
        self._train_smoothed_at_best = math.nan
        self._held = 0  # evals in a row with GL above the warn bar
        self._logs: deque[float] = deque(maxlen=3)
        self._second_differences: deque[float] = deque(maxlen=self.jitter_history)
        self._jitter_at_best = math.nan  # the jitter as it was at the best eval
        self._jitter_differences = math.inf  # how many second differences it rests on
        self._jitter_at_raw_best = math.nan  # the jitter as it was at the raw best eval
        self._train_at_raw_best = math.nan
        self._train_smoothed_at_raw_best = math.nan
        self._train_recent: deque[float] = deque(maxlen=self.jitter_history)  # log train loss at the last evals
        self._since_raw_best: deque[float] = deque(maxlen=self.jitter_history)  # raw evals after it
        self._train_since_raw_best: deque[float] = deque(maxlen=self.jitter_history)  # the train loss beside them
        self._around_raw_best: list[float] = []  # the eval before the raw best and the best (then the one after)
        self._scores_since_best: deque[float] = deque(maxlen=self.jitter_history)  # the task score at those evals
        self._scores_around_best: list[float] = []
        self._score_now = math.nan  # the task score at the eval being judged
        self._excursion = 0.0  # the highest smoothed level (log, above the best) since the best
        self._climb = 0  # the most rises in a row within that excursion
        self._excursion_start = 0  # the eval it started after
        self._recovered: deque[tuple[int, float]] = deque()  # (eval, height) of excursions it came back from
        self._score = TaskScoreTrack(self.smoothing, self.jitter_history, self.min_differences)
        self._score_before = math.nan  # the task score at the eval before

    def update(self, points: Points) -> list[Finding]:
        # Evals are sparse (one per hundreds of train points): a loop over them costs nothing.
        findings = []
        train = points.ctx("train_loss").tolist()
        lr = points.ctx("lr").tolist()
        score = points.ctx("task_score").tolist()
        held = points.ctx("schedule").tolist()
        for i, value in enumerate(points.values.tolist()):
            self._seen += 1
            if not (math.isfinite(value) and value > 0):
                continue
            if value == self._last_value and _significant_digits(value) >= STALE_DIGITS:
                self._track_train(train[i])  # a copy of the last eval, in a row where none ran: no eval
                continue
            self._last_value = value
            if self._schedule_moved(lr[i]) or self._score_leaves_zero(score[i]) or self._new_stage(held[i]):
                self._forget()
            self._score.update(score[i])
            if score[i] > self._score_peak:
                self._score_peak = score[i]
            self._score_now = score[i]
            finding = self._eval(value, train[i], points, i)
            if finding is not None:
                findings.append(finding)
        return findings

    def _new_stage(self, held: float) -> bool:
        """Did a logged schedule variable that had held its value long enough change at this eval
        (as exploding_loss's stages)? The val loss of a new fold or task starts over."""
        return held >= max(self.stage_held, self.stage_share * self._seen)

    def _score_leaves_zero(self, score: float) -> bool:
        """Is this the first eval whose task score is above the 0 it read until now (see the module
        docstring)? A score that stays 0 keeps the history: a run that learns nothing it is scored
        on may overfit all the same."""
        if not math.isfinite(score):
            return False
        before, self._score_was_zero = self._score_was_zero, score == 0.0 and self._score_was_zero is not False
        return before is True and score > 0.0

    def _schedule_moved(self, lr: float) -> bool:
        """Did the lr rise since the previous eval, during its warm-up or by a warm restart
        (stats/schedule.py's rules, per eval)? A val loss measured while the lr climbs is no reference:
        a YOLO run's val loss bumps up in its warm-up epochs, then falls below where it started."""
        if not math.isfinite(lr):
            return False
        before, self._lr = self._lr, lr
        if math.isnan(before):
            return False
        if self._warming and lr <= before * (1.0 + 1e-6):
            self._warming = False
        return (self._warming and lr > before) or (lr > 0 and lr >= before * RESTART_JUMP)

    def _jitter(self, value: float) -> float:
        """Robust eval-to-eval noise of log val loss (0 until there is enough history)."""
        self._logs.append(math.log(value))
        if len(self._logs) == 3:
            a, b, c = self._logs
            self._second_differences.append(abs(a - 2 * b + c))
        if len(self._second_differences) < 2:
            return 0.0
        # few.median is np.median's bits for values without NaN (these are: logs of finite
        # positive evals), without making an array of the deque at every eval
        return median(self._second_differences) * MAD_TO_SIGMA / math.sqrt(6.0)

    def _train_noise(self) -> float:
        """Eval-to-eval noise of log train loss: the jitter of its second differences, and, for a
        loss printed so coarsely that it repeats its values (a quarter of its recent evals equal
        to the one before), at least its logging step (its smallest change, at its level)."""
        logs = self._train_recent
        if len(logs) < self.min_differences + 2:  # too few differences: a collapse would pass for noise
            return 0.0
        values = list(logs)
        second = [abs(a - 2 * b + c) for a, b, c in zip(values, values[1:], values[2:])]
        jitter = median(second) * MAD_TO_SIGMA / math.sqrt(6.0)
        steps = [abs(math.exp(b) - math.exp(a)) for a, b in zip(values, values[1:])]
        moves = [step for step in steps if step > 0]
        if not moves or 4 * (len(steps) - len(moves)) < len(steps):
            return jitter
        return max(jitter, min(moves) / math.exp(values[-1]))

    def _clean_jitter(self, jitter: float) -> float:
        """The jitter as it was at the best eval, once enough differences led up to it (what
        came after the best may be the overfitting itself); before that, the jitter so far."""
        return self._jitter_at_best if math.isfinite(self._jitter_at_best) else jitter

    def _recovered_height(self) -> float:
        """The highest excursion (log, above its best then) that the smoothed val loss came back
        from within the last ``recovered_evals`` evals."""
        while self._recovered and self._recovered[0][0] <= self._evals - self.recovered_evals:
            self._recovered.popleft()
        return max((height for _, height in self._recovered), default=0.0)

    def _wandered_as_high(self, factor: float | None = None) -> bool:
        """Is the smoothed val loss no higher than ``factor`` (``recovered_factor``) times an
        excursion it came back from lately?"""
        factor = self.recovered_factor if factor is None else factor
        return self._smoothed - self._best_smoothed <= factor * self._recovered_height()

    def _recover(self) -> None:
        """Remember the excursion the smoothed val loss just came back from, unless it rose from
        the first evals: the val loss of a barely trained model swings (a Lightning run's 0.405,
        0.789, 0.471 in epochs 0-2) and says nothing of how far a trained one strays."""
        if self._excursion_start >= self.opening_evals:
            self._recovered.append((self._evals, self._excursion))

    def _few_evals_rise(self, value: float, earlier: float, train: float) -> bool:
        """The few-evals rule (module docstring): no clean jitter yet; the val loss rising eval
        after eval, already ``few_gl`` % above its raw best at the eval before this one, and this
        last rise no more than twice that climb (a climb, not one outlier); the train loss
        clearly falling meanwhile."""
        few = not math.isfinite(self._jitter_at_best) and len(self._second_differences) <= self.min_differences
        if not (few or self._jitter_differences <= self.min_differences):
            return False
        if self._rises < self.warn_rises or not earlier > self._best * (1.0 + self.few_gl / 100.0):
            return False
        climbed = math.log(earlier / self._best)
        return math.log(value / earlier) <= 2.0 * climbed and train <= self._train_at_first_rise * (1.0 - self.few_train_fall)

    def _memorised(self, value: float, train: float) -> bool:
        """The memorisation rule (module docstring): the train loss collapsed while the val loss
        climbs to its highest since its raw best."""
        if self._rises < self.warn_rises or not (math.isfinite(train) and train > 0):
            return False
        if not (train * self.collapse <= self._train_at_raw_best and train * self.collapse <= value):
            return False
        if not self._train_smoothed + math.log(self.collapse) <= self._train_smoothed_at_raw_best:
            return False  # one lucky batch, not a collapse (NaN: unknown, no collapse)
        if value <= self._best * (1.0 + self.memorised_gl / 100.0):
            return False
        higher = sum(1 for earlier in self._since_raw_best if earlier >= value) - 1  # minus itself
        return higher <= 1

    def _score_falls_along(self, value: float, warn_bar: float) -> bool:
        """The corroborated rule (module docstring): a climb of ``alert_rises`` evals in a row, its
        last eval above the raw best by the warn bar and ``few_gl`` %, while the held-out task score
        fell at each of those evals."""
        if self._rises < self.alert_rises or self._score.falls < self._rises:
            return False
        return 100.0 * (value / self._best - 1.0) > max(warn_bar, self.few_gl)

    def _stalled(self, value: float, train: float, points: Points, i: int) -> Finding | None:
        """The patience rule (module docstring): no new best for ``patience`` evals (and
        ``patience_share`` of the evals so far), their median above the level at the best by the
        noise of such a median, while the train loss fell and the task score is worse."""
        since = self._since_raw_best
        if len(since) < max(self.patience, self.patience_share * self._evals) or len(self._around_raw_best) < 3:
            return None
        jitter = self._jitter_at_raw_best
        if not (math.isfinite(jitter) and math.isfinite(train) and train > 0):
            return None
        if not train < self._train_at_raw_best * (1.0 - self.stalled_train_fall):
            return None
        level_then, level_now = median(self._around_raw_best), median(since)
        bar = max(math.log1p(self.few_gl / 100.0), self.warn_jitters * _MEDIAN_ERROR * jitter / math.sqrt(len(since)))
        if not math.log(level_now / level_then) > bar:
            return None
        scores_then = [x for x in self._scores_around_best if math.isfinite(x)]
        scores_now = [x for x in self._scores_since_best if math.isfinite(x)]
        if not scores_then or not scores_now or not median(scores_now) < median(scores_then):
            return None  # no held-out score, or one that holds: a val loss that only wanders up
        score = points.ctx_name("task_score", "the held-out score")
        return self.raise_finding(
            "warn", points, i,
            f"{points.series} has not improved for {len(since)} evals since its best ({self._best:.4g} at step "
            f"{format_step(self._best_step)}): their median {level_now:.4g} is {math.expm1(math.log(level_now / level_then)):.0%} "
            f"above its level then ({level_then:.4g}), while the train loss fell {1.0 - train / self._train_at_raw_best:.0%} "
            f"and {score} fell from {median(scores_then):.4g} to {median(scores_now):.4g} (step {format_step(points.steps[i])})",
        )

    def _short_since(self) -> deque[float] | None:
        """The evals since the raw best in a short run (the short run's rules), or None: a long
        run, too few evals since the best, or a best among the first evals (a barely trained
        model's lucky draw)."""
        since = self._since_raw_best
        if self._evals > self.short_evals or len(since) < self.short_patience:
            return None
        if self._evals - len(since) <= self.opening_evals - 1:
            return None
        return since

    def _short_climb(self, value: float, train: float, points: Points, i: int) -> Finding | None:
        """The short run's climb (module docstring): in a run of few evals, no new best for
        ``short_patience`` evals, their median and the latest ``short_gl`` % above the level at the
        best (and their median above its noise), while the train loss fell ``short_train_fall``
        times since the best: a warning."""
        since = self._short_since()
        if since is None:
            return None
        if not (math.isfinite(train) and train > 0 and self._train_at_raw_best > self.short_train_fall * train):
            return None
        # the level at the best, as the patience rule takes it (the median of the eval before, the
        # best and the one after): the raw best alone is the luckiest draw of the noise
        level_then, level_now = median(self._around_raw_best), median(since)
        floor = level_then * (1.0 + self.short_gl / 100.0)
        if not (value > floor and level_now > floor):
            return None
        jitter = self._jitter_at_raw_best
        noise = self.short_jitters * _MEDIAN_ERROR * jitter / math.sqrt(len(since)) if math.isfinite(jitter) else 0.0
        if not math.log(level_now / level_then) > noise or self._wandered_as_high():
            return None  # a val loss that scatters this much, or strayed as high before, strays by itself
        return self.raise_finding(
            "warn", points, i,
            f"{points.series} has not improved for {len(since)} evals since its best ({self._best:.4g} at step "
            f"{format_step(self._best_step)}): their median {level_now:.4g} is {level_now / level_then - 1.0:.0%} "
            f"above its level then ({level_then:.4g}), while the train loss fell {self._train_at_raw_best / train:.1f}x "
            f"to {train:.3g} (step {format_step(points.steps[i])})",
        )

    def _short_trend(self, value: float, train: float, points: Points, i: int) -> Finding | None:
        """The short run's trend (module docstring): in a run of few evals, the evals since the
        best on a line that rises ``trend_gl`` % and ``trend_scatter`` times its scatter, the
        latest the highest of them and ``few_gl`` % above the best, while the train loss fell by
        ``trend_train_fall`` since the best: a warning."""
        since = self._short_since()
        if since is None:
            return None
        if not (value >= max(since) and value > self._best * (1.0 + self.few_gl / 100.0)):
            return None
        if not (math.isfinite(train) and train > 0 and train <= self._train_at_raw_best * (1.0 - self.trend_train_fall)):
            return None
        beside = list(self._train_since_raw_best)
        if not all(math.isfinite(x) and x > 0 for x in beside) or theil_sen([math.log(x) for x in beside])[0] >= 0.0:
            return None  # a train loss that rises along (or is unknown) is no evidence
        slope, scatter = theil_sen([math.log(x) for x in since])
        rise = slope * (len(since) - 1)
        if not (rise > math.log1p(self.trend_gl / 100.0) and rise > self.trend_scatter * scatter):
            return None
        if self._wandered_as_high():
            return None
        return self.raise_finding(
            "warn", points, i,
            f"{points.series} {value:.4g} has risen over the {len(since)} evals since its best ({self._best:.4g} at step "
            f"{format_step(self._best_step)}; {math.expm1(rise):.0%} along their trend, {value / self._best - 1.0:.0%} "
            f"above the best now), while the train loss fell {1.0 - train / self._train_at_raw_best:.0%} "
            f"(step {format_step(points.steps[i])})",
        )

    def _fitted(self) -> bool:
        """The fitted rule (module docstring): the smoothed train loss was ``fitted`` times below
        the smoothed val loss at its best eval, and has not risen since by more than its noise."""
        at_best, now = self._train_smoothed_at_best, self._train_smoothed
        if not (math.isfinite(at_best) and math.isfinite(now) and math.isfinite(self._best_smoothed)):
            return False
        if at_best + math.log(self.fitted) > self._best_smoothed:
            return False
        return now - at_best <= self.train_jitters * self._train_noise()

    def _fitted_finding(
        self, value: float, train: float, gl: float, warn_bar: float, jitter_pct: float, points: Points, i: int,
    ) -> Finding | None:
        """A warning of the fitted rule, when the val loss rose above the warn bar (as the rules
        that need a falling train loss ask) while the train loss stays fitted."""
        if not (self._rises >= self.fitted_rises and gl > max(warn_bar, self.fitted_gl) and self._fitted()):
            return None
        if self._wandered_as_high():
            return None
        ratio = math.exp(self._best_smoothed - self._train_smoothed_at_best)
        return self.raise_finding(
            "warn", points, i,
            f"{points.series} {value:.4g} rose {self._rises} evals in a row, {gl:.0f}% above its best smoothed level "
            f"(best eval {self._best:.4g} at step {format_step(self._best_step)}), while the train loss stays fitted "
            f"{ratio:.0f}x below it ({train:.3g}; step {format_step(points.steps[i])})",
        )

    def _track_train(self, train: float) -> None:
        """The train loss beside an eval, or beside a row's copy of the last one (see the module
        docstring): its noise and its smoothed level follow every row, as they did before."""
        if math.isfinite(train) and train > 0:
            log_train = math.log(train)
            self._train_recent.append(log_train)
            self._train_smoothed = (
                log_train if math.isnan(self._train_smoothed)
                else self._train_smoothed + self.smoothing * (log_train - self._train_smoothed)
            )

    def _eval(self, value: float, train: float, points: Points, i: int) -> Finding | None:
        finding = self._judge(value, train, points, i)
        if finding is None and self._smoothed > self._best_smoothed:
            # the rules above first: this one only warns, and would hold back their alert
            finding = self._short_trend(value, train, points, i)
        return finding

    def _judge(self, value: float, train: float, points: Points, i: int) -> Finding | None:
        self._evals += 1
        jitter = self._jitter(value)
        earlier = self._previous
        rising = value > earlier
        self._rises = self._rises + 1 if rising else 0
        self._falls = self._falls + 1 if value < earlier else 0
        self._previous = value
        if self._rises == 1:
            self._train_at_first_rise = train
        log_value = math.log(value)
        smoothed = log_value if math.isnan(self._smoothed) else self._smoothed + self.smoothing * (log_value - self._smoothed)
        self._smoothed = smoothed
        self._track_train(train)
        if value < self._best:
            self._best, self._best_step = value, points.steps[i]
            self._train_at_raw_best = train
            self._train_smoothed_at_raw_best = self._train_smoothed
            self._since_raw_best.clear()
            self._train_since_raw_best.clear()
            self._jitter_at_raw_best = jitter if len(self._second_differences) >= self.min_differences else math.nan
            self._around_raw_best = [earlier, value] if math.isfinite(earlier) else [value]
            self._scores_around_best = [self._score_before, self._score_now]
            self._scores_since_best.clear()
        else:
            if not self._since_raw_best:
                self._around_raw_best.append(value)
                self._scores_around_best.append(self._score_now)
            self._since_raw_best.append(value)
            self._train_since_raw_best.append(train)
            self._scores_since_best.append(self._score_now)
        self._score_before = self._score_now
        if smoothed < self._best_smoothed:
            if self._excursion > 0.0:  # back below the best it rose from: an excursion it recovered from
                self._recover()
            self._excursion = 0.0
            self._climb = 0
            self._excursion_start = self._evals
            self._best_smoothed = smoothed
            self._train_at_best = train
            self._train_smoothed_at_best = self._train_smoothed
            self._held = 0
            if len(self._second_differences) >= self.min_differences:
                # The smoothed best lags the raw best by an eval or two: the differences since the
                # raw best may hold the first wobble of a rise; the jitter as of the raw best, when
                # it is that recent.
                recent = len(self._since_raw_best) <= 3 and math.isfinite(self._jitter_at_raw_best)
                self._jitter_at_best = min(jitter, self._jitter_at_raw_best) if recent else jitter
                self._jitter_differences = len(self._second_differences)
            self.clear_at(points, i)
            return None
        # Capped exponents: a subnormal best (log 1e-320 = -737) would overflow expm1.
        gl = 100.0 * math.expm1(min(smoothed - self._best_smoothed, _MAX_EXPONENT))
        height = smoothed - self._best_smoothed
        if self._excursion > 0.0 and self._climb >= self.tooth_rises and height <= self.recovered_share * self._excursion:
            # back down to near its best after a climb of several evals: a tooth of a sawtooth (a
            # val loss that creeps up until the lr is cut, again and again) is an excursion it came
            # back from as well (one outlier eval is no tooth)
            self._recover()
            self._excursion = 0.0
            self._climb = 0
            self._excursion_start = self._evals
        self._excursion = max(self._excursion, height)
        self._climb = max(self._climb, self._rises)
        jitter_pct = 100.0 * math.expm1(min(self._clean_jitter(jitter), _MAX_EXPONENT))
        warn_bar = max(self.warn_gl, self.warn_jitters * jitter_pct)
        self._held = self._held + 1 if gl > warn_bar else 0
        if self._few_evals_rise(value, earlier, train):
            warn_bar = min(warn_bar, max(self.warn_gl, self.few_gl))
        if self._evals >= self.min_evals and self._memorised(value, train):
            raw_gl = 100.0 * (value / self._best - 1.0)
            finding = self.raise_finding(
                "warn", points, i,
                f"{points.series} {value:.4g} rose {self._rises} evals in a row to its highest since its best "
                f"eval ({self._best:.4g} at step {format_step(self._best_step)}; {raw_gl:.0f}% above it), while the "
                f"train loss collapsed {self._train_at_raw_best / train:.0f}x to {train:.3g}: memorising "
                f"(step {format_step(points.steps[i])})",
            )
            if finding is not None:  # else a warn is already lit: the rules below may escalate it
                return finding
        stalled = self._stalled(value, train, points, i)
        if stalled is not None:
            return stalled
        short = self._short_climb(value, train, points, i)
        if short is not None:
            return short
        if self._evals < self.min_evals or (self._rises < self.warn_rises and self._held < self.warn_held):
            return None
        # Rising evals: the train loss must have fallen since the first rise; a level held above
        # the bar: since the best eval. reference > 0: a train loss that reads 0 (or underflows to
        # it) has no fall to measure.
        reference = self._train_at_first_rise if self._rises >= self.warn_rises else self._train_at_best
        fell = math.isfinite(train) and math.isfinite(reference) and reference > 0 and train < reference * (1.0 - self.train_fall)
        fallen = self._train_smoothed_at_best - self._train_smoothed
        if fell and fallen <= max(-math.log1p(-self.train_fall), self.train_jitters * self._train_noise()):
            fell = False  # the smoothed train loss has not kept falling since the best eval (NaN: unknown, allowed)
        if not fell:
            return self._fitted_finding(value, train, gl, warn_bar, jitter_pct, points, i)
        alert_bar = max(self.alert_gl, self.alert_jitters * jitter_pct)
        if self._score.worsened(self.alert_jitters) is False:
            # a held-out task score logged with it holds within its own noise (4 of its jitters):
            # evidence against acting now, so the val loss alone must clear twice the bar
            alert_bar *= self.score_holds_factor
        # No noise scale at the best yet (a best at the first evals: no second differences before
        # it): a climb of a few evals is a warning (a fine-tune's val loss 0.0184, 0.0192, 0.0235,
        # 0.0358 in its first epochs while its train loss fell 4.6x, then 0.0084 by epoch 17) until
        # it makes Prechelt's strip of 5 rises, or the train loss collapsed 10x since the best (a
        # whisper fine-tune's eval_loss 0.321 -> 0.420 while its loss went 0.30 -> 0.002)
        corroborated = self._score_falls_along(value, warn_bar)
        unscaled = not math.isfinite(self._jitter_at_best) and len(self._second_differences) < self.min_differences
        collapsed = math.isfinite(train) and self._train_at_raw_best > self.collapse * train
        unlearned = 0.0 <= self._score_peak < UNLEARNED_SCORE  # every task score so far next to 0
        # Held up, but falling back for 2 evals and the latest already under the bar, its smoothed
        # level lagging the fall (a VAE's val loss 20.1, 23.7, 30, 33.3, 27.9, 22.9 in its
        # KL-dominated start, then 18.2 and on down to 0.25): no longer held up, so no alert
        raw_gl = 100.0 * math.expm1(min(math.log(value) - self._best_smoothed, _MAX_EXPONENT))
        held_up = self._held >= self.alert_held and (raw_gl > alert_bar or self._falls < 2)
        if (
            (self._rises >= self.alert_rises or held_up) and gl > alert_bar
            and (not unscaled or self._rises >= self.up_rises or collapsed)
            and (not unlearned or self._rises >= self.alert_rises or collapsed)
        ):
            severity = "alert"
        elif gl > warn_bar or (self._rises >= self.up_rises and gl > self.warn_gl) or (
            self._rises >= self.long_rises and gl > self.warn_jitters * jitter_pct
        ) or corroborated:
            severity = "warn"
            if self._wandered_as_high():
                return None
        else:
            return None
        drop = 1.0 - train / reference
        if severity == "alert" and self._wandered_as_high(1.0) and self._score.worsened(self.alert_jitters) is not True:
            # no higher than an excursion it came back from lately, and no task score that worsens
            # along: a warning (an LSTM forecaster's val loss printed to 2 digits, 0.0013 -> 0.0027
            # over 3 epochs and back to a new best, then 0.0014 -> 0.0022 over 5)
            severity = "warn"
        if severity == "alert" and math.isfinite(self._train_smoothed) and math.log(value) < self._train_smoothed:
            # still below the (smoothed) train loss: no generalization gap has opened (a GRU
            # forecaster's val_loss 0.016 -> 0.024 over 5 epochs under a train loss of 0.043 ->
            # 0.028 that dropout keeps high, then back to 0.0146 and on down to 0.0075): a warning
            severity = "warn"
        how = f"rose {self._rises} evals in a row" if self._rises >= self.warn_rises else f"stayed up for {self._held} evals"
        above = f"{gl:.0f}%" if gl >= 1.0 else f"{gl:.2f}%"  # a long steady rise may be under 1%
        level = f"{above} above its best smoothed level"
        score = ""
        if corroborated:
            score = f" and {points.ctx_name('task_score', 'the held-out score')} fell {self._score.falls} evals in a row"
            if gl <= warn_bar:  # (the smoothed level lags the climb: the raw rise is what it was judged on)
                level = f"{100.0 * (value / self._best - 1.0):.0f}% above its best"
        return self.raise_finding(
            severity, points, i,
            f"{points.series} {value:.4g} {how}, {level} (best eval {self._best:.4g} at step "
            f"{format_step(self._best_step)}), while the train loss fell {drop:.0%}{score} meanwhile "
            f"(step {format_step(points.steps[i])})",
        )


def _significant_digits(value: float) -> int:
    """Significant digits of a value's shortest text (1.69581: 6; 0.45: 2)."""
    mantissa = repr(abs(value)).partition("e")[0].replace(".", "").strip("0")
    return len(mantissa)
