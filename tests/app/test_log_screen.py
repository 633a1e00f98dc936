"""The log screen's layout: Textual's breakpoints give it the side-pane layout below 100 columns,
and entering that layout folds the lists."""

from __future__ import annotations

from textual.widgets import Collapsible

from lossmon.app.log_screen import SIDE_PANE_BELOW

from .conftest import make_app, wait_loaded


async def test_the_side_pane_layout_starts_at_the_breakpoint(nan_log, tick_dir):
    app = make_app(nan_log, tick_dir=tick_dir)
    async with app.run_test(size=(SIDE_PANE_BELOW, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert not app.side_pane and not app.screen.has_class("-side")
        assert not app.query_one("#timeline-box", Collapsible).collapsed
        await pilot.resize_terminal(SIDE_PANE_BELOW - 1, 40)
        await pilot.pause()
        assert app.side_pane and app.screen.has_class("-side")
        assert app.query_one("#timeline-box", Collapsible).collapsed  # folded on entering it
        assert not app.query_one("#checklist-box", Collapsible).collapsed  # 40 rows: room for it


async def test_a_short_side_pane_folds_the_checklist_too(nan_log, tick_dir):
    app = make_app(nan_log, tick_dir=tick_dir)
    async with app.run_test(size=(60, 24)) as pilot:
        await wait_loaded(app, pilot)
        assert app.query_one("#checklist-box", Collapsible).collapsed


async def test_a_resize_under_the_help_screen_reaches_the_layout(nan_log, tick_dir):
    app = make_app(nan_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("question_mark")
        await pilot.resize_terminal(60, 40)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.side_pane and app.screen.has_class("-side")
