"""NaN or infinite losses and gradient norms, Hugging Face's signature (``loss == 0.0`` with
``grad_norm == nan``, in a log whose grad norm was finite before: the Trainer filters the NaN out
of the logged loss) and Megatron's
"number of nan iterations" counter. Every point is checked at once with numpy; the finding names
the first bad point. It clears after 20 finite points in a row (a NaN that went away).
A grad norm that is NaN or inf while the train loss stays finite (and is not HF's filtered 0.0)
is a step the fp16 loss scaler skipped: the scaler halves its scale and the run goes on, so it is
worth knowing (info), and an alert only when it happens at 10 records in a row (every step
overflows: the run no longer trains). A train loss that drops to exactly 0 after a positive value
in a log without a grad norm is a warning: not computed any more, or a filtered NaN. A running
best (``best_loss``) that reads +inf before its first finite value is its initial value."""

from __future__ import annotations

import re

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Event, Points
from lossmon.engine.detectors.roles import NAN_COUNTER
from lossmon.engine.detectors.stats.vector import run_lengths
from lossmon.engine.findings import Finding, format_step

_TRAIN_LOSS = ("loss", "train_loss", "train/loss")
_GRAD_NORM = re.compile(r"norm", re.I)
_RUNNING_BEST = re.compile(r"(?<![a-z])best", re.I)  # best_loss, Validation/best_loss, "Best Loss"


