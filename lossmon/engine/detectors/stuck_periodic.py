"""Repetitive, step-like loss tied to the data order (unshuffled or class-sorted data).

When the log says which epoch each point belongs to (an ``epoch`` series), epoch folding: each
finished epoch's log-loss, minus a continuous trend (the line through the mean of the epoch
before it and its own, both at their centres), is binned by position in the epoch. When the
profiles of consecutive epochs agree (correlation > 0.7), far above the noise of a bin mean, for
3 epochs in a row, the loss repeats a pattern every epoch (the earliest this can show is the end
of epoch 4). The noise of a bin mean is measured as the change between consecutive profiles,
so autocorrelated noise cannot pass for a pattern.

When it does not, autocorrelation: every 256 points, the last 1024 to 4096 log-losses (as many as
there are) minus their moving average over 257 points are searched for a lag whose autocorrelation is a clear peak (above 0.2, and 0.2 above the
dip before it; noise gives about 0.03) and that recurs at twice the lag; the residual folded at that period gives the
profile; the profiles of the first and the second half of the cycles must agree, in 3 scans in a
row (periods of 20 points to a quarter of the points scanned: 190 at first, 960 once the ring
holds 4096). The fold uses the period, near the autocorrelation's estimate,
that gives the sharpest profile.

A profile that is a plain ramp (flat within the epoch, a drop at each boundary) is the normal
multi-epoch staircase of memorisation (fast.ai 2023; THUDM/GLM#88): info only. By shape it
cannot be told from a within-epoch rising sawtooth, so that one is reported the same way.
Series that Keras logs as running means of the epoch are sawtooths by construction: skipped.
Cost: O(1) per point to collect, O(bins) per epoch, an FFT of 2048 per 256 points.
"""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Event, Points
from lossmon.engine.detectors.stats.blocks import MAD_TO_SIGMA
from lossmon.engine.detectors.stats.vector import log_values
from lossmon.engine.findings import Finding, format_step

BINS = 10
MIN_POINTS_PER_EPOCH = 2 * BINS
CONSISTENT = 2  # consecutive profile pairs that must agree (3 profiles)
MIN_CORRELATION = 0.7
MIN_AMPLITUDE = 1.5  # profile spread over the noise of a bin mean
RAMP_FIT = 3.0  # a profile within 3x the noise of a straight line is a staircase
SCAN_POINTS, SCAN_EVERY, SCAN_FROM = 4096, 256, 1024  # the ring, and how full it must be to scan
DETREND_POINTS = 257
MIN_LAG = 2 * BINS
MIN_ACF, MIN_PROMINENCE = 0.2, 0.2
RUNNING_MEAN_JUMPS = 6.0


