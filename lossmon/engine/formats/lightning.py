"""PyTorch Lightning's progress bar (metrics in the postfix of ``\\r`` frames) and NeMo's
progress printer. Lightning's CSVLogger ``metrics.csv`` is read by the table format."""

from __future__ import annotations

import re
from collections import deque

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pairs import find_pairs, message_pairs
from lossmon.engine.records import RecordBuilder

MAX_NAMES = 4096  # names remembered per log (a bound: a hostile bar may show a new name in every frame)

# "Epoch 3:  40%|████      | 2/5 [00:00<00:00, 96.78it/s, v_num=7, train_loss=nan.0, val_acc=0.900]"
_BAR = re.compile(r"^Epoch (\d+):\s+\d+%\|[^|]*\|\s*(\d+)/(\d+) \[(?P<inside>[^\]]*)\]")
# Epoch-level values (validation metrics, *_epoch) stay in the postfix for the whole epoch: only
# a change is a new point.
_HELD = re.compile(r"(?:^|[_/])(?:val|valid|validation|test)|_epoch$", re.I)
# A name first shown by the frame that ends an epoch (its count at the total) was logged at the
# epoch's end (``self.log(..., on_step=False, on_epoch=True)`` in training_step: "train_loss=0.706"
# joins the 28/28 frame after validation) and is held the same way, whatever it is called.


# Bar frames held until a line that is no bar says what they were; past this many with no such
# line, the bars are the records (a live log shows them with at most this lag)
MAX_WAITING_FRAMES = 256


class LightningBarParser(LineParser):
    """A bar's postfix is a running figure when the script also logs the same names on lines of
    its own (a print or a logger in ``training_step``): those lines are the records, and the
    frames are not. The frames wait for the next line that is no bar and logs their names: they
    are dropped (and so are those names in later frames). Frames no such line came for are the
    records (a log whose only loss is in its bars): at the end of the input, or once too many
    wait."""

    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._held: dict[str, float] = {}
        self._shown_names: set[str] = set()  # every name a frame has shown
        self._epoch_end_names: set[str] = set()  # names first shown at an epoch's last count
        self._waiting: deque = deque()  # (line, step, metrics) of frames not yet settled
        self._line_names: set[str] = set()  # names real lines log (lower case): frames showing them are no records
        self._bars_are_records = False  # decided when many frames came and no line logged their names
        self._bar_names: set[str] = set()  # names the frames show, once they are the records
        # The last frame, held until a frame at another count or a line that is no bar comes: a
        # frame at the same count redraws its point (see parse)
        self._redrawn_frame: tuple[int, float, dict[str, float], bool] | None = None  # (+ moved the count only)
        self._last_frame_values: dict[str, float] | None = None  # of the frame handed on before it

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _BAR.match(text)
        if match is None:
            if self._redrawn_frame is not None:
                self._take_frame(out, *self._redrawn_frame[:3])
                self._last_frame_values, self._redrawn_frame = self._redrawn_frame[2], None
            if self._waiting:
                self._settle(out, {pair.name.lower() for pair in message_pairs(text)})
            elif self._bars_are_records and any(name in text.lower() for name in self._bar_names):
                # lines that log the bars' names came late: from here on they are the records
                names = {pair.name.lower() for pair in message_pairs(text)} & self._bar_names
                self._line_names.update(names)
                self._bar_names.difference_update(names)
            return False
        epoch, done, total = (int(match.group(i)) for i in (1, 2, 3))
        metrics = {}
        for pair in find_pairs(match.group("inside")):
            if pair.name not in self._shown_names and len(self._shown_names) < MAX_NAMES:
                self._shown_names.add(pair.name)
                if done == total:
                    self._epoch_end_names.add(pair.name)
            if pair.name in self._epoch_end_names or _HELD.search(pair.name):
                previous = self._held.get(pair.name)
                if previous is not None and (previous == pair.value or previous != previous and pair.value != pair.value):
                    continue
                self._held[pair.name] = pair.value
            metrics[pair.name] = pair.value
        if self._line_names:
            metrics = {name: value for name, value in metrics.items() if name.lower() not in self._line_names}
            if not metrics:
                return True
        # Lightning may draw a training step twice: the count moves on with the last step's
        # postfix ("296/3999 [..., train_total_loss=7.520]"), then the postfix is set to this
        # step's values ("296/3999 [..., train_total_loss=4.700]"); and the end of an epoch draws
        # its last count again with the validation values. A frame at the same count as the one
        # before it redraws that point when that one only moved the count on (its values were the
        # frame's before it) or when it repeats that one's values: it takes its place, one record.
        step = epoch * total + done
        held = self._redrawn_frame
        if held is not None and held[1] == step and (held[3] or _lightning_same_values(held[2], metrics)):
            held[2].update(metrics)
            self._redrawn_frame = (line, step, held[2], held[3])
            return True
        if held is not None:
            self._take_frame(out, *held[:3])
            self._last_frame_values = held[2]
        moved_on = self._last_frame_values is not None and _lightning_same_values(metrics, self._last_frame_values)
        self._redrawn_frame = (line, step, metrics, moved_on)
        return True

    def _take_frame(self, out: RecordBuilder, line: int, step: float, metrics: dict[str, float]) -> None:
        """A frame no later frame redrew: a record, or one waiting to be settled."""
        if self._line_names:
            metrics = {name: value for name, value in metrics.items() if name.lower() not in self._line_names}
            if not metrics:
                return
        if self._bars_are_records:
            self._bar_names.update(name.lower() for name in metrics)
            self.emit(out, line, step, metrics)
            return
        self._waiting.append((line, step, metrics))
        if len(self._waiting) > MAX_WAITING_FRAMES:
            self._bars_are_records = True
            self._bar_names.update(name.lower() for _, _, held in self._waiting for name in held)
            self._emit_waiting(out)

    def _settle(self, out: RecordBuilder, names: set[str]) -> None:
        shared = {name.lower() for _, _, metrics in self._waiting for name in metrics if name.lower() in names}
        if not shared:
            # a line that logs none of their names (a warning, "Learning Rate: 0.001000" before the
            # epoch's own line) says nothing about the frames: they wait for one that does
            return
        self._line_names.update(shared)
        while self._waiting:
            line, step, metrics = self._waiting.popleft()
            if self._line_names:
                metrics = {name: value for name, value in metrics.items() if name.lower() not in self._line_names}
            if metrics:
                self.emit(out, line, step, metrics)

    def finish(self, out: RecordBuilder) -> None:
        """End of input: frames no line contradicted are the records."""
        if self._redrawn_frame is not None:
            self._take_frame(out, *self._redrawn_frame[:3])
            self._redrawn_frame = self._last_frame_values = None
        self._emit_waiting(out)

    def _emit_waiting(self, out: RecordBuilder) -> None:
        while self._waiting:
            self.emit(out, *self._waiting.popleft())


