"""Rows of a table whose columns drifted from its header.

Runs appended to one CSV under the header the first run wrote: a later run logs two more columns
(28 cells under a 26-name header), or one column fewer and one more at the end, so every cell
stands one column left of its name. Read by position, such a row puts each value under the wrong
name (the entropy read as ``v_loss``). A row like that is re-read by its values instead: it is
laid on the header at a few offsets (cells added or missing at its start), and in at most two
pieces (cells added or missing part-way), and the layout where most cells agree with their
column's last value (same sign, same order of magnitude) wins, a break between pieces costing a
few agreements. What falls outside the layout is left out; a row that agrees poorly in every
layout is skipped, never shifted.
"""

from __future__ import annotations

import math

MIN_ALIGNED = 0.5  # of the header's columns: fewer anchored cells and the row is skipped
MAX_CELLS_PRODUCT = 4096  # cells × columns: wider rows are skipped (the alignment costs that much)
MAGNITUDES = 1.5  # decades two values of one column may differ by and still "agree"


def agree(value: float | None, last: float | None) -> bool:
    """Could ``value`` be the next value of a column whose last value was ``last``?"""
    if value is None or last is None or math.isnan(value) or math.isnan(last):
        return False
    if value == last:
        return True
    if value == 0 or last == 0 or (value < 0) != (last < 0) or math.isinf(value) or math.isinf(last):
        return False
    return abs(math.log10(abs(value) / abs(last))) <= MAGNITUDES


MAX_SHIFT = 3  # cells added or missing before a piece of the row
BREAK_COST = 3  # agreements a break between two pieces must win to be taken


def align(values: list[float | None], last: list[float | None]) -> list[int] | None:
    """For each cell, the index of its column (-1: left out), or None when the row does not fit.

    A piece at offset ``d`` puts cell ``i`` in column ``i - d``. With ``p`` the first cell of the
    second piece: cells added part-way (``d2 > d1``) are the ``d2 - d1`` cells from ``p`` on,
    left out; columns missing part-way (``d2 < d1``) are skipped. O(offsets² × cells)."""
    rows, cols = len(values), len(last)
    if not rows or not cols or rows * cols > MAX_CELLS_PRODUCT:
        return None
    shifts = range(-MAX_SHIFT, MAX_SHIFT + 1)
    sums = {}  # offset → agreements of cells [0, i) at that offset, for each i
    for d in shifts:
        total, running = [0], 0
        for i, value in enumerate(values):
            j = i - d
            running += 0 <= j < cols and agree(value, last[j])
            total.append(running)
        sums[d] = total
    best = max((sums[d][rows], d, d, rows) for d in shifts)
    score, first, second, cut = best
    agreeing_cells = score  # of the layout taken, before a break's cost: on a tie, more cells agreeing wins
    # A row shorter than its header (a later run that logs a few of its columns) has few
    # agreements to give: a break costs it less, so its two pieces can still win over one
    # shifted piece
    break_cost = BREAK_COST if rows >= cols else min(BREAK_COST, max(1, rows // 4))
    for d1 in shifts:
        for d2 in shifts:
            if d1 == d2:
                continue
            head, tail = sums[d1], sums[d2]
            added = max(0, d2 - d1)
            for p in range(1, rows - added):
                agreeing = head[p] + tail[rows] - tail[p + added]
                got = agreeing - break_cost
                if got > score or (got == score and agreeing > agreeing_cells):
                    score, first, second, cut, agreeing_cells = got, d1, d2, p, agreeing
    if score < max(2, math.ceil(MIN_ALIGNED * min(cols, rows))):  # (a row shorter than its header: of its cells)
        return None
    placed = []
    for i in range(rows):
        if i < cut:
            j = i - first
        elif i < cut + max(0, second - first):
            j = -1  # added part-way
        else:
            j = i - second
        placed.append(j if 0 <= j < cols else -1)
    # A cell that does not agree is read by its position only between cells that do, or where
    # the row's end meets the header's: past the last agreeing cell of a row longer than the
    # header, nothing says which column the rest belongs to.
    agreeing = [i for i, j in enumerate(placed) if j >= 0 and agree(values[i], last[j])] or [0]
    head_pinned = first == 0
    tail_pinned = rows - second == cols
    for i in range(rows):
        if (i < agreeing[0] and not head_pinned) or (i > agreeing[-1] and not tail_pinned):
            placed[i] = -1
    return placed


KEEP_LAYOUT = 0.75  # of its placed cells: a layout that still agrees this well is kept


class Realigner:
    """:func:`align` for the rows of one drifted table. Rows of one run share a layout: the last
    layout found for a row's width is tried first, in one pass over the row, and searched for
    again only when it no longer agrees (the next run's rows)."""

    def __init__(self) -> None:
        self._layouts: dict[int, list[int]] = {}

    def place(self, values: list[float | None], last: list[float | None]) -> list[int] | None:
        layout = self._layouts.get(len(values))
        if layout is not None and len(last) > max(layout, default=-1):
            placed = [j for j in layout if j >= 0]
            agreeing = sum(agree(value, last[j]) for value, j in zip(values, layout) if j >= 0)
            if placed and agreeing >= KEEP_LAYOUT * len(placed):
                return layout
        layout = align(values, last)
        if layout is not None:
            self._layouts[len(values)] = layout
        return layout
