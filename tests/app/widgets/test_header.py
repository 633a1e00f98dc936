from lossmon.app.widgets.header import HeaderBar, HeaderInfo, header_fields, header_lines

from ..conftest import make_app, wait_loaded

INFO = HeaderInfo(
    name="nan_or_inf.log", format_id="keras", last_step=6260.0, records=397, rate=82.0, elapsed=3.0,
    state="FOLLOW", note="segment 2",
)


def _plain(field):
    return "".join(text for text, _ in field)


def test_lines_break_between_fields_never_inside_one():
    fields = [_plain(field) for field in header_fields(INFO)]
    assert "step 6260" in fields and "397 rec" in fields and "82/s" in fields
    for width in range(30, 121):
        lines = ["".join(text for text, _ in runs) for runs in header_lines(header_fields(INFO), width)]
        assert all(len(line) <= width for line in lines), width
        for field in fields:  # each field whole, on one line
            assert any(field in line for line in lines), (width, field, lines)
    assert len(header_lines(header_fields(INFO), 120)) == 1


def test_a_field_wider_than_the_pane_gets_its_own_line():
    info = HeaderInfo(name="x" * 70, format_id="keras", last_step=1.0, records=1, rate=0.0, elapsed=None, state="FOLLOW")
    lines = header_lines(header_fields(info), 50)
    assert lines[0] == [(" lossmon ", "bold reverse")]
    assert len(lines[1]) == 1 and lines[1][0][0] == "x" * 59 + "…"  # clean() keeps names to 60 cells


async def test_the_side_pane_header_wraps_between_fields(nan_log, tick_dir):
    app = make_app(nan_log)
    async with app.run_test(size=(50, 30)) as pilot:
        await wait_loaded(app, pilot)
        header = app.query_one(HeaderBar)
        lines = header.text.split("\n")
        assert len(lines) == 2 and header.region.height == 2
        assert any("step 600" in line for line in lines) and any("612 rec" in line for line in lines)
        screen_lines = [str(header.render_line(y).text) for y in range(2)]
        assert [line.rstrip() for line in screen_lines] == [line.rstrip() for line in lines]
