"""A longer run of the chunking fuzz test (tests/engine/formats/test_chunking.py): random and
mutated real lines, each log read at once and in random block sizes through the parsing path of
check and watch; a case fails when reading raises or the records differ.

Usage: python -m benchmarks.fuzz [--seconds 300] [--seed 0] [--show 3]
Prints: cases, lines, seconds, failures (and the first few failing cases, as Python bytes).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "engine" / "formats"))

from fuzzing import difference, random_log, real_lines  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser()
    cli.add_argument("--seconds", type=float, default=300)
    cli.add_argument("--seed", type=int, default=0)
    cli.add_argument("--show", type=int, default=3, help="failing cases to print")
    args = cli.parse_args(argv)
    rng = random.Random(args.seed)
    real = real_lines()
    cases = lines = failures = 0
    start = time.monotonic()
    while time.monotonic() - start < args.seconds:
        count = rng.randint(5, 120)
        data = random_log(rng, real, lines=count)
        sizes = [rng.randint(1, 600) for _ in range(rng.randint(1, 6))]
        cases += 1
        lines += count
        try:
            problem = difference(data, sizes)
        except Exception as error:  # noqa: BLE001 - a failure to report, not to stop on
            problem = f"raised {error!r}"
        if problem is not None:
            failures += 1
            if failures <= args.show:
                print(f"FAIL {problem}\n  sizes {sizes}\n  data {data!r}\n", flush=True)
    seconds = time.monotonic() - start
    print(f"cases {cases:,}  lines {lines:,}  seconds {seconds:.0f}  failures {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
