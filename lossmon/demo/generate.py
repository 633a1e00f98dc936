"""Write the eight demo logs: ``python -m lossmon.demo.generate [OUTDIR]`` (default demo_logs/)."""

from __future__ import annotations

import os

# The demo models are tiny: BLAS worker threads only add overhead (3x slower on 2 cores).
# Effective only if numpy is not imported yet, i.e. when run as a command.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from lossmon.demo.scenarios import SCENARIO_NAMES, SCENARIOS, render  # noqa: E402


def generate(outdir: str | Path = "demo_logs", names=SCENARIO_NAMES) -> list[Path]:
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = outdir / SCENARIOS[name].filename
        path.write_bytes(render(name))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    outdir = Path(args[0] if args else "demo_logs")
    total_start = time.perf_counter()
    for name in SCENARIO_NAMES:
        start = time.perf_counter()
        [path] = generate(outdir, [name])
        data = path.read_bytes()
        lines = data.count(b"\n")
        print(f"{path}  {len(data):>9,} bytes  {lines:>6,} lines  "
              f"{time.perf_counter() - start:5.2f}s  ({SCENARIOS[name].log_format})")
    print(f"total {time.perf_counter() - total_start:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
