"""No learned template may backtrack super-linearly (issue 19: four lines like
``0 7 6 7 1 6 0 1 3 0 6 1 2 iteration 1/9 | :0`` taught a template on which one line of 30
digits took 16 s, and every two more digits tripled it).

Two checks. By construction: every repeat and every alternation of a learned template's regex is
possessive or atomic (it never gives back what it took), so one attempt is one pass over its line;
this is read from the compiled pattern's parse tree, no clock involved. By behaviour: templates
learned from adversarial lines are fed long runs of digits and blanks in a subprocess with a
generous time limit (an exponential matcher never finishes, a linear one takes milliseconds).
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants
    import sre_parse

from lossmon.engine.formats import AutoParser
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder

ROOT = Path(__file__).resolve().parents[3]

_GIVES_BACK = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.BRANCH}
_ATOMIC = {getattr(sre_constants, name) for name in ("POSSESSIVE_REPEAT", "ATOMIC_GROUP", "ASSERT", "ASSERT_NOT")
           if hasattr(sre_constants, name)}


def _tree(regex):
    """The parse tree of what ``re`` runs. On 3.10 that is the 3.10 form (lossmon/regex_compat.py),
    where each possessive or atomic part is a lookahead, atomic too, read back by a backreference."""
    return list(sre_parse.parse(getattr(regex, "_compiled", regex).pattern))


def _backtracking_points(items, top: bool = True) -> list[str]:
    """Repeats and alternations that may give back what they took, outside atomic constructs.
    The one allowed is the template's outermost ``(?:line|)``: it only decides whether a line is read."""
    found = []
    for op, arg in items:
        if op in _ATOMIC:
            continue  # lookarounds are fixed-width checks; atomic and possessive never give back
        if op in _GIVES_BACK:
            if op is sre_constants.BRANCH and top and any(len(branch) == 0 for branch in arg[1]):
                for branch in arg[1]:
                    found += _backtracking_points(branch, top=False)
                continue
            found.append(f"{op} {arg!r}"[:120])
        elif op is sre_constants.SUBPATTERN:
            found += _backtracking_points(arg[-1], top)
    return found


def _learn(lines: list[str]) -> AutoParser:
    parser, out = AutoParser(), RecordBuilder()
    parser.parse_block(LineSplitter().feed(("\n".join(lines) + "\n").encode()), out)
    return parser


# Lines that teach templates: numbers and blanks side by side, the classic ambiguity, and values
# followed by text a token could also take.
_WORDS = ["iteration", "loss", "step", "lr", "|", ":", "=", "ms", "/", ",", "it/s", "val", "e", "-"]
_piece = st.one_of(
    st.integers(0, 99999).map(str),
    st.sampled_from(["0.5", "1e-3", "7.25ms", "nan", "12,346", "3:04", "1.5e+2"]),
    st.sampled_from(_WORDS),
)
_shape = st.lists(st.tuples(_piece, st.sampled_from(["", " ", "  ", "=", ": ", ":", "\t"])), min_size=2, max_size=16)


def _render(shape, rng: random.Random) -> str:
    out = []
    for piece, glue in shape:
        if piece.isdigit():
            piece = str(rng.randint(0, 99999))
        out.append(piece + glue)
    return "".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_shape, st.integers(0, 1000))
def test_every_learned_template_is_possessive(shape, seed):
    rng = random.Random(seed)
    parser = _learn([_render(shape, rng) for _ in range(6)] + ["step=1 loss=0.5 lr=1"] * 5)
    for template in parser.templates:
        assert _backtracking_points(_tree(template.matcher.regex)) == [], template.matcher.regex.pattern


def test_the_issue_template_is_possessive():
    parser = _learn([f"0 7 6 7 1 6 0 1 3 0 6 1 2 iteration {s}/9 | lm loss: 0.{s}" for s in range(1, 7)])
    assert parser.templates
    for template in parser.templates:
        assert _backtracking_points(_tree(template.matcher.regex)) == []


_ATTACK = r"""
import json, sys
from lossmon.engine.formats import AutoParser
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder
for teach, attacks in json.load(sys.stdin):
    splitter, parser, out = LineSplitter(), AutoParser(), RecordBuilder()
    parser.parse_block(splitter.feed(("\n".join(teach) + "\n").encode()), out)
    learned = len(parser.templates)
    parser.parse_block(splitter.feed(("\n".join(attacks) + "\n").encode()), out)  # one block: every template scans it
    print(learned, flush=True)
"""