class StuckPeriodic(Detector):
    pathology = "stuck_periodic"
    driver = "train_loss"
    context = {"epoch": LAST}

    def reset(self) -> None:
        super().reset()
        self._epoch_id = math.nan
        self._current: list[np.ndarray] = []  # log-losses of the epoch in progress, in pieces
        self._kept_epochs = 0  # finished epochs long enough to fold
        self._last_mean = math.nan  # mean log-loss of the latest of them
        self._previous_profile: np.ndarray | None = None
        self._agreeing = 0
        self._ring = np.full(SCAN_POINTS, np.nan)  # the last log-losses, for autocorrelation
        self._filled = 0
        self._until_scan = SCAN_EVERY
        self._running_mean: bool | None = None  # does a series flagged as running means behave so?

    def update(self, points: Points) -> list[Finding]:
        logs = log_values(points.values)
        epochs = np.floor(points.ctx("epoch"))
        if np.isnan(epochs).all() and math.isnan(self._epoch_id):
            events = self._scan_for_period(logs, points)
        else:
            events = self._fold_epochs(logs, epochs, points)
        if self.attrs.get("epoch_running_average") and not self._raw_after_all():
            return []
        return self.apply(points, events)

    def _raw_after_all(self) -> bool:
        """A series the parser marks as running means of the epoch (Keras progress bars) is a
        sawtooth by construction and is skipped, unless its values do not behave as running means:
        a running mean changes by 1/k of a batch's deviation at the k-th batch, so its changes are
        tiny but for a few after each reset (95th percentile over 6x the median); a log that
        writes each batch's own loss on those lines changes by the batch noise every time. Decided
        once, on the first SCAN_FROM points."""
        if self._running_mean is None and self._filled >= SCAN_FROM:
            jumps = np.abs(np.diff(self._ring[-self._filled :]))
            median, high = np.percentile(jumps, [50, 95])
            self._running_mean = bool(high > RUNNING_MEAN_JUMPS * median)
        return self._running_mean is False

    # Known epochs: epoch folding -------------------------------------------------------------

    def _fold_epochs(self, logs, epochs, points) -> list[Event]:
        """The epochs that end in this run of points are profiled all at once (a log may have
        thousands of short epochs: no Python work per epoch but for the verdicts)."""
        previous = np.concatenate(([self._epoch_id], epochs[:-1]))
        changes = np.flatnonzero((epochs != previous) & ~np.isnan(epochs))
        finite = ~np.isnan(logs)
        if not len(changes):
            self._keep(logs[finite])
            return []
        # A change ends the epoch in progress (once one has started): its log-losses, NaN
        # dropped, are the carried pieces plus this run's points up to the change. Points before
        # the first epoch ever join that epoch.
        kept = np.concatenate(([0], np.cumsum(finite)))  # finite points before each index
        ends, event_at = kept[changes], np.maximum(changes - 1, 0)
        if math.isnan(self._epoch_id):
            ends, event_at = ends[1:], event_at[1:]
        self._epoch_id = float(epochs[changes[-1]])
        carried = sum(len(piece) for piece in self._current)
        values = np.concatenate([*self._current, logs[finite]]) if carried else logs[finite]
        tail = values[carried + kept[changes[-1]] :]
        self._current = [tail] if len(tail) else []
        if not len(ends):
            return []
        ends = ends + carried  # offsets into ``values``
        starts = np.concatenate(([0], ends[:-1]))
        lengths = ends - starts
        long_enough = lengths >= MIN_POINTS_PER_EPOCH
        if not long_enough.any():
            return []
        starts, lengths, event_at = starts[long_enough], lengths[long_enough], event_at[long_enough]
        means, profiles, noises = _epoch_statistics(values, starts, lengths, self._last_mean)
        self._last_mean = float(means[-1])
        return self._judge_epochs(profiles, noises, event_at, points)

    def _keep(self, part: np.ndarray) -> None:
        if len(part):
            self._current.append(part)

    def _judge_epochs(self, profiles, noises, event_at, points) -> list[Event]:
        """Each epoch's profile against the previous epoch's, in order."""
        events: list[Event] = []
        first_ever = self._kept_epochs == 0
        self._kept_epochs += len(profiles)
        if first_ever:  # the first epoch has no epoch before it: no profile
            profiles, noises, event_at = profiles[1:], noises[1:], event_at[1:]
        if not len(profiles):
            return events
        last = profiles[-1]
        if self._previous_profile is None:  # the first profile has nothing to compare with
            before = profiles[:-1]
            profiles, noises, event_at = profiles[1:], noises[1:], event_at[1:]
        else:
            before = np.concatenate((self._previous_profile[None, :], profiles[:-1]))
        self._previous_profile = last
        if not len(profiles):
            return events
        # The change between consecutive profiles measures a bin mean's noise as it really is
        # (autocorrelated noise makes bin means far noisier than the point-to-point jitter says).
        change = np.sqrt(np.add.reduce((profiles - before) ** 2, axis=1) / BINS / 2.0)
        noises = np.maximum(noises, change)
        agree = _correlations(before, profiles) > MIN_CORRELATION
        with np.errstate(divide="ignore", invalid="ignore"):
            amplitudes = np.where(noises > 0, _stds(profiles) / noises, 0.0)
        for k, (agrees, amplitude, noise) in enumerate(zip(agree.tolist(), amplitudes.tolist(), noises.tolist())):
            self._verdict(agrees, profiles[k], noise, "epoch", points, int(event_at[k]), events, amplitude)
        return events

    # Unknown period: autocorrelation ---------------------------------------------------------

    def _scan_for_period(self, logs, points) -> list[Event]:
        events: list[Event] = []
        where = np.flatnonzero(~np.isnan(logs))
        values = logs[where]
        taken = 0
        while taken < len(values):
            chunk = values[taken : taken + self._until_scan]
            self._ring = np.roll(self._ring, -len(chunk))
            self._ring[-len(chunk) :] = chunk
            self._filled = min(SCAN_POINTS, self._filled + len(chunk))
            taken += len(chunk)
            self._until_scan -= len(chunk)
            if self._until_scan == 0:
                self._until_scan = SCAN_EVERY
                if self._filled >= SCAN_FROM:
                    self._scan(points, int(where[taken - 1]), events)
        return events

    def _scan(self, points: Points, i: int, events: list[Event]) -> None:
        """Fold the ring at the period found; the first half of its cycles and the second half
        must show the same profile (their difference measures the noise)."""
        residual = _detrend(self._ring[-self._filled :])
        period = _period(residual)
        if period is None:
            self._disagree()
            return
        period = _sharpest(residual, period)
        per_cycle = _fold(residual, period)
        cycles = len(per_cycle)
        half = cycles // 2
        first, second = per_cycle[:half].mean(axis=0), per_cycle[half:].mean(axis=0)
        profile = per_cycle.mean(axis=0)
        noise = float(np.sqrt(np.mean((first - second) ** 2))) / 2.0  # of the mean of both halves
        agree = _correlation(first, second) > MIN_CORRELATION
        self._verdict(agree, profile, noise, f"{period:.0f}-point", points, i, events)

    # Both ------------------------------------------------------------------------------------

    def _disagree(self) -> None:
        self._agreeing = 0
        self._previous_profile = None

    def _verdict(
        self, agree: bool, profile, noise, unit: str, points: Points, i: int, events: list[Event], amplitude=None
    ) -> None:
        if amplitude is None:
            amplitude = float(profile.std() / noise) if noise > 0 else 0.0
        if agree and amplitude > MIN_AMPLITUDE:
            self._agreeing += 1
        else:
            self._agreeing = 0
            events.append(Event(i, None))
            return
        if self._agreeing < CONSISTENT:
            return
        at = f"step {format_step(points.steps[i])}"
        if _is_ramp(profile, noise):
            events.append(Event(i, "info", (
                f"the loss drops at every {unit} boundary and is flat in between (a multi-epoch "
                f"staircase) for {self._agreeing + 1} periods up to {at}: normal when the data is seen again"
            )))
        else:
            events.append(Event(i, "warn", (
                f"the loss repeats the same pattern within every {unit} period ({amplitude:.0f}x the noise) "
                f"for {self._agreeing + 1} periods up to {at}"
            )))


