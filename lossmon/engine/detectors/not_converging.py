"""Not converging: the loss bounces around and makes no lasting progress.

On blocks of log-loss (stats/blocks.py): over a window of 16 blocks, the loss bounces (its points swing
by about +-35% around the trend, or its block means wander by +-10% and 4x more than its noise
allows) while the second half of the window is not even 5% below the first, and either
* the run never got anywhere: the window is not even half the loss it started at, or
* the swing is 3x the calmest window seen so far, and the loss is not half of what it was then:
  it started bouncing (e.g. the lr went up).
Some losses are that noisy by nature once converged (per-batch diffusion or RL losses): a run
that halved its loss and swings as much as it always did is progressing, not bouncing. A flat,
quiet loss is a plateau instead. The trend is also judged on a longer span: a window whose level
is 10% below the level 4 windows earlier is falling, however the points scatter (per-batch
noise while the epoch means fall steadily). The rule keeps quiet during an lr warm-up, and while
its window reaches back to a warm restart (SGDR): the bump after a restart is the schedule's.
warn after two such windows in a row, alert after 32 more blocks; it clears after 8 windows in a
row without the condition (a bouncing loss has calmer stretches). In an RL run whose episode
return is clearly above its first values, a warning is info (stats/returns.py).

Short runs (an epoch-level log has 10-300 points, fewer than two windows) are judged on all their
points so far, from the 10th (features.ShortTrend, all medians): a run fresh from the start of
training whose points bounce by +-10% or more about a local line (second differences), whose
second half is not even 5% below its first, and whose recent level is not even one bounce below
where it started (the median of its first 5 points), is a warning once that held at 3 in 4 of
the last half of its points, the latest included (e.g. a loss bouncing between 2.35 and 3.99 for
28 epochs). A lucky point moves no median, and a steadily falling noisy loss has progress
(progress is counted only beyond what the noise of the halves' medians allows); by chance, the
halves' medians of a bouncing loss sometimes part for a moment, which must not reset the count.
"""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Event, Points
from lossmon.engine.detectors.stats.features import (
    BLOCK_POINTS, HISTORY_BLOCKS, AfterRestart, LrQuiet, ShortTrend, TrendBlocks, starts_fresh,
)
from lossmon.engine.detectors.stats.returns import ReturnImproving, excuse_warnings
from lossmon.engine.detectors.stats.vector import run_lengths
from lossmon.engine.findings import Finding, format_step



