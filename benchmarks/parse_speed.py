"""Lines per second of the parsing path (bytes → lines → records), without series or detectors.

Usage: python benchmarks/parse_speed.py LOG [--slow]   (--slow: templates off, slow path only)
"""

from __future__ import annotations

import argparse
import time

from lossmon.engine.formats import AutoParser
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder
from lossmon.engine.sources import read_chunks


def parse_file(path: str, fast: bool = True) -> tuple[int, int, float]:
    splitter, parser, out = LineSplitter(), AutoParser(fast=fast), RecordBuilder()
    records = 0
    start = time.process_time()  # CPU time: the machine is shared, wall time is noisy
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
    return splitter.lines_done, records, time.process_time() - start


def main() -> None:
    cli = argparse.ArgumentParser()
    cli.add_argument("log")
    cli.add_argument("--slow", action="store_true")
    args = cli.parse_args()
    lines, records, seconds = parse_file(args.log, fast=not args.slow)
    print(f"{lines:,} lines, {records:,} records in {seconds:.2f} s CPU: {lines / seconds:,.0f} lines/s")


if __name__ == "__main__":
    main()
