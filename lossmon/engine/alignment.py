"""X axes that align runs: step, epoch, wall time since the run's first record, tokens (or samples).

Runs of one experiment rarely share a step scale (another batch size, gradient accumulation, a
resumed job): comparing them at equal epoch, time or tokens is what people mean by "aligned".
Every axis is a monotone map between a run's step and that x, piecewise-linear between known
anchors (the (step, x) pairs the log gives), extended past the first and last anchors by the
slope of the nearest anchor pair:

* **step**: the identity.
* **epoch**: from the run's epoch series. An epoch logged as an integer at every step (a
  staircase) is anchored at the first step of each epoch, so the axis runs smoothly between them.
* **tokens** / **samples**: from a cumulative counter the log prints (``num_input_tokens_seen``,
  TRL's ``num_tokens``, OLMo's ``throughput/total_tokens``, Megatron's ``consumed samples``...), or
  from the tokens per step that nanoGPT prints in its header (``tokens per iteration will be: N``).
  A per-step count (fairseq's ``ntokens``) is not cumulative and is not taken.
* **time**: seconds since the run's first record, from a cumulative elapsed-time series
  (modded-nanogpt's ``train_time`` in ms, W&B's ``_runtime``...), else the timestamps of the log's
  own lines, else when the lines were read while following (see :mod:`~lossmon.engine.timeline`).
  A finished log read all at once has no read-time axis: None, rather than a fake one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

AXES = ("step", "epoch", "time", "tokens")

_EPOCH_NAMES = frozenset({"epoch", "epochs", "ep", "train_epoch", "current_epoch"})
# Cumulative counters, by the last part of the series name (after "/"), lower case, spaces as "_".
_TOKEN_NAMES = frozenset({
    "tokens", "num_tokens", "num_input_tokens_seen", "train_tokens", "total_tokens", "tokens_seen",
    "consumed_tokens", "seen_tokens", "tokens_processed", "total_tokens_seen", "cumulative_tokens",
})
_SAMPLE_NAMES = frozenset({
    "consumed_samples", "samples", "num_samples", "samples_seen", "seen_samples", "total_samples",
    "consumed_train_samples", "train_samples_seen",
})
# Elapsed time since the start, in seconds unless listed in _MILLISECONDS. A per-step duration
# (mmengine's and detectron2's ``time``) is not cumulative and is not taken.
_ELAPSED_NAMES = frozenset({
    "train_time", "elapsed", "elapsed_time", "time_elapsed", "elapsed_s", "elapsed_sec", "_runtime",
    "runtime", "wall_time", "walltime", "total_time", "time_total", "training_time",
    "_timestamp", "timestamp",
})
_MILLISECONDS = frozenset({"train_time", "elapsed_ms", "time_ms"})

LABELS = {
    "step": "step",
    "epoch": "epoch",
    "tokens": "tokens",
    "samples": "samples",
    "time": "time since first record",
    "read time": "time since first record (as read)",
}


@dataclass(frozen=True, slots=True)
class AxisMap:
    """One run's map between step and an x axis. ``steps`` and ``xs`` are the anchors, both
    increasing (``xs`` may repeat: a read-time axis puts the backlog read at once at 0)."""

    axis: str  # "step", "epoch", "time" or "tokens"
    label: str  # what to print on the axis
    steps: np.ndarray
    xs: np.ndarray
    unit: str = ""  # "s" for time; "samples" when the tokens axis counts samples

    def to_x(self, steps) -> np.ndarray:
        return _extend(np.asarray(steps, dtype=np.float64), self.steps, self.xs)

    def to_step(self, xs) -> np.ndarray:
        # Where xs repeat (a plateau), the last step of the plateau: to_step(to_x(s)) >= s.
        keep = np.r_[np.diff(self.xs) > 0, True]
        return _extend(np.asarray(xs, dtype=np.float64), self.xs[keep], self.steps[keep])


def _extend(values: np.ndarray, xp: np.ndarray, fp: np.ndarray) -> np.ndarray:
    """np.interp inside the anchors, the end slopes outside them (monotone, never clamped)."""
    if len(xp) == 1:
        return values - xp[0] + fp[0]
    out = np.interp(values, xp, fp)
    low, high = values < xp[0], values > xp[-1]
    if low.any():
        out[low] = fp[0] + (values[low] - xp[0]) * _slope(xp[0], xp[1], fp[0], fp[1])
    if high.any():
        out[high] = fp[-1] + (values[high] - xp[-1]) * _slope(xp[-2], xp[-1], fp[-2], fp[-1])
    return out


def _slope(x0: float, x1: float, f0: float, f1: float) -> float:
    return (f1 - f0) / (x1 - x0) if x1 > x0 else 0.0


def _key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.rsplit("/", 1)[-1].strip().lower())


def _points(series) -> tuple[np.ndarray, np.ndarray]:
    """Finite (step, value) points with increasing steps (a resumed run's repeated steps are
    dropped: the first time a step was reached is kept)."""
    steps, values = series.steps, series.values
    keep = np.isfinite(steps) & np.isfinite(values)
    steps, values = steps[keep], values[keep]
    if len(steps) > 1:
        first = np.r_[True, steps[1:] > np.maximum.accumulate(steps)[:-1]]
        steps, values = steps[first], values[first]
    return steps, values


def _cumulative(steps: np.ndarray, values: np.ndarray) -> bool:
    """A counter that accumulates: never goes down, and grows at most logged points (a constant
    per-step count such as ``ntokens`` does neither)."""
    if len(values) < 2:
        return False
    diffs = np.diff(values)
    return bool((diffs >= 0).all() and (diffs > 0).sum() * 2 >= len(diffs) and values[-1] > values[0])


def _anchors(steps: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Anchors where the value first takes each new level (a staircase's treads start there),
    keeping only points that move both step and value forward."""
    if len(steps) < 2:
        return None
    rising = np.r_[True, values[1:] > np.maximum.accumulate(values)[:-1]]
    steps, values = steps[rising], values[rising]
    if len(steps) < 2:
        return None
    return steps, values


