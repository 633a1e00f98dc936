"""The terminal app as a user runs it: the real ``lossmon`` command in a pseudo-terminal, its output
read as it is written (by a thread that wakes on each write: no polling process competes with the
app for the CPU, as repeated ``tmux capture-pane`` calls would).

    .venv/bin/python benchmarks/app_latency.py [--history 10000] [--samples 50] [--idle-seconds 10]

- first frame: from starting ``lossmon train.log`` (a nanoGPT log of ``--history`` lines) to the
  main chart written (its y-axis ticks) and the last step in the header;
- live latency: appends one line at a time, at random intervals, and times how long until the
  app writes its step into the header (p50, p95, max over ``--samples``);
- idle cost: leaves the followed file alone for ``--idle-seconds`` and reads the app's CPU time
  (utime + stime of its processes, from /proc) before and after.

Linux only. Timings, not tests: CI does not run this. benchmarks/perf.py uses the
functions below for its TUI figures.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.follow_latency import line  # noqa: E402  (the same nanoGPT lines)
from tests.tmux_screen import AttachedTerminal, lossmon_command  # noqa: E402


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


def app(args: list[str], width: int, height: int, env: dict | None = None) -> AttachedTerminal:
    """``lossmon ARGS`` in a pseudo-terminal of its own, ``env`` added to its environment."""
    return AttachedTerminal([*lossmon_command(), *args], width, height, env=env)


def step_shown(step_text: str) -> re.Pattern:
    """The header's step field as the app writes it ("step " and the number are styled apart)."""
    return re.compile(rb"step (?:\x1b\[[0-9;]*m)*" + re.escape(step_text.encode()) + rb"\x1b")


CHART_AXIS = re.compile("┤".encode())  # a y-axis tick: the main chart is drawn with data


def first_frame(terminal: AttachedTerminal, step_text: str, timeout: float = 60.0) -> float:
    """When the first frame showing the history up to ``step_text`` was written: the header at that
    step and the main chart drawn (time.monotonic)."""
    header, _ = terminal.wait_for(step_shown(step_text), 0, timeout)
    axis, _ = terminal.wait_for(CHART_AXIS, 0, timeout)
    return max(header, axis)


def first_frame_seconds(
    log: Path, step_text: str, width: int = 120, height: int = 40, timeout: float = 60.0, env: dict | None = None
) -> float:
    """Seconds from starting ``lossmon LOG`` to its first frame (see first_frame)."""
    start = time.monotonic()
    with app([str(log)], width, height, env={"XDG_STATE_HOME": str(log.parent), **(env or {})}) as terminal:
        return first_frame(terminal, step_text, timeout) - start


def live_latencies(terminal: AttachedTerminal, log: Path, first_step: int, samples: int, seed: int = 0) -> list[float]:
    """Append nanoGPT lines from ``first_step`` on, one at a time at random intervals; the seconds
    until the app writes each one's step into its header."""
    latencies = []
    rng = random.Random(seed)
    for step in range(first_step, first_step + samples):
        time.sleep(rng.uniform(0.2, 0.6))
        since = terminal.offset()
        with open(log, "a") as out:
            out.write(line(step))
        sent = time.monotonic()
        shown, _ = terminal.wait_for(step_shown(str(step)), since, 10.0)
        latencies.append(shown - sent)
    return latencies


def idle_cpu_share(pid: int, seconds: float) -> float:
    """Fraction of one core a process and its descendants use over ``seconds``."""
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return (cpu_seconds(pid) - before) / seconds


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
        with app([str(log)], 120, 40, env={"XDG_STATE_HOME": directory}) as terminal:
            shown = first_frame(terminal, str(last)) - start
            time.sleep(2.0)  # let the first seconds' work settle
            latencies = live_latencies(terminal, log, last + 1, args.samples)
            time.sleep(2.0)
            idle = idle_cpu_share(terminal.pid, args.idle_seconds)

    print(f"first frame ({args.history:,} lines, 120x40): {shown:.2f} s")
    print(
        f"live latency over {len(latencies)} appends: p50 {1000 * statistics.median(latencies):.0f} ms, "
        f"p95 {1000 * percentile(latencies, 0.95):.0f} ms, max {1000 * max(latencies):.0f} ms"
    )
    print(f"idle CPU following a static file: {100 * idle:.1f}% of a core over {args.idle_seconds:g} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
