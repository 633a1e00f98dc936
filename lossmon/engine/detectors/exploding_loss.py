"""Exploding loss: a spike far above the loss's running level, or a sustained climb.

Two rules on y = log(loss):
* spikes, by the EWMA z-score of stats/spikes.py (warn at once, alert when the loss does not come
  back down, info for a spike clearly smaller than one the run already recovered from);
* slow divergence, by a one-sided CUSUM of standardized residuals against a slow EWMA baseline
  (Page's CUSUM, k = 0.5, h = 12): it accumulates evidence that the loss sits above where it has
  been. A significant climb must also be large and still under way: the slow baseline 1.5x above
  its lowest point since the warm-up is a warning, 2x an alert, and 10% up over the last 200
  points (a loss that crept up over thousands of steps and sits there is not diverging). The
  slow baseline, not a fast level, because a burst of bad batches in a jumpy loss would make a
  fast level look like a climb; a sudden lasting jump is the spike rule's, caught at once. A
  loss that wanders widely up and down must climb further: 3 (alert: 4) times the usual gap
  between its fast level and the slow baseline.
And a runaway rule, blind to the noise scale: the loss level (a fast EWMA, memory ~10 points)
10x above the best slow baseline is an alert (a loss that merely wanders, even 2-7x, stays below). A climb that speeds up as it goes
(the loss multiplying by a few percent per step) makes both rules above raise their own bars:
the spike rule's scale learns the ever larger residuals and the CUSUM is measured in those
sigmas, so a loss heading from 0.2 to 100 in 80 steps needs a rule that looks at the ratio alone.
A single spike moves the fast level by a tenth of its log-ratio, so it never counts here.
When the learning rate is logged, the divergence rule sleeps during its warm-up and after a warm
restart (stats/schedule.py), and the best level restarts from there: a rise caused by a higher lr is
the schedule, not a divergence. The spike rules never sleep: a schedule explains a rise of tens
of percent, not a loss several times its recent level.
And a chance-level rule for the stretches where the rules above are blind (the first 100 points)
or asleep (lr warm-up, warm restart): a cross-entropy loss twice its chance level is a warning. The chance level is ln(vocabulary or classes) when the parser knows it (series
attribute ``chance_level``); otherwise, for a loss that starts where a language model starts (at
ln(V) for a vocabulary of 2,000 to 300,000 tokens: 7.6 to 12.6), its first value (an
untrained model predicts about uniformly: ln(50257) = 10.8 for GPT-2). A Megatron run whose lm
loss goes 12.1 -> 26.5 in warm-up is far worse than guessing. Losses without a chance level
(detection, regression, sums of terms) are judged by the spike rules alone.
Short smooth runs (epoch means, the first 320 points) have two more rules, where the rules above
are slow to speak: a point 2x the median of the 5 before it (a jump), and a level (median of 3)
that climbs steadily to 2x its best (a divergence of tens of percent per epoch).
In an RL run whose episode return is clearly above its first values, these rules' warnings are
info (stats/returns.py: the loss fits targets that move as the policy improves).
A loss that is negative from its first value has no log scale: its magnitude 10x (alert: 100x) its
first values' is a runaway below (a Keras ECG model whose loss went -3.4e4 -> -6.5e7).
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np

from lossmon.engine.detectors.base import HELD_BEFORE_CHANGE, LAST, Detector, Event, Points
from lossmon.engine.detectors.stats.blocks import MAD_TO_SIGMA
from lossmon.engine.detectors.stats.features import LrQuiet, ShortTrend, finite_logs, starts_fresh
from lossmon.engine.detectors.stats.returns import ReturnImproving, excuse_warnings
from lossmon.engine.detectors.stats.spikes import SpikeRules, SpikeWatch
from lossmon.engine.detectors.stats.vector import ewm, lindley, log_values, previous, segmented_running_min, since_last
from lossmon.engine.findings import Finding, format_step
from lossmon.engine.detectors.stats.few import median



class ExplodingLoss(Detector):
    """Spikes, slow divergence, runaway, chance level and negative runaway of a train loss (the
    module docstring has the rules). Ratios are plain factors (2.0: twice), not logs.

    Parameters:
        rules: the spike rule (stats/spikes.py): z and ratio bars, warm-up, persistence.
        baseline_alpha: EWMA weight of the slow divergence baseline (memory ~200 points).
        slack, threshold: the CUSUM's k and h, in sigmas.
        clip_sigmas: a spike enters the CUSUM as this many sigmas at most.
        warm_points: no divergence or runaway verdict before this many points.
        recent_points, recent_climb: still climbing: the baseline up this factor over that many points.
        warn_rise, alert_rise, clear_rise: the baseline this factor above its best warns, alerts, clears.
        wander_alpha, warn_wanders, alert_wanders: a wandering loss must also rise this many times
            the EW deviation (weight ``wander_alpha``) of its fast level from the baseline.
        runaway_alpha, runaway_alert, runaway_clear: the fast level (EWMA weight) this factor above
            the best baseline alerts, below the clear factor clears.
        lm_vocabulary: a first loss within ln of these vocabulary sizes is a language model's
            chance level.
        chance_warn, chance_clear: the loss this factor above its chance level warns, below clears.
        short_smooth, short_jump, short_jitters, short_digits, short_clear: short smooth runs
            (point-to-point noise below ``short_smooth`` in log): a point ``short_jump`` times the
            median of the 5 before, and ``short_jitters`` times the noise, on a level of at least
            ``short_digits`` rounding steps, warns; below ``short_clear`` it clears.
        short_climb, short_climb_jitters: smooth short runs: the level (median of the last 3 points) this
            factor above its best and this many times the point-to-point noise, still rising, warns
            (``runaway_alert`` times: alerts).
        short_recent: ... the noise also of the last this many points (smooth lately too) ...
        short_rising_jitters: ... and still rising: the level this many times the noise above the
            median of the 3 points before.
        stage_held, stage_share, stage_spike_points, stage_points: a logged schedule variable
            (context role ``schedule``: K, a stage, a sequence length) that held its value this many
            points, and this share of the points so far, and changed starts a new stage: a jump within ``stage_spike_points`` of it is info, and the
            divergence rules sleep and restart their best level for ``stage_points``.
        negative_first, negative_warn, negative_alert: a loss negative from its first value whose
            magnitude grows this factor above its first ``negative_first`` values' median.

    A smooth loss, then a 20x spike (warned at once by the spike rule and, on a short smooth
    run, by the short jump rule), then a loss that stays up (alert):

    >>> detector = ExplodingLoss()
    >>> detector.update_values([2.0 / (1 + 0.01 * t) for t in range(60)])
    []
    >>> for finding in detector.update_values([40.0, 2.0, 2.0]):
    ...     print(finding.severity, finding.message)
    warn loss 40 is 28x above its running level at step 61
    warn loss 40 is 31.4x the median of the 5 points before it at step 61, on a curve that moves by 0% from point to point
    >>> [(finding.severity, finding.step) for finding in detector.update_values([40.0] * 4)]
    [('alert', 66.0)]
    """

    pathology = "exploding_loss"
    driver = "train_loss"
    context = {"lr": LAST, "schedule": HELD_BEFORE_CHANGE, "epoch": LAST, "reward": LAST}

    def __init__(
        self, series: str = "loss", attrs: dict | None = None, *,
        rules: SpikeRules = SpikeRules(noun="loss"),
        baseline_alpha: float = 0.005, slack: float = 0.5, threshold: float = 12.0, clip_sigmas: float = 3.0,
        warm_points: int = 100, recent_points: int = 200, recent_climb: float = 1.1,
        warn_rise: float = 1.5, alert_rise: float = 2.0, clear_rise: float = 1.2,
        wander_alpha: float = 0.01, warn_wanders: float = 3.0, alert_wanders: float = 4.0,
        runaway_alpha: float = 0.1, runaway_alert: float = 10.0, runaway_clear: float = 2.0,
        lm_vocabulary: tuple[float, float] = (2000.0, 300000.0), chance_warn: float = 2.0, chance_clear: float = 1.5,
        short_smooth: float = 0.1, short_jump: float = 2.0, short_jitters: float = 6.0, short_digits: float = 50,
        short_clear: float = 1.2, short_climb: float = 2.0, short_climb_jitters: float = 10.0, short_recent: int = 9,
        short_rising_jitters: float = 3.0, stage_held: int = 5, stage_share: float = 0.1, stage_spike_points: int = 3, stage_points: int = 50,
        negative_first: int = 3, negative_warn: float = 10.0, negative_alert: float = 100.0,
    ) -> None:
        self.rules = rules
        self.baseline_alpha, self.slack, self.threshold, self.clip_sigmas = baseline_alpha, slack, threshold, clip_sigmas
        self.warm_points, self.recent_points, self.recent_climb = warm_points, recent_points, recent_climb
        self.warn_rise, self.alert_rise, self.clear_rise = warn_rise, alert_rise, clear_rise
        self.wander_alpha, self.warn_wanders, self.alert_wanders = wander_alpha, warn_wanders, alert_wanders
        self.runaway_alpha, self.runaway_alert, self.runaway_clear = runaway_alpha, runaway_alert, runaway_clear
        self.lm_vocabulary, self.chance_warn, self.chance_clear = lm_vocabulary, chance_warn, chance_clear
        self.short_smooth, self.short_jump, self.short_jitters = short_smooth, short_jump, short_jitters
        self.short_digits, self.short_clear = short_digits, short_clear
        self.short_climb, self.short_climb_jitters, self.short_recent = short_climb, short_climb_jitters, short_recent
        self.short_rising_jitters = short_rising_jitters
        self.stage_held, self.stage_share = stage_held, stage_share
        self.stage_spike_points, self.stage_points = stage_spike_points, stage_points
        self.negative_first, self.negative_warn, self.negative_alert = negative_first, negative_warn, negative_alert
        super().__init__(series, attrs)

    def reset(self) -> None:
        super().reset()
        # A new segment that continues the training in a later epoch (a step counter that
        # restarts each epoch) keeps the spike rule's level and scale (see update).
        self._carried: SpikeWatch | None = getattr(self, "_spikes", None)
        self._spikes = SpikeWatch(self.rules)
        self._baseline = math.nan
        self._cusum = 0.0
        self._best = math.inf
        self._points = 0
        self._recent = np.full(self.recent_points, np.inf)  # the last baselines (inf: none yet)
        self._gap_mean = self._gap_square = 0.0
        self._fast = math.nan
        self._chance = math.nan  # log of the chance level (NaN: unknown, -inf: none)
        self._last_five: deque[float] = deque(maxlen=5)  # short runs: the last finite log values
        self._jumped = False  # a short-run jump is active
        self._climb_logs: deque[float] = deque(maxlen=self.short_recent)  # short runs: the last finite log values
        self._negative: bool | None = None  # the loss is negative from its first value
        self._negative_start = math.nan  # log of its first values' magnitude
        self._since_stage = math.inf  # points since a schedule variable last started a new stage
        self._seen = 0  # points of the segment so far
        self._stage_best = math.inf  # short runs: best level since then
        self._batches = False  # the points have shown that they are batches, not epochs
        self._last_step = self._last_epoch = math.nan
        self._returns = ReturnImproving()  # an RL run's episode return (stats/returns.py)

    def update(self, points: Points) -> list[Finding]:
        if self.attrs.get("running_sum"):
            return []  # a running sum of batch losses (spaCy's losses dict) rises by design
        if self._carried is not None and len(points):
            # A segment that starts in a logged epoch past the first continues the training:
            # its first batches are judged against the level and batch noise the loss already
            # has, not by the early rule of a run with no scale (epoch 9 of a ViT pretraining
            # whose step restarts each epoch: 0.0797, then a 0.2441 batch, on a loss that
            # scatters 0.06-0.19 from batch to batch).
            if not starts_fresh(points.steps, points.ctx("epoch")) and self._carried.n >= self.rules.warm:
                self._spikes = self._carried
            self._carried = None
        y, where = finite_logs(points)
        if not len(where):
            return self.apply(points, self._negative_runaway(points))
        events: list[Event] = []
        level, sigma, _ = self._spikes.scan(y, points.steps, points.values, where, events, self._are_batches(points)[where])
        since_stage = self._stages(points)
        stage = since_stage <= self.stage_points
        quiet = self.feature(points, "lr_quiet", LrQuiet)[where]
        events.extend(self._divergence(y, level, sigma, quiet | stage[where], where, points))
        events.extend(self._above_chance(y, quiet, where, points))
        events.extend(self._short_jumps(points))
        events.extend(self._short_climb(points, since_stage))
        events = self._new_stage_jumps(events, since_stage, points)
        events.extend(self._negative_runaway(points))
        events = excuse_warnings(events, self._returns.flags(points.ctx("reward")), points)
        return self.apply(points, events)

    def _are_batches(self, points) -> np.ndarray:
        """True from the first point that shows the points are batches, several per epoch: two
        in a row in the same logged epoch (its whole part: HF's 0.01, 0.02), or, with no epoch
        logged, steps more than 1 apart (a loss printed every 20 steps). Points one step apart
        with no epoch, or one per epoch, are taken for epoch means (Keras, YOLO, Lightning
        epoch CSVs)."""
        steps, epochs = points.steps, np.floor(points.ctx("epoch"))
        step_before, epoch_before = previous(steps, self._last_step), previous(epochs, self._last_epoch)
        if len(steps):
            self._last_step, self._last_epoch = float(steps[-1]), float(epochs[-1])
        known = ~np.isnan(epochs) & ~np.isnan(epoch_before)
        with np.errstate(invalid="ignore"):
            pair = np.where(known, epochs == epoch_before, steps - step_before > 1.0)
        batches = np.logical_or.accumulate(pair) | self._batches
        if len(batches):
            self._batches = bool(batches[-1])
        return batches

    def _stages(self, points) -> np.ndarray:
        """Points since a logged schedule variable (K, a stage, a sequence length) that had held
        its value ``stage_held`` points changed: a new stage of a curriculum or task, where the
        loss may step to a level of its own (inf: none yet)."""
        # A stage lasts: a value held for a tenth of the points so far (a counter that ticks
        # now and then, e.g. cumulative successes, is no schedule).
        seen = self._seen + np.arange(len(points))
        change = points.ctx("schedule") >= np.maximum(self.stage_held, self.stage_share * seen)
        self._seen += len(points)
        since = since_last(change, self._since_stage)
        if len(since):
            self._since_stage = float(since[-1])
        return since

    def _new_stage_jumps(self, events: list[Event], since_stage: np.ndarray, points) -> list[Event]:
        """A jump of the spike rules right at a new stage is the new task's level, not an
        explosion: info, saying so (an episode still records it)."""
        out = []
        for event in events:
            if event.severity in ("warn", "alert") and event.family in ("spike", "short") and since_stage[event.index] < self.stage_spike_points:
                i = event.index
                back = int(since_stage[i])
                changed = format_step(points.steps[i - back]) if i >= back else "before"
                event = Event(i, "info", (
                    f"{event.message}, when a logged schedule variable changed (step {changed}): "
                    f"a new curriculum stage or task starts at a level of its own"
                ), event.family)
            out.append(event)
        return out

    def _short_jumps(self, points) -> list[Event]:
        """On a smooth short series (epoch means: points within +-10% of a local line), a point
        2x the median of the 5 before it, and 6 times the noise, warns. The spike rule's EWMA level lags a curve that
        falls by percents per point, and the residuals of that lag inflate its scale: a 5x
        jump at epoch 105 of a smooth run stayed under z = 6. Only for the first SHORT_LIMIT
        points (features.ShortTrend), where the spike rule is weakest and epoch logs live."""
        stats = self.feature(points, "short_trend", ShortTrend)
        if not len(stats):
            return []
        logs = log_values(points.values)
        events = []
        before = 0
        for k, i in enumerate(stats.index.tolist()):
            for value in logs[before:i].tolist():  # the points before this one, into the window
                if value == value:
                    self._last_five.append(value)
            before = i
            y = float(logs[i])
            if len(self._last_five) == 5 and y == y:
                level = median(self._last_five)
                jump = y - level
                big = jump >= max(math.log(self.short_jump), self.short_jitters * stats.jitter[k])
                if big and stats.jitter[k] < self.short_smooth and not self._jumped and self._resolved(level, y):
                    self._jumped = True
                    events.append(Event(i, "warn", (
                        f"loss {points.values[i]:.4g} is {math.exp(jump):.1f}x the median of the 5 points before it "
                        f"at step {format_step(points.steps[i])}, on a curve that moves by {math.expm1(stats.jitter[k]):.0%} "
                        f"from point to point"
                    ), "short"))
                elif jump < math.log(self.short_clear) and self._jumped:
                    self._jumped = False
                    events.append(Event(i, None, family="short"))
        for value in logs[before:].tolist():
            if value == value:
                self._last_five.append(value)
        return events

    def _resolved(self, level: float, y: float) -> bool:
        """Is the level ``short_digits`` rounding steps or more? Values logged with few digits
        (0.0001, 0.0002) jump by their rounding step. Asked only of a jump: numpy per point is slow."""
        raw = np.exp(np.append(np.asarray(self._last_five), y))
        steps = np.abs(np.diff(raw))
        quantum = float(steps[steps > 0].min()) if (steps > 0).any() else 0.0
        return math.exp(level) >= self.short_digits * quantum

    def _short_climb(self, points, since_stage: np.ndarray) -> list[Event]:
        """A smooth short run (point-to-point noise under ``short_smooth``: epoch means) that
        climbs away from its best: the level (median of the last 3 points)
        ``short_climb`` times its best level and ``short_climb_jitters`` times the noise above it,
        still rising (above the median of the 3 points before, themselves half way up; the last 4
        points each above the one before), warns; ``runaway_alert`` times
        alerts. The divergence and runaway rules need ``warm_points`` first, and the spike rule's
        level follows a loss that climbs by tens of percent per epoch: an epoch-level log may be
        over before either speaks. Medians: one bad point is the spike rules' business."""
        stats = self.feature(points, "short_trend", ShortTrend)
        if not len(stats):
            return []
        # After a new stage (a schedule variable changed), the best is the stage's own.
        started = np.diff(np.concatenate(([0], np.cumsum(since_stage == 0)[stats.index]))) > 0
        stage_best = segmented_running_min(stats.level, started, self._stage_best)
        if math.isinf(self._stage_best):  # no stage before this run of points: none until the first
            stage_best[: int(np.argmax(started)) if started.any() else len(started)] = math.inf
        self._stage_best = float(stage_best[-1])
        best = np.where(np.isfinite(stage_best), np.maximum(stats.best, stage_best), stats.best)
        rise = stats.level - best
        # Quiet in an lr warm-up or after a warm restart, as the divergence rule: a higher lr
        # explains a higher loss (a loss several times its level is the spike rules' then); and
        # after a new stage. Still rising: above the 3 points before by more than their noise (a
        # flat loss that creeps up 0.1% a point is no climb).
        rising = (stats.level - stats.level_before > self.short_rising_jitters * stats.jitter)
        rising &= ~self.feature(points, "lr_quiet", LrQuiet)[stats.index] & (since_stage[stats.index] > self.stage_points)
        # Epoch means; a noisy per-batch log has the block rules. Smooth lately too: the jitter of
        # all the points so far is a median, which a long smooth opening holds down while the loss
        # turns wildly noisy (an NTM's batches jump between 0.6 and 5.0 once it starts to learn:
        # a median of 3 lucky batches is no level to climb from).
        smooth = (stats.jitter < self.short_smooth) & (self._recent_jitters(points, stats.index) < self.short_smooth)
        big = smooth & (rise >= np.maximum(math.log(self.short_climb), self.short_climb_jitters * stats.jitter))
        # Sustained: the 3 points before were already half way up (in log), and the last 4 points
        # rose one after the other; a burst of a few bad batches has neither.
        big &= (stats.level_before - stats.best >= 0.5 * math.log(self.short_climb)) & (stats.rises >= 3)
        events = []
        for severity, flags in (("warn", big & rising), ("alert", big & rising & (rise >= math.log(self.runaway_alert)))):
            for k in self.entries(f"short climb {severity}", flags).tolist():
                i = int(stats.index[k])
                events.append(Event(i, severity, (
                    f"loss level {math.exp(stats.level[k]):.4g} (median of the last 3 points) is "
                    f"{math.exp(rise[k]):.1f}x its best level ({math.exp(stats.best[k]):.4g}) and still climbing "
                    f"at step {format_step(points.steps[i])}"
                ), "short climb"))
        for k in self.entries("short climb clear", rise < math.log(self.short_clear)).tolist():
            events.append(Event(int(stats.index[k]), None, family="short climb"))
        return events

    def _recent_jitters(self, points, index: np.ndarray) -> np.ndarray:
        """Point-to-point noise (second differences, as ShortTrend's jitter) of the last
        ``short_recent`` finite log values up to each point of ``index``."""
        logs = log_values(points.values)
        jitters = np.zeros(len(index))
        before = 0
        for k, i in enumerate(index.tolist()):
            self._climb_logs.extend(value for value in logs[before : i + 1].tolist() if value == value)
            before = i + 1
            if len(self._climb_logs) >= 5:
                x = list(self._climb_logs)
                jitters[k] = median([abs(a - 2.0 * b + c) for a, b, c in zip(x, x[1:], x[2:])]) * MAD_TO_SIGMA / math.sqrt(6.0)
        self._climb_logs.extend(value for value in logs[before:].tolist() if value == value)
        return jitters

    def _negative_runaway(self, points) -> list[Event]:
        """A loss negative from its first value (a likelihood with a learned variance, a critic)
        has no log scale for the rules above; its magnitude growing 10x (alert: 100x) above its
        first values means the objective is running away below."""
        if self._negative is False:
            return []
        values = points.values[np.isfinite(points.values)]
        if not len(values):
            return []
        if self._negative is None:
            self._negative = bool(values[0] < 0)
            if not self._negative:
                return []
        if math.isnan(self._negative_start):
            first = values[values < 0][:self.negative_first]
            self._negative_start = float(np.log(np.median(-first)))
        with np.errstate(divide="ignore", invalid="ignore"):
            grown = np.where(points.values < 0, np.log(-points.values), -np.inf) - self._negative_start
        events = []
        for severity, ratio in (("warn", self.negative_warn), ("alert", self.negative_alert)):
            for i in self.entries(f"negative {severity}", grown >= math.log(ratio)).tolist():
                times = math.exp(min(grown[i], 709.0))  # (a denormal first value: the ratio overflows a float)
                events.append(Event(i, severity, (
                    f"loss {points.values[i]:.4g} is negative and {times:.0f}x its first values in "
                    f"magnitude at step {format_step(points.steps[i])}: the objective is running away below"
                ), "negative"))
        return events

    def _above_chance(self, y, quiet, where, points) -> list[Event]:
        if math.isnan(self._chance):
            known = self.attrs.get("chance_level")
            if known:
                self._chance = math.log(float(known))
            else:
                first = math.exp(float(y[0]))
                self._chance = float(y[0]) if math.log(self.lm_vocabulary[0]) <= first <= math.log(self.lm_vocabulary[1]) else -math.inf
        if not math.isfinite(self._chance):
            return []
        events = []
        chance = math.exp(self._chance)
        # Where the other rules cannot speak yet (their first points) or keep quiet (lr warm-up,
        # warm restart); elsewhere the spike and divergence rules see such a loss.
        early = (self._points - len(y) + np.arange(len(y))) < self.warm_points
        for i in self.entries("chance", (early | quiet) & (y >= self._chance + math.log(self.chance_warn))).tolist():
            message = (
                f"loss {math.exp(y[i]):.4g} is {math.exp(y[i] - self._chance):.1f}x its chance level ({chance:.4g}, "
                f"what guessing uniformly scores) at step {format_step(points.steps[where[i]])}"
            )
            events.append(Event(int(where[i]), "warn", message, "chance"))
        for i in self.entries("chance clear", y < self._chance + math.log(self.chance_clear)).tolist():
            events.append(Event(int(where[i]), None, family="chance"))
        return events

    def _divergence(self, y, level, sigma, quiet, where, points) -> list[Event]:
        count = len(y)
        clipped = np.minimum(y, level + self.clip_sigmas * sigma)
        start = float(clipped[0]) if math.isnan(self._baseline) else self._baseline
        baseline, self._baseline = ewm(clipped, 1.0 - self.baseline_alpha, start)
        before = previous(baseline, start)
        index = self._points + np.arange(count)
        warm = index >= self.warm_points
        increments = np.where(quiet | ~warm, -self.slack, (clipped - before) / sigma - self.slack)
        cusum = lindley(increments, self._cusum)
        # The best level is the slow baseline's lowest point: the fast level's own minimum would
        # sit low by its noise, and a noisy loss would then always look "above its best".
        best = segmented_running_min(before, quiet | ~warm, self._best)
        self._cusum, self._best = float(cusum[-1]), float(best[-1])
        self._points += count
        rise = before - best
        climbing = self._climb(before) >= math.log(self.recent_climb)
        significant = (cusum > self.threshold) & climbing & warm & ~quiet
        wander = self._wander(level - before)
        events = []
        for severity, size, wanders in (("warn", math.log(self.warn_rise), self.warn_wanders), ("alert", math.log(self.alert_rise), self.alert_wanders)):
            for i in self.entries(severity, significant & (rise >= np.maximum(size, wanders * wander))).tolist():
                message = self._message(rise[i], best[i], cusum[i], points, where[i])
                events.append(Event(int(where[i]), severity, message, "divergence"))
        for i in self.entries("clear", rise < math.log(self.clear_rise)).tolist():
            events.append(Event(int(where[i]), None, family="divergence"))
        events.extend(self._runaway(y, best, warm & ~quiet, where, points))
        return events

    def _runaway(self, y, best, judged, where, points) -> list[Event]:
        start = float(y[0]) if math.isnan(self._fast) else self._fast
        fast, self._fast = ewm(y, 1.0 - self.runaway_alpha, start)
        above = fast - best  # -inf until there is a best level
        events = []
        for i in self.entries("runaway", judged & (above >= math.log(self.runaway_alert))).tolist():
            message = (
                f"loss level {math.exp(min(above[i], 700.0)):.0f}x above its best ({math.exp(best[i]):.4g}) at "
                f"step {format_step(points.steps[where[i]])}: the loss is running away"
            )
            events.append(Event(int(where[i]), "alert", message, "runaway"))
        for i in self.entries("runaway clear", above < math.log(self.runaway_clear)).tolist():
            events.append(Event(int(where[i]), None, family="runaway"))
        return events

    def _wander(self, gap: np.ndarray) -> np.ndarray:
        """How far the fast level usually strays from the slow baseline (EW standard deviation of
        their gap, memory ~100 points): a loss that wanders widely up and down must climb further
        before its climb means divergence."""
        mean, self._gap_mean = ewm(gap, 1.0 - self.wander_alpha, self._gap_mean)
        square, self._gap_square = ewm(gap * gap, 1.0 - self.wander_alpha, self._gap_square)
        return np.sqrt(np.maximum(square - mean * mean, 0.0))

    def _climb(self, baseline: np.ndarray) -> np.ndarray:
        """How much the slow baseline rose over the last ``recent_points`` points."""
        history = np.concatenate((self._recent, baseline))
        ago = history[len(history) - len(baseline) - self.recent_points : len(history) - self.recent_points]
        self._recent = history[len(history) - self.recent_points :]
        return baseline - ago

    def _message(self, rise, best, cusum, points: Points, i) -> str:
        return (
            f"smoothed loss {math.exp(min(rise, 700.0)):.2g}x above its best level ({math.exp(best):.4g}) and "
            f"climbing (CUSUM {cusum:.0f} sigma) at step {format_step(points.steps[i])}"
        )

