"""Synthetic runs written out in the text formats of real trainers, and read back through lossmon's
parser, as ``lossmon check`` reads a log: the style of a log (progress bars between the records,
epochs logged or not, running means) changes what the detectors see, so the benchmark must go
through it.

Styles:
* ``hf_tqdm``: Hugging Face Trainer dicts (loss, grad_norm, learning_rate, fractional epoch)
  between tqdm progress-bar redraws (carriage returns, no newline);
* ``jsonl`` / ``jsonl_no_epoch``: one JSON object per line, with an integer epoch or without;
* ``nanogpt``: ``iter N: loss X, time T ms, mfu M%`` (no epoch, no lr);
* ``keras``: ``Epoch e/E`` lines, then one progress line per batch (``b/total ━━━ ... - loss: X``)
  carrying the batch's own loss (as a custom loop or a generated log writes it).
"""

from __future__ import annotations

import json
import math

import numpy as np

from benchmarks.detectors.synth import Run
from lossmon.engine.monitor import Monitor

STYLES = ("hf_tqdm", "jsonl", "jsonl_no_epoch", "nanogpt", "keras")
CHUNK_BYTES = 1 << 16  # fed as a followed file arrives


def render(run: Run, style: str) -> bytes:
    """The run's train stream (loss, lr, grad norm, epoch) as the text of one log style. The
    logged step of point i is run.steps[i] (keras: i + 1, its steps are batches)."""
    loss = run.series["loss"]
    lr = run.series.get("lr")
    grad = run.series.get("grad_norm")
    period = int(run.attrs["epoch_points"]["value"])
    steps = run.steps
    n = len(loss)
    lines: list[str] = []
    if style == "hf_tqdm":
        total = int(steps[-1])
        for i in range(n):
            step = int(steps[i])
            lines.append(f"\r {100 * step // total:3d}%|{'█' * (10 * step // total):<10}| {step}/{total} "
                         f"[00:{i % 60:02d}<00:10,  7.31it/s]")
            record = {"loss": _num(loss[i])}
            if grad is not None:
                record["grad_norm"] = _num(grad[i])
            record["learning_rate"] = _num(lr[i]) if lr is not None else 5e-05
            record["epoch"] = round((i + 1) / period, 2)
            lines.append("\n" + repr(record) + "\n")
        return "".join(lines).encode()
    if style in ("jsonl", "jsonl_no_epoch"):
        for i in range(n):
            record = {"step": int(steps[i])}
            if style == "jsonl":
                record["epoch"] = i // period
            record["loss"] = _num(loss[i])
            if lr is not None:
                record["lr"] = _num(lr[i])
            lines.append(json.dumps(record))
    elif style == "nanogpt":
        for i in range(n):
            lines.append(f"iter {int(steps[i])}: loss {loss[i]:.4f}, time {30 + i % 7:.2f}ms, mfu {4.1 + (i % 5) / 10:.2f}%")
    elif style == "keras":
        epochs = math.ceil(n / period)
        for i in range(n):
            epoch, batch = i // period + 1, i % period + 1
            if batch == 1:
                lines.append(f"Epoch {epoch}/{epochs}")
            lines.append(f"{batch:>4}/{period} ━━━━━━━━━━━━━━━━━━━━ 0s 12ms/step - loss: {loss[i]:.4f}")
    else:
        raise ValueError(style)
    return ("\n".join(lines) + "\n").encode()


def _num(value: float):
    return float(f"{value:.6g}") if math.isfinite(value) else value


def styled(run: Run, style: str) -> Run:
    """The run as the style logs it: keras steps are batches (one point per step)."""
    if style == "keras":
        run.steps = np.arange(1, run.points + 1, dtype=np.float64)
        for label in run.labels:
            scale = 1.0 / run.interval
            label.start, label.lo, label.hi = label.start * scale, label.lo * scale, label.hi * scale
            if label.end is not None:
                label.end *= scale
        run.interval = 1
    if style in ("jsonl_no_epoch", "nanogpt", "keras"):
        run.series.pop("epoch", None)
    return run


def text_alarms(run: Run, style: str) -> list[tuple[str, str, float]]:
    """(pathology, severity, step) of every finding lossmon raises on the run's text."""
    data = render(run, style)
    monitor = Monitor(f"{run.name}.{style}")
    for lo in range(0, len(data), CHUNK_BYTES):
        monitor.feed(data[lo : lo + CHUNK_BYTES])
    monitor.finish()
    return [(f.pathology, f.severity, f.step) for f in monitor.findings]
