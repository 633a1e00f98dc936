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

Both are read on one x axis (engine/alignment.py): step by default, or epoch, time since each
run's first record, or tokens, so that runs with other batch sizes or speeds are compared at
equal epoch, time or data seen. A run without that axis is a :class:`MissingAxis` error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import PurePath

import numpy as np

from lossmon.engine.alignment import AXES, axis_map, available_axes, describe_x
from lossmon.engine.errors import LossmonError
from lossmon.engine.smoothing import Smoother

MAD_TO_SIGMA = 1.4826
NOISE_WINDOW = 50  # points before the compared step whose differences estimate the noise
LAST_FINITE_WINDOW = 64  # the last finite value is looked for here first


@dataclass(slots=True)
class Curve:
    """The loss a comparison reads from one run: finite points in step order."""

    name: str
    steps: np.ndarray
    raw: np.ndarray
    values: np.ndarray  # raw or smoothed
    weight: float  # the EMA weight, 0 for raw values
    xs: np.ndarray | None = None  # the steps on the comparison's x axis
    reach_memo: dict = field(default_factory=dict)  # target → index of its first reach


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
    reaches_x: float | None = None  # reaches_step on the comparison's x axis
    gap_x: float | None = None
    gap_diff: float | None = None  # run - baseline at gap_x, in loss units
    noise_band: float | None = None  # twice the combined noise there: beyond it is "beyond noise"


class MissingAxis(LossmonError):
    """A run lacks the x axis asked for (no epoch, tokens or timestamps in its log)."""


@dataclass(slots=True)
class Comparison:
    baseline: int
    split: str  # "val" or "train": which loss the figures read
    target: float | None  # the baseline's final loss
    target_step: float | None  # the step at which the baseline first reached it
    runs: list[RunComparison] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    axis: str = "step"
    axis_label: str = "step"  # as the axis maps say ("samples" for a tokens axis counting samples)
    unit: str = ""
    target_x: float | None = None


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


def _curve(monitor, split: str, weight: float, cache: dict | None = None) -> Curve | None:
    """The loss a comparison reads; with ``cache``, a run whose series did not grow since the
    last call is not read again (a pinned baseline, compared with a run as it comes)."""
    store = monitor.store
    name = store.primary_val if split == "val" else store.primary_train
    if cache is not None:
        key = (id(monitor), name, split, weight, len(store[name]) if name else 0, monitor.segments)
        if key not in cache:
            for old in [k for k in cache if k[0] == id(monitor)]:
                del cache[old]
            cache[key] = _curve(monitor, split, weight)
        return cache[key]
    if not name:
        return None
    steps, raw = _finite(store[name])
    if not len(raw):
        return None
    values = Smoother(weight).update(raw) if weight else raw
    return Curve(name, steps, raw, values, weight)


def _first_reach(curve: Curve, target: float) -> int | None:
    """The index of the first point at or below ``target``."""
    if target not in curve.reach_memo:
        hit = np.flatnonzero(curve.values <= target)
        curve.reach_memo[target] = int(hit[0]) if len(hit) else None
    return curve.reach_memo[target]


def _noise(curve: Curve, upto: int) -> float | None:
    """The standard error of the compared value near index ``upto`` (robust to spikes); None
    with too few points to tell."""
    tail = curve.raw[max(0, upto - NOISE_WINDOW) : upto + 1]
    if len(tail) < 3:
        return None
    point = MAD_TO_SIGMA * float(np.median(np.abs(np.diff(tail)))) / math.sqrt(2.0)
    if curve.weight:
        point *= math.sqrt((1.0 - curve.weight) / (1.0 + curve.weight))  # an EMA's variance ratio
    return point


def _value_at(curve: Curve, x: float) -> tuple[float, int]:
    """The curve's value at its last point at or before ``x`` (on the comparison's axis)."""
    index = int(np.searchsorted(curve.xs, x, side="right")) - 1
    return float(curve.values[index]), index


def _axis_maps(monitors: list, axis: str) -> list:
    if axis not in AXES:
        raise LossmonError(f"--x {axis}: not an axis (one of {', '.join(AXES)})")
    maps = [axis_map(m, axis) for m in monitors]
    for monitor, amap in zip(monitors, maps):
        if amap is None and (monitor.store.primary_train or monitor.store.primary_val):
            has = ", ".join(available_axes(monitor)) or "none"
            raise MissingAxis(f"--x {axis}: {monitor.path} has no {axis} axis (its axes: {has})")
    return maps