def _from_series(monitor, names: frozenset[str], cumulative: bool) -> tuple[object, np.ndarray, np.ndarray] | None:
    for series in monitor.store:
        if _key(series.name) not in names:
            continue
        steps, values = _points(series)
        if cumulative and not _cumulative(steps, values):
            continue
        anchors = _anchors(steps, values)
        if anchors is not None:
            return series, *anchors
    return None


def _identity(monitor) -> AxisMap | None:
    if not any(len(series) for series in monitor.store):
        return None
    return AxisMap("step", LABELS["step"], np.array([0.0, 1.0]), np.array([0.0, 1.0]))


def _epoch(monitor) -> AxisMap | None:
    found = _from_series(monitor, _EPOCH_NAMES, cumulative=False)
    if found is None:
        return None
    _, steps, xs = found
    return AxisMap("epoch", LABELS["epoch"], steps, xs)


def _tokens(monitor) -> AxisMap | None:
    found = _from_series(monitor, _TOKEN_NAMES, cumulative=True)
    if found is not None:
        _, steps, xs = found
        return AxisMap("tokens", LABELS["tokens"], steps, xs, unit="tokens")
    timeline = getattr(monitor, "timeline", None)
    counted = timeline.counter_anchors("tokens") if timeline is not None else None
    if counted is not None:
        return AxisMap("tokens", LABELS["tokens"], *counted, unit="tokens")
    per_step = timeline.tokens_per_step if timeline is not None else None
    if per_step and _identity(monitor) is not None:  # nanoGPT: step × the tokens of one step
        return AxisMap("tokens", LABELS["tokens"], np.array([0.0, 1.0]), np.array([0.0, per_step]), unit="tokens")
    found = _from_series(monitor, _SAMPLE_NAMES, cumulative=True)
    samples = found[1:] if found is not None else None
    if samples is None and timeline is not None:
        samples = timeline.counter_anchors("samples")
    if samples is None:
        return None
    seq_length = timeline.seq_length if timeline is not None else None
    if seq_length:  # Megatron: consumed samples × the sequence length its arguments dump gave
        return AxisMap("tokens", LABELS["tokens"], samples[0], samples[1] * seq_length, unit="tokens")
    return AxisMap("tokens", LABELS["samples"], *samples, unit="samples")


def _time(monitor) -> AxisMap | None:
    found = _from_series(monitor, _ELAPSED_NAMES, cumulative=True)
    if found is not None:
        series, steps, xs = found
        scale = 1e-3 if _key(series.name) in _MILLISECONDS else 1.0
        return AxisMap("time", LABELS["time"], steps, (xs - xs[0]) * scale, unit="s")
    timeline = getattr(monitor, "timeline", None)
    if timeline is None:
        return None
    anchors = timeline.time_anchors()
    if anchors is None:
        return None
    steps, seconds, source = anchors
    return AxisMap("time", LABELS["read time" if source == "read" else "time"], steps, seconds, unit="s")


_MAKERS = {"step": _identity, "epoch": _epoch, "time": _time, "tokens": _tokens}


def axis_map(monitor, axis: str) -> AxisMap | None:
    """The run's map from step to ``axis`` (one of AXES), or None when the log lacks that axis.
    Costs O(points of the series it reads): call it when a chart or a comparison needs it, not
    per line."""
    if axis not in _MAKERS:
        raise ValueError(f"unknown axis {axis!r}: one of {', '.join(AXES)}")
    return _MAKERS[axis](monitor)


def available_axes(monitor) -> list[str]:
    """The axes this run has, in AXES order."""
    return [axis for axis in AXES if _MAKERS[axis](monitor) is not None]


def describe_x(axis: str, unit: str, x: float | None, bare: bool = False) -> str:
    """A point of an axis in words: ``step 12,000``, ``epoch 3.25``, ``1.05h``, ``2.1B tokens``
    (``bare``: without the word ``step`` or ``epoch``)."""
    if x is None or x != x:
        return "?"
    if axis == "step":
        return f"{x:,.0f}" if bare else f"step {x:,.0f}"
    if axis == "epoch":
        return f"{x:.3g}" if bare else f"epoch {x:.3g}"
    if axis == "time":
        return duration(x)
    return f"{_count(x)} {unit or axis}"


def duration(seconds: float) -> str:
    """Seconds as a short duration: 42s, 12.5min, 3.25h."""
    if abs(seconds) < 120:
        return f"{seconds:.3g}s"
    if abs(seconds) < 7200:
        return f"{seconds / 60:.3g}min"
    return f"{seconds / 3600:.3g}h"


def _count(value: float) -> str:
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"
