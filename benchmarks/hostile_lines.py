"""Hunt for super-linear regexes on log text (issue 19: no hang on any line).

Feeds every public parse entry point (the whole parser as check and watch run it, in both modes;
``message_pairs``; the free-form reader; the bracket, brace and spaced pair readers) lines made of
one short unit repeated, the unit drawn from the characters the patterns care about, at 2k, 4k, 8k
and 16k characters. A case is flagged when its CPU time grows faster than linear (more than 2.6x
per doubling) or passes 50 ms at 16k. Only cases slow at 16k or steep from 2k to 16k are timed on
the whole ladder, so a full run takes a few minutes.

Usage: python -m benchmarks.hostile_lines [--random 400] [--seed 19] [--tail all|plain]
Prints one line per flagged (unit, tail, entry point) with its four times, then a summary line.
"""

from __future__ import annotations

import argparse
import itertools
import random
import time

from lossmon.engine.formats import AutoParser, auto, freeform, pairs
from lossmon.engine.formats.pairs import bracket_pairs, brace_pairs, message_pairs, spaced_pairs
from lossmon.engine import naming, record_heads
from lossmon.engine.formats import tags
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder

ALPHABET = list("[](){}:=,./@-_'\"019aglxeE+% \t") + ["loss", "iter", "step"]
LENGTHS = (2_000, 4_000, 8_000, 16_000)
RATIO = 2.6  # per doubling
LIMIT_16K = 0.050  # seconds
FLOOR = 0.002  # below this a time is noise, never "super-linear"
# What may follow a run: nothing, the start of a pair, a value, a closing bracket.
TAILS = ("", "=1", ": 0.5", " 1", "]", ")", "x")
# Units that made patterns slow before (kept so that the hunt always retries them).
KNOWN = ["g[", "x)", "[x", "a_b[", "loss[", "1 ", "1e", "a.", "'a': 1, ", "(", "%|", "a=1 ", "[a] "]


def _parse(fast: bool):
    def run(text: str) -> None:
        splitter, parser, out = LineSplitter(), AutoParser(fast=fast), RecordBuilder()
        parser.parse_block(splitter.feed((text + "\n").encode()), out)
    return run


def _parse_taught(text: str) -> None:
    """Three copies in one block, so a template may be learned from the line and run on it (its
    time is divided by three: the limit is per line)."""
    splitter, parser, out = LineSplitter(), AutoParser(fast=True), RecordBuilder()
    parser.parse_block(splitter.feed(((text + "\n") * 3).encode()), out)


_parse_taught.lines = 3


def _as_name(text: str) -> None:
    """The line as a metric's name (a JSON key may be this long): every naming rule reads it."""
    naming.is_metric_name(text)
    naming.split_of(text)
    naming.kind_of(text)
    naming.keep_value(text, 1.0)
    naming.printable_name(text)
    tags.renamed.__wrapped__("valid/", text)
    tags.tag_phase(text)


def _record_heads(text: str) -> None:
    record_heads.glued_heads(text)
    record_heads.last_record_start(text.encode(), 0)


ENTRY_POINTS = {
    "parse": _parse(False),
    "parse-fast": _parse(True),
    "parse-taught": _parse_taught,
    "message_pairs": message_pairs,
    "freeform": freeform.read,
    "bracket_pairs": bracket_pairs,
    "brace_pairs": brace_pairs,
    "spaced_pairs": spaced_pairs,
    "naming": _as_name,
    "record_heads": _record_heads,
}


def _seconds(entry, text: str) -> float:
    # (The readers remember short texts that held nothing: forgotten, so each run reads its line.)
    pairs._NO_PAIRS._texts.clear()
    auto._UNDETECTED._texts.clear()
    start = time.process_time()
    entry(text)
    return (time.process_time() - start) / getattr(entry, "lines", 1)


def _line(unit: str, tail: str, length: int) -> str:
    return unit * (length // len(unit)) + tail


def units(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    found = list(KNOWN) + [c for c in ALPHABET]
    found += ["".join(pair) for pair in itertools.product("[](){}:=,. _-'\"1a", repeat=2)]
    while len(found) < len(KNOWN) + len(ALPHABET) + 289 + count:
        found.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(2, 4))))
    return list(dict.fromkeys(found))


def hunt(unit_list: list[str], tails) -> list[tuple[str, str, str, list[float]]]:
    flagged = []
    for unit, tail, (name, entry) in itertools.product(unit_list, tails, ENTRY_POINTS.items()):
        short, long = _seconds(entry, _line(unit, tail, LENGTHS[0])), _seconds(entry, _line(unit, tail, LENGTHS[-1]))
        if long <= LIMIT_16K and long <= max(FLOOR, short) * RATIO ** 3:
            continue
        times = [min(_seconds(entry, _line(unit, tail, n)) for _ in range(2)) for n in LENGTHS]
        steep = any(b > max(FLOOR, a) * RATIO for a, b in zip(times, times[1:]))
        if steep or times[-1] > LIMIT_16K:
            flagged.append((unit, tail, name, times))
            print(f"FLAG {name:14} unit={unit!r:10} tail={tail!r:7} " + " ".join(f"{t * 1000:8.1f}ms" for t in times),
                  flush=True)
    return flagged


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser()
    cli.add_argument("--random", type=int, default=400, help="random units of 2-4 characters besides the fixed ones")
    cli.add_argument("--seed", type=int, default=19)
    cli.add_argument("--tail", choices=("all", "plain"), default="all")
    cli.add_argument("--only", nargs="*", choices=sorted(ENTRY_POINTS), help="entry points to hunt in (default: all)")
    args = cli.parse_args(argv)
    if args.only:
        for name in set(ENTRY_POINTS) - set(args.only):
            del ENTRY_POINTS[name]
    unit_list = units(args.random, args.seed)
    tails = TAILS if args.tail == "all" else ("",)
    start = time.monotonic()
    flagged = hunt(unit_list, tails)
    print(f"{len(unit_list)} units x {len(tails)} tails x {len(ENTRY_POINTS)} entry points: "
          f"{len(flagged)} flagged in {time.monotonic() - start:.0f} s")
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
