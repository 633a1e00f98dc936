"""The 3.10 form of lossmon's patterns (lossmon/regex_compat.py) matches what the 3.11 form matches:
every possessive or atomic pattern of the engine, every format's anchor and the templates learned
from the format fixtures, compared on the fuzz corpus (real lines and their mutations): the same
matches, spans, groups, named groups, lastgroup and findall results. That comparison needs 3.11's
own re as the reference; on a real 3.10 the rest runs against the installed form."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import sys
from pathlib import Path

import pytest

import lossmon.engine
from lossmon.regex_compat import EmulatedPattern, compile_pattern, emulate

sys.path.insert(0, str(Path(__file__).resolve().parent / "engine" / "formats"))
import fuzzing  # noqa: E402

_ATOMIC = re.compile(r"[*+?}]\+|\(\?>")
_NATIVE = pytest.mark.skipif(sys.version_info < (3, 11), reason="the reference, 3.11's own possessive syntax, is not there")


def _engine_patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    for info in pkgutil.walk_packages(lossmon.engine.__path__, "lossmon.engine."):
        if info.name == "lossmon.engine.scan_worker_server":
            continue  # no patterns; importing it makes the whole process ignore Ctrl+C (the fork server's preload)
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, EmulatedPattern)) and _ATOMIC.search(str(value.pattern)):
                found[f"{info.name}.{name}"] = value
    from lossmon.engine.formats.registry import FORMATS

    for fmt in FORMATS:
        if _ATOMIC.search(fmt.anchor):
            found[f"anchor {fmt.id}"] = re.compile(fmt.anchor)
    return found


def _template_patterns() -> dict[str, re.Pattern]:
    from lossmon.engine.formats import AutoParser
    from lossmon.engine.lines import LineSplitter
    from lossmon.engine.records import RecordBuilder

    found = {}
    for path in sorted(fuzzing.DATA.iterdir()):
        parser = AutoParser()
        block = LineSplitter().feed(path.read_bytes()[:200_000].rsplit(b"\n", 1)[0] + b"\n")
        if block is not None:
            parser.parse_block(block, RecordBuilder())
        for index, template in enumerate(parser.templates):
            found[f"template {path.name} {index}"] = template.matcher.regex
            if template.matcher.unframed is not None:
                found[f"template {path.name} {index} unframed"] = template.matcher.unframed
    return found


def _corpus() -> list[str]:
    rng = random.Random(18)
    real = fuzzing.real_lines()
    lines = rng.sample(real, min(600, len(real)))
    lines += [fuzzing.mutate(rng.choice(real), rng) for _ in range(600)]
    lines += ["".join(rng.choice(fuzzing.PIECES) for _ in range(rng.randint(1, 12))) for _ in range(300)]
    return lines


PATTERNS = {**_engine_patterns(), **_template_patterns()}
CORPUS = _corpus()


def _answers(pattern, text):
    match = pattern.search(text)
    shape = None if match is None else (match.span(), match.groups(), match.groupdict(), match.lastgroup,
                                        [match.span(i) for i in range(pattern.groups + 1)])
    return shape, pattern.findall(text)


def test_the_corpus_and_the_patterns_are_there():
    assert len(PATTERNS) > 30 and any(name.startswith("template") for name in PATTERNS)
    assert all(emulate(p.pattern) != p.pattern for p in PATTERNS.values())  # each had something to emulate


@_NATIVE
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_the_3_10_form_matches_what_the_3_11_form_matches(name):
    native = PATTERNS[name]
    emulated = EmulatedPattern(native.pattern, native.flags)
    assert not _ATOMIC.search(str(emulate(native.pattern)).replace("(?=(?P<", ""))  # no 3.11-only syntax left
    assert (emulated.groups, emulated.groupindex) == (native.groups, dict(native.groupindex))
    as_bytes = isinstance(native.pattern, bytes)
    for line in CORPUS:
        text = line.encode("utf-8", "replace") if as_bytes else line
        if as_bytes:
            text = b"\n" + text + b"\n"
        assert _answers(emulated, text) == _answers(native, text), (name, line)


def test_the_3_10_form_of_the_constructs():
    cases = {
        r"a*+b": r"(?=(?P<_lossmon_a1>a*))(?P=_lossmon_a1)b",
        r"(x)?+\d{2,}+": r"(?=(?P<_lossmon_a1>(x)?))(?P=_lossmon_a1)(?=(?P<_lossmon_a2>\d{2,}))(?P=_lossmon_a2)",
        r"(?>ab|a)c": r"(?=(?P<_lossmon_a1>(?:ab|a)))(?P=_lossmon_a1)c",
        r"[*+]++\*+?": r"(?=(?P<_lossmon_a1>[*+]+))(?P=_lossmon_a1)\*+?",
    }
    for source, form in cases.items():
        assert emulate(source) == form
    assert emulate(rb"\x41++") == rb"(?=(?P<_lossmon_a1>\x41+))(?P=_lossmon_a1)"
    # Atomic: (?>ab|a)c does not match "abc"'s "ac" reading; a*+a never matches
    assert EmulatedPattern(r"(?>a|ab)c", 0).search("abc") is None
    assert EmulatedPattern(r"a*+a", 0).search("aaa") is None
    match = EmulatedPattern(r"(?P<n>\d++)-(\w)", 0).search("x 12-y")
    assert (match.group(1), match.group(2), match["n"], match.groups(), match.span(2)) == ("12", "y", "12", ("12", "y"), (5, 6))
    assert EmulatedPattern(r"(\d++)=(\d*+)", 0).findall("1=2 3=") == [("1", "2"), ("3", "")]


def test_compile_pattern_keeps_what_re_reads():
    assert compile_pattern(r"a+b") is re.compile(r"a+b")


def test_on_3_10_re_compiles_the_possessive_patterns_in_their_3_10_form(monkeypatch):
    """As Python 3.10's re would: it refuses possessive and atomic syntax, and compile_pattern (what
    install() puts behind every re function) then answers with the 3.10 form."""
    import lossmon.regex_compat as compat

    native_compile = compat._original_compile  # re's own (on 3.10, re.compile goes through compat)

    def refuses_3_11_syntax(source, flags):
        if _ATOMIC.search(source.decode("latin-1") if isinstance(source, bytes) else source):
            raise re.error("multiple repeat")
        return native_compile(source, flags)

    monkeypatch.setattr(compat, "_original_compile", refuses_3_11_syntax)
    monkeypatch.setattr(compat, "_cache", {})
    for native in PATTERNS.values():
        compiled = compile_pattern(native.pattern, native.flags)
        assert isinstance(compiled, EmulatedPattern) and compiled.groups == native.groups
        assert compile_pattern(native.pattern, native.flags) is compiled  # compiled once
    assert compile_pattern(r"a+b", 0).pattern == "a+b"
    with pytest.raises(re.error):
        compile_pattern(r"(unbalanced", 0)


def test_re_functions_read_possessive_and_atomic_patterns():
    """What lossmon calls through ``re`` answers as 3.11's re does: natively there, through
    install() on 3.10 (the same expectations hold on both)."""
    assert re.compile(r"a*+a").search("aaa") is None  # possessive: gives nothing back
    assert re.search(r"(?>a|ab)c", "abc") is None  # atomic: the first alternative stays
    assert re.search(r"(?>ab|a)c", "abc").group() == "abc"
    assert re.compile(r"A++", re.I).search("xaAb").group() == "aA"
    assert re.search(rb"\d++", b"ab12c").group() == b"12"
    assert re.fullmatch(r"[\d.]++(?:e[+-]?+\d++)?+", "1.5e-3") is not None
    assert re.match(r"\s*+(\w++)", "  ab cd", 0).span(1) == (2, 4)
    assert re.compile(r"(\w)++").match("abc", 1).groups() == ("c",)
    assert re.findall(r"(\w++)=(\d*+)", "a=1 b= c=3") == [("a", "1"), ("b", ""), ("c", "3")]
    assert re.findall(r"x*+", "axb") == ["", "x", "", ""]
    assert [m.span() for m in re.finditer(r"\d++", "1 22 333")] == [(0, 1), (2, 4), (5, 8)]
    assert re.sub(r"\s++", " ", "a  b\t c") == "a b c"
    assert re.sub(r"(\d++)(?P<u>ms)?+", r"<\1|\g<u>>", "12ms 3") == "<12|ms> <3|>"
    assert re.subn(r"(\d++)", lambda m: m.group(1)[::-1], "12 345", count=1) == ("21 345", 1)
    assert re.split(r"(,)\s*+", "a, b,c") == ["a", ",", "b", ",", "c"]
    assert re.split(r"x*+", "axb") == ["", "a", "", "b", ""]
    assert re.split(r",\s*+", "a, b, c", maxsplit=1) == ["a", "b, c"]
    match = re.search(r"(?P<k>\w++)(?:=(?P<v>\d++)|:(?P<w>\w++))", "step:ab")
    assert (match.lastgroup, match.lastindex, match.groupdict()) == ("w", 3, {"k": "step", "v": None, "w": "ab"})
    assert match.groups("-") == ("step", "-", "ab") and match.expand(r"\g<k>/\3") == "step/ab"
