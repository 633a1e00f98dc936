"""Time to build the overlay chart (each run's snapshot, the plan, the braille canvas) at 200x50,
as the app does at each frame while every run has news, for 1 run and for 10 runs whose train
and eval losses have N points each.

    python benchmarks/overlay_frame_cost.py [--reps 15] [--points 1000000]

Prints one JSON object: {runs: median seconds}. Run as a script (not ``-m``), it imports
whichever lossmon is first on PYTHONPATH (benchmarks/perf.py times another checkout that way).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable


def _log(n: int, seed: int):
    import numpy as np

    from lossmon.app.live_log import LiveLog
    from lossmon.engine import Monitor
    from lossmon.engine.records import Column, RecordBatch

    rng = np.random.default_rng(seed)
    steps = np.arange(1, n + 1, dtype=np.float64)
    loss = (2.0 + 8.0 * (steps + 100) ** -0.3) * np.exp(0.05 * rng.standard_normal(n)) * (1 + 0.02 * seed)
    rows = np.arange(n)
    monitor = Monitor(f"run{seed}.log", detectors=())
    columns = {"loss": Column(rows, loss), "eval_loss": Column(rows, 1.1 * loss[::-1].copy())}
    monitor.feed_records(RecordBatch(np.arange(1, n + 1), steps, columns))
    return LiveLog(f"runs/{seed}/train.log", monitor)


def frame_builder(runs: int, n: int) -> Callable[[], object]:
    from contextlib import ExitStack

    from lossmon.app.overlay import OverlayRun, overlay_chart
    from lossmon.app.overlay_axes import RunAxes
    from lossmon.app.scene import take_snapshot
    from lossmon.app.view_state import ViewState

    logs = [_log(n, seed) for seed in range(runs)]
    view = ViewState()
    axes = RunAxes()

    def frame():
        with ExitStack() as locks:
            overlaid = []
            for index, log in enumerate(logs):
                locks.enter_context(log.lock)
                snapshot = take_snapshot(log)
                overlaid.append(OverlayRun(index, str(index), snapshot, axes.get(index, log, view.x_axis)))
            plan = overlay_chart(overlaid, view, 200, 50)
        return plan.draw()

    frame()  # the first frame smooths each history once; later frames read the kept result
    return frame


def frame_seconds(counts: list[int], n: int, reps: int) -> dict[int, float]:
    builders = {runs: frame_builder(runs, n) for runs in counts}
    samples: dict[int, list[float]] = {runs: [] for runs in counts}
    for _ in range(reps):
        for runs in counts:
            start = time.perf_counter()
            builders[runs]()
            samples[runs].append(time.perf_counter() - start)
    return {runs: statistics.median(times) for runs, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, nargs="+", default=[1, 10])
    args = parser.parse_args()
    print(json.dumps(frame_seconds(args.runs, args.points, args.reps)))


if __name__ == "__main__":
    main()
