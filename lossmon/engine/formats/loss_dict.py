"""A dict of losses printed after its label: ``Losses {'ner': 172.95}`` (spaCy's ``nlp.update``
losses, printed per batch or per epoch), ``Epoch 3, Losses {'tagger': 1.2, 'parser': 3.4}``,
``loss: {"total": 0.52, "kl": 0.01}``.

The label says what the keys are: each key is a loss (a pipeline component, a term of the
objective) whatever its name, so the series is marked a loss through its attributes. A step word
before the dict (``Epoch 3``, ``Iteration 12``, ``step 40``) steps the record; without one,
records are counted.

spaCy's ``nlp.update(..., losses=losses)`` adds each batch's loss into the dict, so a dict printed
per batch is a running sum over the epoch: it only grows, and falls back when the script starts
a new dict. Such a series is marked ``running_sum`` (its rise is no divergence) for as long as it
behaves like one: a fall that is not a restart (to under half the sum) clears the mark, as for
per-epoch totals printed once an epoch.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pairs import message_pairs
from lossmon.engine.naming import is_step_word
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

_LABEL = re.compile(r"(?<![\w.])(?i:loss(?:es)?)[ \t]*+:?[ \t]*+(?=\{)")
_PAIR = re.compile(rf"(?P<q>['\"])(?P<name>[^'\"]{{1,80}})(?P=q)[ \t]*+:[ \t]*+(?P<v>['\"]?)(?P<value>{VALUE})(?P=v)(?=[ \t]*+[,}}])")
RESTART_RATIO = 0.5  # a running sum that falls under half its value started again
_WHOLE = re.compile(rf"\{{[ \t]*+(?:['\"][^'\"]{{1,80}}['\"][ \t]*+:[ \t]*+['\"]?{VALUE}['\"]?[ \t]*+,?[ \t]*+)++\}}[ \t]*+$")


class LossDictParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._sums: dict[str, tuple[float, bool]] = {}  # key → (last value, still a running sum)

    def _mark(self, out: RecordBuilder, metrics: dict[str, float]) -> None:
        for name, value in metrics.items():
            last = self._sums.get(name)
            if last is None:
                self._sums[name] = (value, True)
                out.set_attrs(name, kind="loss", running_sum=True)
                continue
            previous, summing = last
            if summing and value < previous and not value < RESTART_RATIO * previous:
                summing = False
                out.set_attrs(name, running_sum=False)
            self._sums[name] = (value, summing)

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        label = _LABEL.search(text)
        if label is None:
            return False
        start = label.end()
        if _WHOLE.match(text, start) is None:  # the dict ends the line and holds only numbers
            return False
        metrics: dict[str, float] = {}
        for match in _PAIR.finditer(text, start):
            metrics.setdefault(match.group("name"), to_float(match.group("value")))
        if not metrics:
            return False
        step = next((pair.value for pair in message_pairs(text[: label.start()]) if is_step_word(pair.name)), None)
        self._mark(out, metrics)
        # No spans: no template reads these lines in bulk, since each value must pass _mark.
        return self.emit(out, line, step, metrics) or True


class LossDict(Format):
    id = "loss_dict"
    title = "A dict of losses after its label (spaCy's printed losses)"
    example = "Epoch 3, Losses {'ner': 5699.395666003227}"
    anchor = r"(?<![\w.])(?i:loss(?:es)?)[ \t]*+:?[ \t]*+\{[ \t]*+['\"][^'\"]{1,80}['\"][ \t]*+:[ \t]*+['\"]?[-+.\d]"
    anchored = False
    parser = LossDictParser
