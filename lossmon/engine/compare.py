"""Runs compared with a baseline run, the question asked of training curves most often after "is
it broken?": is the new run better?

Two figures per run:

* **reaches**: the first step at which the run's loss reaches the baseline's final loss, and the
  speedup, the baseline's steps to that loss over the run's (the figure speedrun-style record
  logs are judged by). The held-out loss is used when every run has one (it is logged sparsely
  and compared raw); otherwise the training loss, smoothed by one EMA for all runs (a single
  lucky batch must not count as reaching the target).
* **gap**: at the last step both runs reached, how far the run's loss is from the baseline's,
  and whether that is beyond the noise of both runs: the band is twice the combined standard
  error of the two compared values, each from a robust estimate of its run's point-to-point
  noise there (MAD of successive differences), scaled down by the EMA when the loss is smoothed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import PurePath

import numpy as np

from lossmon.engine.smoothing import Smoother

MAD_TO_SIGMA = 1.4826
NOISE_WINDOW = 50  # points before the compared step whose differences estimate the noise


@dataclass(slots=True)
class Curve:
    """The loss a comparison reads from one run: finite points in step order."""

    name: str
    steps: np.ndarray
    raw: np.ndarray
    values: np.ndarray  # raw or smoothed
    weight: float  # the EMA weight, 0 for raw values


@dataclass(slots=True)
class RunComparison:
    label: str
    path: str
    verdict: str
    last_step: float | None
    train_last: float | None
    train_best: float | None
    val_last: float | None
    val_best: float | None
    reaches_step: float | None = None
    speedup: float | None = None
    gap_step: float | None = None
    gap_ratio: float | None = None  # run / baseline - 1 at gap_step
    beyond_noise: bool | None = None


@dataclass(slots=True)
class Comparison:
    baseline: int
    split: str  # "val" or "train": which loss the figures read
    target: float | None  # the baseline's final loss
    target_step: float | None  # the step at which the baseline first reached it
    runs: list[RunComparison] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)


def run_labels(paths: list[str]) -> list[str]:
    """The shortest path part that tells each run apart: ``runs/a/train.log`` and
    ``runs/b/train.log`` are ``a`` and ``b``; different file names are their names (wherever the
    files are: ``/abs/x.log`` and ``rel/y.log`` are ``x.log`` and ``y.log``)."""
    parts = [PurePath(p).parts or (p,) for p in paths]
    if len(parts) < 2:
        return [PurePath(p).name or p for p in paths]
    suffix = 0  # the parts every path ends with (train.log) tell no run apart
    while all(len(p) > suffix + 1 for p in parts) and len({p[-1 - suffix] for p in parts}) == 1:
        suffix += 1
    stems = [p[: len(p) - suffix] for p in parts]
    labels = []
    for stem in stems:
        # The shortest tail of the rest that no other path shares.
        for size in range(1, len(stem) + 1):
            tail = stem[-size:]
            if sum(1 for other in stems if other[-size:] == tail) == 1:
                labels.append("/".join(tail).lstrip("/") or "/")
                break
        else:
            labels.append(None)
    if None in labels or len(set(labels)) < len(labels):  # the same file twice: keep the whole paths
        return list(paths)
    return labels


def _finite(series) -> tuple[np.ndarray, np.ndarray]:
    keep = np.isfinite(series.values) & np.isfinite(series.steps)
    return series.steps[keep], series.values[keep]


def _curve(monitor, split: str, weight: float) -> Curve | None:
    store = monitor.store
    name = store.primary_val if split == "val" else store.primary_train
    if not name:
        return None
    steps, raw = _finite(store[name])
    if not len(raw):
        return None
    values = Smoother(weight).update(raw) if weight else raw
    return Curve(name, steps, raw, values, weight)


def _first_reach(curve: Curve, target: float) -> float | None:
    hit = np.flatnonzero(curve.values <= target)
    return float(curve.steps[hit[0]]) if len(hit) else None


def _noise(curve: Curve, upto: int) -> float:
    """The standard error of the compared value near index ``upto`` (robust to spikes)."""
    tail = curve.raw[max(0, upto - NOISE_WINDOW) : upto + 1]
    if len(tail) < 3:
        return 0.0
    point = MAD_TO_SIGMA * float(np.median(np.abs(np.diff(tail)))) / math.sqrt(2.0)
    if curve.weight:
        point *= math.sqrt((1.0 - curve.weight) / (1.0 + curve.weight))  # an EMA's variance ratio
    return point


def _value_at(curve: Curve, step: float) -> tuple[float, int]:
    """The curve's value at its last point at or before ``step``."""
    index = int(np.searchsorted(curve.steps, step, side="right")) - 1
    return float(curve.values[index]), index


