"""The real logs of ../shared/real-logs with labels read off their curves (see its README):
the loss spikes of gpt-lab-diffusion (every single-step spike of 10x or more its local median;
the README's verdict names the largest, at step 2280), whisper's overfitting (eval_loss rises at
every eval from step 2000 while the train loss falls), and four healthy runs."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from benchmarks.detectors.synth import Label, Run
from lossmon.engine import check_file
from lossmon.engine.detectors.roles import resolve_roles

SPIKES = (699, 986, 1366, 1951, 2280, 3394, 4811, 6869, 6878)
LABELS = {
    "gpt-lab-diffusion-train.log": [Label("exploding_loss", s, s - 10, s + 20) for s in SPIKES],
    "whisper-trainer_state.json": [Label("overfitting", 2000, 1000, 5000)],
    "llmc-main.log": [],
    "modded-nanogpt-adamw.log": [],
    "slm-lightning-metrics.csv": [],
    "yolov8-fire-results.csv": [],
}


def real_logs_dir() -> Path | None:
    for candidate in (
        os.environ.get("LOSSMON_REAL_LOGS"),
        Path(__file__).resolve().parents[2].parent / "shared" / "real-logs",
        "/work/shared/real-logs",
    ):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def load(directory: Path) -> list[tuple[Run, list[tuple[str, str, float]]]]:
    """Each real log as a Run (its primary series, for the baselines) and lossmon's alarms."""
    out = []
    for name, labels in LABELS.items():
        path = directory / name
        if not path.exists():
            continue
        monitor = check_file(str(path))
        store = monitor.store
        roles = resolve_roles(store)
        train = store[store.primary_train]
        run = Run(name, "real", 1, train.steps.copy(), {"loss": train.values.copy()}, labels=list(labels))
        if roles["grad_norm"]:
            grad = store[roles["grad_norm"][0]]
            run.series["grad_norm"] = np.interp(train.steps, grad.steps, grad.values)
        if store.primary_val:
            val = store[store.primary_val]
            run.eval_steps, run.evals["val_loss"] = val.steps.copy(), val.values.copy()
        alarms = [(f.pathology, f.severity, f.step) for f in monitor.findings]
        out.append((run, alarms))
    return out
