"""Time to build the TUI's main chart (snapshot, plan, braille canvas) at 200x50, as the app does at
each frame, for a log whose train and eval losses have N points each.

    python benchmarks/frame_cost.py [--reps 15] [--sizes 1000 100000 1000000]

Prints one JSON object: {N: median seconds}. Sizes are interleaved, so their ratio compares like
with like. Run as a script (not ``-m``), it imports whichever lossmon is first on PYTHONPATH:
benchmarks/perf.py times another checkout that way.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable


def frame_builder(n: int) -> Callable[[], object]:
    import numpy as np

    from lossmon.app.live_log import LiveLog
    from lossmon.app.scene import main_chart, take_snapshot
    from lossmon.app.view_state import ViewState
    from lossmon.engine import Monitor
    from lossmon.engine.records import Column, RecordBatch

    rng = np.random.default_rng(n)
    steps = np.arange(1, n + 1, dtype=np.float64)
    loss = (2.0 + 8.0 * (steps + 100) ** -0.3) * np.exp(0.05 * rng.standard_normal(n))
    rows = np.arange(n)
    monitor = Monitor("frame.log", detectors=())
    columns = {"loss": Column(rows, loss), "eval_loss": Column(rows, 1.1 * loss[::-1].copy())}
    monitor.feed_records(RecordBatch(np.arange(1, n + 1), steps, columns))
    log = LiveLog("frame.log", monitor)
    view = ViewState()

    def frame():
        with log.lock:
            plan = main_chart(take_snapshot(log), view, 200, 50)
        return plan.draw()

    frame()  # the first frame smooths the history once; later frames read the kept result
    return frame


def frame_seconds(sizes: list[int], reps: int) -> dict[int, float]:
    builders = {n: frame_builder(n) for n in sizes}
    samples: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(reps):
        for n in sizes:
            start = time.perf_counter()
            builders[n]()
            samples[n].append(time.perf_counter() - start)
    return {n: statistics.median(times) for n, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000, 1_000_000])
    args = parser.parse_args()
    print(json.dumps(frame_seconds(args.sizes, args.reps)))


if __name__ == "__main__":
    main()
