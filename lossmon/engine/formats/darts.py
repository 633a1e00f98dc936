"""DARTS-style search and training logs (quark0/darts' train_search.py and train.py, and the NAS
code built on them: PC-DARTS, P-DARTS, SDARTS, DARTS-, the NAS-Bench-201 search scripts). Every
``report_freq`` steps a pass prints, through Python logging, its batch number within the epoch,
its running mean loss (``%e``) and its running top-1 and top-5 accuracies, with no names:

    05/31 03:17:18 PM epoch 0 lr 2.498816e-02
    05/31 03:17:18 PM train 000 2.345711e+00 6.250000 54.687500
    05/31 03:17:37 PM train 050 2.092995e+00 21.292892 73.621323
    05/31 03:20:16 PM train_acc 30.920000
    05/31 03:20:16 PM valid 000 1.599697e+00 43.750000 84.375000

Read as ``train_loss``, ``train_top1``, ``train_top5`` and ``valid_loss``, ``valid_top1``,
``valid_top5`` (the names of the ``train_acc``/``valid_acc`` lines the epoch ends with, which the
generic reader takes). The batch number starts over each epoch; the step counts batches across
epochs: an epoch that starts over adds the last number of the one before plus one report
interval. A validation pass's reports are running means over the batches it has seen: its last
one, when the pass ends, is the pass's record, at the step the training reached.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

_LINE = re.compile(
    rf"^(?P<pass>train|valid|test)[ ]++(?P<batch>\d{{3,}}+)[ ]++(?P<loss>{VALUE})[ ]++"
    rf"(?P<top1>{VALUE})[ ]++(?P<top5>{VALUE})[ \t]*+$"
)


class DartsParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._last_batch = -1  # the training pass's last batch number
        self._interval = 1  # between two of its reports
        self._offset = 0  # batches of the epochs before this one
        self._step = 0
        self._pass: tuple[int, dict[str, float]] | None = None  # a held-out pass's last report so far

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _LINE.match(text)
        if match is None or match.group("pass") == "train":
            self._end_pass(out)
        if match is None:
            return False
        split, batch = match.group("pass"), int(match.group("batch"))
        values = {f"{split}_{name}": to_float(match.group(name)) for name in ("loss", "top1", "top5")}
        values = {name: value for name, value in values.items() if value is not None}
        if split != "train":
            # running means over the pass so far: its last report is the pass's (held till it ends)
            self._pass = (line, values)
            return True
        if batch <= self._last_batch:
            self._offset += self._last_batch + self._interval  # a new epoch's counter
        elif self._last_batch >= 0:
            self._interval = batch - self._last_batch
        self._last_batch = batch
        self._step = self._offset + batch
        # (no spans: a template would read the lines like it without the epochs' step offsets)
        self.emit(out, line, float(self._step), values)
        return True

    def finish(self, out: RecordBuilder) -> None:
        self._end_pass(out)

    def _end_pass(self, out: RecordBuilder) -> None:
        if self._pass is not None:
            line, values = self._pass
            self._pass = None
            self.emit(out, line, float(self._step), values)


class Darts(Format):
    id = "darts"
    title = "DARTS-style search/training log (pass, batch, loss, top-1, top-5)"
    example = "05/31 03:17:18 PM train 000 2.345711e+00 6.250000 54.687500"
    anchor = rf"^(?:train|valid|test)[ ]++\d{{3,}}+[ ]++{VALUE}[ ]++{VALUE}[ ]++{VALUE}[ \t]*+$"
    parser = DartsParser
