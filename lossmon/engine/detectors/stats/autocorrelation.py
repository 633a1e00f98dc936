"""Autocorrelation, for stuck_periodic when the log does not say where epochs end.

Every ``every`` points, the last ``from_points`` to ``ring`` log-losses (as many as there are)
minus their centred moving average over ``detrend`` points are searched for a lag whose
autocorrelation is a clear peak (above ``min_acf``, and ``min_prominence`` above the dip before
it; noise gives about 0.03) that recurs at twice the lag. Periods of 2 bins to a quarter of the
points scanned (190 at first, 960 once the ring is full). The residual is folded at the period,
near the autocorrelation's estimate, that gives the sharpest profile, and the profiles of the
first and the second half of the cycles are compared (their difference measures the noise).
While the ring still holds the start of training, a scan starts after the early transient (a loss
falling fast leaves the moving average far behind, a slow swing that swamps the
autocorrelation; see _settled).
Cost: an FFT of one and a half rings per scan; the candidate periods are folded in one pass.
"""

from __future__ import annotations

import numpy as np

from lossmon.engine.detectors.stats.blocks import MAD_TO_SIGMA
from lossmon.engine.detectors.stats.periodic import Comparison, correlation
from lossmon.engine.detectors.stats.vector import array_median

WILD = 4.0  # robust sigmas of the smoothed residual: beyond, the trend's transient (a pattern's swing is under 2)


class PeriodScan:
    """A ring of the last finite log-losses, scanned for a period every ``every`` points."""

    def __init__(
        self, bins: int = 10, min_correlation: float = 0.7, *, ring: int = 4096, every: int = 256,
        from_points: int = 1024, detrend: int = 257, min_acf: float = 0.2, min_prominence: float = 0.2,
    ) -> None:
        self.bins, self.min_correlation = bins, min_correlation
        self.every, self.from_points, self.detrend = every, from_points, detrend
        self.min_lag, self.min_acf, self.min_prominence = 2 * bins, min_acf, min_prominence
        self.ring = np.full(ring, np.nan)  # the last log-losses
        self.filled = 0
        self.seen = 0  # finite points ever taken: the ring holds the first ones while seen <= its size
        self._until_scan = every

    def recent(self) -> np.ndarray:
        """The log-losses in the ring, oldest first."""
        return self.ring[len(self.ring) - self.filled :]

    def update(self, logs: np.ndarray) -> list[Comparison]:
        found: list[Comparison] = []
        where = np.flatnonzero(~np.isnan(logs))
        values = logs[where]
        taken = 0
        while taken < len(values):
            chunk = values[taken : taken + self._until_scan]
            # shifted in place (np.roll makes a new ring per chunk: 16 per 4k-point batch)
            self.ring[: len(self.ring) - len(chunk)] = self.ring[len(chunk) :]
            self.ring[-len(chunk) :] = chunk
            self.filled = min(len(self.ring), self.filled + len(chunk))
            self.seen += len(chunk)
            taken += len(chunk)
            self._until_scan -= len(chunk)
            if self._until_scan == 0:
                self._until_scan = self.every
                if self.filled >= self.from_points:
                    found.append(self._scan(int(where[taken - 1])))
        return found

    def _scan(self, i: int) -> Comparison:
        """Fold the ring at the period found; the first half of its cycles and the second half
        must show the same profile (their difference measures the noise)."""
        residual = _detrend(self.recent(), self.detrend)
        if self.seen <= len(self.ring):  # the start of training, where the loss may still fall fast
            residual = _settled(residual, self.detrend, self.min_lag)
            if len(residual) < 8 * self.min_lag:  # the transient fills the ring: nothing to say yet
                return Comparison(i, False)
        period = _period(residual, self.min_lag, self.min_acf, self.min_prominence)
        if period is None:
            return Comparison(i, False)
        period = _sharpest(residual, period, self.bins)
        per_cycle = _fold(residual, period, self.bins)
        cycles = len(per_cycle)
        half = cycles // 2
        first, second = per_cycle[:half].mean(axis=0), per_cycle[half:].mean(axis=0)
        profile = per_cycle.mean(axis=0)
        noise = float(np.sqrt(np.mean((first - second) ** 2))) / 2.0  # of the mean of both halves
        agree = correlation(first, second) > self.min_correlation
        return Comparison(i, agree, profile, noise, f"{period:.0f}-point")


