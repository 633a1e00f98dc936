"""Any other log of ``name=value``, ``name: value``, ``name:value`` or ``name value`` pairs,
behind any logging prefix (removed before the line gets here).

Config dumps, argument tables and echoed source code also hold ``name = number`` text, so a line
shape (its tuple of names) only counts as metrics once it repeats with changing values: the
first occurrences are held back and released together when the shape is seen for the third
time with a value that changed. A shape that shares a name with an accepted shape, or that
prints its step under the same name as one, is accepted at once. A name is also accepted on its
own once it was seen on three lines with a changing value or step, whatever else those lines
held: ``step=N loss=X key_<random>=Y``, with another extra key on every line, is a new shape on
every line but still a loss series.

Context is carried across lines (issue 12, classes 3 and 6): the last step a line printed (a
header such as ``Training epoch: 3``, ``[step=1/2500,epoch=0]``, ``EPOCH 1 of 30`` or
``-----4------``) is the step of the lines after it that print none, so ``    train/loss=11.33``
under a header is a record at the header's step, and a final evaluation without a step stays at
the last step seen instead of being numbered 1, 2, 3. A line with a single metric needs such a
step to count at all; before any step, a line needs two metrics.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pairs import FOREIGN_EPOCH_WORDS, FOREIGN_STEP_WORDS, message_pairs
from lossmon.engine.naming import is_metric_name, kind_of
from lossmon.engine.records import RecordBuilder

# Names of the step a line prints, best first; without one, "epoch" steps the line.
STEP_NAMES = (
    "step", "global_step", "iteration", "iter", "it", "steps", "update", "num_updates", "Step", "Iter", "Iteration",
    *FOREIGN_STEP_WORDS,
)
_EPOCH_NAMES = frozenset(["epoch", *FOREIGN_EPOCH_WORDS])
_STEP_NAMES_LOWER = {name.lower(): rank for rank, name in enumerate(STEP_NAMES)}
# A line that is only a number between rules: a block header ("-----4------", "==== 12 ====").
# (The logging prefix may have taken the leading dashes: "0------" is left of "-----0------".)
_RULED_NUMBER = re.compile(r"\s*+(?:[-=*#~]{3,}+ *+)?(\d++) *+[-=*#~]{3,}+\s*+")
REPEATS_TO_ACCEPT = 3
MAX_HELD_SHAPES = 256
MAX_PAIRS = 200  # a line with more pairs is a dump (a config, a tensor), not a metrics line
MAX_TRACKED_NAMES = 4096  # names counted on their own (a bound: names may differ on every line)


class KeyValueParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._accepted: set[tuple[str, ...]] = set()
        self._accepted_names: set[str] = set()
        self._held: dict[tuple[str, ...], list[tuple[int, float | None, dict, dict, tuple | None]]] = {}
        self._accepted_step_names: set[str] = set()
        self._context_step: float | None = None  # the last step a line printed
        self._name_counts: dict[str, tuple[int, float | None, float, bool]] = {}  # lines, first step, first value, changed

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        found = message_pairs(text)
        if not found:
            if "-" in text or "=" in text or "*" in text or "#" in text or "~" in text:
                ruled = _RULED_NUMBER.fullmatch(text)
                if ruled is not None:
                    self._context_step = float(ruled.group(1))
            return False
        if len(found) > MAX_PAIRS:
            return False
        metrics = {pair.name: pair.value for pair in found}
        spans = {pair.name: (pair.start, pair.end) for pair in found}
        step_name = _step_name(metrics)
        step = metrics.pop(step_name) if step_name else None
        step_span = spans.pop(step_name) if step_name else None
        if step_name is None:
            epoch_name = next((name for name in metrics if name.lower() in _EPOCH_NAMES), None)
            if epoch_name is not None:  # stepped by epoch: it stays a series too
                step_name, step, step_span = "epoch", metrics[epoch_name], spans[epoch_name]
        if step is not None:
            self._context_step = step
        names = tuple(name for name in metrics if is_metric_name(name))
        if not names:
            return False
        if all(name.lower() in _EPOCH_NAMES for name in names):
            return True  # a header ("Training epoch: 3", "[step=1/2500,epoch=0]"): its step is context
        if (
            step is None and len(names) < 2 and (self._context_step is None or not _only_pairs(text, found))
            and not _bar_description(text, found)
        ):
            return False  # one number in a sentence ("Checkpoint saved (loss 2.3)") is not a record
        if step is None:
            step = self._context_step  # under a header, or after the last stepped record
        record = (line, step, metrics, spans, step_span)
        if (
            names in self._accepted
            or self._accepted_names.intersection(names)
            or (step_name is not None and step_name in self._accepted_step_names)
        ):
            self._accept(names, step_name)
            for earlier in self._held.pop(names, ()):  # held before a kin shape was accepted
                self._emit(out, earlier)
            return self._emit(out, record)
        if self._count_names(names, step, metrics):
            self._accept(names, step_name)
            self._release_sharing(out)
            return self._emit(out, record)
        held = self._held.get(names)
        if held is None:
            if len(self._held) >= MAX_HELD_SHAPES:
                return False
            held = self._held[names] = []
        held.append(record)
        if len(held) >= REPEATS_TO_ACCEPT and _changing(held):
            self._accept(names, step_name)
            for record in self._held.pop(names):
                self._emit(out, record)
        elif len(held) > 8 * REPEATS_TO_ACCEPT:
            del held[: -REPEATS_TO_ACCEPT]  # a constant echo: keep only the latest few
        return True

    def _emit(self, out: RecordBuilder, record) -> bool:
        line, step, metrics, spans, step_span = record
        self.emit(out, line, step, metrics, spans, step_span=step_span)
        return True

    def finish(self, out: RecordBuilder) -> None:
        """End of input: a shape seen on two lines with a changing value is a short series, and
        so is a single line that prints its step and two losses (a run that crashed after its
        first eval: "step 0: train loss 12.65 BPC, val loss 12.65 BPC"; a first print of GAN
        losses: "(epoch: 1, iters: 20, ...) G_GAN: 2.283 G_L1: 33.917 D_real: ..."). A
        configuration line holds no step beside its losses' weights."""
        for names, held in list(self._held.items()):
            if len(held) == 1 and held[0][1] is not None and held[0][4] is not None and _two_losses(names):
                self._accept(names)
                self._emit(out, self._held.pop(names)[0])
                continue
            if len(held) >= 2 and _changing(held):
                self._accept(names)
                for record in self._held.pop(names):
                    self._emit(out, record)

    def _count_names(self, names: tuple[str, ...], step: float | None, metrics: dict) -> bool:
        """Count each name on its own; True when one of them has become a series (three lines,
        and its value or the step changed)."""
        counts = self._name_counts
        accepted = False
        for name in names:
            value = metrics[name]
            seen = counts.get(name)
            if seen is None:
                if len(counts) < MAX_TRACKED_NAMES:
                    counts[name] = (1, step, value, False)
                continue
            lines, first_step, first_value, changed = seen
            changed = changed or step != first_step or not (value == first_value)
            counts[name] = (lines + 1, first_step, first_value, changed)
            accepted |= lines + 1 >= REPEATS_TO_ACCEPT and changed
        return accepted

    def _release_sharing(self, out: RecordBuilder) -> None:
        """Held shapes that share a name with an accepted one are series too: release them."""
        for names in [names for names in self._held if self._accepted_names.intersection(names)]:
            self._accept(names)
            for record in self._held.pop(names):
                self._emit(out, record)

    def _accept(self, names: tuple[str, ...], step_name: str | None = None) -> None:
        if names not in self._accepted:
            self._accepted.add(names)
            self._accepted_names.update(names)
        if step_name is not None:
            self._accepted_step_names.add(step_name)


