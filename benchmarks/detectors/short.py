"""Short runs: epoch-level logs of 10-300 points (Keras, Lightning epoch CSVs, YOLO results.csv,
timm summaries), scored apart from the long per-step runs.

A point is an epoch: the train loss is the epoch's mean (a few % of noise), one eval per epoch
(val loss, sometimes a recall or an accuracy), the lr often warming up over the first epochs
(YOLO: 3). Pathologies are injected as in synth.py but with windows in epochs; the hard
negatives are what such logs do when healthy: smooth decays, noisier epoch values, a val bump
while the lr warms up, a metric that saturates, and short per-batch logs (Lightning's
metrics.csv: a few dozen noisy batches after a fast first drop), and runs that log an accuracy
that saturates high or rises slowly from low (never a model stuck at the class prior).
"""

from __future__ import annotations

import math

import numpy as np

from benchmarks.detectors.synth import Label, Run

SHORT_PATHOLOGIES = ("not_converging", "overfitting", "plateau", "exploding_loss", "contradictory_metrics", "nan_or_inf")
SHORT_NEGATIVES = ("smooth", "noisy", "warmup_bump", "saturated", "per_batch")
# Healthy runs that log an accuracy (train and val, as Keras does), drawn from a random stream of
# their own so that the runs above stay the same: one that saturates high with a tiny jitter, a
# hard task's that stays low and rises slowly. Neither is a model stuck at the class prior.
ACCURACY_NEGATIVES = ("accuracy_high", "accuracy_slow")


def _epochs(rng, low: int = 10) -> int:
    return int(round(math.exp(rng.uniform(math.log(low), math.log(300)))))


def healthy_short(rng, name: str, group: str, n: int | None = None, noise: float | None = None) -> Run:
    n = n or _epochs(rng)
    e = np.arange(n, dtype=np.float64)
    floor = rng.uniform(0.02, 1.0)
    start = floor + rng.uniform(0.5, 3.0)
    tau = rng.uniform(0.1, 0.4) * n + 1
    curve = floor + (start - floor) * np.exp(-e / tau)
    sigma = noise if noise is not None else rng.uniform(0.005, 0.04)
    loss = curve * np.exp(sigma * rng.standard_normal(n))
    steps = e + float(rng.choice([0, 1]))  # 0-based (YOLO 8, Lightning) or 1-based epochs
    series = {"loss": loss}
    if rng.random() < 0.6:  # lr: a warm-up over the first epochs, then a cosine decay
        warm = int(rng.integers(1, 4))
        lr = 1e-3 * 0.5 * (1 + np.cos(np.pi * e / n))
        lr[:warm] = lr[warm] * (e[:warm] + 1) / (warm + 1)
        series["lr"] = lr
    run = Run(name, group, 1, steps, series)
    run.attrs["epoch_points"] = {"value": 1}
    run.eval_steps = steps.copy()
    run.evals["val_loss"] = curve * rng.uniform(1.0, 1.3) * np.exp(rng.uniform(0.005, 0.03) * rng.standard_normal(n))
    return run