class NotConverging(Detector):
    """A train loss that bounces and makes no lasting progress (the module docstring has the
    rules). Ratios are plain factors (1.05: 5%), not logs.

    Parameters:
        no_progress: the later half of a window must be this factor below the first to progress.
        got_somewhere: a window this factor below where the run started got somewhere.
        louder: a swing this many times the calmest window's means the loss started bouncing.
        warn_windows, alert_windows: windows in a row without progress to warn, to alert.
        clear_windows: windows in a row with progress that clear the finding.
        long_progress, long_windows: a level this factor below the level ``long_windows`` windows
            earlier is falling, however the points scatter.
        short_bounce: short runs: points bouncing by this much (log) about a local line ...
        short_evidence: ... with no progress beyond this many times the noise of the halves' medians ...
        short_points, short_share: ... at this share of the last half of the points so far (at
            least ``short_points``), the latest included.

    An epoch-level loss that bounces between 2.35 and 3.99 warns once half its points show no
    progress:

    >>> detector = NotConverging()
    >>> [(f.severity, f.step) for f in detector.update_values([2.4, 3.9, 2.6, 3.5, 2.35, 3.99, 2.8, 3.3] * 4)]
    [('warn', 17.0)]
    """

    pathology = "not_converging"
    driver = "train_loss"
    context = {"lr": LAST, "epoch": LAST, "reward": LAST}

    def __init__(
        self, series: str = "loss", attrs: dict | None = None, *,
        no_progress: float = 1.05, got_somewhere: float = 2.0, louder: float = 3.0,
        warn_windows: int = 2, alert_windows: int = 2 + 32, clear_windows: int = 8,
        long_progress: float = 1.1, long_windows: int = 4,
        short_bounce: float = 0.1, short_points: int = 3, short_evidence: float = 2.5, short_share: float = 0.75,
    ) -> None:
        self.no_progress, self.got_somewhere, self.louder = no_progress, got_somewhere, louder
        self.warn_windows, self.alert_windows, self.clear_windows = warn_windows, alert_windows, clear_windows
        self.long_progress, self.long_windows = long_progress, long_windows
        self.short_bounce, self.short_points, self.short_evidence = short_bounce, short_points, short_evidence
        self.short_share = short_share
        super().__init__(series, attrs)

    def reset(self) -> None:
        super().reset()
        self._run = 0
        self._calm = 0
        self._start = math.nan  # the first block's mean log-loss
        self._calmest = math.inf  # the smallest swing of a window so far
        self._calm_level = math.inf  # the level of that window
        self._fresh: bool | None = None  # the segment starts at the start of training
        self._short_flags = np.empty(0, dtype=bool)  # the short condition at each short-run point
        self._returns = ReturnImproving()  # an RL run's episode return (stats/returns.py)
        self._levels = np.empty(0)  # the later-half level of the windows of the last long_windows spans

    def update(self, points: Points) -> list[Finding]:
        if self._fresh is None and len(points):
            self._fresh = starts_fresh(points.steps, points.ctx("epoch"))
        quiet = self.feature(points, "lr_quiet", LrQuiet) | self.feature(points, "after_restart", AfterRestart)
        short = self._short(self.feature(points, "short_trend", ShortTrend), quiet, points)
        blocks, (index, progress, bouncing, swing, level) = self.feature(points, "trend_blocks", TrendBlocks)
        if len(blocks) and math.isnan(self._start):
            self._start = float(blocks.means[0])
        improving = self._returns.flags(points.ctx("reward"))
        short = excuse_warnings(short, improving, points)
        if not len(index):
            return self.apply(points, short)
        ends = blocks.ends[index]
        calmest = np.minimum.accumulate(np.minimum(swing, self._calmest))
        calm_before = np.concatenate(([self._calmest], calmest[:-1]))
        self._calmest = float(calmest[-1])
        # The level of the calmest window: a loss that halved since then may well swing more in
        # log (relative noise grows as a loss nears 0); louder counts only where it did not.
        new_calm = swing < calm_before
        source = np.maximum.accumulate(np.where(new_calm, np.arange(len(swing)), -1))
        calm_level = np.where(source >= 0, level[np.maximum(source, 0)], self._calm_level)
        calm_level_before = np.concatenate(([self._calm_level], calm_level[:-1]))
        self._calm_level = float(calm_level[-1])
        nowhere = level > self._start - math.log(self.got_somewhere)
        louder = (swing >= self.louder * calm_before) & (level > calm_level_before - math.log(self.got_somewhere))
        # The trend of the block means over a longer span: per-batch scatter may hide a slow,
        # steady fall within one window, not over four.
        lag = self.long_windows * HISTORY_BLOCKS
        levels = np.concatenate((self._levels, level))
        then = levels[: len(levels) - lag][-len(level) :] if len(levels) > lag else np.empty(0)
        then = np.concatenate((np.full(len(level) - len(then), -np.inf), then))  # no window before: not falling
        self._levels = levels[-lag:]
        falling = level < then - math.log(self.long_progress)
        stuck = bouncing & (progress < math.log(self.no_progress)) & ~falling & (nowhere | louder) & ~quiet[ends]
        run = run_lengths(stuck, self._run)
        calm = run_lengths(~stuck, self._calm)
        self._run, self._calm = int(run[-1]), int(calm[-1])
        events = []
        for severity, need in (("warn", self.warn_windows), ("alert", self.alert_windows)):
            for i in self.entries(severity, run >= need).tolist():
                events.append(Event(int(ends[i]), severity, self._message(swing[i], progress[i], run[i], points, ends[i])))
        for i in self.entries("moving", calm >= self.clear_windows).tolist():
            events.append(Event(int(ends[i]), None))
        return self.apply(points, short + excuse_warnings(events, improving, points))

    def _short(self, stats, quiet, points: Points) -> list[Event]:
        """The short-run rule (module docstring); its warning is the one the window rule
        escalates."""
        if not len(stats) or not self._fresh:
            return []
        # The medians of two halves of n points differ by noise alone by about
        # 2.5 jitter / sqrt(n) (the jitter of a few points may be a lucky draw: the spread of the
        # points bounds it). No progress: not 5% lower, nor lower by more than that noise.
        noise = self.short_evidence * np.maximum(stats.jitter, stats.spread) / np.sqrt(stats.count)
        stuck = (
            (stats.jitter >= self.short_bounce) & (stats.progress < np.maximum(math.log(self.no_progress), noise))
            & (stats.recent > stats.opening - np.minimum(math.log(self.got_somewhere), stats.jitter)) & ~quiet[stats.index]
        )
        # Held over most of the last half of the points so far: a slow, noisy start has stretches
        # without visible progress, a run that does not converge has few moments with it (by
        # chance, the halves' medians of a bouncing loss sometimes part: a moment, not a trend).
        flags = np.concatenate((self._short_flags, stuck))
        self._short_flags = flags
        held = np.concatenate(([0], np.cumsum(flags)))
        ends = np.arange(len(flags) - len(stuck), len(flags)) + 1  # rows so far, at each of these
        span = np.maximum(self.short_points, stats.count // 2)
        starts = ends - span  # the whole last half must have been judged (from the 10th point on)
        share = np.where(starts >= 0, (held[ends] - held[np.maximum(starts, 0)]) / span, 0.0)
        events = []
        for k in self.entries("short", stuck & (share >= self.short_share)).tolist():
            i = int(stats.index[k])
            change = -math.expm1(-stats.progress[k])
            trend = f"{-change:.0%} higher" if change < 0 else f"only {change:.0%} lower"
            events.append(Event(i, "warn", (
                f"loss bounces by about ±{math.expm1(stats.jitter[k]):.0%} from point to point and its last "
                f"{stats.count[k] // 2} points are {trend} than the {stats.count[k] // 2} before; no progress in "
                f"{stats.count[k]} points (step {format_step(points.steps[i])})"
            )))
        return events

    def _message(self, swing, progress, run, points: Points, i) -> str:
        span = (HISTORY_BLOCKS + run - 1) * BLOCK_POINTS
        change = -math.expm1(-progress)
        trend = f"{-change:.0%} higher" if change < 0 else f"only {change:.0%} lower"
        return (
            f"loss swings by about ±{math.expm1(swing):.0%} and is {trend} than {HISTORY_BLOCKS * BLOCK_POINTS // 2} "
            f"points earlier; no progress for {span} points (step {format_step(points.steps[i])})"
        )
