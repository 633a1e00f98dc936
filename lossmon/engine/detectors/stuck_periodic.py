"""Repetitive, step-like loss tied to the data order (unshuffled or class-sorted data).

When the log says which epoch each point belongs to (an ``epoch`` series), epoch folding: each
finished epoch's log-loss, minus a continuous trend (the parabola whose means over the two epochs
before it and its own are theirs; a line over the second epoch, which has one before it), is
binned by position in the epoch. When the profiles of consecutive epochs agree (correlation >
0.7), far above the noise of a bin mean, for 3 epochs in a row, the loss repeats a pattern every
epoch (the earliest this can show is the end of epoch 4). The noise of a bin mean is measured as
the change between consecutive profiles, so autocorrelated noise cannot pass for a pattern.

When it does not, autocorrelation: every 256 points, the last 1024 to 4096 log-losses (as many as
there are) minus their moving average over 257 points are searched for a lag whose autocorrelation is a clear peak (above 0.2, and 0.2 above the
dip before it; noise gives about 0.03) and that recurs at twice the lag; the residual folded at that period gives the
profile; the profiles of the first and the second half of the cycles must agree, in 3 scans in a
row (periods of 20 points to a quarter of the points scanned: 190 at first, 960 once the ring
holds 4096). The fold uses the period, near the autocorrelation's estimate,
that gives the sharpest profile. While the ring still holds the start of training, the scan
starts after the early transient (a fast-falling loss leaves the moving average far behind: a
slow swing, lag-1 autocorrelation near 1, that swamps the autocorrelation of a weak pattern).

A profile that is a plain rising ramp (flat within the epoch, a drop at each boundary, so above
the continuous trend late in the epoch) is the normal multi-epoch staircase of memorisation
(fast.ai 2023; THUDM/GLM#88): info only. By shape it cannot be told from a within-epoch rising
sawtooth, so that one is reported the same way. A falling ramp (high on the first classes of
sorted data, back up at each epoch start) is no staircase: a pattern.
Series that Keras logs as running means of the epoch are sawtooths by construction: skipped.
Cost: O(1) per point to collect, O(bins) per epoch, an FFT of one and a half rings (up to 4096 points) per 256 points.
"""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Event, Points
from lossmon.engine.detectors.stats.autocorrelation import PeriodScan
from lossmon.engine.detectors.stats.epoch_folding import EpochFolding
from lossmon.engine.detectors.stats.periodic import Comparison, is_ramp
from lossmon.engine.detectors.stats.vector import log_values
from lossmon.engine.findings import Finding, format_step


