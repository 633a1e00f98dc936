"""Keras 2 and 3 progress output, verbose 1 (progress-bar frames) and verbose 2 (a line per epoch).

The step of a line is ``(epoch - 1) * batches_per_epoch + batch``, from the ``Epoch e/E``
header and the ``batch/total`` counter. Keras shows the running mean of the epoch so far, which
restarts every epoch: series from verbose-1 frames are marked ``epoch_running_average`` so that
detectors do not mistake the resulting sawtooth for a periodic loss.

A frame before the epoch's end is a running figure of the epoch. When the epoch ends with a
summary (its final frame: the time it took rather than an ETA, or its validation values), that
summary is the epoch's record and the frames before it are not records; that is the case in a
capture without a tty, where every update is a line of its own ("2048/9454 [=====>....] - ETA:
33s - loss: 6.9103" ... "9454/9454 [======] - 33s 3ms/step - loss: 6.5302 - val_loss: 6.2844"),
and with the \r frames of a terminal alike. An epoch's frames wait for its end (a bounded
queue); when an epoch ends with no summary (a bar of the batch's own loss, a Keras 3 fit without
validation), its frames are the records, and from then on they are taken as they come.
"""

from __future__ import annotations

import re
from collections import deque

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pairs import pairs
from lossmon.engine.records import RecordBuilder

# The epoch header, also as console output pasted into markdown shows it: a heading or a quote
# ("# Epoch 1/20" in a README that quotes a fit). A notebook exported to markdown quotes a cell's
# output with the output's own indentation after the marker (">     Epoch 1/10", ">       200/36409
# [....] - ETA: 7s - loss: ..."): a quote marker may be followed by any run of blanks.
_QUOTE = r"(?:#{1,6} |>[ \t]++)"
# Full bars kept to tell a replayed epoch (see KerasParser.parse): one per epoch of a fit
_MAX_EPOCHS_KEPT = 100_000
_EPOCH = re.compile(rf"^{_QUOTE}?Epoch (\d+)/(\d+)\s*$")
# Keras 3 writes its bar with "=" where stdout cannot encode "━" (a Windows console, a redirect
# there: "35/35 ==================== 42s 899ms/step - loss: 0.8803"), with no brackets: such a bar
# is taken only before the ETA or the time, and the time per step, that Keras 3 prints after it.
_ASCII_BAR = r"=++(?= \d++(?:s|:\d\d(?::\d\d)?+) \d++(?:s|ms|us)/)"
_PROGRESS = re.compile(rf"^(?:>[ \t])?\s*(\d+)/(\d+) (?P<bar>\[[=>.]*\]|━+|{_ASCII_BAR}|- \d)")
# A callback's message run into the frame it interrupted (Keras 1 printed it with no newline
# first): "... - acc: 0.9426Epoch 00001: val_loss improved from 0.14276 to 0.09296, saving ...".
_GLUED_CALLBACK = re.compile(r"(?<=\d)Epoch \d++: ")
# A callback's message on its own line ("Epoch 1: val_loss improved from inf to 1.55716, saving
# model to mymodel.h5", "Epoch 00005: ReduceLROnPlateau reducing learning rate to ...").
_CALLBACK = re.compile(rf"{_QUOTE}?Epoch \d++: ")
# Keras 1's verbose=2 line at an epoch's end: the time it took, then the epoch's figures, no batch
# counter ("225s - loss: 0.2062 - acc: 0.9412 - val_loss: 0.1095 - val_acc: 0.9716"). Taken only
# under an "Epoch e/E" header: its step is that epoch.
_EPOCH_END = re.compile(r"^(?:>[ \t])?\s*(?:- )?\d+s - (?=[A-Za-z_])")
# The test score a notebook prints after its fit, from what model.evaluate() returned ("Test loss:
# 3.2883", "Test Loss (MSE): 37.29", glued to the fit's History repr in a saved notebook:
# "<keras.callbacks.History at 0x7fd1...>Test loss:  0.0258 , accuracy: 0.991"): the final
# model's score, as evaluate()'s own bar is (no held-out curve).
_FINAL_TEST = re.compile(r"(?:^|>)[ \t]*+(?i:test)[ _](?i:loss|accuracy|acc|mse|mae)\b")
MAX_RUNNING_FRAMES = 4096  # frames of one epoch held until its end (beyond: the oldest are taken)


class KerasParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.epoch = 1  # 1-based, from the "Epoch e/E" header when there is one
        self._last_batch = 0
        self._headers = False  # the log prints "Epoch e/E" headers
        self._epoch_done = False  # the epoch under the last header has printed its last batch
        self._fit_total = 0  # batches per epoch of the fit
        self._held: tuple[int, float, dict[str, float]] | None = None  # the epoch's last frame, maybe not final
        self._running: deque = deque()  # (line, step, metrics) of the epoch's frames before its end
        self._summaries = False  # an epoch ended with a summary: frames are running figures
        self._frames_are_records = False  # an epoch ended without one: frames are the records
        self._epoch_closed = False  # the epoch under its header printed its record
        self._held_surely_frame = False  # the held frame shows time left, not time taken
        self._epoch_total: int | None = None  # the batches of the epoch under the last header, once a bar showed them
        self._record_pace: float | None = None  # seconds per step of the last epoch's record
        self._held_pace: float | None = None  # ... of the held frame
        self._last_full: str | None = None  # the text of the latest full bar
        self._previous = ""  # the line before
        self._echo: tuple[str, int] | None = None  # a full bar printed again, waiting for the next line
        self._full_of: dict[int, str] = {}  # the first full bar under each epoch's header
        self._top_epoch = -1  # the highest epoch a full bar was read under

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        # A notebook's saved output may repeat each epoch's final line after the next header, then
        # that header again ("Epoch 2/10", epoch 1's line once more, "Epoch 2/10", epoch 2's line):
        # the copy is no record of epoch 2. Held one line: only the header printed again tells.
        if self._echo is not None:
            echo, echo_line = self._echo
            self._echo = None
            header = _EPOCH.match(text)
            if header is None or int(header.group(1)) != self.epoch:
                self._parse(echo, echo_line, out)
        elif text == self._last_full and _EPOCH.match(self._previous) is not None:
            self._echo = (text, line)
            return True
        elif text == self._last_full and text == self._previous:
            return True  # (the same full bar twice in a row, times and all: one line saved twice)
        elif self.epoch < self._top_epoch and self._full_of.get(self.epoch) == text:
            # Colab replays a cell's output from its start: "Epoch 2/200" again after epoch 9, and
            # epoch 2's line again, times and all (a rerun takes other times): no new record
            self._previous = text
            return True
        taken = self._parse(text, line, out)
        self._previous = text
        return taken

    def _parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if self._held is not None and _CALLBACK.match(text) is None:
            progress = _PROGRESS.match(text)
            keras_line = progress is not None or _EPOCH.match(text) is not None
            full = progress is not None and int(progress.group(1)) == int(progress.group(2)) == self._fit_total
            if (keras_line or not self._held_surely_frame) and not full:
                self._epoch_without_summary(out)
                self._release(out)  # (the last frame of an epoch is overtaken only by its final one)
            elif full and not self._held_surely_frame and self._trains(text[progress.end() :], self._held_pace):
                # the held line showed the epoch's time, and this full bar took as long: the
                # epoch's record, then another fit's epoch (no header), not its final line
                self._release(out)
                self._epoch_closed = self._headers
        header = _EPOCH.match(text)
        if header:
            self._epoch_without_summary(out)
            self.epoch = int(header.group(1))
            self._last_batch = 0
            self._headers, self._epoch_done, self._epoch_closed = True, False, False
            self._epoch_total = None
            return True
        progress = _PROGRESS.match(text)
        if not progress:
            epoch_end = _EPOCH_END.match(text) if self._headers else None
            if epoch_end is None:
                if self._headers and (self._epoch_done or self._epoch_closed) and _FINAL_TEST.search(text):
                    return self._final_test(text, line, out)
                return False
            self.emit(out, line, self.epoch, pairs(text[epoch_end.end() :]))
            return True
        batch, total = int(progress.group(1)), int(progress.group(2))
        if batch == total:
            self._last_full = text
            if self._headers and len(self._full_of) < _MAX_EPOCHS_KEPT:
                self._full_of.setdefault(self.epoch, text)
                self._top_epoch = max(self._top_epoch, self.epoch)
        if self._headers and not self._epoch_done and self._epoch_total not in (None, total):
            # another bar inside an epoch under way, no header between: the fit was stopped there
            # (Ctrl+C in a notebook, then predict() or evaluate()); its frames are what they were
            # (running figures, in a log whose epochs end with a summary), and this bar is the
            # evaluation's
            if self._summaries:
                self._running.clear()
            self._epoch_without_summary(out)
            self._epoch_done = True
        if self._epoch_done and total == self._fit_total and self._epoch_closed and self._trains(text[progress.end() :]):
            # as many batches at the pace of training, not of an evaluation (forward passes only:
            # a third of the time per step or less): another fit's epoch, its header not printed
            # (a notebook's second fit of 1 epoch, 310s 164ms/step after epochs at 178ms/step)
            self.epoch += 1
            self._last_batch, self._epoch_done, self._epoch_closed = 0, False, False
        if self._epoch_done and (total != self._fit_total or self._epoch_closed):
            # a bar over another number of batches after the epoch's last one and before the next
            # "Epoch" header: model.evaluate() ("313/313 [===] - 1s - loss: 0.29" after epochs of
            # 1875), test results at the last step; or over as many batches, once the epoch's own
            # record was printed (evaluate() on the training data, or on a set as large)
            if batch == total:
                self._emit_final({f"test/{name}": value for name, value in pairs(text[progress.end() :]).items()}, line, out)
            return True
        self._epoch_total = total
        values = text[progress.end() :]
        glued = _GLUED_CALLBACK.search(values) if "Epoch " in values else None
        if glued is not None:
            if batch < total:
                # the epoch's callbacks run at its end: this frame was overtaken by the epoch's
                # last one, on the next line, which is its record (its counter still tells a
                # new epoch began)
                if batch < self._last_batch:
                    self.epoch += 1
                self._last_batch = batch
                return True
            values = values[: glued.start()]
        if self._headers and batch == total:
            self._epoch_done = True
        if batch == total:
            self._fit_total = total
        if batch < self._last_batch:
            self.epoch += 1  # no header between: a counter that starts over is a new epoch
            self._epoch_without_summary(out)
        self._last_batch = batch
        metrics = pairs(values)
        verbose_1 = not progress.group("bar").startswith("-")
        step = (self.epoch - 1) * total + batch
        if verbose_1 and batch < total and not _final(progress.group("bar"), values, metrics):
            return self._frame(out, line, step, metrics)
        if verbose_1 and _final(progress.group("bar"), values, metrics):
            self._summaries = True
            self._running.clear()  # the epoch's running figures, overtaken by its summary
        if batch == total and verbose_1:
            self._held, self._held_surely_frame = None, False  # (a frame held before: this one overtakes it)
            if not _final(progress.group("bar"), values, metrics):
                # "71/71 [===] - ETA: 0s - loss: 1.6963": the last batch is done, the epoch is not:
                # its callbacks print ("Epoch 1: val_loss improved ..."), then its final frame
                # ("71/71 [===] - 74s 804ms/step - loss: 1.6963 - ... - val_loss: 1.5572") is the
                # epoch's record. Held until then, so the epoch is one point, not two.
                self._held, self._held_pace = (line, step, metrics), _pace(values)
                # (Keras 2 shows "ETA: 0s" at the last batch: never the epoch's final line either)
                self._held_surely_frame = "ETA" in values or _remaining_time(values, total)
                return True
        self._epoch_closed = self._headers and batch == total  # the epoch's record: its bar is over
        if self._epoch_closed:
            self._record_pace = _pace(values)
        self.emit(out, line, step, metrics)
        return True

    def _trains(self, values: str, record_pace: float | None = None) -> bool:
        """Does a bar take as long per step as the last epoch's record did (training), rather than
        well under it (an evaluation)?"""
        pace = _pace(values)
        record_pace = self._record_pace if record_pace is None else record_pace
        return pace is not None and record_pace is not None and pace >= TRAINING_PACE * record_pace

    def _frame(self, out: RecordBuilder, line: int, step: int, metrics: dict[str, float]) -> bool:
        """A frame before the epoch's end: a running figure, held until the epoch tells what it is."""
        if self._frames_are_records:
            self._emit_frame(out, line, step, metrics)
            return True
        self._running.append((line, step, metrics))
        if len(self._running) > MAX_RUNNING_FRAMES:
            self._emit_frame(out, *self._running.popleft())
        return True

    def _emit_frame(self, out: RecordBuilder, line: int, step: int, metrics: dict[str, float]) -> None:
        for name in metrics:  # running means of the epoch
            if not name.startswith("val_"):
                out.set_attrs(name, epoch_running_average=True)
        self.emit(out, line, step, metrics)

    def _final_test(self, text: str, line: int, out: RecordBuilder) -> bool:
        found = pairs(text)
        if not found:
            return False
        self._emit_final(found, line, out)
        return True

    def _emit_final(self, found: dict[str, float], line: int, out: RecordBuilder) -> None:
        """The final model's score, once: no held-out curve (store.update_primary)."""
        for name in found:
            out.set_attrs(name, final_evaluation=True)
        self.emit(out, line, self.last_step, found)

    def _epoch_without_summary(self, out: RecordBuilder) -> None:
        """The epoch ended and no summary overtook its frames: they are its records."""
        if not self._running:
            return
        self._frames_are_records = True
        while self._running:
            self._emit_frame(out, *self._running.popleft())

    def _release(self, out: RecordBuilder) -> None:
        line, step, metrics = self._held
        self._record_pace = self._held_pace
        self._held, self._held_surely_frame = None, False
        self.emit(out, line, step, metrics)

    def finish(self, out: RecordBuilder) -> None:
        if self._echo is not None:  # (the input ended after it: no header again, so a record)
            echo, echo_line = self._echo
            self._echo = None
            self._parse(echo, echo_line, out)
        if self._summaries:
            # a run cut inside an epoch, in a log whose epochs end with a summary: its frames are
            # running figures of a summary that never came, the last one too when it shows the
            # time left ("16/16 [===] - ETA: 0s - loss: 9.5673" under "Epoch 5/50", a notebook
            # saved after its kernel was stopped there)
            self._running.clear()
            if self._held is not None and self._held_surely_frame:
                self._held, self._held_surely_frame = None, False
        self._epoch_without_summary(out)
        if self._held is not None:
            self._release(out)

    def rewind(self) -> None:
        self._held = None
        self._echo = None
        self._running.clear()

    def heads_any_lines(self, text: str) -> bool:
        """"Epoch 1/100" is also what a custom loop prints over its own lines (print(f"Epoch
        {epoch}/{epochs}") then "  Train Loss: 0.4920", "  Val Loss:   0.4283"): their epoch."""
        return _EPOCH.match(text) is not None