def _attacks(teach_line: str) -> list[str]:
    """Long lines made of what the template's wildcards take: digits, blanks, digit-blank runs,
    and the line's own start repeated (a literal the template searches for)."""
    head = teach_line[: max(2, len(teach_line) // 3)]
    return ["1" * 20000, "1 " * 10000, "0" * 10000 + " x", "1." * 10000, "1:" * 10000, "1e" * 10000,
            head * (20000 // len(head)), teach_line[:-1] + "1" * 20000, " \t" * 10000 + "1"]


def test_adversarial_lines_take_linear_time_in_a_subprocess():
    rng = random.Random(19)
    cases = [
        [f"0 7 6 7 1 6 0 1 3 0 6 1 2 iteration {s}/9 | lm loss: 0.{s}" for s in range(1, 7)],
        [f"{rng.randint(0, 9)} {rng.randint(0, 9)} {rng.randint(0, 9)} loss={rng.random():.3f} step={s}" for s in range(8)],
        [f"step {s}: loss {rng.random():.4f}, time {rng.random():.2f}ms" for s in range(8)],
        [f"ab{s} step={s} x={s}ab" for s in range(8)],
        [f" iteration {s}/ 100 | lm loss: {rng.random():.6E} | grad norm: {s}.5 |" for s in range(8)],
        [f"{s} {s} {s} {s} step={s} loss={s}.5 {s} {s}" for s in range(8)],
        [f"{{'loss': {rng.random()}, 'epoch': {s}}}" for s in range(6)],
    ]
    payload = [(teach, _attacks(teach[0])) for teach in cases]
    done = subprocess.run(
        [sys.executable, "-c", _ATTACK], input=json.dumps(payload), capture_output=True, text=True,
        timeout=120,  # generous: a linear matcher reads all of these in well under a second
        cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    learned = [int(count) for count in done.stdout.split()]
    assert len(learned) == len(cases) and all(learned), learned  # every case did teach a template


_SLOW_PATH = r"""
import sys
from lossmon.engine.formats import AutoParser
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder
for unit in sys.stdin.read().split("\0"):
    line = unit * (50_000 // len(unit))
    for fast in (False, True):
        splitter, parser, out = LineSplitter(), AutoParser(fast=fast), RecordBuilder()
        for tail in ("", "!", "=", ":", " x"):
            parser.parse_block(splitter.feed((line + tail + "\n").encode()), out)
    print("ok", flush=True)
"""

# Runs that made built-in patterns backtrack in quadratic time or worse, found by timing every
# compiled pattern of the engine on repeated units (a value after 16k blanks took 39 s).
_UNITS = [" ", "\t", "1", "1 ", "x ", "a ", "a.", "a_", ":", "|", " |", "'a': 1, ", "a: 1 ", "[a] ", "ab ",
          "iter ", "(", "1/", "loss ", "a=1 ", "e", "1e", "%|", "\r1%|"]


def test_long_runs_through_every_format_take_linear_time_in_a_subprocess():
    done = subprocess.run(
        [sys.executable, "-c", _SLOW_PATH], input="\0".join(_UNITS), capture_output=True, text=True,
        timeout=120,  # generous: all of these take a few seconds on a slow machine when linear
        cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ok"] * len(_UNITS)


_NAME_RUNS = r"""
import sys
from lossmon.engine.formats import AutoParser
from lossmon.engine.formats.pairs import message_pairs, spaced_pairs
from lossmon.engine.formats.prefixes import prefix_length
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder
for unit in sys.stdin.read().split("\0"):
    line = unit * (200_000 // len(unit))
    message_pairs(line + "=1"), spaced_pairs(line + " 1"), prefix_length(line)
    AutoParser(fast=False).parse_block(LineSplitter().feed((line + ": 0.5\n").encode()), RecordBuilder())
    print("ok", flush=True)
"""

# Runs of characters a name may hold but not start with, where a name may start again after each
# bracket: a name was read from every start to the end of the run ("g[" * 8000 took 1.3 s, one
# 100 KB line 49 s in check), and the logging prefix rescanned a run of dashes from each dash.
_NAME_RUN_UNITS = ["g[", "x)", "[x", "a_b[", "loss[", "(a", "a]", "-", "--a", "a.py-"]


def test_runs_of_name_characters_take_linear_time_in_a_subprocess():
    done = subprocess.run(
        [sys.executable, "-c", _NAME_RUNS], input="\0".join(_NAME_RUN_UNITS), capture_output=True, text=True,
        timeout=90,  # generous (a loaded machine): linear, all take well under a second each; quadratic, minutes each
        cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ok"] * len(_NAME_RUN_UNITS)
