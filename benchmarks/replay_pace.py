"""How closely ``lossmon --replay`` keeps to the requested pace: a replay of a finished log at N
records per second, sampled as it goes (records fed against seconds since it started).

    .venv/bin/python benchmarks/replay_pace.py [--speed 400] [--steps 3000] [--seconds 2]

Timings, not tests: the suite checks what a replay hands over (tests/app/test_reader.py), this measures
its pace against the wall clock.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def measure(speed: float, steps: int, seconds: float) -> list[tuple[float, int]]:
    """(seconds since start, records fed) every 0.1 s for ``seconds``."""
    from lossmon.app.reader import LogReader
    from lossmon.engine import Monitor

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "train.log"
        path.write_text("".join(f"step {i} loss {2.0 / (1 + i / 100):.5f}\n" for i in range(steps)))
        reader = LogReader([str(path)], Monitor, replay_speed=speed)
        start = time.monotonic()
        reader.start(lambda log: None)
        samples = []
        try:
            while not reader.logs:
                time.sleep(0.01)
            log = reader.logs[0]
            while time.monotonic() - start < seconds:
                time.sleep(0.1)
                with log.lock:
                    samples.append((time.monotonic() - start, log.monitor.records))
        finally:
            reader.stop()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=400.0)
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    samples = measure(args.speed, args.steps, args.seconds)
    ratios = [records / (elapsed * args.speed) for elapsed, records in samples if elapsed > 0.2]
    print(f"replay at {args.speed:g} records/s, {len(samples)} samples")
    for elapsed, records in samples[:: max(1, len(samples) // 10)]:
        print(f"  {elapsed:5.2f} s  {records:6d} records  ({records / elapsed:7.1f}/s)")
    if ratios:
        print(f"pace: {min(ratios):.2f} .. {max(ratios):.2f} of the requested speed")


if __name__ == "__main__":
    main()
