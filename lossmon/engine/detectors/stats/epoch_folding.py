"""Epoch folding, for stuck_periodic when the log says which epoch each point belongs to.

Each finished epoch's log-loss, minus a continuous trend (the parabola whose means over the two
epochs before it and its own are theirs; a line over the second epoch, which has one before it),
is binned by position in the epoch; its profile is compared with the previous epoch's. The noise
of a bin mean is measured as the change between consecutive profiles, so autocorrelated noise
cannot pass for a pattern. Cost: O(1) per point to collect, O(bins) per epoch, and the epochs that
end in one run of points are profiled all at once.
"""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.stats.blocks import MAD_TO_SIGMA
from lossmon.engine.detectors.stats.periodic import Comparison
from lossmon.engine.detectors.stats.vector import row_medians


class EpochFolding:
    """Profiles of finished epochs, each compared with the previous one."""

    def __init__(self, bins: int = 10, min_correlation: float = 0.7) -> None:
        self.bins, self.min_correlation = bins, min_correlation
        self.min_points = 2 * bins  # shorter epochs cannot be profiled
        self.epoch = math.nan  # the epoch in progress (NaN: none seen yet)
        self._current: list[np.ndarray] = []  # log-losses of the epoch in progress, in pieces
        self._kept_epochs = 0  # finished epochs long enough to fold
        self._last_means = (math.nan, math.nan)  # mean log-loss of the two latest of them, older first
        self._previous_profile: np.ndarray | None = None

    @property
    def started(self) -> bool:
        return not math.isnan(self.epoch)

    def forget_profile(self) -> None:
        self._previous_profile = None

    def update(self, logs: np.ndarray, epochs: np.ndarray) -> list[Comparison]:
        """The epochs that end in this run of points are profiled all at once (a log may have
        thousands of short epochs: no Python work per epoch but for the verdicts)."""
        previous = np.concatenate(([self.epoch], epochs[:-1]))
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
        if math.isnan(self.epoch):
            ends, event_at = ends[1:], event_at[1:]
        self.epoch = float(epochs[changes[-1]])
        carried = sum(len(piece) for piece in self._current)
        values = np.concatenate([*self._current, logs[finite]]) if carried else logs[finite]
        tail = values[carried + kept[changes[-1]] :]
        self._current = [tail] if len(tail) else []
        if not len(ends):
            return []
        ends = ends + carried  # offsets into ``values``
        starts = np.concatenate(([0], ends[:-1]))
        lengths = ends - starts
        long_enough = lengths >= self.min_points
        if not long_enough.any():
            return []
        starts, lengths, event_at = starts[long_enough], lengths[long_enough], event_at[long_enough]
        means, profiles, noises = _epoch_statistics(values, starts, lengths, self._last_means, self.bins)
        self._last_means = (float(np.r_[self._last_means, means][-2]), float(means[-1]))
        return self._compare(profiles, noises, event_at)

    def _keep(self, part: np.ndarray) -> None:
        if len(part):
            self._current.append(part)

    def _compare(self, profiles, noises, event_at) -> list[Comparison]:
        """Each epoch's profile against the previous epoch's, in order."""
        first_ever = self._kept_epochs == 0
        self._kept_epochs += len(profiles)
        if first_ever:  # the first epoch has no epoch before it: no profile
            profiles, noises, event_at = profiles[1:], noises[1:], event_at[1:]
        if not len(profiles):
            return []
        last = profiles[-1]
        if self._previous_profile is None:  # the first profile has nothing to compare with
            before = profiles[:-1]
            profiles, noises, event_at = profiles[1:], noises[1:], event_at[1:]
        else:
            before = np.concatenate((self._previous_profile[None, :], profiles[:-1]))
        self._previous_profile = last
        if not len(profiles):
            return []
        # The change between consecutive profiles measures a bin mean's noise as it really is
        # (autocorrelated noise makes bin means far noisier than the point-to-point jitter says).
        change = np.sqrt(np.add.reduce((profiles - before) ** 2, axis=1) / self.bins / 2.0)
        noises = np.maximum(noises, change)
        agree = _correlations(before, profiles) > self.min_correlation
        with np.errstate(divide="ignore", invalid="ignore"):
            amplitudes = np.where(noises > 0, _stds(profiles) / noises, 0.0)
        return [
            Comparison(int(event_at[k]), agrees, profiles[k], noise, "epoch", amplitude)
            for k, (agrees, amplitude, noise) in enumerate(zip(agree.tolist(), amplitudes.tolist(), noises.tolist()))
        ]


def _epoch_statistics(values: np.ndarray, starts: np.ndarray, lengths: np.ndarray, last_means: tuple, bins: int):
    """For each epoch ``values[start:start + length]``: its mean, its binned residual against the
    trend whose epoch means are the two previous epochs' and its own, and a bin mean's noise from
    point-to-point jitter. ``last_means`` are the means of the two epochs before the first (NaN:
    none).

    Epochs of one length are computed together, as the rows of one matrix (a row reduces exactly
    as the epoch alone would), so the cost does not grow with the number of epochs."""
    count = len(starts)
    means = np.empty(count)
    profiles = np.empty((count, bins))
    noises = np.empty(count)
    for n in sorted(set(lengths.tolist())):  # (np.unique imports numpy.ma: 20-40 ms of a check)
        rows = np.flatnonzero(lengths == n)
        epoch = values[starts[rows, None] + np.arange(n)]
        means[rows] = np.add.reduce(epoch, axis=1) / n
        # Robust noise of single points, from first differences (insensitive to a slow pattern).
        jumps = np.abs(np.diff(epoch, axis=1))
        noises[rows] = row_medians(jumps) * MAD_TO_SIGMA / math.sqrt(2) / math.sqrt(max(n / bins, 1))
    before = np.concatenate((last_means[1:], means[:-1]))
    # The trend's curvature, from the second difference of the means of the two epochs before and
    # this one (0 without a second epoch before): a line leaves the bend of a fast-falling early
    # loss in every epoch's residual, a shape that hides a weak pattern (or mimics one).
    earlier = np.concatenate((last_means, means[:-2]))[: len(means)]
    curvature = np.nan_to_num((earlier + means - 2 * before) / 2.0)
    for n in sorted(set(lengths.tolist())):
        rows = np.flatnonzero(lengths == n)
        epoch = values[starts[rows, None] + np.arange(n)]
        position = (np.arange(n) + 0.5) / n - 0.5  # -0.5..0.5 across the epoch, 0 at its centre
        mean = means[rows, None]
        bend = curvature[rows, None]
        # a parabola a + b x + c x^2 whose means over the epochs at x = -1 and 0 are the means
        # (an epoch's mean of it is its value at the centre plus c / 12)
        residual = epoch - (mean - bend / 12 + (mean - before[rows, None] + bend) * position + bend * position**2)
        bin_of = np.arange(n) * bins // n
        index = (bin_of + bins * np.arange(len(rows))[:, None]).ravel()
        sums = np.bincount(index, residual.ravel(), bins * len(rows)).reshape(len(rows), bins)
        profiles[rows] = sums / np.bincount(bin_of, minlength=bins)
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
