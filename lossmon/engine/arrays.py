"""A numpy array that grows by doubling, so that appending is O(1) amortized."""

from __future__ import annotations

import mmap

import numpy as np

# Capacity this big is mapped from the kernel directly (anonymous memory): its pages cost memory
# only once written, whole 4 KiB pages rather than the 2 MiB ones numpy asks for its own large
# arrays (a doubled array is half empty), and a replaced array goes back to the kernel at once.
# Left to malloc, the arrays a growing series drops raise its threshold for mapping memory, and
# the next ones land on the heap, which does not shrink: 15-25 MB more at 1M records x 4 metrics.
# 64 KiB, not 1 MiB: history.raise_malloc_threshold has malloc keep up to 2 MB on its heap, and a
# series' arrays up to 1 MiB each (old and doubled copies side by side) set the heap's high-water
# mark early in a big log, 3-4 MB above what the blocks need later (issue 18).
MAPPED_BYTES = 1 << 16


def empty(capacity: int, dtype) -> np.ndarray:
    """An uninitialised array, mapped from the kernel when it is big (see MAPPED_BYTES)."""
    dtype = np.dtype(dtype)
    if capacity * dtype.itemsize < MAPPED_BYTES:
        return np.empty(capacity, dtype)
    return np.frombuffer(mmap.mmap(-1, capacity * dtype.itemsize), dtype, count=capacity)


class GrowableArray:
    __slots__ = ("_data", "_size")

    def __init__(self, dtype, capacity: int = 256) -> None:
        self._data = empty(capacity, dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def extend(self, values: np.ndarray) -> None:
        need = self._size + len(values)
        if need > len(self._data):
            grown = empty(max(need, 2 * len(self._data)), self._data.dtype)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size : need] = values
        self._size = need

    @property
    def view(self) -> np.ndarray:
        """The filled part (a view: valid until the next extend)."""
        return self._data[: self._size]

    @property
    def nbytes(self) -> int:
        return self._data.nbytes