def _fold(residual: np.ndarray, period: float) -> np.ndarray:
    """Bin means per cycle (cycles x BINS), folding at a fractional period, whole cycles counted
    back from the newest point."""
    cycles = int(len(residual) // period)
    recent = residual[len(residual) - int(cycles * period) :]
    position = np.arange(len(recent)) / period
    cycle = np.minimum(position.astype(int), cycles - 1)
    bin_of = np.minimum(((position - np.floor(position)) * BINS).astype(int), BINS - 1)
    index = cycle * BINS + bin_of
    sums = np.bincount(index, recent, minlength=cycles * BINS)
    counts = np.bincount(index, minlength=cycles * BINS)
    return (sums / np.maximum(counts, 1)).reshape(cycles, BINS)


def _sharpest(residual: np.ndarray, period: float) -> float:
    """The period near the autocorrelation's estimate whose fold is sharpest (largest profile
    variance): an ACF peak is only good to a point or two, and over many cycles a small error
    smears the fold."""
    candidates = period * (1.0 + 0.004 * np.arange(-6, 7))
    spread = [float(_fold(residual, p).mean(axis=0).var()) for p in candidates]
    return float(candidates[int(np.argmax(spread))])


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a - a.mean(), b - b.mean()
    norm = float(np.sqrt((a @ a) * (b @ b)))
    return float(a @ b) / norm if norm > 0 else 0.0


def _is_ramp(profile: np.ndarray, noise: float) -> bool:
    """True when a straight line explains the profile up to its noise: what is left after the
    best line is no more than ``RAMP_FIT`` times the variance a bin mean has by noise alone."""
    x = np.arange(len(profile), dtype=np.float64)
    fit = np.polyval(np.polyfit(x, profile, 1), x)
    left = float(((profile - fit) ** 2).sum()) / (len(profile) - 2)
    return left <= RAMP_FIT * noise**2


def _epoch_statistics(values: np.ndarray, starts: np.ndarray, lengths: np.ndarray, last_mean: float):
    """For each epoch ``values[start:start + length]``: its mean, its binned residual against the
    trend through the previous epoch's mean and its own (at the epochs' centres), and a bin mean's
    noise from point-to-point jitter. ``last_mean`` is the mean of the epoch before the first.

    Epochs of one length are computed together, as the rows of one matrix (a row reduces exactly
    as the epoch alone would), so the cost does not grow with the number of epochs."""
    count = len(starts)
    means = np.empty(count)
    profiles = np.empty((count, BINS))
    noises = np.empty(count)
    for n in np.unique(lengths).tolist():
        rows = np.flatnonzero(lengths == n)
        epoch = values[starts[rows, None] + np.arange(n)]
        means[rows] = np.add.reduce(epoch, axis=1) / n
        # Robust noise of single points, from first differences (insensitive to a slow pattern).
        jumps = np.abs(np.diff(epoch, axis=1))
        noises[rows] = np.median(jumps, axis=1) * MAD_TO_SIGMA / math.sqrt(2) / math.sqrt(max(n / BINS, 1))
    before = np.concatenate(([last_mean], means[:-1]))
    for n in np.unique(lengths).tolist():
        rows = np.flatnonzero(lengths == n)
        epoch = values[starts[rows, None] + np.arange(n)]
        position = (np.arange(n) + 0.5) / n - 0.5  # -0.5..0.5 across the epoch, 0 at its centre
        mean = means[rows, None]
        residual = epoch - (mean + (mean - before[rows, None]) * position)
        bin_of = np.arange(n) * BINS // n
        index = (bin_of + BINS * np.arange(len(rows))[:, None]).ravel()
        sums = np.bincount(index, residual.ravel(), BINS * len(rows)).reshape(len(rows), BINS)
        profiles[rows] = sums / np.bincount(bin_of, minlength=BINS)
    return means, profiles, noises


def _correlations(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise correlation of two matrices (0 where a row is flat)."""
    a = a - (np.add.reduce(a, axis=1) / a.shape[1])[:, None]
    b = b - (np.add.reduce(b, axis=1) / b.shape[1])[:, None]
    norm = np.sqrt(np.add.reduce(a * a, axis=1) * np.add.reduce(b * b, axis=1))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(norm > 0, np.add.reduce(a * b, axis=1) / norm, 0.0)


def _stds(rows: np.ndarray) -> np.ndarray:
    """Row-wise standard deviation, as ndarray.std computes it for one row."""
    centred = rows - (np.add.reduce(rows, axis=1) / rows.shape[1])[:, None]
    return np.sqrt(np.add.reduce(centred * centred, axis=1) / rows.shape[1])


def _detrend(values: np.ndarray) -> np.ndarray:
    """Values minus their centred moving average over DETREND_POINTS (a pattern repeating within
    that span survives, the trend of the curve does not); the edges, without a full span, are
    dropped."""
    sums = np.concatenate(([0.0], np.cumsum(values)))
    width = DETREND_POINTS
    average = (sums[width:] - sums[:-width]) / width
    half = width // 2
    return values[half : half + len(average)] - average


def _period(residual: np.ndarray) -> float | None:
    """The period (in points, fractional) of a clear, recurring autocorrelation peak, or None.

    The highest clear peak may be a multiple of the period: a peak at a whole fraction of it,
    nearly as high, is the fundamental. The period is then refined from the peak near the largest
    multiple within the searched lags (an error there is divided by the multiple), to a fraction
    of a point by the parabola through the peak and its neighbours.
    """
    n = len(residual)
    centred = residual - residual.mean()
    spectrum = np.fft.rfft(centred, 2 * n)
    acf = np.fft.irfft(spectrum * np.conj(spectrum))[: n // 2]
    if acf[0] <= 0:
        return None
    acf = acf / acf[0] * n / (n - np.arange(n // 2))  # unbiased: each lag has fewer pairs
    top = n // 4
    lags = np.arange(MIN_LAG, top)
    peaks = lags[(acf[lags] >= acf[lags - 1]) & (acf[lags] >= acf[lags + 1]) & (acf[lags] >= MIN_ACF)]
    for lag in peaks[np.argsort(-acf[peaks])][:3].tolist():
        dip = float(acf[1:lag].min())
        if acf[lag] - dip < MIN_PROMINENCE or acf[2 * lag - 1 : 2 * lag + 2].max() < MIN_ACF * 0.7:
            continue
        for divisor in (4, 3, 2):
            near = int(round(lag / divisor))
            if near >= MIN_LAG and acf[near - 2 : near + 3].max() >= 0.8 * acf[lag]:
                lag = near - 2 + int(np.argmax(acf[near - 2 : near + 3]))
                break
        multiple = max(1, top // lag)
        around = lag * multiple
        best = around - 2 + int(np.argmax(acf[around - 2 : around + 3]))
        left, centre, right = acf[best - 1], acf[best], acf[best + 1]
        curvature = left - 2 * centre + right
        offset = 0.5 * (left - right) / curvature if curvature < 0 else 0.0  # parabola's top
        return (best + offset) / multiple
    return None
