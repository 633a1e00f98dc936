"""Not converging: the loss bounces around and makes no lasting progress.

On blocks of log-loss (blocks.py): over a window of 16 blocks, the loss bounces (its points swing
by about +-35% around the trend, or its block means wander by +-10% and 4x more than its noise
allows) while the second half of the window is not even 5% below the first, and either
* the run never got anywhere: the window is not even half the loss it started at, or
* the swing is 3x the calmest window seen so far: it started bouncing (e.g. the lr went up).
Some losses are that noisy by nature once converged (per-batch diffusion or RL losses): a run
that halved its loss and swings as much as it always did is progressing, not bouncing. A flat,
quiet loss is a plateau instead. The rule keeps quiet during an lr warm-up or warm restart.
warn after two such windows in a row, alert after 32 more blocks; it clears after 8 windows in a
row without the condition (a bouncing loss has calmer stretches).

Short runs (an epoch-level log has 10-300 points, fewer than two windows) are judged on all their
points so far, from the 10th (features.ShortTrend, all medians): a run fresh from the start of
training whose points bounce by +-10% or more about a local line (second differences), whose
second half is not even 5% below its first, and that never halved from its first points, is a
warning after 3 points in a row (e.g. a loss bouncing between 2.35 and 3.99 for 28 epochs). A
lucky point moves no median, and a steadily falling noisy loss has progress.
"""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Event, Points
from lossmon.engine.detectors.features import (
    BLOCK_POINTS, HISTORY_BLOCKS, LrQuiet, ShortTrend, TrendBlocks, starts_fresh,
)
from lossmon.engine.detectors.vector import run_lengths
from lossmon.engine.findings import Finding, format_step

NO_PROGRESS = math.log(1.05)
GOT_SOMEWHERE = math.log(2.0)  # the window's mean is half the loss the run started at
LOUDER = 3.0  # the swing is 3x the calmest window's
WARN_WINDOWS, ALERT_WINDOWS = 2, 2 + 32
CLEAR_WINDOWS = 8  # the finding clears after this many windows in a row without the condition
SHORT_BOUNCE = 0.1  # short runs: points bouncing +-10% about a local line ...
SHORT_POINTS = 3  # ... at this many points in a row


class NotConverging(Detector):
    pathology = "not_converging"
    driver = "train_loss"
    context = {"lr": LAST}

    def reset(self) -> None:
        super().reset()
        self._run = 0
        self._calm = 0
        self._start = math.nan  # the first block's mean log-loss
        self._calmest = math.inf  # the smallest swing of a window so far
        self._fresh: bool | None = None  # the segment starts at the start of training
        self._short_run = 0

    def update(self, points: Points) -> list[Finding]:
        if self._fresh is None and len(points):
            self._fresh = starts_fresh(points.steps)
        quiet = self.feature(points, "lr_quiet", LrQuiet)
        short = self._short(self.feature(points, "short_trend", ShortTrend), quiet, points)
        blocks, (index, progress, bouncing, swing, level) = self.feature(points, "trend_blocks", TrendBlocks)
        if len(blocks) and math.isnan(self._start):
            self._start = float(blocks.means[0])
        if not len(index):
            return self.apply(points, short)
        ends = blocks.ends[index]
        calmest = np.minimum.accumulate(np.minimum(swing, self._calmest))
        calm_before = np.concatenate(([self._calmest], calmest[:-1]))
        self._calmest = float(calmest[-1])
        nowhere = level > self._start - GOT_SOMEWHERE
        louder = swing >= LOUDER * calm_before
        stuck = bouncing & (progress < NO_PROGRESS) & (nowhere | louder) & ~quiet[ends]
        run = run_lengths(stuck, self._run)
        calm = run_lengths(~stuck, self._calm)
        self._run, self._calm = int(run[-1]), int(calm[-1])
        events = []
        for severity, need in (("warn", WARN_WINDOWS), ("alert", ALERT_WINDOWS)):
            for i in self.entries(severity, run >= need).tolist():
                events.append(Event(int(ends[i]), severity, self._message(swing[i], progress[i], run[i], points, ends[i])))
        for i in self.entries("moving", calm >= CLEAR_WINDOWS).tolist():
            events.append(Event(int(ends[i]), None))
        return self.apply(points, short + events)

    def _short(self, stats, quiet, points: Points) -> list[Event]:
        """The short-run rule (module docstring); its warning is the one the window rule
        escalates."""
        if not len(stats) or not self._fresh:
            return []
        stuck = (
            (stats.jitter >= SHORT_BOUNCE) & (stats.progress < NO_PROGRESS)
            & (stats.recent > stats.start - GOT_SOMEWHERE) & ~quiet[stats.index]
        )
        run = run_lengths(stuck, self._short_run)
        self._short_run = int(run[-1])
        events = []
        for k in self.entries("short", run >= SHORT_POINTS).tolist():
            i = int(stats.index[k])
            change = -math.expm1(stats.progress[k])
            trend = f"{-change:.0%} higher" if change < 0 else f"only {change:.0%} lower"
            events.append(Event(i, "warn", (
                f"loss bounces by about ±{math.expm1(stats.jitter[k]):.0%} from point to point and its last "
                f"{stats.count[k] // 2} points are {trend} than the {stats.count[k] // 2} before; no progress in "
                f"{stats.count[k]} points (step {format_step(points.steps[i])})"
            )))
        return events

    def _message(self, swing, progress, run, points: Points, i) -> str:
        span = (HISTORY_BLOCKS + run - 1) * BLOCK_POINTS
        change = -math.expm1(progress)
        trend = f"{-change:.0%} higher" if change < 0 else f"only {change:.0%} lower"
        return (
            f"loss swings by about ±{math.expm1(swing):.0%} and is {trend} than {HISTORY_BLOCKS * BLOCK_POINTS // 2} "
            f"points earlier; no progress for {span} points (step {format_step(points.steps[i])})"
        )
