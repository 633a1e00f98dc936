"""Peak memory of ``lossmon check`` on a log that writes a new metric name on every line.

    .venv/bin/python -m benchmarks.series_memory                  # 100k and 300k distinct names
    .venv/bin/python -m benchmarks.series_memory --names 100000   # one size
    .venv/bin/python -m benchmarks.series_memory --max-series 100000   # without the cap's effect

Each log is JSON lines, ``{"step": i, "loss": ..., "m_<random hex>": 0.5}``: every line adds one
distinct name (100k lines: about 5.5 MB). ``lossmon check`` runs in a child process; its peak RSS
is the child's ``ru_maxrss`` (resource.getrusage), with its wall time and the warning line it
printed. Issue 19 asks for peak RSS <= 200 MB and a warning at 100k names.
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


def measure(log: Path, extra: list[str]) -> tuple[float, float, list[str], int]:
    """(peak RSS in MB, seconds, warning lines, exit status) of one ``lossmon check``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "lossmon", "check", "--json", *extra, str(log)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux; the largest child so far
    if peak <= before:
        print("  (note: an earlier, larger child holds the maximum; run one size per process)", file=sys.stderr)
    return peak / 1024.0, seconds, result.stderr.splitlines(), result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, action="append", help="distinct names (default: 100000 and 300000)")
    parser.add_argument("--max-series", type=int, help="passed on to lossmon check")
    args = parser.parse_args(argv)
    sizes = args.names or [100_000, 300_000]
    extra = ["--max-series", str(args.max_series)] if args.max_series else []
    worst = 0.0
    with tempfile.TemporaryDirectory() as directory:
        for names in sorted(sizes):  # ascending: ru_maxrss of children only grows
            log = Path(directory) / f"names-{names}.jsonl"
            write_log(log, names)
            peak, seconds, warnings, status = measure(log, extra)
            worst = max(worst, peak)
            print(
                f"{names:>9,} distinct names ({log.stat().st_size / 1e6:.1f} MB): peak RSS {peak:.0f} MB, "
                f"{seconds:.1f} s, exit {status}"
            )
            for line in warnings:
                print(f"    {line}")
    verdict = "within" if worst <= LIMIT_MB else "OVER"
    print(f"worst peak RSS {worst:.0f} MB: {verdict} the {LIMIT_MB:.0f} MB target")
    return 0 if worst <= LIMIT_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