# Keras 3's time and time per step after its bar ("0s 1s/step", "2:03 500ms/step", "1:02:03 ..."), ANSI removed
_TIMES = re.compile(r"[ \t]*+(?P<time>\d++(?::\d++){0,2}+)s?+[ \t]++(?P<per>\d++)(?P<unit>s|ms|us)/step")
_UNIT_SECONDS = {"s": 1.0, "ms": 1e-3, "us": 1e-6}


_PACE = re.compile(r"(?P<per>\d++(?:\.\d++)?+)(?P<unit>s|ms|us)/step")
# An evaluation's pass over as many batches runs forward only: well under the training pace
TRAINING_PACE = 0.6


def _pace(values: str) -> float | None:
    """Seconds per step a final bar shows ("104s 229ms/step": 0.229), or None."""
    found = _PACE.search(values, 0, 64)
    return float(found.group("per")) * _UNIT_SECONDS[found.group("unit")] if found else None


def _remaining_time(values: str, total: int) -> bool:
    """True when a Keras 3 bar at its last batch shows the time left ("0s"), not the epoch's time:
    less than half of its batches times the time per step (124s is 100 batches at 1s/step; the
    frame before it reads 0s). Such a frame is overtaken by the epoch's final line whatever prints
    between them (a callback's warning on stderr: "You are saving your model as an HDF5 file")."""
    times = _TIMES.match(values)
    if times is None:
        return False
    shown = 0
    for part in times.group("time").split(":"):  # seconds, m:ss or h:mm:ss
        shown = 60 * shown + int(part)
    return shown < 0.5 * total * int(times.group("per")) * _UNIT_SECONDS[times.group("unit")]


def _final(bar: str, values: str, metrics: dict[str, float]) -> bool:
    """True for an epoch's final frame: it shows the validation values, or (Keras 2's bar) the
    time the epoch took rather than its ETA. (Keras 3 shows a time on every frame.)"""
    return any(name.startswith("val_") for name in metrics) or (bar.startswith("[") and "ETA" not in values)


class Keras(Format):
    id = "keras"
    title = "Keras progress (verbose 1 and 2)"
    example = "313/313 [==============================] - 5s 3ms/step - loss: 0.2687 - accuracy: 0.9031"
    anchor = rf"^(?:>[ \t])?\s*\d+/\d+ (?:\[[=>.]*\] - |━+ |{_ASCII_BAR}|- \d+m?s - )|^{_QUOTE}?Epoch \d+/\d+\s*$"
    parser = KerasParser
