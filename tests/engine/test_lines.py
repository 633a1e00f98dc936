from hypothesis import given, settings
from hypothesis import strategies as st

from lossmon.engine.lines import LineBlock, LineSplitter, clean_bytes, clean_lines, clean_text, display_text, frames


def test_complete_lines_only_and_the_partial_last_line_on_flush():
    splitter = LineSplitter()
    block = splitter.feed(b"a=1\nb=2\nc=3")
    assert block.lines == ["a=1", "b=2"] and block.first == 1
    assert splitter.feed(b"4") is None
    last = splitter.flush()
    assert last.lines == ["c=34"] and last.first == 3
    assert splitter.flush() is None  # never parsed twice


def test_line_numbers_count_newlines_not_carriage_returns():
    splitter = LineSplitter()
    block = splitter.feed(b"\r 1%|x\r 2%|y\rloss=1\nnext\n")
    assert len(block) == 2 and block.lines[1] == "next"
    assert splitter.lines_done == 2


def test_crlf_backspaces_and_escape_sequences_are_removed():
    raw = b"\x1b[1m313/313\x1b[0m \x1b[38;2;180;60;0mloss: 0.2\x08\x08\x08\r\n\x1b]0;title\x07x=1\x1b[A\r\n"
    assert clean_bytes(raw) == b"313/313 loss: 0.2\nx=1\n"
    assert clean_text("a\x1b[32mb\x1b[0m\x08\r\n") == "ab\n"


def test_an_unterminated_osc_sequence_does_not_swallow_lines():
    assert clean_bytes(b"\x1b]0;title\nloss=1\n") == b"\nloss=1\n"


def test_frames_and_display_text():
    line = "\r 10%|█ | 1/10\r" + " " * 20 + "\r{'loss': 1.0}"
    assert frames(line) == [" 10%|█ | 1/10", "{'loss': 1.0}"]
    assert display_text(line) == "{'loss': 1.0}"
    assert display_text("plain") == "plain"


def test_overlong_lines_are_cut_not_buffered():
    splitter = LineSplitter(max_line_bytes=10)
    assert splitter.feed(b"x" * 25) is None
    block = splitter.feed(b"yyy\nok\n")
    assert block.lines == ["x" * 10, "ok"]
    assert splitter.cut_lines == 1 and splitter.pending_bytes == 0


def test_block_line_access_without_decoding_everything():
    block = LineBlock(5, "α=1\n\nβ=2".encode())
    assert len(block) == 3
    assert [block.line(i) for i in range(3)] == ["α=1", "", "β=2"]
    assert block.newlines.tolist() == [4, 5]
    assert LineBlock.from_lines(1, ["a\x1b[0m", "b"]).data == b"a\nb"


def test_invalid_utf8_is_replaced():
    block = LineSplitter().feed(b"\xff\xfeloss=1\n")
    assert block.lines == ["\ufffd\ufffdloss=1"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"a", b"7", b"\n", b"\r", b"\r\n", b"\t", b"\x1b[31m", b"\x1b]0;t\x07", b"\x08",
                                 b"\x7f", b"\x00", b"\x1b", b" ", "█".encode()]), max_size=40))
def test_clean_lines_is_clean_bytes_with_its_newlines(parts):
    data = b"".join(parts)
    cleaned, newlines = clean_lines(data)
    assert cleaned == clean_bytes(data)
    assert newlines.tolist() == LineBlock(1, cleaned).newlines.tolist()
