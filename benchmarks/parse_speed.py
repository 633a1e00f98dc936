"""Lines per second of the parsing path (bytes → lines → records), without series or detectors,
and of the whole engine (``--engine``: the Monitor behind ``lossmon check``, detectors on).

The machine is shared, so the best of ``--repeat`` runs of CPU time is reported.
Usage: python benchmarks/parse_speed.py LOG [--slow] [--engine] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

from lossmon.engine import Monitor
from lossmon.engine.formats import AutoParser
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder
from lossmon.engine.sources import read_chunks


def parse_file(path: str, fast: bool = True) -> tuple[int, int]:
    splitter, parser, out = LineSplitter(), AutoParser(fast=fast), RecordBuilder()
    records = 0
    for chunk in read_chunks(path):
        block = splitter.feed(chunk)
        if block is not None:
            parser.parse_block(block, out)
            records += len(out.build())
    block = splitter.flush()
    if block is not None:
        parser.parse_block(block, out)
    parser.finish(out)
    records += len(out.build())
    return splitter.lines_done, records


def run_engine(path: str) -> tuple[int, int]:
    monitor = Monitor(path)
    for chunk in read_chunks(path):
        monitor.feed(chunk)
    monitor.finish()
    return monitor.lines, monitor.records


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("log")
    cli.add_argument("--slow", action="store_true", help="templates off: the per-line path only")
    cli.add_argument("--engine", action="store_true", help="the whole Monitor, detectors included")
    cli.add_argument("--repeat", type=int, default=3)
    args = cli.parse_args()
    best = float("inf")
    for _ in range(args.repeat):
        start = time.process_time()  # CPU time: wall time on a shared machine is noise
        lines, records = run_engine(args.log) if args.engine else parse_file(args.log, fast=not args.slow)
        best = min(best, time.process_time() - start)
    what = "engine" if args.engine else "parse"
    print(f"{what}: {lines:,} lines, {records:,} records, best {best:.2f} s CPU: {lines / best:,.0f} lines/s")


if __name__ == "__main__":
    main()