def compare(
    monitors: list, verdicts: list[str], baseline: int = 0, axis: str = "step", cache: dict | None = None
) -> Comparison:
    """Every run against ``monitors[baseline]`` on the ``axis`` x axis (MissingAxis when a run
    with a loss lacks it). ``cache`` (a dict kept by the caller) spares re-reading runs that did
    not grow since the last call."""
    maps = _axis_maps(monitors, axis)
    split = "val" if all(m.store.primary_val for m in monitors) else "train"
    if split == "train":
        longest = max((len(m.store[m.store.primary_train]) for m in monitors if m.store.primary_train), default=0)
        weight = 0.99 if longest >= 2000 else 0.9 if longest >= 100 else 0.6
    else:
        weight = 0.0
    curves = [_curve(m, split, weight, cache) for m in monitors]
    for curve, amap in zip(curves, maps):
        if curve is not None and (curve.xs is None or axis != "step"):
            curve.xs = amap.to_x(curve.steps) if amap is not None else curve.steps
    base = curves[baseline]
    target = float(base.values[-1]) if base is not None else None
    hit = _first_reach(base, target) if base is not None else None
    target_step = float(base.steps[hit]) if hit is not None else None
    result = Comparison(baseline, split, target, target_step)
    named = maps[baseline] or next((m for m in maps if m is not None), None)
    result.axis, result.axis_label = axis, named.label if named is not None else axis
    result.unit = named.unit if named is not None else ""
    result.target_x = float(base.xs[hit]) if hit is not None else None
    labels = run_labels([m.path for m in monitors])
    for k, (monitor, curve) in enumerate(zip(monitors, curves)):
        row = _summary_row(monitor, labels[k], verdicts[k])
        if curve is not None and base is not None:
            reach = _first_reach(curve, target)
            if reach is not None:
                row.reaches_step, row.reaches_x = float(curve.steps[reach]), float(curve.xs[reach])
            if row.reaches_x and result.target_x:
                row.speedup = result.target_x / row.reaches_x
            if k != baseline:
                _gap(row, curve, base, axis)
        result.runs.append(row)
        if k != baseline and curve is not None and base is not None:
            result.findings.extend(_messages(row, curve, result))
    return result


def _gap(row: RunComparison, curve: Curve, base: Curve, axis: str) -> None:
    x = min(float(curve.xs[-1]), float(base.xs[-1]))
    if x < max(float(curve.xs[0]), float(base.xs[0])):
        return  # the runs share no x
    mine, i = _value_at(curve, x)
    theirs, j = _value_at(base, x)
    if theirs == 0:
        return
    row.gap_x, row.gap_step = x, x if axis == "step" else float(curve.steps[i])
    row.gap_ratio = mine / theirs - 1.0
    row.gap_diff = mine - theirs
    noises = _noise(curve, i), _noise(base, j)
    if None not in noises:  # a run's noise unknown: neither behind nor ahead can be told
        row.noise_band = 2.0 * math.hypot(*noises)
        row.beyond_noise = abs(row.gap_diff) > row.noise_band


_MEASURE = {"step": "steps", "epoch": "epochs", "tokens": "tokens", "samples": "samples", "time": "time"}


def _messages(row: RunComparison, curve: Curve, result: Comparison) -> list[str]:
    loss = f"{result.split} loss {curve.name}"
    at = lambda x: describe_x(result.axis, result.unit, x)  # noqa: E731 - one wording, three uses
    out = []
    if row.gap_ratio is not None and row.beyond_noise:
        side = "above the baseline (behind)" if row.gap_ratio > 0 else "below the baseline (ahead)"
        out.append(f"{row.label}: {loss} {abs(row.gap_ratio):.1%} {side} at {at(row.gap_x)}, beyond both runs' noise")
    if row.reaches_x is not None and row.speedup is not None and result.target_x is not None:
        factor = row.speedup if row.speedup >= 1 else 1 / row.speedup
        measure = _MEASURE[result.unit if result.unit == "samples" else result.axis]
        if result.axis == "time":
            word = "less" if row.speedup >= 1 else "more"
        else:
            word = "fewer" if row.speedup >= 1 else "more"
        out.append(
            f"{row.label}: reaches the baseline's final {loss} {result.target:.5g} at {at(row.reaches_x)} "
            f"vs {describe_x(result.axis, result.unit, result.target_x, bare=True)}: {factor:.2f}x {word} {measure}"
        )
    elif row.reaches_x is None:
        out.append(f"{row.label}: never reaches the baseline's final {loss} {result.target:.5g}")
    return out


def _summary_row(monitor, label: str, verdict: str) -> RunComparison:
    store = monitor.store

    def last_best(name):
        """The last finite value and the best (the series keeps its finite minimum as it grows)."""
        if not name:
            return None, None
        series = store[name]
        finite = np.flatnonzero(np.isfinite(series.values[-LAST_FINITE_WINDOW:]))
        if len(finite):
            return float(series.values[-LAST_FINITE_WINDOW:][finite[-1]]), float(series.min)
        _, values = _finite(series)  # a run that ends in a long stretch of NaN
        return (float(values[-1]), float(values.min())) if len(values) else (None, None)

    train_last, train_best = last_best(store.primary_train)
    val_last, val_best = last_best(store.primary_val)
    last_step = None
    if store.primary_train and len(store[store.primary_train]):
        last_step = float(store[store.primary_train].steps[-1])
    return RunComparison(label, monitor.path, verdict, last_step, train_last, train_best, val_last, val_best)
