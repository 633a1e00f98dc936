"""An accuracy frozen low: the signature of a model that predicts the same class for every input.

A classifier whose output does not depend on its input (it predicts the class frequencies, or
one class) scores the same accuracy at every evaluation: the frequency of the class it picks,
never better than the majority class. Its loss settles at the cross-entropy of that constant
guess, at or above the labels' entropy, which is below ln(k) when the classes are unbalanced (a
Keras run of 10 classes flat at 2.17 < ln 10 = 2.303, acc 0.1933-0.1939 for 15 epochs). So the
loss alone names no chance level there; the accuracy does.

Readings are the accuracy's values where it changes: a value carried over by a log that
evaluates less often than it logs the loss counts once, never once per loss point (a held-out
accuracy that repeats exactly is not counted as frozen here: too little evidence). Frozen: the
last ``readings`` readings within ``hair`` (a few thousandths, in the accuracy's units) of each
other (a hard task's accuracy that rises slowly, 0.064-0.074 over 10 epochs at 0.07, is not);
low: their median no better than a coin (1/2, the best chance 1/k there is) and no better than
the first reading (no rise since the run started), both up to ``hair``. A healthy run's
accuracy stops moving too once it converges, but high (0.99) and after rising; a hard task's
accuracy that rises slowly leaves the band.

O(readings) state and work per point.
"""

from __future__ import annotations

import math
import re
from collections import deque
from dataclasses import dataclass

from lossmon.engine.detectors.stats.few import median
from lossmon.engine.detectors.stats.task_score import is_accuracy

# A language model's token accuracy is over a vocabulary of thousands of tokens: 0.39 is far above
# its chance, and a model that predicted one token for every input would score a few percent.
_OVER_TOKENS = re.compile(r"tok", re.I)


def over_classes(name: str) -> bool:
    """Is the series an accuracy over a classifier's classes (not a language model's tokens)?"""
    return is_accuracy(name) and not _OVER_TOKENS.search(name)


def beats_any_constant_guess(loss: float, accuracy: float) -> bool:
    """Is a cross-entropy ``loss`` lower than any input-independent guess with this ``accuracy``
    (a fraction) could score? Such a guess scores at least the labels' entropy, which is at least
    -ln(p_max), the majority class's frequency: at least ``accuracy`` (the class it picks) and at
    least 1 - ``accuracy`` otherwise (the others share what is left). A loss below that (0.5% of
    rounding aside) is no constant predictor's: a regression's meaningless "accuracy" (Keras acc
    0.119 for 40 epochs while its MSE sits at 0.025), or a loss that is no cross-entropy."""
    return loss < -0.995 * math.log(max(accuracy, 1.0 - accuracy))


@dataclass(slots=True)
class FrozenLow:
    """An accuracy frozen low at a point: its band over the last readings, where they started."""

    level: float  # median of the readings
    low: float  # their lowest ...
    high: float  # ... and highest value
    first: float  # the accuracy's first reading
    since: int  # the point (counted over the segment) of the first of those readings


class FrozenLowAccuracy:
    """Fed one accuracy value per point (NaN: none yet), says at each point whether the accuracy
    is frozen low (module docstring). Values above 1 are taken as percent (the scale of the
    hair and of the coin's 1/2)."""

    def __init__(self, readings: int = 10, hair: float = 0.005) -> None:
        self.hair = hair
        self._readings: deque[tuple[float, int]] = deque(maxlen=readings)  # (value, point)
        self._first = math.nan
        self.scale = 1.0  # 100 for an accuracy in percent

    def update(self, value: float, point: int) -> FrozenLow | None:
        """The accuracy's value at a point (numbered over the segment), or None while it is not frozen low."""
        if not math.isfinite(value):
            return None
        if math.isnan(self._first):
            self._first = value
        if value > 1.0:
            self.scale = 100.0  # an accuracy in percent
        if not self._readings or self._readings[-1][0] != value:
            self._readings.append((value, point))
        if len(self._readings) < (self._readings.maxlen or 0):
            return None
        values = [reading for reading, _ in self._readings]
        low, high, level = min(values), max(values), median(values)
        hair = self.hair * self.scale
        if high - low > hair or level > 0.5 * self.scale + hair or level > self._first + hair:
            return None
        return FrozenLow(level, low, high, self._first, self._readings[0][1])
