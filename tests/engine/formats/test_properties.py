"""Whatever bytes arrive, the parser never crashes, and every value it reports is written in the
line it reports it from."""

import math
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parse_helpers import records

from lossmon.engine.lines import clean_bytes

_NUMBERISH = re.compile(r"[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|(?i:[-+]?(?:nan|inf(?:inity)?))")

# Pieces of real log lines, to make random lines that look like logs.
_PIECES = [
    "loss", "=", ": ", ":", " ", ", ", " | ", "step", "lr", "val_loss", "{'loss': ", "'", "}", "{", '"',
    "\r", "\x1b[1m", "\x1b[0m", "\b", "nan", "-inf", "1.5e-3", "12,346", "7", "0.25", "iter ", "s:",
    "trl:", "Epoch(train) [1][2/6]  ", "[rank0]:", "2024-01-01 12:00:00,123 - INFO - ", "%", "ms", "(",
    ")", "\t", "step:", "/", "\xff", "tensor(", "Train: 0 [  1/10 (  0%)]  Loss: ", "━", "iteration 5/ 10 | ",
]


def _values_in_line(data: bytes, line: int) -> set[float]:
    text = clean_bytes(data).decode("utf-8", "replace").split("\n")[line - 1]
    found = set()
    for token in _NUMBERISH.findall(text):
        # "12,346" is twelve thousand... in prose, but 12 then 346 in a dict or a CSV row
        for reading in (token.replace(",", ""), *token.split(",")):
            try:
                value = float(reading)
            except ValueError:
                continue
            found.add("nan" if math.isnan(value) else value)
    return found


def _check(data: bytes) -> None:
    for fast in (True, False):
        for line, _step, metrics in records(data, fast=fast, chunk=256):
            allowed = _values_in_line(data, line)
            for name, value in metrics.items():
                assert ("nan" if math.isnan(value) else value) in allowed, (line, name, value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    _check(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), max_size=40))
def test_random_log_like_lines(lines):
    _check("\n".join(lines).encode("utf-8", "surrogateescape"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([b"\xff", b"\xc3", b"\x1b[", b"\x1b]0;", b"\x07", b"\r", b"\n", b"loss=1.5 ", b"step=3 ", b"\x00"]), max_size=200))
def test_invalid_utf8_and_escape_sequences(chunks):
    _check(b"".join(chunks))


def test_a_10_megabyte_line_is_survived():
    data = b"step=1 loss=0.5 acc=0.1\n" + b"loss=1.0 " * (10 * 1024 * 1024 // 9) + b"\nstep=2 loss=0.4 acc=0.2\nstep=3 loss=0.3 acc=0.3\n"
    found = records(data, chunk=1 << 20)
    assert [(line, m["loss"]) for line, _, m in found if line != 2] == [(1, 0.5), (3, 0.4), (4, 0.3)]
