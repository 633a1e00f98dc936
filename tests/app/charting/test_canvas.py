import numpy as np

from lossmon.app.charting.canvas import Canvas


def _text(canvas):
    return ["".join(t for t, _ in row) for row in canvas.rows()]


def test_one_dot_sets_the_right_braille_bit():
    canvas = Canvas(2, 1)
    style = canvas.style_id("train")
    canvas.dots(np.array([1.0]), np.array([3.0]), style)  # right column, bottom row: dot 8
    assert _text(canvas) == ["\u2880 "]
    assert canvas.rows()[0][0] == ("\u2880", "train")


def test_a_line_is_continuous_and_a_nan_breaks_it():
    canvas = Canvas(10, 2)
    style = canvas.style_id("train")
    x = np.arange(20, dtype=float)
    y = np.full(20, 3.0)
    y[10] = np.nan
    canvas.polyline(x, y, style)
    row = _text(canvas)[0]
    assert row[:4] == "\u28c0" * 4  # y = 3 is the bottom dot row: dots 7 and 8 in each cell
    assert row[5] == "\u2880"  # x = 10 (left dot of cell 5) is the NaN: only x = 11 is drawn


def test_later_styles_win_a_shared_cell():
    canvas = Canvas(1, 1)
    faint = canvas.style_id("train.raw")
    bold = canvas.style_id("train")
    canvas.dots(np.array([0.0]), np.array([0.0]), faint)
    canvas.dots(np.array([1.0]), np.array([1.0]), bold)
    assert canvas.rows()[0] == [("\u2811", "train")]


def test_ascii_canvas_uses_plain_characters():
    canvas = Canvas(4, 1, ascii=True)
    style = canvas.style_id("train")
    canvas.polyline(np.arange(4.0), np.array([0.0, 1.0, 2.0, 2.0]), style)
    text = _text(canvas)[0]
    assert text.isascii() and text == "'-.."


def test_huge_values_cost_no_more_than_the_canvas():
    canvas = Canvas(10, 5)
    style = canvas.style_id("train")
    canvas.segments([0.0], [-1e300], [5.0], [1e300], style)
    assert len(_text(canvas)) == 5
