"""river's ADWIN and Page-Hinkley as baselines, run on the same streams as lossmon.

To be fair, each baseline gets the stream that pathology is about, prepared the way lossmon sees
it: log values (losses and norms are multiplicative), standardized by a robust noise scale from
the stream's first 100 values (so Page-Hinkley's delta and threshold, in raw units by default,
mean "sigmas"), with river's default parameters. A non-finite value enters as a huge one (log
1e30), which is the most a change detector can be told about a NaN. Detections are kept in the
pathology's direction: up for exploding loss, NaN, overfitting and grad explosion; down for
grad vanishing; both for the rest. ADWIN's direction is the sign of the change of its mean.
"""

from __future__ import annotations

import math

import numpy as np
from river import drift

from benchmarks.detectors.synth import Run

HUGE = math.log(1e30)

# pathology → (stream, direction)
STREAMS = {
    "exploding_loss": ("loss", "up"),
    "nan_or_inf": ("loss_raw", "up"),
    "not_converging": ("loss", "both"),
    "plateau": ("loss", "both"),
    "overfitting": ("val_loss", "up"),
    "contradictory_metrics": ("recall", "both"),
    "stuck_periodic": ("loss", "both"),
    "grad_explosion": ("grad_norm", "up"),
    "grad_vanishing": ("grad_norm", "down"),
}


def stream(run: Run, name: str) -> tuple[np.ndarray, np.ndarray] | None:
    """(steps, standardized values) of a stream of the run, or None when the run has none."""
    if name in ("loss", "loss_raw"):
        steps, values = run.steps, run.series["loss"]
    elif name == "grad_norm":
        if name not in run.series:
            return None
        steps, values = run.steps, run.series[name]
    else:
        if name == "recall":  # the classification metric the run logs, whatever it is
            name = next((m for m in ("recall", "accuracy", "val_auc") if m in run.evals), name)
        if name not in run.evals:
            return None
        steps, values = run.eval_steps, run.evals[name]
    values = np.asarray(values, dtype=np.float64)
    if name not in ("recall", "accuracy", "val_auc"):
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.log(values)
    if name == "loss_raw" or name == "grad_norm":
        values = np.where(np.isfinite(values), values, HUGE)
    else:
        keep = np.isfinite(values)
        steps, values = steps[keep], values[keep]
    if len(values) < 2:
        return None
    head = values[:100]
    scale = float(np.median(np.abs(np.diff(head)))) * 1.4826 / math.sqrt(2) if len(head) > 2 else 0.0
    scale = scale if scale > 1e-9 else max(float(np.std(head)), 1e-3)
    return steps, (values - values[0]) / scale


def detections(name: str, steps: np.ndarray, values: np.ndarray, direction: str) -> list[float]:
    """Steps at which the baseline ``name`` ("ADWIN" or "PageHinkley") fires."""
    out = []
    if name == "PageHinkley":
        modes = ("up", "down") if direction == "both" else (direction,)
        for mode in modes:
            detector = drift.PageHinkley(mode=mode)
            for step, x in zip(steps.tolist(), values.tolist()):
                detector.update(x)
                if detector.drift_detected:
                    out.append(step)
        return sorted(out)
    detector = drift.ADWIN()
    for step, x in zip(steps.tolist(), values.tolist()):
        before = detector.estimation
        detector.update(x)
        if detector.drift_detected:
            up = detector.estimation > before
            if direction == "both" or (direction == "up") == up:
                out.append(step)
    return out
