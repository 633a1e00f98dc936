"""Latency and idle cost of `lossmon watch`, measured as a user would run it.

    .venv/bin/python benchmarks/follow_latency.py [--samples 200] [--idle-seconds 10]

For each mode (inotify, then ``--poll 1``) it starts ``lossmon watch --jsonl`` on a log with some
history, in its own process, and then:

- idle cost: leaves the log alone for ``--idle-seconds`` and reads the watcher's own CPU time
  (utime + stime from /proc/PID/stat) before and after;
- latency: appends one metric line at a time, at random intervals, and times how long until the
  watcher prints its record (p50, p95, max).

Linux only (/proc). Timings, not tests: CI does not run this.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HISTORY_LINES = 10_000


def line(step: int) -> str:
    return f"iter {step}: loss {2 + (step % 101) / 1000:.4f}, time 10.00ms, mfu 1.00%\n"


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def start_watch(path: str, extra: list[str], root: str | None = None) -> subprocess.Popen:
    """``lossmon watch`` of this checkout, or of the one at ``root``."""
    return subprocess.Popen(
        [sys.executable, "-m", "lossmon", "watch", "--jsonl", *extra, path],
        cwd=root,
        env=None if root is None else {**os.environ, "PYTHONPATH": root},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    )


def wait_for_step(process: subprocess.Popen, step: int) -> None:
    while True:
        text = process.stdout.readline()
        if not text:
            raise SystemExit("lossmon watch ended early")
        if json.loads(text).get("step") == step:
            return


def measure(
    mode: str, extra: list[str], samples: int, gaps: tuple[float, float], idle_seconds: float, root: str | None = None
) -> dict:
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "train.log")
        with open(path, "w") as f:
            f.writelines(line(i) for i in range(HISTORY_LINES))
        process = start_watch(path, extra, root)
        try:
            wait_for_step(process, HISTORY_LINES - 1)  # history read: from here on it only waits
            time.sleep(1.0)
            before = cpu_seconds(process.pid)
            time.sleep(idle_seconds)
            idle_share = (cpu_seconds(process.pid) - before) / idle_seconds

            latencies = []
            rng = random.Random(7)
            with open(path, "a", buffering=1) as log:
                for step in range(HISTORY_LINES, HISTORY_LINES + samples):
                    time.sleep(rng.uniform(*gaps))
                    written = time.perf_counter()
                    log.write(line(step))
                    wait_for_step(process, step)
                    latencies.append(time.perf_counter() - written)
        finally:
            process.terminate()
            process.wait(timeout=10)
    latencies.sort()
    return {
        "mode": mode,
        "idle_cpu_percent_of_a_core": round(100 * idle_share, 3),
        "idle_seconds": idle_seconds,
        "samples": len(latencies),
        "latency_ms_p50": round(1000 * statistics.median(latencies), 1),
        "latency_ms_p95": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
        "latency_ms_max": round(1000 * latencies[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200, help="lines timed with inotify (polling: a tenth)")
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()
    results = [
        measure("inotify", [], args.samples, (0.02, 0.08), args.idle_seconds),
        measure("--poll 1", ["--poll", "1"], max(10, args.samples // 10), (0.1, 1.5), args.idle_seconds),
    ]
    for result in results:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
