"""NaN or infinite losses and gradient norms, Hugging Face's fp16 signature (``loss == 0.0`` with
``grad_norm == nan``) and Megatron's "number of nan iterations" counter."""

from __future__ import annotations

import re

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Points
from lossmon.engine.findings import Finding, format_step

_COUNTER = re.compile(r"nan iterations|nan_iterations|num_nan", re.I)
FINITE_POINTS_TO_CLEAR = 20  # a NaN that really went away stays away for a while


class NanOrInf(Detector):
    pathology = "nan_or_inf"
    driver = "monitored"
    context = {"grad_norm": LAST}

    def reset(self) -> None:
        super().reset()
        self._finite_run = 0

    def update(self, points: Points) -> list[Finding]:
        values = points.values
        if _COUNTER.search(points.series):
            bad = np.flatnonzero(values > 0)
            what = "{value:g} NaN iteration(s) counted"
        else:
            bad = np.flatnonzero(~np.isfinite(values))
            what = "{series} is {value}"
            if points.series.lower() in ("loss", "train_loss", "train/loss"):
                grad_norm = points.ctx("grad_norm")
                signature = np.flatnonzero((values == 0.0) & np.isnan(grad_norm))
                if len(signature):
                    bad = np.union1d(bad, signature)
                    what = "{series} is {value} while grad_norm is nan"
        findings = []
        if len(bad):
            first = int(bad[0])
            message = what.format(series=points.series, value=_spell(values[first])) + (
                f" at step {format_step(points.steps[first])} (line {int(points.lines[first])})"
            )
            finding = self.raise_finding("alert", points, first, message)
            if finding:
                findings.append(finding)
            self._finite_run = len(values) - 1 - int(bad[-1])
        else:
            self._finite_run += len(values)
        if self.active is not None and self._finite_run >= FINITE_POINTS_TO_CLEAR:
            self.clear()
        return findings


def _spell(value: float) -> str:
    if np.isnan(value):
        return "nan"
    if np.isinf(value):
        return "inf" if value > 0 else "-inf"
    return f"{value:g}"