def compare(monitors: list, verdicts: list[str], baseline: int = 0) -> Comparison:
    split = "val" if all(m.store.primary_val for m in monitors) else "train"
    if split == "train":
        longest = max((len(m.store[m.store.primary_train]) for m in monitors if m.store.primary_train), default=0)
        weight = 0.99 if longest >= 2000 else 0.9 if longest >= 100 else 0.6
    else:
        weight = 0.0
    curves = [_curve(m, split, weight) for m in monitors]
    base = curves[baseline]
    target = float(base.values[-1]) if base is not None else None
    target_step = _first_reach(base, target) if base is not None else None
    result = Comparison(baseline, split, target, target_step)
    labels = run_labels([m.path for m in monitors])
    for k, (monitor, curve) in enumerate(zip(monitors, curves)):
        row = _summary_row(monitor, labels[k], verdicts[k])
        if curve is not None and base is not None:
            row.reaches_step = _first_reach(curve, target)
            if row.reaches_step and target_step:
                row.speedup = target_step / row.reaches_step
            if k != baseline:
                _gap(row, curve, base)
        result.runs.append(row)
        if k != baseline and curve is not None and base is not None:
            result.findings.extend(_messages(row, curve, result))
    return result


def _gap(row: RunComparison, curve: Curve, base: Curve) -> None:
    step = min(float(curve.steps[-1]), float(base.steps[-1]))
    if step < max(float(curve.steps[0]), float(base.steps[0])):
        return  # the runs share no step
    mine, i = _value_at(curve, step)
    theirs, j = _value_at(base, step)
    if theirs == 0:
        return
    row.gap_step = step
    row.gap_ratio = mine / theirs - 1.0
    band = 2.0 * math.hypot(_noise(curve, i), _noise(base, j))
    row.beyond_noise = abs(mine - theirs) > band


def _messages(row: RunComparison, curve: Curve, result: Comparison) -> list[str]:
    loss = f"{result.split} loss {curve.name}"
    out = []
    if row.gap_ratio is not None and row.beyond_noise:
        side = "above the baseline (behind)" if row.gap_ratio > 0 else "below the baseline (ahead)"
        out.append(
            f"{row.label}: {loss} {abs(row.gap_ratio):.1%} {side} at step {row.gap_step:,.0f}, "
            "beyond both runs' noise"
        )
    if row.reaches_step is not None and row.speedup is not None and result.target_step is not None:
        word = "fewer" if row.speedup >= 1 else "more"
        factor = row.speedup if row.speedup >= 1 else 1 / row.speedup
        out.append(
            f"{row.label}: reaches the baseline's final {loss} {result.target:.5g} at step {row.reaches_step:,.0f} "
            f"vs {result.target_step:,.0f}: {factor:.2f}x {word} steps"
        )
    elif row.reaches_step is None:
        out.append(f"{row.label}: never reaches the baseline's final {loss} {result.target:.5g}")
    return out


def _summary_row(monitor, label: str, verdict: str) -> RunComparison:
    store = monitor.store

    def last_best(name):
        if not name:
            return None, None
        _, values = _finite(store[name])
        return (float(values[-1]), float(values.min())) if len(values) else (None, None)

    train_last, train_best = last_best(store.primary_train)
    val_last, val_best = last_best(store.primary_val)
    last_step = None
    if store.primary_train and len(store[store.primary_train]):
        last_step = float(store[store.primary_train].steps[-1])
    return RunComparison(label, monitor.path, verdict, last_step, train_last, train_best, val_last, val_best)
