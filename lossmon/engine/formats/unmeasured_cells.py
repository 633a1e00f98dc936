"""Loss cells of a table that hold a fill value (0, -1) where nothing was measured.

A table writes every column in every row, so a script that evaluates now and then fills the
held-out loss of the other rows with something: often 0 ("step,train_loss,val_loss,lr" rows
whose val_loss is 0.000000 until the first epoch ends, "because nothing has been measured yet").
Read as a loss, that 0 is a perfect model. A loss can reach 0 for real (a hinge loss, a solved toy
task), so a 0 is dropped only with evidence, row by row as the table is read:

- the training loss of the same row is far from 0 (a model that far from fitting its training
  data does not score exactly 0 on held-out data), and
- the column has measured nothing yet (a run's first evaluation is never a loss of 0), or what it
  measured is all far from 0 (a real loss comes close to 0 before it gets there).

A 0 that is kept counts as measured: the zeros after it are values too.

Some scripts fill with -1 instead, in every loss column (pandas' ``fillna(-1)``: "validation_loss,
loss,reconstruction_loss,kl_loss,epoch,step" with 500 validation rows whose train losses read -1.0,
and 40 train rows whose validation_loss does). A loss of exactly -1 in a column that has never held
a negative value is that fill: a loss that can be negative (a negative cosine similarity, a
log-likelihood) shows other negative values, and it keeps its -1.
"""

from __future__ import annotations

import math

from lossmon.engine.naming import kind_of, split_of

# A loss at or above this is far from 0: a cross-entropy of 0.1 still gives the right answers
# about 0.9 of their probability, five orders of magnitude above a 0.000000 written with 6 places.
FAR_FROM_ZERO = 0.1


class UnmeasuredZeros:
    """Which loss cells of a row are fill values (see the module's doc); one per header."""

    def __init__(self, columns: list[str]) -> None:
        losses = [kind_of(name) == "loss" for name in columns]
        # loss column index -> it held a negative value other than a -1 fill
        self._negative: dict[int, bool] = {i: False for i, loss in enumerate(losses) if loss}
        self._train = [i for i, name in enumerate(columns) if losses[i] and split_of(name) == "train"]
        # column index -> the smallest measured |value| so far (None: nothing measured yet)
        self._held_out: dict[int, float | None] = {
            i: None for i, name in enumerate(columns) if losses[i] and split_of(name) in ("val", "test")
        }

    def fill_cells(self, values: list[float | None]) -> list[int]:
        """The indices of the row's loss cells that are fill values, not losses."""
        fills = self._minus_one_fills(values)
        if fills:  # (a -1 fill is no measurement for the zero rule either)
            values = [None if i in fills else value for i, value in enumerate(values)]
        return fills + self._zero_fills(values)

    def _minus_one_fills(self, values: list[float | None]) -> list[int]:
        fills = []
        for index, negative in self._negative.items():
            value = values[index] if index < len(values) else None
            if value is None or math.isnan(value) or value >= 0.0:
                continue
            if value == -1.0 and not negative:
                fills.append(index)
            else:
                self._negative[index] = True
        return fills

    def _zero_fills(self, values: list[float | None]) -> list[int]:
        if not self._held_out or not self._train:
            return []
        train = [values[i] for i in self._train if i < len(values) and values[i] is not None and math.isfinite(values[i])]
        far = bool(train) and max(train) >= FAR_FROM_ZERO
        fills = []
        for index, smallest in self._held_out.items():
            value = values[index] if index < len(values) else None
            if value is None or math.isnan(value):
                continue
            if value == 0.0 and far and (smallest is None or smallest >= FAR_FROM_ZERO):
                fills.append(index)
            else:
                self._held_out[index] = abs(value) if smallest is None else min(smallest, abs(value))
        return fills
