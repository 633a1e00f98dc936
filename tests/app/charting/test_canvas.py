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


def test_a_line_over_a_band_shows_only_its_own_dots_where_they_meet():
    canvas = Canvas(2, 1)
    faint = canvas.style_id("train.raw", under=True)
    bold = canvas.style_id("train")
    assert canvas.style_id("train.raw") == faint  # registered once: its shapes share cells
    canvas.dots(np.array([0.0, 2.0]), np.array([0.0, 0.0]), faint)
    canvas.dots(np.array([1.0]), np.array([1.0]), bold)  # a line over the band in cell 0
    canvas.dots(np.array([0.0, 3.0]), np.array([3.0, 3.0]), faint)  # the band again, drawn after
    # Cell 0 shows the line's one dot, not the band's; cell 1 keeps all of the band's dots.
    assert canvas.rows()[0] == [("\u2810", "train"), ("\u2881", "train.raw")]


def test_two_lines_in_a_cell_keep_both_their_dots_in_the_later_colour():
    canvas = Canvas(1, 1)
    train, val = canvas.style_id("train"), canvas.style_id("val")
    canvas.dots(np.array([0.0]), np.array([0.0]), train)
    canvas.dots(np.array([1.0]), np.array([1.0]), val)
    assert canvas.rows()[0] == [("\u2811", "val")]


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


def test_a_dashed_line_leaves_every_other_cell_empty():
    for ascii in (False, True):
        solid, dashed = Canvas(10, 1, ascii), Canvas(10, 1, ascii)
        x, y = np.array([0.0, 19.0]), np.array([1.0, 1.0])
        solid.polyline(x, y, solid.style_id("train"))
        dashed.polyline(x, y, dashed.style_id("val"), dashed=True)
        assert all(char != " " for char in _text(solid)[0])
        assert [char != " " for char in _text(dashed)[0]] == [True, False] * 5


def test_the_validation_line_is_drawn_dashed():
    from lossmon.app.charting.frame import Trace, draw_chart

    steps = np.arange(200.0)
    frame = draw_chart(
        [Trace(steps, 1 + steps / 200, "train"), Trace(steps, 2.5 - steps / 400, "val")], 60, 14
    )
    val_cells = [cell for row in frame.rows for text, style in row if style == "val" for cell in text]
    train_cells = [cell for row in frame.rows for text, style in row if style == "train" for cell in text]
    assert len(val_cells) < 0.7 * len(train_cells)  # a gap every other column
