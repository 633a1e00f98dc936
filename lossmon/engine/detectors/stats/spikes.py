"""Spikes in a log-scale series (loss, grad norm): an EWMA z-score that never learns from outliers.

Runs on y = log(value): spikes are multiplicative and the noise is roughly proportional to the
level. The running level m is an EWMA of y; the scale is an EW mean of |y - m| (robust to heavy
tails, x1.25 to read as a standard deviation). A point more than 3 sigma and 30% above the level
opens an *excursion*, during which m stays frozen (ZClip's skip-update-on-spike), so a spike is
never absorbed into the level it is measured against; the scale learns such points only
winsorized at 3 sigma, so a loss that starts bouncing widely raises its own bar.

Severity follows what the user should do:
* a spike (z > 6 and at least 2x the level) is a ``warn`` at once: look at that batch;
* in the first points, before there is a level or a noise scale, a jump of 3x the median of the
  last 5 values (one lucky batch cannot set the bar; 3x their highest when they already fell 3x
  among themselves) is a ``warn`` at once on epoch-level points;
  on points that are batches (several per epoch: the caller says which, ``batches``) it waits
  one point for its verdict: still up there, ``warn``; straight back down, ``info``. Without a
  scale, one batch 3x up cannot be told from the batch-to-batch scatter of a per-batch loss (a
  notebook's batch-of-4 loss that swings 0.38 -> 1.66 -> 1.02 in its first 20 points; a CNN's
  0.37 -> 1.39 -> 0.42 at its 10th point); a loss that stays up can, and an epoch mean 3x up is
  news by itself;
* if ``persist`` points later the series is still at least 2x its level and half the spike (in
  log), it did not recover: ``alert``, act now (counted from the spike itself, also when a
  smaller outlier just before it had opened the excursion). Unless it is plainly falling back
  then (more than 20% below the point before it, in the ratio to the level): the verdict moves to
  the next point that is not, and the excursion may well end first. A per-batch loss whose first
  updates overshoot (1.63 -> 6.03 -> 17.1) reads 9.66 two points after the jump, 5.9x up but
  1.8x down from its peak, and is below where it started six points later. A series watched with a *follower*
  (the grad norm, followed by the train loss: scan's ``follower``) alerts only once the follower
  shows the excursion too: its highest value since the spike above its highest of the
  ``FOLLOWER_BEFORE`` points before it, checked at every point the excursion stays high from
  ``persist`` on. A grad norm 25x up for 3 logged points while the loss keeps falling (a Hugging
  Face fine-tune, whose logged norm is the one before clipping: 0.63 -> 5.7 -> 12.4 -> 16.1 -> 1.3
  while the loss reads 0.285, 0.283, 0.287, 0.279) is worth a look, not an act-now;
* a spike that is clearly smaller than one the run already recovered from at once is only
  ``info``: the run has shown that it shrugs such spikes off ("clearly": by more than the
  uncertainty of the level the ratios are measured against, and at least 20%);
* a spike in a heavy-tailed series is only ``info`` (and an ``alert`` if it does not recover, as
  any spike): when the run threw ``tail_count`` single points at least ``tail_share`` of its size
  (in log, and at least ``spike_ratio`` up) in its last ``tail_window`` points and came straight
  back from each, one more such batch is the series' own tail (a per-batch loss with outlier
  batches), not news. A spike in a series without that history still warns at once (Gaussian
  noise puts a point half a 6-sigma spike up once in hundreds of points: 3 in a window is rare).
An excursion that lasts ``reanchor`` points is a new level: the baseline jumps to it (a sustained
rise is the divergence rule's business, see exploding_loss.py).

Vectorized: the level and scale of a stretch of points are computed with numpy assuming no
outlier; the first outlier ends the stretch, is handled by the short sequential excursion logic,
and the next stretch starts after it. Outliers are rare, so the Python work is per outlier, not
per point.
"""

from __future__ import annotations

import math
from collections import deque
from functools import lru_cache
from dataclasses import dataclass

import numpy as np

from lossmon.engine.detectors.base import Event
from lossmon.engine.findings import format_step
from lossmon.engine.detectors.stats.vector import ewm
from lossmon.engine.detectors.stats.few import median

SIGMA_PER_MEAN_ABS = 1.25  # sigma = 1.25 * E|residual| for normal noise
SIGMA_FLOOR = 0.005  # 0.5%: an extremely smooth series must not turn every wobble into 100 sigma
SAME_SIZE = math.log(1.2)  # spikes within 20% of each other are the same size
FIRST_WINDOW, MAX_WINDOW = 512, 1 << 16
EARLY_MEDIAN = 5  # before the level is warm, a jump is measured against the median of this many
FOLLOWER_BEFORE = 5  # a follower's reference: its highest value in this many points before the spike


