"""Shared by the chunking fuzz test and ``benchmarks/fuzz.py``: random and mutated real lines, and
the records the parsing path (the one ``check`` and ``watch`` use: LineSplitter → AutoParser →
RecordBuilder) makes of the same bytes fed in different block sizes."""

from __future__ import annotations

import math
import random
from pathlib import Path

import parse_helpers

DATA = Path(__file__).resolve().parent / "data"

# Pieces that stress the parser where chunking could change a reading: numbers cut mid-way,
# frames, exponents at the edge of float range, names that differ on every line.
PIECES = [
    "loss", "=", ": ", ":", " ", ", ", " | ", "step", "lr", "val_loss", "{'loss': ", "'", "}", "{", '"', "\r",
    "\x1b[1m", "\b", "nan", "-inf", "1.5e-3", "12,346", "7", "0.25", "iter ", "s:", "trl:", "1e309", "1e-320",
    "1.558164e-", "e-02", "[rank0]:", "2024-01-01 12:00:00,123 - INFO - ", "%", "ms", "\t", "step:", "/",
    "\xff", "tensor(", " 33%|███▎      | 10/30 [00:00<00:00, 98.10it/s]", "iteration 5/ 10 | ", "key_",
]


def real_lines() -> list[str]:
    """Lines of the format fixtures (real or generated from the frameworks' own code)."""
    lines = []
    for path in sorted(DATA.iterdir()):
        lines.extend(path.read_bytes().decode("utf-8", "replace").splitlines()[:400])
    return lines


def mutate(line: str, rng: random.Random) -> str:
    """A real line with a few random edits: a piece inserted, a span cut or doubled, a digit changed."""
    for _ in range(rng.randint(1, 3)):
        where = rng.randint(0, len(line))
        action = rng.randrange(4)
        if action == 0:
            line = line[:where] + rng.choice(PIECES) + line[where:]
        elif action == 1:
            line = line[:where] + line[where + rng.randint(1, 8) :]
        elif action == 2:
            line = line[:where] + line[where : where + rng.randint(1, 12)] + line[where:]
        elif line:
            digits = [i for i, c in enumerate(line) if c.isdigit()]
            if digits:
                i = rng.choice(digits)
                line = line[:i] + str(rng.randint(0, 9)) + line[i + 1 :]
    return line


def random_log(rng: random.Random, real: list[str], lines: int = 60) -> bytes:
    """A log mixing runs of mutated real lines (so templates are learned) and random lines."""
    out = []
    while len(out) < lines:
        kind = rng.randrange(3)
        if kind == 0 and real:
            base = rng.choice(real)
            out.extend(mutate(base, rng) if rng.random() < 0.3 else base for _ in range(rng.randint(1, 8)))
        elif kind == 1:
            shape = [rng.choice(PIECES) for _ in range(rng.randint(1, 8))]
            for step in range(rng.randint(1, 8)):
                out.append("".join(shape) + f" step={step} loss={rng.random():.4f} key_{rng.randrange(10**6)}={step}")
        else:
            out.append("".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12))))
    ending = rng.choice(["\n", "\r\n"])
    data = ending.join(out[:lines]).encode("utf-8", "surrogateescape")
    return data + (ending.encode() if rng.random() < 0.8 else b"")


def records(data: bytes, sizes: list[int] | None = None) -> list[tuple]:
    """Every record, as comparable tuples, of ``data`` fed in blocks of the given sizes (cycled);
    None: all at once."""
    found = parse_helpers.records(data, chunk=max(1, len(data)), sizes=sizes)
    return [(line, _key(step), tuple(sorted((name, _key(value)) for name, value in metrics.items())))
            for line, step, metrics in found]


def _key(value: float):
    return "nan" if math.isnan(value) else value


def difference(data: bytes, sizes: list[int]) -> str | None:
    """None when chunked reading gives the same records as reading at once, else what differs."""
    # Sorted: records held back until a shape repeats are released with a later block, so the
    # order of arrival may differ; what is read from each line may not.
    whole, chunked = sorted(records(data), key=repr), sorted(records(data, sizes), key=repr)
    if whole == chunked:
        return None
    for a, b in zip(whole, chunked):
        if a != b:
            return f"first difference: {a} vs {b}"
    return f"{len(whole)} records at once, {len(chunked)} chunked"