class StuckPeriodic(Detector):
    """A loss that repeats a pattern every epoch or period (the module docstring has the rules):
    epoch folding (stats/epoch_folding.py) once the log gives epochs, autocorrelation
    (stats/autocorrelation.py) until then; this class combines their comparisons into verdicts.

    Parameters:
        bins: a profile's bins within one period.
        min_correlation: two profiles agree above this correlation ...
        min_amplitude: ... and a profile stands out when its spread is this many times its noise ...
        consistent: ... for this many agreeing comparisons in a row.
        ramp_fit: a profile within this many times its noise of a straight line is a staircase (info).
        min_relative: a profile whose peak-to-peak is below this share of the loss (log units) is
            print rounding or float noise, whatever its noise ratio (a perfectly straight loss).
        running_mean_jumps: a series flagged as running means is taken as raw batch losses when the
            95th percentile of its changes is above this many times their median.
        scan_points, scan_every, scan_from, detrend_points, min_acf, min_prominence: the
            autocorrelation's ring, how often it scans and from how many points, its detrending
            span, and how high and clear a peak must be.

    Class-sorted batches: the loss is 20% higher in the first half of every 40-point epoch
    (epochs logged as context). The pattern shows at the end of epoch 3, agreeing with 2 before:

    >>> import numpy as np
    >>> halves = np.tile(np.r_[np.full(20, 1.2), np.full(20, 0.8)], 8)
    >>> loss = 2.0 * halves * np.exp(0.02 * np.random.default_rng(0).standard_normal(320))
    >>> for finding in StuckPeriodic().update_values(loss, epoch=np.arange(320) // 40):
    ...     print(finding.severity, finding.message)
    warn the loss repeats the same pattern within every epoch period (15x the noise) for 3 periods up to step 160
    """

    pathology = "stuck_periodic"
    driver = "train_loss"
    context = {"epoch": LAST}

    def __init__(
        self, series: str = "loss", attrs: dict | None = None, *, bins: int = 10, min_correlation: float = 0.7,
        min_amplitude: float = 1.4, consistent: int = 2, ramp_fit: float = 3.0, running_mean_jumps: float = 6.0,
        scan_points: int = 4096, scan_every: int = 256, scan_from: int = 1024, detrend_points: int = 257,
        min_acf: float = 0.2, min_prominence: float = 0.2, min_relative: float = 1e-4,
    ) -> None:
        self.bins, self.min_correlation, self.min_amplitude = bins, min_correlation, min_amplitude
        self.min_relative = min_relative
        self.consistent, self.ramp_fit, self.running_mean_jumps = consistent, ramp_fit, running_mean_jumps
        self._scan_options = dict(
            ring=scan_points, every=scan_every, from_points=scan_from, detrend=detrend_points,
            min_acf=min_acf, min_prominence=min_prominence,
        )
        super().__init__(series, attrs)

    def reset(self) -> None:
        super().reset()
        self._folding = EpochFolding(self.bins, self.min_correlation)
        self._scanning = PeriodScan(self.bins, self.min_correlation, **self._scan_options)
        self._agreeing = 0  # comparisons in a row that agree and stand out
        self._running_mean: bool | None = None  # does a series flagged as running means behave so?

    def update(self, points: Points) -> list[Finding]:
        logs = log_values(points.values)
        epochs = np.floor(points.ctx("epoch"))
        if np.isnan(epochs).all() and not self._folding.started:
            comparisons = self._scanning.update(logs)
        else:
            comparisons = self._folding.update(logs, epochs)
        events: list[Event] = []
        for comparison in comparisons:
            self._verdict(comparison, points, events)
        if self.attrs.get("epoch_running_average") and not self._raw_after_all():
            return []
        return self.apply(points, events)

    def _raw_after_all(self) -> bool:
        """A series the parser marks as running means of the epoch (Keras progress bars) is a
        sawtooth by construction and is skipped, unless its values do not behave as running means:
        a running mean changes by 1/k of a batch's deviation at the k-th batch, so its changes are
        tiny but for a few after each reset (95th percentile over ``running_mean_jumps`` times
        the median); a log that writes each batch's own loss on those lines changes by the batch
        noise every time. Decided once, on the autocorrelation's first ``scan_from`` points."""
        if self._running_mean is None and self._scanning.filled >= self._scan_options["from_points"]:
            jumps = np.abs(np.diff(self._scanning.recent()))
            median, high = np.percentile(jumps, [50, 95])
            self._running_mean = bool(high > self.running_mean_jumps * median)
        return self._running_mean is False

    def _verdict(self, found: Comparison, points: Points, events: list[Event]) -> None:
        i = found.index
        if found.profile is None:  # no period at all: start counting again
            self._agreeing = 0
            self._folding.forget_profile()
            return
        profile, noise, amplitude = found.profile, found.noise, found.amplitude
        if amplitude is None:
            amplitude = float(profile.std() / noise) if noise > 0 else 0.0
        if found.agree and amplitude > self.min_amplitude and float(np.ptp(profile)) >= self.min_relative:
            self._agreeing += 1
        else:
            self._agreeing = 0
            events.append(Event(i, None))
            return
        if self._agreeing < self.consistent:
            return
        at = f"step {format_step(points.steps[i])}"
        if is_ramp(profile, noise, self.ramp_fit):
            events.append(Event(i, "info", (
                f"the loss drops at every {found.unit} boundary and is flat in between (a multi-epoch "
                f"staircase) for {self._agreeing + 1} periods up to {at}: normal when the data is seen again"
            )))
        else:
            events.append(Event(i, "warn", (
                f"the loss repeats the same pattern within every {found.unit} period ({amplitude:.0f}x the noise) "
                f"for {self._agreeing + 1} periods up to {at}"
            )))
