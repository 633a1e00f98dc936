"""Run lossmon's engine on a synthetic run: the run's points become parsed records, fed to a
Monitor in chunks as a followed log would arrive, so roles, context alignment, segments and every
detector work exactly as on a real log."""

from __future__ import annotations

import numpy as np

from benchmarks.detectors.synth import Run
from lossmon.engine.monitor import Monitor
from lossmon.engine.records import Column, RecordBatch

CHUNK = 4096


def records(run: Run) -> tuple[np.ndarray, dict[str, tuple[np.ndarray, np.ndarray]]]:
    """(step of each record, name → (record rows, values)): one record per train point, then one
    per eval, right after the train point of its step."""
    n = run.points
    train_key = np.arange(n, dtype=np.float64)
    eval_at = np.searchsorted(run.steps, run.eval_steps) if len(run.eval_steps) else np.empty(0, np.int64)
    keys = np.concatenate((train_key, eval_at + 0.5))
    order = np.argsort(keys, kind="stable")
    row_of = np.empty(len(keys), np.int64)
    row_of[order] = np.arange(len(keys))
    steps = np.concatenate((run.steps, run.eval_steps))[order]
    columns = {name: (row_of[:n], values) for name, values in run.series.items()}
    columns.update({name: (row_of[n:], values) for name, values in run.evals.items()})
    return steps, columns


def lossmon_alarms(run: Run) -> list[tuple[str, str, float]]:
    """(pathology, severity, step) of every finding lossmon raises on the run."""
    steps, columns = records(run)
    monitor = Monitor(run.name)
    attrs = {name: value for name, value in run.attrs.items() if name in columns}
    for lo in range(0, len(steps), CHUNK):
        hi = min(lo + CHUNK, len(steps))
        batch_columns = {}
        for name, (rows, values) in columns.items():
            inside = (rows >= lo) & (rows < hi)
            if inside.any():
                batch_columns[name] = Column(rows[inside] - lo, values[inside].astype(np.float64))
        batch = RecordBatch(np.arange(lo, hi, dtype=np.int64) + 1, steps[lo:hi], batch_columns, {}, attrs if lo == 0 else {})
        monitor.feed_records(batch)
    return [(f.pathology, f.severity, f.step) for f in monitor.findings]
