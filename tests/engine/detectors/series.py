"""Small hand-made series for the detector tests, a way to feed them, and corpus logs' rows."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from lossmon.engine.detectors import Detector


def feed(detector: Detector, values, chunks=None, steps=None, names=None, **context) -> list:
    """Feed ``values`` (with context arrays by role, and ``names`` of the series playing them) to
    ``detector``, in one run or in runs that end at the indices ``chunks``; returns all findings."""
    values = np.asarray(values, dtype=np.float64)
    steps = np.arange(1, len(values) + 1, dtype=np.float64) if steps is None else np.asarray(steps, np.float64)
    cuts = [0, *(chunks or []), len(values)]
    findings = []
    for lo, hi in zip(cuts[:-1], cuts[1:]):
        part = {role: np.asarray(array, np.float64)[lo:hi] for role, array in context.items()}
        findings.extend(detector.update_values(values[lo:hi], steps[lo:hi], context_names=names, **part))
    return findings


def decaying(n: int, noise: float = 0.03, seed: int = 0, floor: float = 1.5, start: float = 6.0) -> np.ndarray:
    """A healthy loss: power-law decay toward ``floor`` with multiplicative noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(n, dtype=np.float64)
    return (floor + (start - floor) * (t / 20 + 1) ** -0.7) * np.exp(noise * rng.standard_normal(n))


def summary(findings) -> list[tuple[str, str, float]]:
    return [(f.pathology, f.severity, f.step) for f in findings]


def alarms(findings) -> list:
    return [f for f in findings if f.severity in ("warn", "alert")]


def corpus_rows(slug: str, file: str, pattern: str) -> list[tuple[float, ...]]:
    """The numbers ``pattern``'s groups match in each line of a corpus log (tests/corpus/<slug>/<file>)."""
    text = (Path(__file__).resolve().parents[2] / "corpus" / slug / file).read_text()
    return [tuple(map(float, match.groups())) for match in re.finditer(pattern, text, re.M)]
