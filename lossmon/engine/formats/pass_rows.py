"""The lines a held-out pass prints batch by batch (``Valid | Epoch 1 | 2/3 | Loss 0.22``): running
figures of the pass, or the loss of each batch?

A progress meter (dora/flashy's LogProgress, the denoiser's) prints the pass's average so far, and
its summary line then repeats one of them, the last or the best: ``Valid | Epoch 1 | 25/25 | Loss
3.00888`` then ``Valid Summary | End of Epoch 1 | Valid Loss 3.00888``. A plain print in the batch
loop (``print(f"Validating epoch: {e}/{n}\\t{i}/{m}\\tloss: {loss.item()}")``) prints each batch's
own loss, and the summary is their mean, none of them: ``Validating epoch: 0/200  19/20  loss:
1.98422...`` then ``Epoch0 Validating Loss: 1.97029...``, the mean of the pass's 20 lines. So the
rows are held until a summary says which: records (those held and every later one) when it is
their mean and none of them, nothing when it repeats one; otherwise they stay unread, as before,
and the next summary decides.
"""

from __future__ import annotations

from collections import deque

from lossmon.engine.naming import kind_of

MAX_HELD_ROWS = 4096  # rows held before the first summary (the oldest go first)


def _decimals(text: str, span: tuple[int, int]) -> int:
    """Digits after the point of the value printed at ``span`` (0 for an integer)."""
    token = text[span[0] : span[1]]
    point = token.find(".")
    if point < 0:
        return 0
    digits = 0
    for char in token[point + 1 :]:
        if not char.isdigit():
            break
        digits += 1
    return digits


def _losses(text: str, metrics: dict[str, float], spans: dict) -> list[tuple[float, int]]:
    """(value, decimals printed) of each loss of a line."""
    return [
        (value, _decimals(text, spans[name]) if name in spans else 0)
        for name, value in metrics.items()
        if kind_of(name) == "loss"
    ]


def _same(a: tuple[float, int], b: tuple[float, int]) -> bool:
    """The same number printed to different precision (3.00888 and 3.0089; 0.22 and 0.2213)."""
    return abs(a[0] - b[0]) <= 10.0 ** -min(a[1], b[1])


def _mean_of(summary: tuple[float, int], mean: float, decimals: int) -> bool:
    """The summary is the mean of the rows (to the precision printed; a float32 sum drifts in the
    7th digit: 1.97029769 for a mean of 1.97029750)."""
    return abs(summary[0] - mean) <= max(10.0 ** -min(summary[1], decimals), 1e-5 * abs(mean))


class PassRows:
    """The decision, and the rows held until it: None (no summary yet), True (the rows are the
    batches' losses: records), False (running figures: none)."""

    def __init__(self) -> None:
        self.batches: bool | None = None
        self._rows: deque = deque(maxlen=MAX_HELD_ROWS)  # (record, names, losses) in line order

    def hold(self, text: str, record, names: tuple[str, ...]) -> None:
        """Keep a row of the pass (``record`` as generic's parser emits it) until a summary."""
        self._rows.append((record, names, _losses(text, record[2], record[3])))

    def waiting(self) -> bool:
        return self.batches is None and bool(self._rows)

    def decide(self, text: str, metrics: dict[str, float], spans: dict) -> list:
        """A summary line's held-out losses: the rows to release as records (maybe none)."""
        summary = _losses(text, metrics, spans)
        if not summary:
            return []
        rows, self._rows = list(self._rows), deque(maxlen=MAX_HELD_ROWS)
        if any(_same(mine, theirs) for _, _, losses in rows for theirs in losses for mine in summary):
            self.batches = False  # it repeats one of them: they were the running figure
            return []
        columns = {len(losses) for _, _, losses in rows}
        if len(columns) != 1:
            return []
        for column in range(columns.pop()):
            values = [losses[column] for _, _, losses in rows]
            mean = sum(value for value, _ in values) / len(values)
            decimals = min(digits for _, digits in values)
            if any(_mean_of(mine, mean, decimals) for mine in summary):
                self.batches = True
                return rows
        return []