_GLUE = re.compile(r"[\s,;:|=\-]*+")


def _only_pairs(text: str, found) -> bool:
    """True when nothing but the pairs and glue stand in the text (a value line under a header)."""
    position = 0
    for pair in found:
        if not _GLUE.fullmatch(text, position, pair.at):
            return False
        position = max(position, pair.stop)
    return _GLUE.fullmatch(text, position) is not None


_BAR_AFTER = re.compile(r"[:\s]*+\d{1,3}%\|")


def _bar_description(text: str, found) -> bool:
    """True when the pairs are a progress bar's description: nothing but them before the bar
    (``train loss: 0.5321: 100%|██████| 100/100 [00:22<00:00]``), data, not a sentence."""
    return _BAR_AFTER.match(text, found[-1].stop) is not None and _GLUE.fullmatch(text, 0, found[0].at) is not None


def _step_name(metrics: dict[str, float]) -> str | None:
    """The name of the step among a line's pairs (``step``, ``Iteration``, ``EPOCH`` is not one:
    the epoch steps a line only without a finer step)."""
    best = None
    for name in metrics:
        rank = _STEP_NAMES_LOWER.get(name.lower())
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, name)
    return best[1] if best else None


_NOT_A_LOSS_VALUE = re.compile(r"weight|coef|lambda|scale|ratio|alpha|beta|gamma|factor", re.I)


def _two_losses(names: tuple[str, ...]) -> bool:
    return sum(kind_of(name) == "loss" and _NOT_A_LOSS_VALUE.search(name) is None for name in names) >= 2


def _changing(held) -> bool:
    """True when the held lines are a series: some value or the step changes."""
    first_step, first_metrics = held[0][1], held[0][2]
    return any(step != first_step or metrics != first_metrics for _, step, metrics, _, _ in held[1:])


class KeyValue(Format):
    id = "key_value"
    title = "Generic name=value / name: value / name:value / name value lines"
    example = "2024-01-01 12:00:00,123 - __main__ - INFO - step=10 loss=0.5123 lr=0.0003"
    anchor = r"(?!)"  # never detected by anchor: it is the fallback for unrecognised lines
    parser = KeyValueParser
