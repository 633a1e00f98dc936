from pathlib import Path

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


def test_backspaces_that_draw_over_a_frame_start_a_new_frame():
    # A custom progress bar (tests/corpus/progress-bar-frames-classifier-train-txt) moves the
    # cursor back with 60 backspaces to print its counter over the middle of the bar: the label
    # "train" and the counter "2/133" are two frames, never one "train 2/133" text.
    back = b"\x08" * 60
    raw = b"[>....] Step: 1s736ms  | Tot: 1s736ms | train" + back + b" 2/133\r[>....] Step: 6s699ms | train" + back + b" 3/133\n"
    assert frames(clean_bytes(raw).decode()) == [
        "[>....] Step: 1s736ms  | Tot: 1s736ms | train", " 2/133", "[>....] Step: 6s699ms | train", " 3/133\n",
    ]
    assert clean_text(raw.decode()) == clean_bytes(raw).decode()
    # Keras's backspaces come right before its \r: they only go.
    assert clean_bytes(b"1/3 - loss: 0.3" + back + b"\r2/3 - loss: 0.2" + back + b"\n") == b"1/3 - loss: 0.3\r2/3 - loss: 0.2\n"


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


_FRAME = st.text("abcxyz0123456789=.", min_size=1, max_size=24)
_LINE = st.lists(_FRAME, min_size=1, max_size=30).map(lambda frames: "\r".join(frames))


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(_LINE, min_size=1, max_size=6), cuts=st.lists(st.integers(1, 97), max_size=40), final_newline=st.booleans())
def test_long_progress_bar_lines_lose_no_frame_to_the_limit_however_they_are_chunked(lines, cuts, final_newline):
    """Lines of \\r frames past the limit (a Lightning epoch line) are read frame by frame: every
    frame once, under its line's number, while the held bytes stay bounded."""
    limit = 32
    data = ("\n".join(lines) + ("\n" if final_newline else "")).encode()
    splitter = LineSplitter(max_line_bytes=limit)
    got: dict[int, list[str]] = {}

    def take(block):
        if block is not None:
            for index in range(len(block)):
                got.setdefault(block.first + index, []).extend(frames(block.line(index)))

    position = 0
    for size in cuts:
        take(splitter.feed(data[position : position + size]))
        position += size
        assert splitter.pending_bytes <= limit
    take(splitter.feed(data[position:]))
    take(splitter.flush())
    assert splitter.cut_lines == 0
    assert got == {number: frames(line) for number, line in enumerate(lines, 1) if frames(line)}
    assert splitter.lines_done == len(lines)


def test_a_frame_over_the_limit_is_cut_and_counted_and_the_next_frames_are_read():
    splitter = LineSplitter(max_line_bytes=10)
    first = splitter.feed(b"\rloss=1\r" + b"x" * 30)  # the frame being written outgrows the limit
    assert (first.first, first.lines) == (1, ["\rloss=1"])
    assert splitter.cut_lines == 1 and splitter.pending_bytes == 10
    block = splitter.feed(b"yyy\rloss=2\rloss=3\nnext\n")  # its rest is dropped up to the next frame
    assert block.first == 1 and [frames(line) for line in block.lines] == [["x" * 9, "loss=2", "loss=3"], ["next"]]
    assert splitter.flush() is None and splitter.lines_done == 2


# Real bytes with no line end: tests/corpus/chebnet-no-newlines-step-loss-average-glued/train.log
# (AlexPop104/RGCNN_git train.log @df1bd01), 53,766 bytes of records "step N / M (epoch ...): ...".
_GLUED = (Path(__file__).resolve().parents[1] / "corpus" / "chebnet-no-newlines-step-loss-average-glued" / "train.log").read_bytes()


@settings(max_examples=60, deadline=None)
@given(cuts=st.lists(st.integers(1, 9000), max_size=60), last=st.sampled_from([b"", b"next", b"next\n"]))
def test_records_glued_in_a_line_past_the_limit_go_on_whole_however_they_are_chunked(cuts, last):
    """A line without line ends past the limit is handed on in pieces cut before its record
    heads, all under its number: nothing cut or lost, each piece but the first a record's start,
    and the held bytes bounded."""
    limit = 4096
    data = _GLUED + (b"\n" + last if last else b"")  # the glued line ends the file, or a line follows
    splitter = LineSplitter(max_line_bytes=limit)
    pieces: list[tuple[int, str]] = []

    def take(block):
        if block is not None:
            pieces.extend((block.first + index, block.line(index)) for index in range(len(block)))

    position = 0
    for size in cuts:
        take(splitter.feed(data[position : position + size]))
        position += size
        assert splitter.pending_bytes <= limit
    take(splitter.feed(data[position:]))
    take(splitter.flush())
    assert splitter.cut_lines == 0
    first_line = [text for number, text in pieces if number == 1]
    assert "".join(first_line) == _GLUED.decode()
    assert all(piece.startswith("step ") for piece in first_line[1:])
    assert [text for number, text in pieces if number == 2] == (["next"] if last else [])
    assert splitter.lines_done == (2 if last else 1)


def test_a_complete_line_of_glued_records_past_the_limit_is_kept_whole():
    block = LineSplitter(max_line_bytes=4096).feed(_GLUED + b"\nnext\n")
    assert block.lines == [_GLUED.decode(), "next"]
    long_record = LineSplitter(max_line_bytes=200).feed(_GLUED + b"\n")  # records over the limit: cut
    assert long_record.lines == [_GLUED[:200].decode()]