class NanOrInf(Detector):
    """Non-finite values of a loss or grad norm, Hugging Face's filtered NaN (loss 0 with a NaN
    grad norm) and Megatron's NaN-iteration counters (the module docstring has the rules). The
    series name says which it is.

    Parameters:
        finite_to_clear: finite points after which the badge goes dark (a later NaN is a new burst).
        skipped_in_a_row: non-finite grad norms in a row, with a finite loss, after which they are
            no longer steps the loss scaler skipped (info) but an alert.

    >>> detector = NanOrInf("loss")
    >>> [finding.message for finding in detector.update_values([1.0, 0.9, float("nan"), 0.8])]
    ['loss is nan at step 3 (line 3)']
    """

    pathology = "nan_or_inf"
    driver = "monitored"
    context = {"grad_norm": LAST, "train_loss": LAST}

    def __init__(
        self, series: str = "loss", attrs: dict | None = None, *, finite_to_clear: int = 20, skipped_in_a_row: int = 10,
    ) -> None:
        self.finite_to_clear, self.skipped_in_a_row = finite_to_clear, skipped_in_a_row
        super().__init__(series, attrs)

    def reset(self) -> None:
        super().reset()
        self._finite_run = 0
        self._skipped_run = 0
        self._grad_seen = False  # a finite grad norm came with this series' points
        self._positive_seen = False  # a positive loss came before
        self._finite_seen = False  # a finite value came before (a running best's +inf start)
        self._last_value = float("nan")

    def update(self, points: Points) -> list[Finding]:
        values = points.values
        signature = np.zeros(len(values), dtype=bool)
        zero_events: list[Event] = []
        if NAN_COUNTER.search(points.series):
            bad = values > 0
        else:
            bad = ~np.isfinite(values)
            if _RUNNING_BEST.search(points.series):
                # A best-so-far starts at +inf (``best_loss=inf`` before the first evaluation): its
                # initial value, not a number gone bad.
                finite = np.logical_or.accumulate(np.isfinite(values)) | self._finite_seen
                before = np.concatenate(([self._finite_seen], finite[:-1]))
                self._finite_seen = bool(finite[-1]) if len(finite) else self._finite_seen
                bad &= ~(np.isposinf(values) & ~before)
            if points.series.lower() in _TRAIN_LOSS:
                # A NaN grad norm of a log that has one (a finite one came first): without any, a
                # loss of exactly 0 (a script that logs 0.0 for a loss it does not compute) is no
                # filtered NaN.
                grad = points.ctx("grad_norm")
                logged = np.logical_or.accumulate(np.isfinite(grad)) | self._grad_seen
                self._grad_seen = bool(logged[-1]) if len(logged) else self._grad_seen
                signature = (values == 0.0) & np.isnan(grad) & logged
                zero_events = self._collapsed_to_zero(points, logged)
                bad |= signature
        findings = []
        if _GRAD_NORM.search(points.series) and not NAN_COUNTER.search(points.series):
            loss = points.ctx("train_loss")
            skipped = bad & np.isfinite(loss) & (loss != 0.0)
            run = run_lengths(bad, self._skipped_run)
            self._skipped_run = int(run[-1])
            bad = bad & ~(skipped & (run < self.skipped_in_a_row))
            first_skip = np.flatnonzero(skipped)
            if len(first_skip):
                i = int(first_skip[0])
                finding = self.raise_finding("info", points, i, (
                    f"{points.series} is {_spell(float(points.values[i]))} at step {format_step(points.steps[i])} "
                    f"(line {int(points.lines[i])}) while the loss is finite: a step the loss scaler skipped"
                ), "skipped")
                if finding:
                    findings.append(finding)
        # In point order, whatever the chunking: a bad point after ``finite_to_clear`` finite
        # ones (the badge went dark there) is a new burst, with its own finding.
        where = np.flatnonzero(bad)
        previous = np.concatenate(([-1 - self._finite_run], where[:-1])) if len(where) else where
        after_gap = where - previous - 1 >= self.finite_to_clear
        clears = previous[after_gap] + self.finite_to_clear
        starts = where[after_gap | (np.arange(len(where)) == 0)]  # only these can raise a finding
        last = int(where[-1]) if len(where) else -1 - self._finite_run
        if last + self.finite_to_clear < len(values):
            clears = np.append(clears, last + self.finite_to_clear)
        events = [Event(int(i), None, family=None) for i in clears if i >= 0]
        events += [Event(int(i), "alert", self._message(points, int(i), signature[i])) for i in starts]
        self._finite_run = len(values) - 1 - last
        findings.extend(self.apply(points, events + zero_events))
        return findings

    def _collapsed_to_zero(self, points: Points, logged: np.ndarray) -> list[Event]:
        """A train loss that drops to exactly 0 after a positive value, in a log with no grad norm
        to say why: a loss no longer computed (every label masked) or a NaN the trainer filtered
        out. A warning that names both; a loss 0 from its first point was never computed."""
        values = points.values
        positive = np.logical_or.accumulate(np.isfinite(values) & (values > 0.0)) | self._positive_seen
        self._positive_seen = bool(positive[-1]) if len(positive) else self._positive_seen
        before = np.concatenate(([self._last_value], values[:-1]))
        if len(values):
            self._last_value = float(values[-1])
        events = []
        for i in self.entries("zero", (values == 0.0) & positive & ~logged).tolist():
            events.append(Event(i, "warn", (
                f"{points.series} dropped to exactly 0 at step {format_step(points.steps[i])} (line {int(points.lines[i])}) "
                f"after {before[i]:.4g}: a loss no longer computed, or a NaN the trainer filtered out "
                f"(no grad norm is logged to tell)"
            ), "zero"))
        for i in self.entries("zero over", values != 0.0).tolist():
            events.append(Event(i, None, family="zero"))
        return events

    def _message(self, points: Points, i: int, signature: bool) -> str:
        value = float(points.values[i])
        at = f"at step {format_step(points.steps[i])} (line {int(points.lines[i])})"
        if NAN_COUNTER.search(points.series):
            return f"{points.series}: {value:g} {at}"
        if signature:
            return f"{points.series} is 0 while grad_norm is nan {at}: the NaN was filtered out of the loss"
        return f"{points.series} is {_spell(value)} {at}"


def _spell(value: float) -> str:
    if np.isnan(value):
        return "nan"
    return "inf" if value > 0 else "-inf"
