"""The terminal app as a user runs it: the real ``lossmon`` command in tmux, read with
``capture-pane``.

    .venv/bin/python benchmarks/app_latency.py [--history 10000] [--samples 50] [--idle-seconds 10]

- first frame: from starting ``lossmon train.log`` (a nanoGPT log of ``--history`` lines) to the
  chart on screen (its legend and y-axis ticks, with the last step in the header);
- live latency: appends one line at a time, at random intervals, and times how long until the
  header shows its step (p50, p95, max over ``--samples``);
- idle cost: leaves the followed file alone for ``--idle-seconds`` and reads the app's CPU time
  (utime + stime of its processes, from /proc) before and after.

Linux and tmux only. Timings, not tests: CI does not run this.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.tmux_screen import TmuxScreen  # noqa: E402


def line(step: int) -> str:
    return f"iter {step}: loss {2 + (step % 101) / 1000:.4f}, time 10.00ms, mfu 1.00%\n"


def cpu_seconds(root: int) -> float:
    """utime + stime of a process and its descendants."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        times[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo += children.get(pid, [])
    return total


def header_step(screen: TmuxScreen) -> str:
    return screen.text().split("\n", 1)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        log = Path(directory) / "train.log"
        log.write_text("".join(line(step) for step in range(args.history)))
        last = args.history - 1
        start = time.monotonic()
        with TmuxScreen([str(log)], 120, 40, env={"XDG_STATE_HOME": directory}) as screen:

            def chart_shown() -> bool:
                text = screen.text()
                return f"step {last} " in text and "smooth 0.6" in text and "┤" in text

            screen.wait_for(chart_shown, 60.0, "the first frame")
            first_frame = time.monotonic() - start

            time.sleep(2.0)  # let the first seconds' work settle
            latencies = []
            rng = random.Random(0)
            for step in range(last + 1, last + 1 + args.samples):
                time.sleep(rng.uniform(0.2, 0.6))
                with open(log, "a") as out:
                    out.write(line(step))
                sent = time.monotonic()
                screen.wait_for(lambda: f"step {step} " in header_step(screen), 10.0, f"step {step}")
                latencies.append(time.monotonic() - sent)

            time.sleep(2.0)
            before = cpu_seconds(screen.pid)
            time.sleep(args.idle_seconds)
            idle = cpu_seconds(screen.pid) - before

    latencies.sort()
    print(f"first frame ({args.history:,} lines, 120x40): {first_frame:.2f} s")
    print(
        f"live latency over {len(latencies)} appends: p50 {1000 * statistics.median(latencies):.0f} ms, "
        f"p95 {1000 * latencies[int(0.95 * (len(latencies) - 1))]:.0f} ms, max {1000 * latencies[-1]:.0f} ms"
    )
    print(f"idle CPU following a static file: {idle:.2f} s over {args.idle_seconds:g} s ({100 * idle / args.idle_seconds:.1f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