def inject_short(rng, run: Run, pathology: str) -> Run:
    n = run.points
    loss = run.series["loss"]

    def window(index: int, post: int, lasting: bool = True) -> Label:
        start = float(run.steps[index])
        return Label(pathology, start, start, start + post, float(run.steps[-1]) if lasting else None)

    if pathology == "not_converging":  # bounces from the start, no trend (2.35..3.99 for 28 epochs)
        level = math.log(loss[0])
        loss[:] = np.exp(level + rng.uniform(0.15, 0.4) * rng.uniform(-1.7, 1.7, n))
        loss[0] = math.exp(level)
        run.evals["val_loss"] = loss * rng.uniform(1.0, 1.2) * np.exp(0.05 * rng.standard_normal(n))
        run.labels.append(window(0, 30))
    elif pathology == "overfitting":
        e0 = int(rng.integers(max(3, int(0.3 * n)), max(4, int(0.7 * n))))
        val = run.evals["val_loss"]
        if rng.random() < 0.5:  # a U-turn: 3-10% up per epoch
            val[e0:] = val[e0 - 1] * np.exp(rng.uniform(0.03, 0.10) * np.arange(1, n - e0 + 1))
        else:  # a jump that stays up, noisily (the short Keras run: 0.0718 -> 0.1239 -> ~0.09)
            val[e0:] = val[e0 - 1] * rng.uniform(1.3, 1.7) * np.exp(rng.uniform(0.03, 0.08) * rng.standard_normal(n - e0))
        loss[e0:] *= np.exp(-rng.uniform(0.05, 0.3) * np.arange(1, n - e0 + 1))  # train keeps falling
        run.labels.append(Label(pathology, float(run.steps[e0]), float(run.steps[e0 - 1]), float(run.steps[min(n - 1, e0 + 5)]), float(run.steps[-1])))
    elif pathology == "plateau":  # a dead start at chance level
        k = int(rng.choice([2, 10, 100, 1000]))
        loss[:] = math.log(k) * np.exp(rng.uniform(0.001, 0.01) * rng.standard_normal(n))
        run.evals["val_loss"] = math.log(k) * np.exp(0.003 * rng.standard_normal(n))
        run.labels.append(window(0, 30))
    elif pathology == "exploding_loss":
        t0 = int(rng.integers(max(5, n // 5), max(6, n - 3)))
        if rng.random() < 0.5:  # a spike
            loss[t0] *= math.exp(rng.uniform(math.log(5), math.log(30)))
            run.labels.append(window(t0, 3, lasting=False))
        else:  # a divergence: 20-50% per epoch
            loss[t0:] *= np.exp(rng.uniform(0.2, 0.5) * np.arange(1, n - t0 + 1))
            run.labels.append(window(t0, 10))
        keep = run.eval_steps < run.steps[t0]
        run.eval_steps, run.evals = run.eval_steps[keep], {k: v[keep] for k, v in run.evals.items()}
    elif pathology == "contradictory_metrics":  # recall stays at 0 while the loss falls
        # The contradiction needs the loss to fall (10%): on a slow epoch-level decay that takes a
        # few epochs, so the window is 15 evals, not 5.
        run.evals["recall"] = np.zeros(n)
        run.labels.append(window(0, 15))
    elif pathology == "nan_or_inf":
        t0 = int(rng.integers(1, n))
        loss[t0:] = np.nan
        run.labels.append(window(t0, 0))
        keep = run.eval_steps < run.steps[t0]
        run.eval_steps, run.evals = run.eval_steps[keep], {k: v[keep] for k, v in run.evals.items()}
    else:
        raise ValueError(pathology)
    return run


def negative_short(rng, name: str, kind: str) -> Run:
    group = f"healthy/short_{kind}"
    if kind == "smooth":
        return healthy_short(rng, name, group)
    if kind == "noisy":  # epoch values of a small dataset: 5-12% of noise
        return healthy_short(rng, name, group, noise=rng.uniform(0.05, 0.12))
    if kind == "warmup_bump":  # YOLO: val loss bumps up 20-50% in the warm-up epochs, then falls
        run = healthy_short(rng, name, group, n=_epochs(rng, 15))
        e = np.arange(run.points, dtype=np.float64)
        warm = 3
        lr = 1e-3 * 0.5 * (1 + np.cos(np.pi * e / run.points))
        lr[:warm] = lr[warm] * (e[:warm] + 1) / (warm + 1)
        run.series["lr"] = lr
        run.evals["val_loss"] *= 1 + rng.uniform(0.2, 0.5) * np.exp(-((e - 2) ** 2) / 2)
        return run
    if kind == "saturated":  # accuracy stops at 0.9 (or top-1 at 87.5) while the loss creeps down
        run = healthy_short(rng, name, group, n=_epochs(rng, 12))
        top1 = rng.random() < 0.5
        ceiling = 87.5 if top1 else 0.9
        rise = np.minimum(1.0, np.arange(1, run.points + 1) / max(2, run.points // 3))
        run.evals["eval_top1" if top1 else "val_accuracy"] = np.round(ceiling * (0.6 + 0.4 * rise), 4)
        return run
    if kind == "per_batch":  # a short per-batch log: a fast first drop, then 20-60% batch noise
        n = _epochs(rng, 20)
        t = np.arange(n, dtype=np.float64)
        floor = rng.uniform(0.02, 0.5)
        curve = floor + rng.uniform(0.5, 2.0) * np.exp(-t / rng.uniform(2, 6))
        loss = curve * np.exp(rng.uniform(0.2, 0.6) * rng.standard_normal(n))
        run = Run(name, group, 50, (t + 1) * 50, {"loss": loss})
        run.attrs["epoch_points"] = {"value": 1}
        return run
    raise ValueError(kind)


def accuracy_negative(rng, name: str, kind: str) -> Run:
    run = healthy_short(rng, name, f"healthy/short_{kind}", n=_epochs(rng, 12))
    e = np.arange(run.points, dtype=np.float64)
    if kind == "accuracy_high":  # 0.5-0.9 of its ceiling (0.95-0.999) at epoch 1, then there, +-0.0002-0.002
        ceiling = rng.uniform(0.95, 0.999)
        opening = ceiling * rng.uniform(0.5, 0.9)
        progress = 1.0 - np.exp(-e / (rng.uniform(0.05, 0.3) * run.points + 1))
        jitter = rng.uniform(0.0002, 0.002)
    elif kind == "accuracy_slow":  # 0.02-0.3 at epoch 1, 0.05-0.3 higher by the end, +-0.001-0.01
        opening = rng.uniform(0.02, 0.3)
        ceiling = opening + rng.uniform(0.05, 0.3)
        progress = 1.0 - np.exp(-e / (rng.uniform(0.3, 1.0) * run.points + 1))
        jitter = rng.uniform(0.001, 0.01)
    else:
        raise ValueError(kind)
    # A cross-entropy to match: 0.01-0.1 at the end for a high accuracy, 2.5-4.2 for a hard task's
    # low one (many classes: ln 100 = 4.6), never settling at a telling chance level ln(k).
    floor = rng.uniform(0.01, 0.1) if kind == "accuracy_high" else rng.uniform(2.5, 4.2)
    curve = floor + rng.uniform(0.5, 3.0) * np.exp(-e / (rng.uniform(0.1, 0.4) * run.points + 1))
    run.series["loss"] = curve * np.exp(rng.uniform(0.005, 0.04) * rng.standard_normal(run.points))
    run.evals["val_loss"] = curve * rng.uniform(1.0, 1.3) * np.exp(rng.uniform(0.005, 0.03) * rng.standard_normal(run.points))
    accuracy = opening + (ceiling - opening) * progress
    run.series["accuracy"] = np.round(np.minimum(1.0, accuracy + jitter * rng.standard_normal(run.points)), 4)
    run.evals["val_accuracy"] = np.round(np.minimum(1.0, accuracy * rng.uniform(0.97, 1.0) + jitter * rng.standard_normal(run.points)), 4)
    return run


def short_suite(seed: int = 0, per_pathology: int = 30, per_negative: int = 30) -> list[Run]:
    rng = np.random.default_rng(seed + 1000)
    runs = []
    for pathology in SHORT_PATHOLOGIES:
        for i in range(per_pathology):
            base = healthy_short(rng, f"short-{pathology}-{i}", pathology, n=_epochs(rng, 15))
            runs.append(inject_short(rng, base, pathology))
    for kind in SHORT_NEGATIVES:
        for i in range(per_negative):
            runs.append(negative_short(rng, f"short-{kind}-{i}", kind))
    accuracy_rng = np.random.default_rng(seed + 2000)
    for kind in ACCURACY_NEGATIVES:
        for i in range(per_negative):
            runs.append(accuracy_negative(accuracy_rng, f"short-{kind}-{i}", kind))
    return runs
