"""Where a run's x axes come from when they are not series: a few (step, x) anchors per block of
lines, never a value per record.

Per block that yielded records, up to ``SAMPLES_PER_BLOCK`` record lines (evenly spread, the first
and last among them; ``SAMPLES_LATER`` once the run has ``FEW_ANCHORS``) are read again for

* the timestamp that starts the line (:mod:`~lossmon.engine.timestamps`);
* a cumulative counter the parsers leave out of the series because it is no metric: tokens
  (``consumed tokens``, ``num_input_tokens_seen``, ``total_tokens``...), samples (Megatron's
  ``consumed samples``) and elapsed time (modded-nanogpt's ``train_time:...ms``, LLaMA-Factory's
  ``"elapsed_time": "0:02:12"``).

Before the first record, the header is searched for nanoGPT's ``tokens per iteration will be: N``
and Megatron's ``seq_length ........ N`` (consumed samples × N are tokens).
While following (a clock is given), each batch's last step is anchored at the time it was read;
what was already in the file when following began (the backlog) is all at the time following
caught up, so a finished log read at once has no read-time axis.

Each kind keeps at most ``MAX_ANCHORS`` anchors: when full, every other one is dropped and later
ones are taken at half the rate, so the cost per line is O(1) and the memory is bounded. A kind
that none of the first ``GIVE_UP`` sampled lines carried is not looked for again.
"""

from __future__ import annotations

import re

import numpy as np

from lossmon.engine.timestamps import LineClock

SAMPLES_PER_BLOCK = 16  # while a run has fewer than FEW_ANCHORS anchors (a short log: one block)
FEW_ANCHORS = 64
SAMPLES_LATER = 4  # then: a long log has many blocks, and each sample costs ~20 us
MAX_ANCHORS = 256  # even
GIVE_UP = 64
STAMP_LOOKBACK = 3  # lines above a record whose stamp it may carry (OLMo: the record's header line)

# A counter's value after its name: found by str.find per name (C speed), then matched there; one
# regex of every name would be tried at each offset of the line.
_VALUE = re.compile(
    r"""['"]?\s*+[:=]\s*+['"]?(\d[\d,]*+(?:\.\d++)?(?:[eE][+-]?\d++)?(?::\d\d){0,2})(ms|s|sec|min|h)?\b"""
)
_KIND = {
    "consumed tokens": "tokens", "consumed_tokens": "tokens", "num_input_tokens_seen": "tokens",
    "total_tokens": "tokens", "train_tokens": "tokens", "tokens_seen": "tokens",
    "consumed samples": "samples", "consumed_samples": "samples", "consumed_train_samples": "samples",
    "samples_seen": "samples", "train_time": "elapsed", "elapsed_time": "elapsed", "_runtime": "elapsed",
    "elapsed": "elapsed", "wall_time": "elapsed", "walltime": "elapsed",
    "_timestamp": "elapsed", "timestamp": "elapsed",  # W&B and JSONL: seconds since 1970 (ms if huge)
}
_DEFAULT_MS = frozenset({"train_time"})  # modded-nanogpt writes the unit; its record logs do too
_UNIT = {"ms": 1e-3, "s": 1.0, "sec": 1.0, "min": 60.0, "h": 3600.0}
_TOKENS_PER_STEP = re.compile(rb"tokens per iteration will be: ?([\d,]+)")
_SEQ_LENGTH = re.compile(rb"(?m)^\s*seq_length \.{3,} (\d+)\s*$")  # Megatron's arguments dump


class Anchors:
    """(step, x) pairs with increasing steps and non-decreasing x, at most ``limit`` of them
    (plus the latest)."""

    __slots__ = ("steps", "xs", "limit", "_stride", "_skipped", "tail", "backwards", "rising")

    def __init__(self, limit: int = MAX_ANCHORS) -> None:
        self.steps: list[float] = []
        self.xs: list[float] = []
        self.limit = limit
        self._stride = 1
        self._skipped = 0
        self.tail: tuple[float, float] | None = None
        self.backwards = 0  # x went down while the step went up: not a cumulative counter
        self.rising = 0  # x went up with the step

    def add(self, step: float, x: float) -> None:
        if self.tail is not None:
            if step <= self.tail[0]:
                return  # the same step again, or a resumed run going back: its first time is kept
            if x < self.tail[1]:
                self.backwards += 1
                return
            self.rising += x > self.tail[1]
        self.tail = (step, x)
        self._skipped += 1
        if self._skipped < self._stride:
            return
        self._skipped = 0
        self.steps.append(step)
        self.xs.append(x)
        if len(self.steps) >= self.limit:  # (an even limit) the last one kept is a stride back
            del self.steps[1::2], self.xs[1::2]
            self._skipped = self._stride
            self._stride *= 2

    def __len__(self) -> int:
        return len(self.steps) + (self.tail is not None and (not self.steps or self.tail[0] != self.steps[-1]))

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        steps, xs = list(self.steps), list(self.xs)
        if self.tail is not None and (not steps or steps[-1] != self.tail[0]):
            steps.append(self.tail[0])
            xs.append(self.tail[1])
        return np.array(steps, dtype=np.float64), np.array(xs, dtype=np.float64)


