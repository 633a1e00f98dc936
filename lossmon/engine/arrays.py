"""A numpy array that grows by doubling, so that appending is O(1) amortized."""

from __future__ import annotations

import numpy as np


class GrowableArray:
    __slots__ = ("_data", "_size")

    def __init__(self, dtype, capacity: int = 256) -> None:
        self._data = np.empty(capacity, dtype=dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def extend(self, values: np.ndarray) -> None:
        need = self._size + len(values)
        if need > len(self._data):
            grown = np.empty(max(need, 2 * len(self._data)), dtype=self._data.dtype)
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
