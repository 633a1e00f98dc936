"""Pilot tests: the app over its real reader, driven by keys."""

import json
import threading

from textual.widgets import Collapsible, SelectionList

from lossmon.app.widgets.badges import BadgeRow, BadgeView
from lossmon.app.widgets.chart import ChartView
from lossmon.app.widgets.checklist import ChecklistItems, ChecklistPane
from lossmon.app.widgets.header import HeaderBar
from lossmon.app.widgets.help import HelpScreen
from lossmon.app.widgets.metrics_picker import MetricsPicker
from lossmon.app.widgets.timeline import Timeline
from lossmon.engine.checklists import PATHOLOGIES

from tests.conftest import ManualClock

from .conftest import append_lines, make_app, trainer_lines, until, wait_loaded, write_log


def _header(app) -> str:
    return str(app.query_one(HeaderBar).text)


def _badge(app, pathology) -> BadgeView:
    return app.query_one(f"#badge-{pathology}", BadgeView)


async def test_a_healthy_log_shows_header_charts_and_a_calm_checklist(healthy_log, tick_dir):
    app = make_app(healthy_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        header = _header(app)
        assert "healthy.log" in header and "hf_dict" in header and "step 600" in header and "FOLLOW" in header
        assert all(view.has_class("-healthy") for view in app.query(BadgeView))
        assert len(app.query(BadgeView)) == 7
        main = app.query_one("#main-chart", ChartView).text
        assert "loss" in main and "eval_loss" in main and "smooth 0.6" in main
        grid = [chart.series for chart in app.query(".metric-chart")]
        assert grid[0] == "eval_accuracy" and "grad_norm" in grid and "learning_rate" in grid
        assert "healthy" in str(app.query_one(ChecklistPane).query("Static").first().render())
        assert not app.screen.has_class("-side")


async def test_a_log_without_metrics_is_not_called_healthy_until_metrics_come(tmp_path, tick_dir):
    path = write_log(tmp_path / "train.log", ["Loading checkpoint shards", "Starting training"])
    app = make_app(path, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)

        def checklist() -> str:
            return str(app.query_one(ChecklistPane).query("Static").first().render())

        await until(lambda: "nothing to judge" in checklist(), "the checklist to say so", pilot=pilot)
        append_lines(path, trainer_lines(20))
        await until(lambda: "healthy" in checklist(), "the metrics to be judged", pilot=pilot)


async def test_a_nan_turns_its_badge_red_and_lists_the_checklist(nan_log, tick_dir):
    app = make_app(nan_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        badge = _badge(app, "nan_or_inf")
        assert badge.has_class("-alert") and badge.has_class("-flashing")
        assert "■ NaN/Inf" in badge.label
        assert _badge(app, "exploding_loss").has_class("-healthy")
        items = app.query_one(ChecklistItems)
        assert items.pathology == "nan_or_inf"
        assert [str(o.prompt) for o in items._options] == list(PATHOLOGIES["nan_or_inf"].checklist)
        assert "×" in app.query_one("#main-chart", ChartView).text  # the NaN is marked on the chart
        await pilot.press("a")
        assert not badge.has_class("-flashing") and badge.has_class("-alert")


async def test_chart_keys_change_the_view_and_the_legend(healthy_log, tick_dir):
    app = make_app(healthy_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        chart = app.query_one("#main-chart", ChartView)
        await pilot.press("s")
        assert app.view_state.smoothing == 0.9 and "smooth 0.9" in chart.text
        await pilot.press("s", "s")
        assert app.view_state.smoothing == 0.0 and "smooth off" in chart.text
        await pilot.press("l")
        assert app.view_state.log_y and "log" in chart.text
        await pilot.press("w")
        assert app.view_state.window == 1_000 and "last 1k" in chart.text
        await pilot.press("x")
        assert app.view_state.x_axis == "epoch" and "x epoch" in chart.text
        assert "no epoch" not in chart.text  # this log has an epoch series
        await pilot.press("x")
        assert "x time" in chart.text
        frames = app.frames
        await pilot.press("p")
        assert app.view_state.paused and "PAUSED" in _header(app)
        await pilot.press("s")
        assert app.frames == frames  # paused: the chart stays as it was
        await pilot.press("p")
        assert not app.view_state.paused and app.frames > frames


async def test_help_and_metrics_picker_work_by_keyboard(healthy_log, tick_dir):
    app = make_app(healthy_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        frames = app.frames
        app.schedule(0.0, force=True)  # data keeps coming while help is open
        await until(lambda: app.frames > frames and not app.refresh_pending, "a frame drawn behind help", pilot=pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("m")
        assert isinstance(app.screen, MetricsPicker)
        picker = app.screen.query_one(SelectionList)
        first = picker.get_option_at_index(0).value
        await pilot.press("space")  # untick the first metric
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, MetricsPicker)
        assert first not in app.view_state.shown
        await wait_loaded(app, pilot)
        assert first not in [chart.series for chart in app.query(".metric-chart")]


async def test_choosing_a_finding_moves_the_chart_to_it(nan_log, tick_dir):
    app = make_app(nan_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        timeline = app.query_one(Timeline)
        assert timeline.option_count == 2
        timeline.focus()
        await pilot.press("home", "enter")
        assert app.view_state.pinned_step == 560
        assert "pinned 560" in app.query_one("#main-chart", ChartView).text
        await pilot.press("escape")
        assert app.view_state.pinned_step is None


async def test_ticks_are_saved_and_shown_again(nan_log, tick_dir):
    app = make_app(nan_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        items = app.query_one(ChecklistItems)
        items.focus()
        await pilot.press("space")
        await pilot.pause()
        first = PATHOLOGIES["nan_or_inf"].checklist[0]
        assert first in items.selected
    saved = list((tick_dir / "lossmon" / "checklists").glob("*.json"))
    assert len(saved) == 1 and json.loads(saved[0].read_text())["ticks"] == {"nan_or_inf": [first]}
    app = make_app(nan_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert first in app.query_one(ChecklistItems).selected


async def test_markup_and_escapes_in_series_names_show_as_text(tmp_path, tick_dir):
    lines = [json.dumps({"step": s, "[bold red]x[/]": 1.0 / s, "loss\x1b[31m": 2.0 / s}) for s in range(1, 40)]
    log = write_log(tmp_path / "markup.jsonl", lines)
    app = make_app(log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert "loss[31m" not in app.query_one("#main-chart", ChartView).text
        grid = app.query(".metric-chart").first(ChartView)
        assert "[bold red]x[/]" in grid.text
        assert "\x1b" not in app.query_one("#main-chart", ChartView).text


async def test_narrow_terminals_get_the_side_pane_layout(nan_log, tick_dir):
    app = make_app(nan_log, tick_dir=tick_dir)
    async with app.run_test(size=(50, 30)) as pilot:
        await wait_loaded(app, pilot)
        assert app.screen.has_class("-side")
        badges = app.query_one(BadgeRow)
        assert badges.region.height == 4  # seven badges, two per row
        assert app.query_one("#grid").display is False or not app.query(".metric-chart")
        assert app.query_one("#timeline-box", Collapsible).collapsed
        assert not app.query_one("#checklist-box", Collapsible).collapsed
        await pilot.press("c")
        assert app.query_one("#checklist-box", Collapsible).collapsed
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not app.screen.has_class("-side")


async def test_the_smallest_screen_still_shows_chart_and_badges(nan_log, tick_dir):
    app = make_app(nan_log, tick_dir=tick_dir, ascii=True)
    async with app.run_test(size=(40, 20)) as pilot:
        await wait_loaded(app, pilot)
        chart = app.query_one("#main-chart", ChartView)
        assert chart.region.height >= 5 and chart.region.width == 40
        assert not any("\u2800" <= char <= "\u28ff" for char in chart.text)  # no braille
        assert "!! NaN/Inf ALERT" in _badge(app, "nan_or_inf").label  # severity in words, in ASCII


async def test_nothing_is_drawn_before_the_screen_is_ready(nan_log, tick_dir, monkeypatch):
    """A frame planned before the screen's lists are composed (a resize, under load) is not
    drawn: it found no checklist and the app crashed before it started reading. Ready draws."""
    from lossmon.app.log_screen import LogScreen

    held: list[LogScreen] = []
    announce = LogScreen._announce_when_composed
    monkeypatch.setattr(LogScreen, "_announce_when_composed", lambda screen: held.append(screen))
    pace = ManualClock()
    app = make_app(nan_log, tick_dir=tick_dir, replay_speed=250, pace=pace)  # its log is there at once
    async with app.run_test(size=(120, 40)) as pilot:
        await until(lambda: held, "the screen mounted", pilot=pilot)
        await pilot.resize_terminal(100, 30)  # plans a frame, before Ready
        await until(lambda: not app.refresh_pending, "the planned frame to fire", pilot=pilot)
        assert app.is_running and app.frames == 0 and not pace.readings  # nothing drawn, nothing read
        announce(held[0])
        await until(lambda: app.frames and pace.readings, "a frame and the replay, once Ready", pilot=pilot)
        assert "REPLAY" in _header(app) and app.is_running


async def test_replay_animates_and_the_detector_fires_on_the_way(nan_log, tick_dir):
    pace = ManualClock()
    app = make_app(nan_log, tick_dir=tick_dir, replay_speed=250, pace=pace)
    async with app.run_test(size=(120, 40)) as pilot:
        # (the replay's first look at its clock, as it opens the log, starts its time: advancing
        # before would be lost; its first update, handed over, says it opened)
        await until(
            lambda: app.views and "REPLAY" in _header(app) and str(nan_log) in app.reader.delivered,
            lambda: f"the replay to start; the header: {_header(app)!r}, {pace.readings} readings, {app.frames} frames", pilot=pilot,
        )
        pace.advance(1.0)  # 250 records due: the run up to about step 245, before its NaN
        await until(lambda: app.views[0].log.monitor.records >= 250, "the first second of replay", pilot=pilot)
        await until(lambda: "step 24" in _header(app), "the header to follow", pilot=pilot)
        assert app.views[0].log.monitor.records < 612 and _badge(app, "nan_or_inf").has_class("-healthy")
        pace.advance(10.0)  # the rest
        await wait_loaded(app, pilot)
        assert _badge(app, "nan_or_inf").has_class("-alert")
        assert app.query_one(Timeline).option_count == 2


async def test_several_logs_switch_with_brackets(healthy_log, nan_log, tick_dir):
    app = make_app(healthy_log, nan_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert "1/2" in _header(app) and "another log is alerting" in _header(app)
        await pilot.press("right_square_bracket")
        await wait_loaded(app, pilot)
        assert "nan.log" in _header(app)
        assert _badge(app, "nan_or_inf").has_class("-alert")


async def test_choosing_the_run_on_screen_shows_it_afresh(healthy_log, nan_log, tick_dir):
    app = make_app(healthy_log, nan_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        app.view_state = app.view_state.pin(300.0)  # a step chosen in the timeline
        await pilot.press("r", "enter")  # the run list, on its first run: the one shown, chosen again
        await pilot.pause()
        assert app.current == 0 and app.view_state.pinned_step is None and "healthy.log" in _header(app)


async def test_q_quits(healthy_log, tick_dir):
    app = make_app(healthy_log, tick_dir=tick_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# Following a live log ---------------------------------------------------------------------------


async def test_lines_appended_to_the_log_reach_the_screen(tmp_path, tick_dir):
    path = write_log(tmp_path / "live.log", trainer_lines(600)[:300])
    app = make_app(path, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert "FOLLOW" in _header(app) and _badge(app, "nan_or_inf").has_class("-healthy")
        frames = app.frames
        append_lines(path, trainer_lines(600, nan_at=560)[300:])
        await until(lambda: "step 600" in _header(app), "the last step in the header", pilot=pilot)
        await until(lambda: _badge(app, "nan_or_inf").has_class("-alert"), "the NaN badge", pilot=pilot)
        assert app.frames > frames and "×" in app.query_one("#main-chart", ChartView).text
        assert app.frames - frames < 30  # redrawn on a throttle, not per line


async def test_pause_freezes_the_charts_and_says_how_much_new_data_waits(tmp_path, tick_dir):
    path = write_log(tmp_path / "live.log", trainer_lines(400)[:200])
    app = make_app(path, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("p")
        chart = app.query_one("#main-chart", ChartView).text
        frames = app.frames
        append_lines(path, trainer_lines(400)[200:250])
        await until(lambda: "50 new records" in _header(app), "the count of new records", pilot=pilot)
        assert "PAUSED" in _header(app)
        assert app.frames == frames and app.query_one("#main-chart", ChartView).text == chart
        await pilot.press("p")
        assert "FOLLOW" in _header(app) and app.frames > frames
        assert app.query_one("#main-chart", ChartView).text != chart  # the new data, drawn


async def test_the_header_says_when_the_file_is_waiting_deleted_or_restarted(tmp_path, tick_dir):
    path = tmp_path / "later.log"
    app = make_app(path, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        # (the follower's thread registers the path: until then, no log is open to say so)
        await until(lambda: "WAITING" in _header(app) and app.views and not app.refresh_pending, "waiting", pilot=pilot)
        assert "waiting for the file to appear" in _header(app)
        write_log(path, trainer_lines(100))
        await until(lambda: "FOLLOW" in _header(app) and "step 100" in _header(app), "the file", pilot=pilot)
        path.unlink()
        await until(lambda: "DELETED" in _header(app), "the deletion", pilot=pilot)
        assert "data stay" in _header(app) and "step 100" in _header(app)
        assert "loss" in app.query_one("#main-chart", ChartView).text  # still charted
        write_log(path, trainer_lines(100)[:20])
        await until(lambda: "segment 2" in _header(app) and "step 20 " in _header(app), "the new file", pilot=pilot)


def _gated_reader(path, gate):
    """The app's reader, whose reading thread, once it has handed the app a first block of
    history, waits at ``gate`` until the test opens it (outside the follower's lock: the app stays
    free). The load lasts as long as the test needs, however fast or busy this machine is."""
    from lossmon.app.reader import LogReader

    class GatedReader(LogReader):
        def _on_update(self, update):
            super()._on_update(update)
            if update.records and not gate.wait(timeout=60):
                raise AssertionError("the test never opened the gate")

    return GatedReader([str(path)], clock=ManualClock())


async def test_keys_work_while_a_big_history_loads(tmp_path, tick_dir):
    from lossmon.app.app import LossmonApp

    path = write_log(tmp_path / "big.log", trainer_lines(60_000))
    gate = threading.Event()
    app = LossmonApp(_gated_reader(path, gate), show_elapsed=False)
    app.blink_interval = 3600.0
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await until(lambda: "LOADING" in _header(app), "the loading state", pilot=pilot)
            assert app.query_one("#progress").display
            handled_while_loading = []
            smoothing = app.action_smoothing
            app.action_smoothing = lambda: (handled_while_loading.append(app.loading), smoothing())
            await pilot.press("s")
            assert app.view_state.smoothing == 0.9 and handled_while_loading == [True]
            assert "LOADING" in _header(app)  # (the gate holds the rest of the history back)
            gate.set()
            await wait_loaded(app, pilot, timeout=120)
            assert not app.query("#progress") and "FOLLOW" in _header(app)  # the bar is gone
            assert "step 60000" in _header(app)
    finally:
        gate.set()  # never leave the reading thread waiting


async def test_findings_from_before_a_restart_are_kept_apart_and_do_not_move_the_chart(tmp_path, tick_dir):
    path = write_log(tmp_path / "live.log", trainer_lines(600, nan_at=560))
    app = make_app(path, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        timeline = app.query_one(Timeline)
        assert timeline.option_count == 2 and not any(o.disabled for o in timeline._options)
        write_log(path, trainer_lines(300)[:150])  # the run starts again: the file is rewritten
        await until(lambda: "segment 2" in _header(app) and "step 148 " in _header(app), "the restart", pilot=pilot)
        await until(lambda: timeline.option_count == 4, "the timeline to split", pilot=pilot)
        prompts = [str(timeline.get_option_at_index(i).prompt) for i in range(4)]
        assert prompts[0] == "── earlier: not on the chart ──" and prompts[3] == "── on the chart ──"
        assert "NaN/Inf" in prompts[1] and "560" in prompts[1]
        assert timeline.get_option_at_index(0).disabled and timeline.get_option_at_index(3).disabled
        timeline.focus()
        timeline.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.view_state.pinned_step is None  # step 560 is not in the segment charted
        assert [n.severity for n in app._notifications] == ["warning"]
        assert "before the log restarted" in list(app._notifications)[0].message
        append_lines(path, trainer_lines(300, nan_at=160)[150:])  # the new run breaks too
        await until(lambda: timeline.option_count == 6, "the new findings", pilot=pilot)
        assert "160" in str(timeline.get_option_at_index(4).prompt)
        timeline.highlighted = 4
        await pilot.press("enter")
        assert app.view_state.pinned_step == 160  # this one is on the chart: the chart moves to it


async def test_the_apps_own_timer_beats_the_clock(nan_log, tick_dir):
    """The beat the idle test gives by hand comes from the app's real timer once the screen is
    ready: the beats are counted, and the header's elapsed time (on the test's clock) moves on
    with no frame drawn. How soon is Textual's business: the wait only ends one that never comes."""
    from lossmon.app.app import LossmonApp
    from lossmon.app.reader import LogReader

    clock = ManualClock()
    app = LossmonApp(LogReader([str(nan_log)], clock=clock))  # the app's own beat interval
    beats, pulse = [], app.pulse
    app.pulse = lambda: (beats.append(clock.now), pulse())  # the timer takes the bound method when it starts
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert "00:00" in _header(app)
        frames, counted = app.frames, len(beats)
        clock.advance(45.0)  # (under a minute: no "last record ... ago", no stall)
        await until(lambda: len(beats) >= counted + 2, "two beats of the app's timer", pilot=pilot)
        await until(lambda: "00:45" in _header(app), lambda: f"the elapsed time to move on: {_header(app)!r}", pilot=pilot)
        assert app.frames == frames  # the beat moved the header: no chart was drawn


async def test_an_idle_app_repaints_only_the_clock_and_the_blink(nan_log, tick_dir):
    """Each beat of the app's clock (``pulse``, twice a second) blinks the flashing badge and moves
    the header's elapsed time on, and draws no chart. The beats and the time are the test's: the
    logs' clock is a ManualClock, and the test beats in place of the app's timer."""
    from lossmon.app.app import BLINK_INTERVAL, LossmonApp
    from lossmon.app.reader import LogReader

    clock = ManualClock()
    app = LossmonApp(LogReader([str(nan_log)], clock=clock))  # the elapsed time shown, on the test's clock
    app.blink_interval = 3600.0  # the app's own timer never beats during the test
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        frames, badge = app.frames, _badge(app, "nan_or_inf")
        classes = set(badge.classes)
        assert badge.has_class("-flashing") and "00:00" in _header(app)
        blinks, headers = [], []
        for _ in range(4):
            clock.advance(BLINK_INTERVAL)
            app.pulse()
            await pilot.pause()
            assert not app.refresh_pending  # a beat plans no frame
            blinks.append(badge.blink_on)
            headers.append(_header(app))
        assert app.frames == frames  # no chart was drawn again
        assert blinks == [True, False, True, False]  # each beat turns the blink
        assert "00:01" in headers[1] and "00:02" in headers[3]  # the elapsed time moved on with the clock
        assert set(badge.classes) == classes  # blinking never restyles
