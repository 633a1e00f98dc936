"""Block statistics of a log-scale series, for the trend rules (not converging, plateau).

Points are grouped in blocks of ``size`` finite values; for each finished block: the mean of
log(value), and a robust spread (the median absolute deviation from the block's mean, x1.4826:
it sees noise and any bouncing inside the block, and ignores a lone spike). Windows of ``history`` blocks
then give the progress (first half mean minus second half mean) and the swing of the series
around its trend, and whether it bounces. Everything is computed for all blocks of a call at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from lossmon.engine.detectors.stats.vector import row_medians

MAD_TO_SIGMA = 1.4826
WIDE_SWING = 0.3  # a spread of 0.3 in log: the loss swings by about +-35%
WANDER = 0.1  # block means wandering by +-10% about the window's line ...
WANDER_NOISES = 4.0  # ... and 4x what the noise of the points allows


@dataclass(slots=True)
class Blocks:
    """Finished blocks of one call: per block, stats and the index of its last point."""

    means: np.ndarray
    noise: np.ndarray
    ends: np.ndarray  # index into the call's points of each block's last point
    first: int  # number of blocks finished before this call

    def __len__(self) -> int:
        return len(self.means)


class BlockStats:
    def __init__(self, size: int, history: int) -> None:
        self.size, self.history = size, history
        self._partial = np.empty(0)  # values of the unfinished block
        self._means = np.empty(0)  # the last ``history - 1`` finished blocks
        self._noise = np.empty(0)
        self.count = 0  # finished blocks

    def add(self, logs: np.ndarray, where: np.ndarray) -> Blocks:
        """Add finite log values (``where``: their point indices); returns the finished blocks."""
        carried = len(self._partial)
        values = np.concatenate((self._partial, logs))
        full = len(values) // self.size * self.size
        self._partial = values[full:]
        grid = values[:full].reshape(-1, self.size)
        means = grid.mean(axis=1)
        if full:
            centre = means[:, None]  # the mean, not the median: one partition per block, not two
            noise = row_medians(np.abs(grid - centre)) * MAD_TO_SIGMA
        else:
            noise = np.empty(0)
        # A block finished in this call ends with one of this call's points.
        ends = where[np.arange(self.size - 1, full, self.size) - carried]
        blocks = Blocks(means, noise, ends, self.count)
        self.count += len(means)
        return blocks

    def windows(self, blocks: Blocks) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """For each new block with a full window of ``history`` blocks ending at it: (index of the
        block in ``blocks``, progress, bouncing, swing, later). Progress is the fall of the mean
        log value from the window's first half (its mean) to its second (``later``); swing is the spread of the points
        around the window's trend (within-block spread and the scatter of block means about a
        line); bouncing says whether the series bounces (see below)."""
        means = np.concatenate((self._means, blocks.means))
        noise = np.concatenate((self._noise, blocks.noise))
        keep = max(0, len(means) - (self.history - 1))  # the last history - 1 blocks, or all there are
        self._means, self._noise = means[keep:], noise[keep:]
        if len(means) < self.history:
            empty = np.empty(0)
            return np.empty(0, np.int64), empty, empty, empty, empty
        window_means = sliding_window_view(means, self.history)
        window_noise = sliding_window_view(noise, self.history)
        half = self.history // 2
        later = window_means[:, half:].mean(axis=1)
        progress = window_means[:, :half].mean(axis=1) - later
        x = np.arange(self.history) - (self.history - 1) / 2.0
        slope = window_means @ x / (x @ x)
        centred = window_means - window_means.mean(axis=1, keepdims=True) - np.outer(slope, x)
        scatter = np.sqrt((centred**2).sum(axis=1) / (self.history - 2))
        within = row_medians(window_noise)
        swing = np.sqrt(within**2 + scatter**2)
        # Bouncing: the points swing widely, or the block means wander far more than noise lets
        # them (a mean of ``size`` points has 1/sqrt(size) of a point's noise).
        bouncing = (swing >= WIDE_SWING) | (
            (scatter >= WANDER) & (scatter >= WANDER_NOISES * within / np.sqrt(self.size))
        )
        index = np.arange(len(blocks))[len(blocks) - len(window_means) :]
        return index, progress, bouncing, swing, later
