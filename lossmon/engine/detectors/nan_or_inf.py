"""NaN or infinite losses and gradient norms, Hugging Face's signature (``loss == 0.0`` with
``grad_norm == nan``: the Trainer filters the NaN out of the logged loss) and Megatron's
"number of nan iterations" counter. Every point is checked at once with numpy; the finding names
the first bad point. It clears after 20 finite points in a row (a NaN that went away).
A grad norm that is NaN or inf while the train loss stays finite (and is not HF's filtered 0.0)
is a step the fp16 loss scaler skipped: the scaler halves its scale and the run goes on, so it is
worth knowing (info), and an alert only when it happens at 10 records in a row (every step
overflows: the run no longer trains)."""

from __future__ import annotations

import re

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Event, Points
from lossmon.engine.detectors.stats.vector import run_lengths
from lossmon.engine.findings import Finding, format_step

_COUNTER = re.compile(r"nan iterations|nan_iterations|num_nan", re.I)
_TRAIN_LOSS = ("loss", "train_loss", "train/loss")
_GRAD_NORM = re.compile(r"norm", re.I)
FINITE_POINTS_TO_CLEAR = 20
SKIPPED_IN_A_ROW = 10  # non-finite grad norms in a row with a finite loss: no longer skipped steps


class NanOrInf(Detector):
    pathology = "nan_or_inf"
    driver = "monitored"
    context = {"grad_norm": LAST, "train_loss": LAST}

    def reset(self) -> None:
        super().reset()
        self._finite_run = 0
        self._skipped_run = 0

    def update(self, points: Points) -> list[Finding]:
        values = points.values
        signature = np.zeros(len(values), dtype=bool)
        if _COUNTER.search(points.series):
            bad = values > 0
        else:
            bad = ~np.isfinite(values)
            if points.series.lower() in _TRAIN_LOSS:
                signature = (values == 0.0) & np.isnan(points.ctx("grad_norm"))
                bad |= signature
        findings = []
        if _GRAD_NORM.search(points.series) and not _COUNTER.search(points.series):
            loss = points.ctx("train_loss")
            skipped = bad & np.isfinite(loss) & (loss != 0.0)
            run = run_lengths(bad, self._skipped_run)
            self._skipped_run = int(run[-1])
            bad = bad & ~(skipped & (run < SKIPPED_IN_A_ROW))
            first_skip = np.flatnonzero(skipped)
            if len(first_skip):
                i = int(first_skip[0])
                finding = self.raise_finding("info", points, i, (
                    f"{points.series} is {_spell(float(points.values[i]))} at step {format_step(points.steps[i])} "
                    f"(line {int(points.lines[i])}) while the loss is finite: a step the loss scaler skipped"
                ), "skipped")
                if finding:
                    findings.append(finding)
        # In point order, whatever the chunking: a bad point after FINITE_POINTS_TO_CLEAR finite
        # ones (the badge went dark there) is a new burst, with its own finding.
        where = np.flatnonzero(bad)
        previous = np.concatenate(([-1 - self._finite_run], where[:-1])) if len(where) else where
        after_gap = where - previous - 1 >= FINITE_POINTS_TO_CLEAR
        clears = previous[after_gap] + FINITE_POINTS_TO_CLEAR
        starts = where[after_gap | (np.arange(len(where)) == 0)]  # only these can raise a finding
        last = int(where[-1]) if len(where) else -1 - self._finite_run
        if last + FINITE_POINTS_TO_CLEAR < len(values):
            clears = np.append(clears, last + FINITE_POINTS_TO_CLEAR)
        events = [Event(int(i), None, family=None) for i in clears if i >= 0]
        events += [Event(int(i), "alert", self._message(points, int(i), signature[i])) for i in starts]
        self._finite_run = len(values) - 1 - last
        findings.extend(self.apply(points, events))
        return findings

    def _message(self, points: Points, i: int, signature: bool) -> str:
        value = float(points.values[i])
        at = f"at step {format_step(points.steps[i])} (line {int(points.lines[i])})"
        if _COUNTER.search(points.series):
            return f"{points.series}: {value:g} {at}"
        if signature:
            return f"{points.series} is 0 while grad_norm is nan {at}: the NaN was filtered out of the loss"
        return f"{points.series} is {_spell(value)} {at}"


def _spell(value: float) -> str:
    if np.isnan(value):
        return "nan"
    return "inf" if value > 0 else "-inf"
