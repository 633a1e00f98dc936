"""What the screen shows a new user, read as text and styles: the help, severity without colour,
--ascii, the charts' legends and panels, the value readout, findings that cleared."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rich.color import ColorSystem
from textual.command import CommandPalette

from lossmon.app.widgets.chart import ChartView
from lossmon.app.widgets.header import HeaderBar
from lossmon.app.widgets.help import KEY_GROUPS, HelpScreen
from lossmon.app.widgets.timeline import Timeline

from .conftest import make_app, trainer_lines, until, wait_loaded, write_log
from .screen import screen_lines, screen_text, style_of

REPO = Path(__file__).resolve().parents[2]


def _spiked_lines() -> list[str]:
    """A healthy run with a three-step loss spike at step 301: an exploding-loss alert that
    clears once the loss is back."""
    lines = trainer_lines(600)
    losses = [k for k, line in enumerate(lines) if "'loss'" in line]
    for k in losses[300:303]:
        value = lines[k].split("'loss': ")[1].split(",")[0]
        lines[k] = lines[k].replace(f"'loss': {value},", "'loss': 40.0,")
    return lines


async def test_help_lists_every_key_grouped_and_fits_40_columns(healthy_log, tick_dir):
    app = make_app(healthy_log)
    async with app.run_test(size=(40, 20)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.pause()
        help_screen = app.screen
        text = screen_text(app)
        assert "Chart" in text and "smoothing: off / 0.6 /" in text and "log scale: flip" in text
        # Every key the app binds is explained (scrolling the help down to its end).
        shown = text
        for _ in range(6):  # page by page: every line is seen (jumping to the end would skip some)
            await pilot.press("pagedown")
            help_screen.query_one("#help").scroll_page_down(animate=False)
            await pilot.pause()
            shown += "\n" + screen_text(app)
        keys = {key for _, keys in KEY_GROUPS for key, _ in keys}
        for binding in app.BINDINGS:
            display = {"question_mark": "?", "right_square_bracket": "] [", "left_square_bracket": "] [",
                       "escape": "esc", "ctrl+c": "q ctrl+c", "q": "q ctrl+c", "left": "left right",
                       "right": "left right", "slash": "/"}.get(binding.key, binding.key)
            assert display in keys, binding.key
        for group, _ in KEY_GROUPS:
            assert group in shown
        assert "quit" in shown and "ALERT" in shown  # the last group and the badge legend
        assert all(len(line) <= 40 for line in screen_lines(app))


async def test_ctrl_c_quits(healthy_log, tick_dir):
    app = make_app(healthy_log)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running


async def test_f_reaches_the_timeline_and_tab_never_folds_a_section(nan_log, tick_dir):
    app = make_app(nan_log)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("f")
        assert isinstance(app.focused, Timeline) and app.focused.highlighted is not None
        assert app.focused.chosen_finding is not None
        await pilot.press("enter")
        await pilot.pause()
        assert app.view_state.pinned_step == app.focused.chosen_finding.step
        for _ in range(6):  # tab round the panes, then enter: no section folds
            await pilot.press("tab")
            assert "CollapsibleTitle" not in type(app.focused).__name__
        await pilot.press("escape")
        assert not app.query_one("#checklist-box").collapsed and not app.query_one("#timeline-box").collapsed


async def test_no_color_alert_is_the_loudest_badge_in_words_and_reverse(nan_log, tick_dir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(nan_log)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert app.no_color and app.screen.has_class("-no-color")
        alert = style_of(app, "■ NaN/Inf ALERT")
        healthy = style_of(app, "○ EXPLODING")
        assert alert.bold and alert.bgcolor.triplet.red > 200 and alert.color.triplet.red < 50  # black on white
        assert not healthy.bold
        text = screen_text(app)
        assert "■ ALERT NaN/Inf" in text  # the checklist heading says it in words


async def test_sixteen_colours_keep_the_alert_solid(nan_log, tick_dir):
    app = make_app(nan_log)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        alert, healthy = style_of(app, "■ NaN/Inf ALERT"), style_of(app, "○ EXPLODING")
        standard = alert.bgcolor.downgrade(ColorSystem.STANDARD)
        assert standard.number in (1, 9) and alert.bold  # red (or bright red) background
        assert healthy.bgcolor.downgrade(ColorSystem.STANDARD).number != standard.number


@pytest.mark.parametrize("size", [(40, 20), (50, 30), (120, 40)])
async def test_ascii_draws_pure_ascii(size, tmp_path, tick_dir):
    log = write_log(tmp_path / "spiked.log", _spiked_lines() + trainer_lines(40, nan_at=30)[-5:])
    app = make_app(log, ascii=True)
    async with app.run_test(size=size, notifications=True) as pilot:  # toasts drawn, as in a terminal
        await wait_loaded(app, pilot)
        await pilot.press("c") if app.query_one("#checklist-box").collapsed else None
        await wait_loaded(app, pilot)
        assert "!! ALERT" in screen_text(app) or "!! NaN/Inf" in screen_text(app)
        for screen in ("main", "notification", "help", "metrics", "palette"):
            if screen == "notification":
                await pilot.press("v")  # a toast
                await until(lambda: "Advice" in screen_text(app), "the toast", pilot=pilot)
            if screen == "help":
                await pilot.press("question_mark")
                await pilot.pause()
            if screen == "metrics":
                await pilot.press("escape", "m")
                await pilot.pause()
            if screen == "palette":
                await pilot.press("escape", "ctrl+p")
                await until(lambda: isinstance(app.screen, CommandPalette), "the palette", pilot=pilot)
                await pilot.pause()
            text = screen_text(app)
            odd = sorted({char for char in text if ord(char) > 127})
            assert not odd, f"{odd} on the {screen} screen:\n{text}"


async def test_checkboxes_read_ticked_or_not_without_colour(nan_log, tick_dir):
    app = make_app(nan_log)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert "[ ] Find the first non-finite step" in screen_text(app)
        items = app.query("ChecklistItems").first()
        items.focus()
        await pilot.press("space")
        await pilot.pause()
        assert "[x] Find the first non-finite step" in screen_text(app)
        assert "▐X▌" not in screen_text(app)
        await pilot.press("v")  # the advice, whole
        await pilot.pause()
        assert any("Find the first non-finite step and inspect that batch." in str(n.message) for n in app._notifications)


async def test_a_cleared_alert_stays_listed_as_cleared(tmp_path, tick_dir):
    log = write_log(tmp_path / "spiked.log", _spiked_lines())
    app = make_app(log)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        text = screen_text(app)
        assert "◌ EXPLODING" in text  # the badge: happened, then cleared
        assert "Checklist (0 active, 1 cleared)" in text
        assert "◌ cleared EXPLODING · alert at step 303" in text
        assert "the curves look healthy" not in text


@pytest.mark.parametrize("name", ["overfitting.csv"])
async def test_a_squeezed_val_loss_gets_its_own_panel(name, tick_dir):
    app = make_app(REPO / "demo_logs" / name)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        lines = app.query_one("#main-chart", ChartView).text.splitlines()
        title = [i for i, line in enumerate(lines) if line.startswith("• val_loss")]
        assert title and "own scale" in lines[title[0]]
        labels = [float(m.group(1)) for line in lines[title[0]:] if (m := re.match(r"\s*([\d.]+) ┤", line))]
        assert len(labels) >= 2 and min(labels) >= 1.8  # val_loss 1.9 -> 2.8 on a scale of its own
        above = [float(m.group(1)) for line in lines[: title[0]] if (m := re.match(r"\s*([\d.]+) ┤", line))]
        assert above and min(above) < 0.5  # the train loss keeps its log scale above
        val_marks = "".join(lines[title[0] + 1 : title[0] + 2])
        assert "▾" in val_marks  # the overfitting findings are marked on the val panel


async def test_grid_titles_keep_numbers_whole(tmp_path, tick_dir):
    rows = ["step,train_loss,train_epoch_perplexity_of_the_model,val_precision_for_class_b"]
    rows += [f"{s},{2 / s:.4f},{39.93 + 10 / s:.4f},{0.828:.3f}" for s in range(1, 300)]
    log = write_log(tmp_path / "metrics.csv", rows)
    app = make_app(log)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        titles = [chart.text.splitlines()[0] for chart in app.query(".metric-chart")]
        assert any(title.endswith(" 39.96") for title in titles), titles
        assert any(title.endswith(" 0.828") for title in titles), titles
        assert all(len(title) <= chart.size.width for title, chart in zip(titles, app.query(".metric-chart")))


async def test_window_on_a_short_run_starts_at_its_first_step(healthy_log, tick_dir):
    app = make_app(healthy_log)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("w", "w")  # last 10k on a 600-step run
        await pilot.pause()
        frame = app.query_one("#main-chart", ChartView)._frame
        assert frame.x_range[0] >= 1 and "-" not in frame.plain().splitlines()[-1]


async def test_value_readout_by_keys_and_click(healthy_log, tick_dir):
    app = make_app(healthy_log)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        chart = app.query_one("#main-chart", ChartView)
        await pilot.press("right")
        legend = chart.text.splitlines()[0]
        last_loss = float(healthy_log.read_text().splitlines()[-2].split("'loss': ")[1].split(",")[0])
        assert legend.startswith("step 600 │ loss ") and f"{last_loss:.4g}"[:4] in legend
        assert "eval_loss 0.4794" in legend  # the eval at step 600: 2.6 exp(-3) + 0.35
        await pilot.press(*["left"] * 20)
        assert app.view_state.cursor < 1.0 and "step 600" not in chart.text.splitlines()[0]
        frame = chart._frame
        await pilot.click(chart, offset=(frame.plot_left, 5))  # the plot's first column
        await pilot.pause()
        first = re.match(r"step (\d+) │ loss [\d.]+ │ eval_loss [\d.]+", chart.text.splitlines()[0])
        assert app.view_state.cursor == 0.0 and first and int(first.group(1)) <= 5  # the first column
        await pilot.press("escape")
        assert app.view_state.cursor is None and chart.text.splitlines()[0].startswith("━ loss")


@pytest.mark.parametrize("size", [(50, 30), (40, 20)])
async def test_narrow_panes_keep_the_x_axis_and_a_two_line_header(size, tmp_path, tick_dir):
    log = write_log(tmp_path / "spiked.log", _spiked_lines() + trainer_lines(40, nan_at=30)[-5:])
    app = make_app(log)
    app.show_elapsed = True
    async with app.run_test(size=size) as pilot:
        await wait_loaded(app, pilot)
        if app.query_one("#checklist-box").collapsed:
            await pilot.press("c")
            await wait_loaded(app, pilot)
        header = app.query_one(HeaderBar).text.splitlines()
        assert len(header) <= 2 and "FOLLOW" in header[-1] and header[-1].strip() != "FOLLOW"
        chart_lines = app.query_one("#main-chart", ChartView).text.splitlines()
        assert re.search(r"\d", chart_lines[-1]) and "┤" in "".join(chart_lines)  # x labels and y ticks


@pytest.mark.parametrize("content, note", [(b"", "empty so far"), (bytes(range(256)) * 40, "no metrics in")])
async def test_an_empty_or_binary_file_says_why_nothing_shows(content, note, tmp_path, tick_dir):
    path = tmp_path / "odd.log"
    path.write_bytes(content)
    app = make_app(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(app, pilot)
        assert note in app.query_one(HeaderBar).text


def test_an_unreadable_file_says_error_not_loading(tmp_path):
    from lossmon.app.header_scene import log_state
    from lossmon.app.live_log import LiveLog
    from lossmon.engine import Monitor

    path = tmp_path / "secret.log"
    path.write_text("step 1 loss 1.0\n" * 100)
    log = LiveLog(str(path), Monitor(str(path)))
    assert log_state(log, replay=False).startswith("LOADING")  # nothing read yet
    log.event("error", f"{path}: permission denied")
    assert log_state(log, replay=False) == "ERROR" and log.error.endswith("permission denied")


async def test_the_metrics_picker_boxes_read_x_or_blank(healthy_log, tick_dir):
    app = make_app(healthy_log)
    async with app.run_test(size=(80, 30)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        picker = app.focused
        first = picker.get_option_at_index(0).value
        ticked = first in picker.selected
        assert f"[{'x' if ticked else ' '}] {first}" in screen_text(app)
        await pilot.press("space")  # toggle the first
        await pilot.pause()
        assert f"[{' ' if ticked else 'x'}] {first}" in screen_text(app)
