"""The terminal app as a user runs it: the real ``lossmon`` command in tmux, read with
``capture-pane``.

    .venv/bin/python benchmarks/app_latency.py [--history 10000] [--samples 50] [--idle-seconds 10]

- first frame: from starting ``lossmon train.log`` (a nanoGPT log of ``--history`` lines) to the
  chart on screen (its legend and y-axis ticks, with the last step in the header);
- live latency: appends one line at a time, at random intervals, and times how long until the
  header shows its step (p50, p95, max over ``--samples``);
- idle cost: leaves the followed file alone for ``--idle-seconds`` and reads the app's CPU time
  (utime + stime of its processes, from /proc) before and after.

Linux and tmux only. Timings, not tests: CI does not run this. benchmarks/perf.py uses the
functions below for its TUI figures.
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


def _proc_table() -> tuple[dict[int, list[int]], dict[int, int]]:
    """(parent → children, pid → utime + stime in clock ticks) of every process."""
    children: dict[int, list[int]] = {}
    ticks: dict[int, int] = {}
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
        ticks[pid] = int(fields[11]) + int(fields[12])
    return children, ticks


def descendants(root: int) -> list[int]:
    """A process and all its descendants."""
    children, _ = _proc_table()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def cpu_seconds(root: int) -> float:
    """utime + stime of a process and its descendants."""
    children, ticks = _proc_table()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += ticks.get(pid, 0)
        todo += children.get(pid, [])
    return total / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(root: int) -> float:
    """The largest peak resident set (VmHWM) among a process and its descendants, in MB."""
    peak = 0
    for pid in descendants(root):
        try:
            with open(f"/proc/{pid}/status") as f:
                for row in f:
                    if row.startswith("VmHWM:"):
                        peak = max(peak, int(row.split()[1]))
        except OSError:
            continue
    return peak / 1024


def header_line(screen: TmuxScreen) -> str:
    return screen.text().split("\n", 1)[0]


def chart_shown(screen: TmuxScreen, step_text: str) -> bool:
    """The first frame: the header at the last step, the main chart's legend and y axis drawn."""
    text = screen.text()
    return f"step {step_text} " in text.split("\n", 1)[0] and "smooth " in text and "┤" in text


def first_frame_seconds(
    log: Path, step_text: str, width: int = 120, height: int = 40, timeout: float = 60.0, env: dict | None = None
) -> float:
    """Seconds from starting ``lossmon LOG`` (with ``env`` added to its environment) to its first
    frame (see chart_shown)."""
    start = time.monotonic()
    with TmuxScreen([str(log)], width, height, env={"XDG_STATE_HOME": str(log.parent), **(env or {})}) as screen:
        screen.wait_for(lambda: chart_shown(screen, step_text), timeout, "the first frame")
        return time.monotonic() - start


def live_latencies(screen: TmuxScreen, log: Path, first_step: int, samples: int, seed: int = 0) -> list[float]:
    """Append nanoGPT lines from ``first_step`` on, one at a time at random intervals; the seconds
    until the header shows each one's step."""
    latencies = []
    rng = random.Random(seed)
    for step in range(first_step, first_step + samples):
        time.sleep(rng.uniform(0.2, 0.6))
        with open(log, "a") as out:
            out.write(line(step))
        sent = time.monotonic()
        screen.wait_for(lambda: f"step {step} " in header_line(screen), 10.0, f"step {step}")
        latencies.append(time.monotonic() - sent)
    return latencies


def idle_cpu_share(screen: TmuxScreen, seconds: float) -> float:
    """Fraction of one core the app's processes use while nothing is appended."""
    before = cpu_seconds(screen.pid)
    time.sleep(seconds)
    return (cpu_seconds(screen.pid) - before) / seconds


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[int(fraction * (len(ordered) - 1))]


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
            screen.wait_for(lambda: chart_shown(screen, str(last)), 60.0, "the first frame")
            first_frame = time.monotonic() - start
            time.sleep(2.0)  # let the first seconds' work settle
            latencies = live_latencies(screen, log, last + 1, args.samples)
            time.sleep(2.0)
            idle = idle_cpu_share(screen, args.idle_seconds)

    print(f"first frame ({args.history:,} lines, 120x40): {first_frame:.2f} s")
    print(
        f"live latency over {len(latencies)} appends: p50 {1000 * statistics.median(latencies):.0f} ms, "
        f"p95 {1000 * percentile(latencies, 0.95):.0f} ms, max {1000 * max(latencies):.0f} ms"
    )
    print(f"idle CPU following a static file: {100 * idle:.1f}% of a core over {args.idle_seconds:g} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