@dataclass(frozen=True, slots=True)
class SpikeRules:
    noun: str = "loss"
    alpha: float = 0.05  # level EWMA (memory ~20 points)
    alpha_scale: float = 0.02  # scale EWMA (memory ~50 points)
    warm: int = 20  # points before the z-score rule applies
    early_ratio: float = 3.0  # before that: a jump of 3x above the median of the last values
    first_batch_ratio: float = 100.0  # ... and from the first logged batch alone, of 100x
    spike_z: float = 6.0
    spike_ratio: float = 2.0
    outlier_z: float = 3.0  # opens an excursion (baseline frozen)
    outlier_ratio: float = 1.3
    persist: int = 3  # still up this many points after the spike: alert
    reanchor: int = 50  # an excursion this long is a new level
    calm: int = 50  # points back at the level before a spike finding clears
    tail_count: int = 3  # this many recent one-point outliers ...
    tail_share: float = 0.5  # ... at least this share of a spike's log-ratio ...
    tail_window: int = 200  # ... within this many points make it the series' tail: info until it persists


class SpikeWatch:
    """State and scan of the spike rule for one series (see the module docstring)."""

    def __init__(self, rules: SpikeRules) -> None:
        self.rules = rules
        self.n = 0  # finite points seen
        self.m = 0.0  # level (EWMA of y)
        self.s = 0.0  # EW mean |residual| (from 0: read through unbiased())
        self.updates = 0  # updates of s so far
        self.early_values: deque[float] = deque(maxlen=EARLY_MEDIAN)  # the last values before warm
        self.early_level = math.nan  # their median when the early excursion opened
        self.record = -math.inf  # largest log-ratio of a spike the run recovered from at once
        self.calm = 0  # points at the level since the last excursion ended
        self.window = FIRST_WINDOW
        self.excursion = 0  # points in the current excursion (0: none)
        self.peak = 0.0  # its largest log-ratio
        self.fired: str | None = None  # the severity it raised, if any
        self.early = False  # it opened before the level was warm
        self.spike_step = math.nan
        self.first_step = math.nan  # the step of the first point
        self.since_spike = 0  # points of the excursion from the spike on (the spike is 1)
        self.height = 0.0  # the excursion's last point above the level (log-ratio)
        self.deferred = False  # its alert was due at a point that was falling back: judge the next
        # the log-ratio it opened by against one value alone (less than first_batch_ratio): no
        # persistence alert while it climbs no higher (None: not so opened, or it climbed on)
        self.one_before: float | None = None
        self.tail: deque[tuple[int, float]] = deque()  # (point, log-ratio) of recent one-point outliers
        self.pending = ""  # the message of an early jump waiting one point for its verdict
        self.follower: np.ndarray | None = None  # the follower's values, aligned with this scan's y
        self.follower_recent: deque[float] = deque(maxlen=FOLLOWER_BEFORE)  # its values before the point
        self.follower_before = math.nan  # its highest in the points before the spike
        self.follower_since = -math.inf  # its highest since the spike

    def sigma(self) -> float:
        alpha = self.rules.alpha_scale
        filled = float(_filled(alpha, self.updates)) if self.updates < _full_after(alpha) else 1.0
        return max(SIGMA_PER_MEAN_ABS * self.s / filled, SIGMA_FLOOR)

    def scan(self, y: np.ndarray, steps: np.ndarray, raw: np.ndarray, where: np.ndarray, events: list[Event],
             batches: np.ndarray | None = None, follower: np.ndarray | None = None):
        """Process finite log values ``y`` (``where`` maps them to point indices, ``raw`` holds
        the original values for messages; ``batches``, aligned with ``y``: True where the points
        are known to be batches, not epochs; ``follower``, aligned with ``y``: a series that must
        show an excursion before it alerts, see the module docstring). Returns (level before each
        point, sigma before each point (inf while warming up), True where the point is part of an
        excursion)."""
        rules = self.rules
        self.follower = follower
        count = len(y)
        level = np.empty(count)
        sigma = np.empty(count)
        outside = np.zeros(count, dtype=bool)
        i = 0
        while i < count:
            if self.n >= rules.warm and not self.excursion:
                start = i
                i = self._stretch(y, i, level, sigma, events, where)
                if follower is not None:
                    self.follower_recent.extend(follower[max(start, i - FOLLOWER_BEFORE) : i].tolist())
                if i == count:
                    break
            # A warm-up point, an outlier that ended the stretch, or a point of an excursion.
            if self.n < rules.warm:  # no level or scale yet: nothing to measure against
                level[i], sigma[i] = (self.m if self.n else float(y[i])), math.inf
            else:
                level[i], sigma[i] = self.m, self.sigma()
            outside[i] = self._step(float(y[i]), i, steps, raw, where, events, batches is not None and bool(batches[i]))
            if follower is not None:
                self.follower_recent.append(float(follower[i]))
            i += 1
        return level, sigma, outside

    def _stretch(self, y, i, level, sigma, events, where) -> int:
        """Accept points from ``i`` up to the next outlier in one vectorized pass; returns the
        index of that outlier (or the end)."""
        rules = self.rules
        part = y[i : i + self.window]
        levels, _ = ewm(part, 1.0 - rules.alpha, self.m)
        before = np.concatenate(([self.m], levels[:-1]))
        residual = part - before
        scales, _ = ewm(np.abs(residual), 1.0 - rules.alpha_scale, self.s)
        scale_before = np.concatenate(([self.s], scales[:-1]))
        if self.updates < _full_after(rules.alpha_scale):  # else every share is 1.0 exactly
            scale_before /= _filled(rules.alpha_scale, self.updates + np.arange(len(part)))
        sig = np.maximum(SIGMA_PER_MEAN_ABS * scale_before, SIGMA_FLOOR)
        bad = np.flatnonzero(
            (residual > rules.outlier_z * sig) & (residual > math.log(rules.outlier_ratio))
        )
        k = int(bad[0]) if len(bad) else len(part)
        if k:
            # Points 2x up that the noise scale still covers (a noisy phase): the series' tail.
            big = np.flatnonzero(residual[:k] >= math.log(rules.spike_ratio))
            if len(big):
                self.tail.extend(zip((self.n + big + 1).tolist(), residual[big].tolist()))
                self._forget_tail(self.n + k)
            level[i : i + k] = before[:k]
            sigma[i : i + k] = sig[:k]
            self.m, self.s = float(levels[k - 1]), float(scales[k - 1])
            self.updates += k
            self.n += k
            if self.calm < rules.calm <= self.calm + k:
                events.append(Event(int(where[i + rules.calm - self.calm - 1]), None, family="spike"))
            self.calm += k
        # Size the next stretch to the gaps between outliers: a stretch past the next outlier is
        # cheap wasted numpy work, a stretch per few points is expensive Python work.
        self.window = max(FIRST_WINDOW, self.window // 2) if len(bad) else min(2 * self.window, MAX_WINDOW)
        return i + k

    def _step(self, y: float, i: int, steps, raw, where, events: list[Event], batch: bool = False) -> bool:
        """The sequential rule for one point; True while the point belongs to an excursion."""
        rules = self.rules
        self.n += 1
        if self.n == 1:
            self.m = y
            self.early_values.append(y)
            self.first_step = float(steps[where[i]])
            return False
        residual = y - self.m
        sigma = self.sigma()
        if self.n > rules.warm and residual > rules.outlier_z * sigma:
            # The level never learns from an outlier, but the scale learns its winsorized size:
            # a loss that starts bouncing widely raises its own bar instead of spiking forever.
            self.s += rules.alpha_scale * (rules.outlier_z * sigma - self.s)
            self.updates += 1
        if self.excursion:
            if self.early:  # no scale yet: up while still well above the early level
                still_up = y - self.early_level > math.log(rules.early_ratio) / 2
            else:
                still_up = residual > max(rules.outlier_z * sigma, math.log(rules.outlier_ratio))
            if self.pending:
                self._judge_early(still_up, i, steps, where, events)
            if still_up:
                return self._continue_excursion(y, residual, i, steps, raw, where, events)
            if self.fired and self.excursion < rules.persist:
                self.record = max(self.record, self.peak)
            one_point = self.since_spike == 1 if self.fired else self.excursion == 1
            if one_point and not self.early and self.peak >= math.log(rules.spike_ratio):
                self.tail.append((self.n - 1, self.peak))
            self.excursion, self.fired, self.calm = 0, None, 0
        if self.n <= rules.warm:
            self.early_level = median(self.early_values)
            if _largest_fall(self.early_values) >= math.log(rules.early_ratio):
                # Values that already fell by the early ratio among themselves (a last-batch loss
                # printed once per epoch swings up and back down) have no level their median could
                # stand for: a jump is news only above the highest of them. A climb never fell.
                self.early_level = max(self.early_values)
            jump = y - self.early_level
            # (against the first logged batch alone, only a jump of two orders of magnitude: that
            # batch may be no batch's loss at all, as a running mean divided by its interval at
            # step 0 reads 0.044 where the next read 0.72, 0.47, 0.46 ...; a grad norm 1.2 then
            # 98,258 is news)
            if jump >= math.log(rules.first_batch_ratio if batch and self.n == 2 else rules.early_ratio):
                self._open(jump, i, steps, raw, where, events, early=True, wait=batch)
                # Against one value alone, a level that holds after the jump may be the run's
                # own and that value the odd one (a breast-cancer MLP's first loss 0.2039, then
                # 2.0088, 1.4488, ... falling to 0.01): a warning, and no alert for staying up,
                # only for climbing on past the jump
                if self.n == 2 and jump < math.log(rules.first_batch_ratio):
                    self.one_before = jump
                return True
            if batch and self.n == 2 and self.first_step <= 1 and jump >= math.log(rules.early_ratio):
                # A second batch 3x to 100x above a first logged at the run's first step: by the
                # rule above, that one is no batch's loss, so it is no level for the batches after
                # it either (one step's running loss over 100 steps: 0.023 at step 1, then 2.277,
                # 2.145, ...: against the median of the two first, 2.145 read 9.4x up). A run
                # resumed at step 47700 whose loss goes 1.47 -> 13.8 and stays is an explosion.
                self.early_values.clear()
                self.m, residual = y, 0.0
        else:
            is_spike = residual > rules.spike_z * sigma and residual >= math.log(rules.spike_ratio)
            if is_spike:
                self._open(residual, i, steps, raw, where, events, early=False)
                return True
            if residual > rules.outlier_z * sigma and residual > math.log(rules.outlier_ratio):
                self.excursion, self.peak, self.fired, self.early = 1, residual, None, False
                self.height, self.deferred = residual, False
                return True
        self.m += rules.alpha * residual
        self.s += rules.alpha_scale * (abs(residual) - self.s)
        self.updates += 1
        if self.n <= rules.warm:
            self.early_values.append(y)
        self.calm += 1
        if self.calm == rules.calm:
            events.append(Event(int(where[i]), None, family="spike"))
        return False

    def _open(self, ratio_log: float, i, steps, raw, where, events, early: bool, wait: bool = False) -> None:
        rules = self.rules
        self.excursion, self.peak, self.early = 1, ratio_log, early
        self.height, self.deferred, self.one_before = ratio_log, False, None
        self.spike_step, self.since_spike = float(steps[where[i]]), 1
        if self.follower is not None:
            before = [v for v in self.follower_recent if math.isfinite(v)]
            self.follower_before = max(before) if before else math.nan
            self.follower_since = float(self.follower[i])
        ratio = math.exp(min(ratio_log, 700.0))
        at = f"at step {format_step(self.spike_step)}"
        value = f"{rules.noun} {raw[where[i]]:.4g}"
        if early:
            message = f"{value} jumped {_times(ratio)} above its recent level {at}"
        else:
            message = f"{value} is {_times(ratio)} above its running level {at}"
        tail = 0 if early else self._tail_count(ratio_log)
        if ratio_log < self.record - self._same_size():
            severity = "info"
            message += (
                f"; the run already recovered from a {_times(math.exp(min(self.record, 700.0)))} spike"
            )
        elif tail >= rules.tail_count:
            severity = "info"
            floor = max(math.log(rules.spike_ratio), rules.tail_share * ratio_log)
            message += (
                f"; in its last {rules.tail_window} points the run threw {tail} single points "
                f"{_times(math.exp(floor))} or more up and came straight back from each: its usual tail"
            )
        else:
            severity = "warn"
        self.fired = severity
        if wait and severity == "warn":
            self.pending = message  # judged at the next point (_judge_early)
            return
        events.append(Event(int(where[i]), severity, message, "spike"))

    def _judge_early(self, still_up: bool, i, steps, where, events) -> None:
        """The verdict on an early jump, one point after it: still up warns, back down is info."""
        now = format_step(float(steps[where[i]]))
        if still_up:
            message, severity = f"{self.pending}, still up at step {now}", "warn"
        else:
            message, severity = (
                f"{self.pending}, and straight back down at step {now}: one batch, before the run "
                f"has a noise scale to judge it by", "info"
            )
        self.pending, self.fired = "", severity
        events.append(Event(int(where[i]), severity, message, "spike"))

    def _tail_count(self, ratio_log: float) -> int:
        """Recent one-point outliers at least ``tail_share`` of this spike (in log) and 2x up."""
        rules = self.rules
        self._forget_tail(self.n)
        floor = max(math.log(rules.spike_ratio), rules.tail_share * ratio_log)
        return sum(1 for _, size in self.tail if size >= floor)

    def _forget_tail(self, now: int) -> None:
        while self.tail and self.tail[0][0] <= now - self.rules.tail_window:
            self.tail.popleft()

    def _same_size(self) -> float:
        """Two spikes whose log-ratios differ by less than this are the same size: the level
        they are measured against is itself uncertain (2 standard deviations of the EWMA)."""
        alpha = self.rules.alpha
        return max(SAME_SIZE, 2.0 * self.sigma() * math.sqrt(alpha / (2.0 - alpha)))

    def _continue_excursion(self, y, residual, i, steps, raw, where, events) -> bool:
        rules = self.rules
        self.excursion += 1
        self.since_spike += 1
        self.peak = max(self.peak, residual)
        if self.follower is not None and math.isfinite(self.follower[i]):
            self.follower_since = max(self.follower_since, float(self.follower[i]))
        if not self.fired and not self.early and residual >= math.log(rules.spike_ratio) and residual > rules.spike_z * self.sigma():
            # An excursion that grows into a spike over a few points (a grad norm ramping up).
            count = self.excursion
            self._open(residual, i, steps, raw, where, events, early=False)
            self.excursion = count
        height = y - self.early_level if self.early else residual
        if self.one_before is not None and height > self.one_before + SAME_SIZE:
            self.one_before = None  # climbing on past the jump from one value
        stays_high = height >= max(math.log(rules.spike_ratio), 0.5 * self.peak)
        falling_back = height < self.height - SAME_SIZE  # recovering: not yet a verdict
        self.height = height
        # Counted from the spike, not from the excursion: a small outlier that opened it (0.0155
        # at a level of 0.008) does not make the spike's next point its "2 points later".
        if stays_high and falling_back and self._alert_due():
            self.deferred = True
        elif self._alert_due() and stays_high and self.one_before is None:
            ratio = math.exp(min(height, 700.0))
            events.append(Event(
                int(where[i]), "alert",
                f"{rules.noun} still {_times(ratio)} above its running level "
                f"{rules.persist - 1} points after the spike at step {format_step(self.spike_step)} "
                f"(step {format_step(float(steps[where[i]]))}): it is not recovering",
                "spike",
            ))
            self.fired = "alert"
        if self.excursion >= rules.reanchor:
            self.m, self.excursion, self.fired, self.calm = y, 0, None, 0  # a new level
        return True


    def _alert_due(self) -> bool:
        """True at the point the excursion's alert is judged: ``persist`` points after the spike;
        with a follower, any later point until it shows the excursion (module docstring)."""
        if not self.fired or self.fired == "alert" or self.since_spike < self.rules.persist:
            return False
        if self.follower is None:
            return self.since_spike == self.rules.persist or (self.deferred and self.since_spike > self.rules.persist)
        # No follower value before the spike (none logged yet): nothing to wait for.
        return not math.isfinite(self.follower_before) or self.follower_since > self.follower_before


def _largest_fall(values) -> float:
    """The largest drop from a value to any later one (0 for a series that never fell)."""
    highest, fall = -math.inf, 0.0
    for value in values:
        highest = max(highest, value)
        fall = max(fall, highest - value)
    return fall


@lru_cache(maxsize=None)
def _full_after(alpha: float) -> int:
    """Updates from which :func:`_filled` is 1.0 exactly: (1 - alpha) ** n is under 2 ** -60, far
    below half an ulp of 1.0 (2 ** -54), and only falls with n, so 1.0 minus it rounds to 1.0.
    Dividing by 1.0 changes no bit: a long run skips the powers (a third of the spike rule's time
    on a 1M-point series)."""
    if not 0 < alpha < 1:
        return 1 << 62  # never: always computed
    n = max(1, math.ceil(-60 * math.log(2) / math.log1p(-alpha)))
    while (1.0 - alpha) ** np.float64(n) > 2.0**-60 or 1.0 - (1.0 - alpha) ** np.float64(n) != 1.0:
        n += 1
    return n


def _filled(alpha: float, updates):
    """The share of an EWMA started at 0 that ``updates`` updates have filled (Adam's and
    TensorBoard's debiasing). Without it the scale reads 3x low after 20 points and 2x after 35,
    and a noisy loss fresh out of the warm-up sees its ordinary batches as 6-sigma spikes."""
    return np.maximum(1.0 - (1.0 - alpha) ** np.asarray(updates, dtype=np.float64), 1e-12)


def _times(ratio: float) -> str:
    return f"{ratio:.0f}x" if ratio >= 10 else f"{ratio:.1f}x"