def _lightning_same_values(values: dict[str, float], other: dict[str, float]) -> bool:
    """True when every value of ``values`` is the one ``other`` holds under its name (NaN as NaN)."""
    for name, value in values.items():
        again = other.get(name)
        if again is None or (again != value and (again == again or value == value)):
            return False
    return True


class LightningBar(Format):
    id = "lightning_bar"
    title = "PyTorch Lightning progress bar (postfix metrics)"
    example = "Epoch 3:  40%|████      | 2/5 [00:00<00:00, 96.78it/s, v_num=7, train_loss=0.512, val_acc=0.900]"
    anchor = r"^Epoch \d+:\s+\d+%\|[^|]*\|\s*\d+/\d+ \["
    parser = LightningBarParser


# NeMo 2 ProgressPrinter:
# "Training epoch 0, iteration 100/999 | lr: 0.0003 | global_step: 100 | reduced_train_loss: 5.123 | ..."
_NEMO = re.compile(r"^(?:(?P<train>Training) epoch (\d+), iteration|(?P<val>Validation): iteration) (\d+)/(\d+)")
_NEMO_FIELD = re.compile(r"\| (?P<name>[^|:]+?): (?P<value>[^|\s]+)\s*(?=\||$)")


class NemoParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _NEMO.match(text)
        if match is None:
            return False
        metrics, spans = {}, {}
        step = step_span = None
        for field in _NEMO_FIELD.finditer(text, match.end()):
            found = find_pairs(f"x: {field.group('value')}")  # the value, read like any other
            if not found:
                continue
            name = field.group("name")
            if name == "global_step":
                step, step_span = found[0].value, field.span("value")
                continue
            metrics[name] = found[0].value
            spans[name] = field.span("value") if found[0].end - found[0].start == len(field.group("value")) else None
        if match.group("val") is not None:
            return self.emit(out, line, self.last_step, metrics) or True
        if step is None:
            step = int(match.group(2)) * int(match.group(5)) + int(match.group(4))
        usable = step_span is not None and all(spans.values())
        self.emit(out, line, step, metrics, spans if usable else None, step_span=step_span)
        return True


class Nemo(Format):
    id = "nemo"
    title = "NeMo progress printer"
    example = (
        "Training epoch 0, iteration 100/999 | lr: 0.0003 | global_batch_size: 512 | global_step: 100 | "
        "reduced_train_loss: 5.123 | train_step_timing in s: 1.235 | consumed_samples: 51712"
    )
    anchor = r"^(?:Training epoch \d+, iteration|Validation: iteration) \d+/\d+ \|"
    parser = NemoParser
