"""Every line is isolated (issue 19): a parser that raises on one line costs no other line its
record, on the slow path and on the block template path alike; the exception is counted."""

from parse_helpers import records

from lossmon.engine.formats import AutoParser
from lossmon.engine.formats.generic import KeyValueParser
from lossmon.engine.formats.template import Matcher
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder


def _read(data: bytes, chunk: int) -> tuple[list, AutoParser]:
    splitter, parser, out = LineSplitter(), AutoParser(), RecordBuilder()
    found = []
    for start in range(0, len(data), chunk):
        block = splitter.feed(data[start : start + chunk])
        if block is not None:
            parser.parse_block(block, out)
            found.extend(out.build().records())
    parser.finish(out)
    found.extend(out.build().records())
    return found, parser


def _log(count: int = 300, bad: tuple = ()) -> bytes:
    return "".join(f"step={s} loss={1 / s:.6f} lr=0.001{' boom=1' if s in bad else ''}\n" for s in range(1, count + 1)).encode()


def test_a_parser_raising_on_one_line_costs_no_other_line(monkeypatch):
    original = KeyValueParser.parse

    def fragile(self, text, line, out):
        if "boom" in text:
            raise RuntimeError("a parser bug on this line")
        return original(self, text, line, out)

    monkeypatch.setattr(KeyValueParser, "parse", fragile)
    for chunk in (1 << 20, 333):
        found, parser = _read(_log(bad=(7, 150)), chunk)
        assert [step for _, step, _ in found] == [s for s in range(1, 301) if s not in (7, 150)]
        assert parser.line_errors == 2


def test_a_template_scan_that_raises_falls_back_to_the_slow_path(monkeypatch):
    expected = records(_log())
    calls = {"n": 0}
    original = Matcher.find

    def fragile(self, data, newlines, shared):
        calls["n"] += 1
        if calls["n"] % 2:
            raise MemoryError("a scan that failed on this block")
        return original(self, data, newlines, shared)

    monkeypatch.setattr(Matcher, "find", fragile)
    found, parser = _read(_log(), 500)
    assert calls["n"] > 2  # templates were learned and scanned, half of the scans failed
    assert found == expected  # their lines were read one by one instead
    assert parser.line_errors == (calls["n"] + 1) // 2