def _fold(residual: np.ndarray, period: float, bins: int) -> np.ndarray:
    """Bin means per cycle (cycles x bins), folding at a fractional period, whole cycles counted
    back from the newest point."""
    cycles = int(len(residual) // period)
    recent = residual[len(residual) - int(cycles * period) :]
    position = np.arange(len(recent)) / period
    cycle = np.minimum(position.astype(int), cycles - 1)
    bin_of = np.minimum(((position - np.floor(position)) * bins).astype(int), bins - 1)
    index = cycle * bins + bin_of
    sums = np.bincount(index, recent, minlength=cycles * bins)
    counts = np.bincount(index, minlength=cycles * bins)
    return (sums / np.maximum(counts, 1)).reshape(cycles, bins)


def _sharpest(residual: np.ndarray, period: float, bins: int) -> float:
    """The period near the autocorrelation's estimate whose fold is sharpest (largest profile
    variance): an ACF peak is only good to a point or two, and over many cycles a small error
    smears the fold.

    All candidates in about one pass: a bin of a cycle is a contiguous run of points (point j of
    the folded tail falls in cell floor(j * bins / period)), so every cell's sum is a difference
    of one running sum; folding each candidate point by point cost 13 passes."""
    candidates = period * (1.0 + 0.004 * np.arange(-6, 7))
    n = len(residual)
    running = np.concatenate(([0.0], np.cumsum(residual)))
    cycles = (n // candidates).astype(np.int64)
    lengths = (cycles * candidates).astype(np.int64)  # whole cycles counted back from the newest point
    cells = cycles * bins
    owner = np.repeat(np.arange(len(candidates)), cells + 1)
    first = np.repeat(np.concatenate(([0], np.cumsum(cells + 1)[:-1])), cells + 1)
    m = np.arange(len(owner)) - first  # cell boundary m of its candidate, 0 .. cells
    edges = np.minimum(np.ceil(m * candidates[owner] / bins).astype(np.int64), lengths[owner])
    edges = edges + (n - lengths)[owner]
    sums, counts = np.diff(running[edges]), np.diff(edges)
    keep = m[1:] > 0  # differences within one candidate
    means = sums[keep] / np.maximum(counts[keep], 1)
    # Each candidate's profile: its bin means averaged over cycles, summed row by row as
    # ndarray.mean(axis=0) sums them.
    owner, m = owner[1:][keep], m[1:][keep] - 1
    profiles = np.bincount(owner * bins + m % bins, means, len(candidates) * bins).reshape(len(candidates), bins)
    spread = (profiles / cycles[:, None]).var(axis=1)
    return float(candidates[int(np.argmax(spread))])


def _settled(residual: np.ndarray, width: int, span: int, wild: float = WILD) -> np.ndarray:
    """The residual after the early transient. A loss that falls fast at the start of training
    leaves its moving average far behind: a long swing of residual, many times the noise, that
    dominates the autocorrelation (lag-1 near 1) and hides a pattern. Smoothed over ``span``
    points (so that a lone outlier of heavy-tailed noise does not count, while a pattern with a
    longer period keeps its shape), a swing ``wild`` robust sigmas out in the first three quarters
    of the ring is such a transient: the scan starts half a detrending span after its last point."""
    sums = np.concatenate(([0.0], np.cumsum(residual)))
    smooth = (sums[span:] - sums[:-span]) / span
    centre = array_median(smooth)
    scale = array_median(np.abs(smooth - centre)) * MAD_TO_SIGMA
    out = np.flatnonzero(np.abs(smooth[: len(smooth) * 3 // 4] - centre) > wild * scale)
    if not len(out) or scale == 0:
        return residual
    return residual[int(out[-1]) + span + width // 2 :]


def _detrend(values: np.ndarray, width: int) -> np.ndarray:
    """Values minus their centred moving average over ``width`` points (a pattern repeating within
    that span survives, the trend of the curve does not); the edges, without a full span, are
    dropped."""
    sums = np.empty(len(values) + 1)
    sums[0] = 0.0
    np.cumsum(values, out=sums[1:])  # (the running sums after a 0, without a copy)
    average = sums[width:] - sums[:-width]
    average /= width
    half = width // 2
    return np.subtract(values[half : half + len(average)], average, out=average)


def _period(residual: np.ndarray, min_lag: int, min_acf: float, min_prominence: float) -> float | None:
    """The period (in points, fractional) of a clear, recurring autocorrelation peak, or None.

    The highest clear peak may be a multiple of the period: a peak at a whole fraction of it,
    nearly as high, is the fundamental. The period is then refined from the peak near the largest
    multiple within the searched lags (an error there is divided by the multiple), to a fraction
    of a point by the parabola through the peak and its neighbours.
    """
    n = len(residual)
    centred = residual - residual.mean()
    length = _fft_length(n)
    spectrum = np.fft.rfft(centred, length)
    acf = np.fft.irfft(np.multiply(spectrum, np.conj(spectrum), out=spectrum), length)[: n // 2]
    if acf[0] <= 0:
        return None
    top = n // 4
    if min_lag >= 1:  # the lags' neighbours as slices, not index arrays: the same peaks, faster
        # Most scans find no peak: the lags searched are made unbiased first (the same numbers),
        # the rest only when there is one.
        near = acf[min_lag - 1 : top + 1] / acf[0] * n / _pairs(n)[min_lag - 1 : top + 1]
        at = near[1:-1]
        peaks = np.flatnonzero((at >= near[:-2]) & (at >= near[2:]) & (at >= min_acf)) + min_lag
        if not len(peaks):
            return None
        acf = acf / acf[0] * n / _pairs(n)  # unbiased: each lag has fewer pairs
    else:
        acf = acf / acf[0] * n / _pairs(n)
        lags = np.arange(min_lag, top)
        peaks = lags[(acf[lags] >= acf[lags - 1]) & (acf[lags] >= acf[lags + 1]) & (acf[lags] >= min_acf)]
    for lag in peaks[np.argsort(-acf[peaks])][:3].tolist():
        dip = float(acf[1:lag].min())
        if acf[lag] - dip < min_prominence or acf[2 * lag - 1 : 2 * lag + 2].max() < min_acf * 0.7:
            continue
        for divisor in (4, 3, 2):
            near = int(round(lag / divisor))
            if near >= min_lag and acf[near - 2 : near + 3].max() >= 0.8 * acf[lag]:
                lag = near - 2 + int(np.argmax(acf[near - 2 : near + 3]))
                break
        multiple = max(1, top // lag)
        around = lag * multiple
        best = around - 2 + int(np.argmax(acf[around - 2 : around + 3]))
        left, centre, right = acf[best - 1], acf[best], acf[best + 1]
        curvature = left - 2 * centre + right
        # the parabola's top, within half a point of the peak: where the peak is the window's edge
        # (or the ACF is float noise, a perfectly straight loss), the parabola may open far away,
        # even to a negative period
        offset = min(0.5, max(-0.5, 0.5 * (left - right) / curvature)) if curvature < 0 else 0.0
        return (best + offset) / multiple
    return None


_PAIRS: dict[int, np.ndarray] = {}
_FFT_LENGTHS: dict[int, int] = {}


def _fft_length(n: int) -> int:
    """An FFT length for the autocorrelation of ``n`` points at lags below n // 2: zero padding to
    n + n // 2 keeps every such lag free of the circular wrap (a lag k needs n + k), and the
    smallest length made of factors 2, 3 and 5 from there is fast (a scan of a full ring: 5760
    points, 20% less time than padding to 2n)."""
    found = _FFT_LENGTHS.get(n)
    if found is None:
        if len(_FFT_LENGTHS) > 64:
            _FFT_LENGTHS.clear()
        found = n + n // 2
        while not _smooth(found):
            found += 1
        _FFT_LENGTHS[n] = found
    return found


def _smooth(length: int) -> bool:
    for factor in (2, 3, 5):
        while length % factor == 0:
            length //= factor
    return length == 1


def _pairs(n: int) -> np.ndarray:
    """n - lag for lags 0 .. n // 2 - 1, as floats (a scan of a full ring has the same n every
    time: made once)."""
    found = _PAIRS.get(n)
    if found is None:
        if len(_PAIRS) > 64:
            _PAIRS.clear()
        found = _PAIRS[n] = (n - np.arange(n // 2)).astype(np.float64)
    return found