class Timeline:
    """One run's anchors for the time and tokens axes (see the module's docstring)."""

    def __init__(self) -> None:
        self.stamps = Anchors()
        self.read = Anchors()
        self.counters: dict[str, Anchors] = {}  # "tokens", "samples", "elapsed"
        self.tokens_per_step: float | None = None
        self._clock = LineClock()
        self._stamp_misses = 0
        self._counter_misses = 0
        self._counter_samples = 0
        self._seen_names: set[str] = set()
        self._names: dict[str, str] | None = None  # the names looked for, once the log showed its own
        self.header_done = False
        self.seq_length: float | None = None
        self._caught_up = False
        self._backlog: list[float] = []  # first and last step read before following caught up

    # Input ----------------------------------------------------------------------------------

    def observe(self, block, batch, now: float | None = None) -> None:
        """A block of lines and the records parsed from it; ``now``: when it was read, while
        following."""
        if not len(batch):
            return
        if now is not None:
            self._observe_read(batch, now)
        if block is None:
            return
        if not self.header_done:
            self.header(block)
            self.header_done = True  # the header is before the first record
        looking_for_stamps = len(self.stamps) > 0 or self._stamp_misses < GIVE_UP
        looking_for_counters = bool(self.counters) or self._counter_misses < GIVE_UP
        if not (looking_for_stamps or looking_for_counters):
            return
        count = len(block.newlines) + 1
        known = max([len(self.stamps), *map(len, self.counters.values())])
        for row in _sample(len(batch), SAMPLES_PER_BLOCK if known < FEW_ANCHORS else SAMPLES_LATER):
            index = int(batch.lines[row]) - block.first
            step = float(batch.steps[row])
            if not 0 <= index < count or step != step:
                continue
            text = block.line(index)
            if looking_for_stamps:
                seconds = self._clock.time(text)
                for before in range(index - 1, max(-1, index - 1 - STAMP_LOOKBACK), -1):
                    if seconds is not None:
                        break
                    seconds = self._clock.time(block.line(before))  # a record under a stamped header
                if seconds is None:
                    self._stamp_misses += 1
                else:
                    self.stamps.add(step, seconds)
            if looking_for_counters:
                self._observe_counters(step, text)

    def header(self, block) -> None:
        """A block before the first record (or the one holding it): nanoGPT's tokens per
        iteration, Megatron's sequence length (samples × it are tokens)."""
        found = _TOKENS_PER_STEP.search(block.data)
        if found is not None:
            self.tokens_per_step = float(found.group(1).replace(b",", b"")) or None
        found = _SEQ_LENGTH.search(block.data)
        if found is not None:
            self.seq_length = float(found.group(1)) or None

    def _observe_counters(self, step: float, text: str) -> None:
        found = False
        lower = text.lower()
        if self._names is None and self._counter_samples >= GIVE_UP:
            self._names = {name: _KIND[name] for name in self._seen_names}  # a log keeps its names
        self._counter_samples += 1
        for name, kind in (self._names or _KIND).items():
            at = lower.find(name)
            if at < 0 or (at and lower[at - 1].isalnum()):
                continue
            match = _VALUE.match(text, at + len(name))
            value = _counter_value(name, match.group(1), match.group(2)) if match is not None else None
            if value is None:
                continue
            self.counters.setdefault(kind, Anchors()).add(step, value)
            self._seen_names.add(name)
            found = True
        if not found:
            self._counter_misses += 1

    def _observe_read(self, batch, now: float) -> None:
        steps = batch.steps[np.isfinite(batch.steps)]
        if not len(steps):
            return
        if self._caught_up:
            self.read.add(float(steps[-1]), now)
        else:
            self._backlog = [self._backlog[0] if self._backlog else float(steps[0]), float(steps[-1])]

    def caught_up(self, now: float) -> None:
        """Following read everything written so far: from now on, lines are read as they come.
        The backlog is placed at this time."""
        if self._caught_up:
            return
        self._caught_up = True
        for step in self._backlog:
            self.read.add(step, now)

    # Output ---------------------------------------------------------------------------------

    def time_anchors(self) -> tuple[np.ndarray, np.ndarray, str] | None:
        """(steps, seconds since the first anchor, source): an elapsed-time counter, else the
        lines' timestamps, else when they were read ("counter", "stamps", "read"); None when none
        spans any time."""
        elapsed = self.counter_anchors("elapsed")
        if elapsed is not None:
            return elapsed[0], elapsed[1] - elapsed[1][0], "counter"
        for source, anchors in (("stamps", self.stamps), ("read", self.read)):
            if len(anchors) >= 2:
                steps, xs = anchors.arrays()
                if xs[-1] > xs[0]:
                    return steps, xs - xs[0], source
        return None

    def counter_anchors(self, kind: str) -> tuple[np.ndarray, np.ndarray] | None:
        """A cumulative counter's anchors: it never went down and rose at most logged points."""
        anchors = self.counters.get(kind)
        if anchors is None or len(anchors) < 2 or anchors.backwards > 0 or anchors.rising * 2 < len(anchors) - 1:
            return None
        steps, xs = anchors.arrays()
        return (steps, xs) if xs[-1] > xs[0] else None


def _sample(rows: int, count: int) -> list[int]:
    """``count`` rows evenly spread, the first and the last among them."""
    if rows <= count:
        return list(range(rows))
    step = (rows - 1) / (count - 1)
    return sorted({round(k * step) for k in range(count)})


def _counter_value(name: str, text: str, unit: str | None) -> float | None:
    try:
        if ":" in text:  # h:mm:ss or m:ss
            value = 0.0
            for part in text.split(":"):
                value = value * 60 + float(part)
            return value
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    if unit:
        return value * _UNIT[unit.lower()]
    if name.endswith("timestamp") and value > 1e11:  # milliseconds since 1970
        return value * 1e-3
    return value * 1e-3 if name in _DEFAULT_MS else value
