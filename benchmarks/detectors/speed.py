"""Cost of the detectors per point: ``python -m benchmarks.detectors.speed [--points N]``.

Each detector alone on N points of a synthetic per-step train loss (power-law decay, 5% noise,
lr warm-up, a grad norm, an epoch counter), fed in runs of 10,000 points as a followed log
arrives; then the whole engine after parsing (Monitor.feed_records: store, roles, context
alignment, every detector) on N Hugging Face-style records (loss, grad_norm, learning_rate,
epoch). Times are the best of 3 runs.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from lossmon.engine.detectors import DETECTORS
from lossmon.engine.monitor import Monitor
from lossmon.engine.records import Column, RecordBatch

RUN = 10_000


def data(n: int, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    t = np.arange(n, dtype=np.float64)
    return {
        "step": t + 1,
        "loss": (2.0 + 8.0 * (t + 100) ** -0.3) * np.exp(0.05 * rng.standard_normal(n)),
        "learning_rate": 1e-3 * np.minimum(1.0, (t + 1) / 2000),
        "grad_norm": 0.3 * np.exp(0.2 * rng.standard_normal(n)),
        "epoch": t / 5000,
    }


def detector_costs(n: int) -> dict[str, float]:
    d = data(n)
    roles = {"train_loss": "loss", "monitored": "loss", "grad_norm": "grad_norm"}
    context = {"lr": d["learning_rate"], "epoch": d["epoch"], "train_loss": d["loss"], "grad_norm": d["grad_norm"]}
    costs = {}
    for cls in DETECTORS:
        if cls.driver not in roles:
            continue  # eval-driven detectors run once per eval, not per point
        values = d[roles[cls.driver]]
        best = float("inf")
        for _ in range(3):
            detector = cls(roles[cls.driver])
            started = time.perf_counter()
            for lo in range(0, n, RUN):
                hi = lo + RUN
                detector.update_values(
                    values[lo:hi], d["step"][lo:hi], **{role: context[role][lo:hi] for role in cls.context if role in context}
                )
            best = min(best, time.perf_counter() - started)
        costs[cls.pathology] = 1e6 * best / n
    return costs


def engine_cost(n: int, with_detectors: bool) -> float:
    d = data(n)
    best = float("inf")
    for _ in range(3):
        monitor = Monitor("speed", detectors=DETECTORS if with_detectors else ())
        started = time.perf_counter()
        for lo in range(0, n, RUN):
            hi = min(lo + RUN, n)
            rows = np.arange(hi - lo)
            columns = {name: Column(rows, d[name][lo:hi]) for name in ("loss", "grad_norm", "learning_rate", "epoch")}
            monitor.feed_records(RecordBatch(np.arange(lo, hi) + 1, d["step"][lo:hi], columns))
        best = min(best, time.perf_counter() - started)
    return 1e6 * best / n


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.detectors.speed", description=__doc__)
    parser.add_argument("--points", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    n = args.points
    print(f"| detector | µs per point ({n:,} points) |\n|---|---|")
    costs = detector_costs(n)
    for name, cost in costs.items():
        print(f"| {name} | {cost:.3f} |")
    print(f"| sum of the per-point detectors, each alone | {sum(costs.values()):.3f} |")
    plain, full = engine_cost(n, False), engine_cost(n, True)
    print(f"| engine after parsing, no detectors (store, roles) | {plain:.3f} |")
    print(f"| engine after parsing, all detectors (shared features) | {full:.3f} |")
    print(f"| detectors' share of the engine | {full - plain:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
