"""Peak memory of ``lossmon check`` on a log that writes a new metric name on every line.

    .venv/bin/python -m benchmarks.series_memory                  # 100k and 300k distinct names
    .venv/bin/python -m benchmarks.series_memory --names 100000   # one size
    .venv/bin/python -m benchmarks.series_memory --max-series 100000   # without the cap's effect
    .venv/bin/python -m benchmarks.series_memory --app            # the TUI (headless) instead of check

Each log is JSON lines, ``{"step": i, "loss": ..., "m_<random hex>": 0.5}``: every line adds one
distinct name (100k lines: about 5.5 MB). ``lossmon check`` (or, with ``--app``, the TUI run
headless by Textual's test driver until the log is loaded and drawn) runs in a child process;
its peak RSS is the child's ``ru_maxrss`` (resource.getrusage), with its wall time and the
warning it printed. Issue 19 asks for peak RSS <= 200 MB and a warning at 100k names.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_MB = 200.0


def write_log(path: Path, names: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    with path.open("w") as out:
        for i in range(names):
            out.write(json.dumps({"step": i, "loss": 2.0 - i / names, f"m_{rng.getrandbits(48):012x}": 0.5}) + "\n")


# The TUI, headless, until the log is read and drawn; its notifications go to stderr.
_APP_CHILD = """
import asyncio, sys, time
from functools import partial
from lossmon.app.app import LossmonApp
from lossmon.app.reader import LogReader
from lossmon.engine import Monitor

async def main(path, options):
    app = LossmonApp(LogReader([path], partial(Monitor, **options)))
    async with app.run_test(size=(160, 50)) as pilot:
        end = time.monotonic() + 600
        while (not app.reader.logs or app.loading) and time.monotonic() < end:
            await pilot.pause(0.05)
        for view in app.views:  # what the app announced (its notification may have expired)
            print(view.log.monitor.series_warning() or "", file=sys.stderr)
        app.exit()

options = {"max_series": int(sys.argv[2])} if len(sys.argv) > 2 else {}
asyncio.run(main(sys.argv[1], options))
"""


def measure(log: Path, extra: list[str], app: bool = False) -> tuple[float, float, list[str], int]:
    """(peak RSS in MB, seconds, warning lines, exit status) of one ``lossmon check`` (or app)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    command = (
        [sys.executable, "-c", _APP_CHILD, str(log), *extra[1:]] if app
        else [sys.executable, "-m", "lossmon", "check", "--json", *extra, str(log)]
    )
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux; the largest child so far
    if peak <= before:
        print("  (note: an earlier, larger child holds the maximum; run one size per process)", file=sys.stderr)
    return peak / 1024.0, seconds, result.stderr.splitlines(), result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, action="append", help="distinct names (default: 100000 and 300000)")
    parser.add_argument("--max-series", type=int, help="passed on to lossmon check (or the app)")
    parser.add_argument("--app", action="store_true", help="measure the TUI (headless) instead of lossmon check")
    args = parser.parse_args(argv)
    sizes = args.names or [100_000, 300_000]
    extra = ["--max-series", str(args.max_series)] if args.max_series else []
    worst = 0.0
    with tempfile.TemporaryDirectory() as directory:
        for names in sorted(sizes):  # ascending: ru_maxrss of children only grows
            log = Path(directory) / f"names-{names}.jsonl"
            write_log(log, names)
            peak, seconds, warnings, status = measure(log, extra, app=args.app)
            worst = max(worst, peak)
            print(
                f"{'app' if args.app else 'check'}: {names:>9,} distinct names ({log.stat().st_size / 1e6:.1f} MB): peak RSS {peak:.0f} MB, "
                f"{seconds:.1f} s, exit {status}"
            )
            for line in warnings:
                print(f"    {line}")
    verdict = "within" if worst <= LIMIT_MB else "OVER"
    print(f"worst peak RSS {worst:.0f} MB: {verdict} the {LIMIT_MB:.0f} MB target")
    return 0 if worst <= LIMIT_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
