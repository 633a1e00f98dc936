"""The lossmon terminal app: header, badges, charts, checklist and findings timeline for the logs
a feed is reading. The app only renders engine state; a feed (the follower's thread, or a replay
thread) drives the monitors and tells the app, which redraws on a throttle, never per line."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.widgets import Collapsible, ProgressBar
from textual.widgets._collapsible import CollapsibleTitle

from lossmon.app.alerting import AlertOptions, AppAlerts
from lossmon.app.badge_board import BadgeBoard
from lossmon.app.feeds import FollowFeed, ReplayFeed
from lossmon.app.live_log import LiveLog
from lossmon.app.messages import FeedNews, HookFailed
from lossmon.app.runs_view import RunsView
from lossmon.app.safe_text import clean
from lossmon.app.scene import (
    ChartPlan,
    Snapshot,
    charted_findings,
    grid_names,
    is_charted,
    main_chart,
    metric_chart,
    pickable_names,
    restarts,
    take_snapshot,
)
from lossmon.app.screenshots import screenshot_dir, screenshot_path
from lossmon.app.signals import exit_on_signals
from lossmon.app.ticks import TickStore
from lossmon.app.view_state import ViewState
from lossmon.app.widgets.ascii_palette import AsciiCommandPalette
from lossmon.app.widgets.badges import BadgeRow
from lossmon.app.widgets.chart import ChartView
from lossmon.app.widgets.checklist import ChecklistItems, ChecklistPane
from lossmon.app.widgets.explain import ExplainScreen, unread_note
from lossmon.app.widgets.header import HeaderBar, HeaderInfo
from lossmon.app.widgets.help import HelpScreen
from lossmon.app.widgets.keybar import KeyBar
from lossmon.app.widgets.metrics_picker import MetricsPicker
from lossmon.app.widgets.run_list import RunsPane
from lossmon.app.widgets.timeline import Timeline
from lossmon.engine.detectors.stalled import FLOOR as STALL_FLOOR, format_duration
from lossmon.engine.findings import format_step
from lossmon.explain_report import explain_text

SIDE_PANE_BELOW = 100  # columns: narrower terminals get the side-pane layout
SHORT_BELOW = 25  # rows: a side pane this short starts with the checklist folded (key c)
REFRESH_INTERVAL = 0.25  # at most four frames a second while data streams in
# While a log's history loads, a frame a second: the progress bar and charts still move, and the
# reading (which shares the interpreter with drawing) keeps nearly all of it. Keys redraw at once.
LOADING_REFRESH_INTERVAL = 1.0
LOADING_PANES_INTERVAL = 5.0  # and the checklist and findings list every five seconds
BLINK_INTERVAL = 0.5  # seconds per blink of a flashing badge, and the clock's beat
PROGRESS_FROM_BYTES = 2 * 1024 * 1024  # smaller files load before a progress bar would help


@dataclass(eq=False)
class LogView:
    """What the app keeps per open log."""

    log: LiveLog
    board: BadgeBoard
    ticks: TickStore
    snapshot: Snapshot | None = None
    rendered_version: int = -1
    records_at_pause: int | None = None  # the view is paused: records ingested since then are new


FILE_NOTES = {
    "waiting": "waiting for the file to appear",
    "deleted": "file deleted: its data stay on screen",
    "moved": "file moved away: waiting for a new one",
}


def nothing_read_note(lines: int, bytes_read: int) -> str:
    """Why a log read to its end shows nothing (instead of "detecting" forever)."""
    if not bytes_read and not lines:
        return "empty so far: waiting for lines"
    return f"no metrics in {lines:,} lines read (binary? see lossmon formats, --pattern)"


def log_state(log: LiveLog, replay: bool) -> str:
    """The state word in the header."""
    if log.finished:
        return "DONE"
    if replay:
        return "REPLAY"
    if log.file_state is not None:
        return log.file_state.upper()
    if log.error and not log.monitor.records:
        return "ERROR"  # an unreadable file: not LOADING 0% forever
    if log.loading:
        progress = log.progress
        return f"LOADING {progress:.0%}" if progress is not None else "LOADING"
    return "FOLLOW"


def quiet_since(log: LiveLog, state: str) -> tuple[str, str | None]:
    """("last record 14 min ago", the stalled badge's severity) for a followed log that went
    quiet for a minute or is stalled (the engine's stalled detector, on the feed's clock)."""
    stall = log.monitor.stall
    if stall is None or state != "FOLLOW":
        return "", None
    silence = stall.silence(log.clock())
    severity = stall.active.severity if stall.active is not None else None
    if silence is None or (silence < STALL_FLOOR and severity is None):
        return "", None
    return f"last record {format_duration(silence)} ago", severity
class AsciiScrollBarRender(ScrollBarRender):
    """Scrollbars of whole cells (their colour shows the thumb): no block characters."""

    VERTICAL_BARS = [" "] * 8
    HORIZONTAL_BARS = [" "] * 8


class LossmonApp(App):
    CSS_PATH = "lossmon.tcss"
    TITLE = "lossmon"
    ENABLE_COMMAND_PALETTE = True
    # Nothing focused at start: the app's keys work at once, and a focused timeline would redraw
    # the key bar each time a finding arrives (Tab or f focus the lists).
    AUTO_FOCUS = None

    BINDINGS = [
        Binding("s", "smoothing", "smooth"),
        Binding("l", "log_scale", "log"),
        Binding("w", "window", "window"),
        Binding("x", "x_axis", "x axis"),
        Binding("m", "metrics", "metrics"),
        Binding("o", "overlay", "overlay"),  # shown with two runs or more (check_action)
        Binding("r", "runs", "runs", show=False),
        Binding("slash", "filter_runs", "filter runs", show=False),
        Binding("p", "pause", "pause"),
        Binding("a", "acknowledge", "ack"),
        Binding("c", "toggle_checklist", "checklist", show=False),
        Binding("S", "save_screenshot", "screenshot", show=False),
        Binding("escape", "unpin", "unpin", show=False),
        Binding("right_square_bracket", "next_log", "next log", show=False),
        Binding("left_square_bracket", "previous_log", "previous log", show=False),
        Binding("f", "findings", "findings", show=False),
        Binding("v", "read_advice", "advice", show=False),
        Binding("e", "explain", "explain", show=False),
        Binding("left", "cursor(-1)", "readout", show=False),
        Binding("right", "cursor(1)", "readout", show=False),
        Binding("question_mark", "help", "help"),
        Binding("q", "quit", "quit"),
        # htop, lnav and nvitop quit on ctrl+c: so does lossmon (Textual would only hint ctrl+q).
        Binding("ctrl+c", "quit", "quit", show=False, priority=True),
    ]

    def __init__(
        self,
        feed: FollowFeed | ReplayFeed,
        *,
        ascii: bool = False,
        light: bool = False,
        show_elapsed: bool = True,
        tick_dir=None,
        alerts: AlertOptions = AlertOptions(),
        terminal_write: Callable[[str], None] | None = None,
        screenshots: str | None = None,
        baseline: str | None = None,
    ) -> None:
        """``alerts``: --on-alert and --notify; ``terminal_write`` sends the notifications' escape
        sequences (by default to the real terminal, between frames)."""
        super().__init__()
        self.feed = feed
        self.views: list[LogView] = []  # one per log the feed reads, added as they appear
        self._tick_dir = tick_dir
        self.screenshots = screenshots  # --screenshot-dir; None: $XDG_STATE_HOME/lossmon/screenshots
        self.current = 0
        self.runs = RunsView(baseline)  # the run list and the overlay (--baseline pins one)
        self.view_state = ViewState()
        self.ascii = ascii
        self.show_elapsed = show_elapsed
        self._news_posted = False
        self._refresh_pending = False
        self._refresh_timer = None
        self._was_loading = True  # the history is read first
        self._panes_shown = 0.0
        self._last_refresh = 0.0
        self.frames = 0  # frames drawn (tests and the idle check read it)
        self.main_scale = (False, False)  # the main chart's log scale: (shown, automatic)
        self.blink_interval = BLINK_INTERVAL
        self.theme = "textual-light" if light else "textual-dark"
        self._series_warned: set = set()  # logs whose dropped series were announced
        self.alerts = AppAlerts(alerts, terminal_write or self.write_terminal, self._hook_failed) if alerts.enabled else None

    # Layout --------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        yield BadgeRow(BadgeBoard(), self.ascii)
        with Horizontal(id="body"):
            with Vertical(id="charts"):
                yield ChartView(id="main-chart")
                yield Grid(id="grid")
            with Vertical(id="side"):
                yield RunsPane(self.runs.state, ascii=self.ascii)
                symbols = {"collapsed_symbol": ">", "expanded_symbol": "v"} if self.ascii else {}
                with Collapsible(title="Checklist", id="checklist-box", collapsed=False, **symbols):
                    yield ChecklistPane(ascii=self.ascii)
                with Collapsible(title="Findings", id="timeline-box", collapsed=False, **symbols):
                    yield Timeline(ascii=self.ascii)
        yield KeyBar()

    def on_mount(self) -> None:
        if self.ascii:
            self.main_screen.add_class("-ascii")
            ScrollBar.renderer = AsciiScrollBarRender  # Textual's thumb ends are ▁▂▃ blocks
        self.main_screen.set_class(self.no_color, "-no-color")
        # Tab goes to the lists, not to the sections' titles (Tab then Enter folded a section by
        # surprise); c folds the checklist, and a click on a title still folds it.
        for title in self.main_screen.query(CollapsibleTitle):
            title.can_focus = False
        self._apply_layout(self.size.width, self.size.height)
        exit_on_signals(self.exit)
        self.feed.start(self._from_feed)
        self._schedule(0.0)
        self.set_interval(self.blink_interval, self._pulse)

    def on_resize(self, event) -> None:
        self._apply_layout(event.size.width, event.size.height)
        self._schedule(0.0, force=True)

    def _apply_layout(self, width: int, height: int) -> None:
        side = width < SIDE_PANE_BELOW
        screen = self.main_screen
        if side != screen.has_class("-side"):
            screen.set_class(side, "-side")
            self._part("#timeline-box", Collapsible).collapsed = side
            self._part("#checklist-box", Collapsible).collapsed = side and height < SHORT_BELOW

    @property
    def main_screen(self) -> Screen:
        """The screen with the log on it (help and the metrics picker open above it)."""
        return self.screen_stack[0]

    def _part(self, selector, expect_type=None):
        return self.main_screen.query_one(selector, expect_type)

    @property
    def side_pane(self) -> bool:
        return self.main_screen.has_class("-side")

    def on_unmount(self) -> None:
        if self.ascii:
            ScrollBar.renderer = ScrollBarRender
        self.feed.stop()
        if self.alerts is not None:
            self.alerts.close()

    # Data in -------------------------------------------------------------------------------------

    def _from_feed(self, log: LiveLog) -> None:
        """Called on the feed's thread after each change: one message until the app took it."""
        if not self._news_posted:
            self._news_posted = True
            self.post_message(FeedNews())

    def on_feed_news(self, message: FeedNews) -> None:
        self._news_posted = False  # first: news arriving from now on posts a new message
        self._sync_views()
        # The first records and the end of the history's loading are drawn at once (the first
        # picture, and the final one); the frames in between wait for the throttle.
        loading = self.loading
        first = any(v.snapshot is not None and not v.snapshot.records and v.log.monitor.records for v in self.views)
        urgent = first or (self._was_loading and not loading)
        self._was_loading = loading
        self._schedule(0.0 if urgent else None, hurry=urgent)

    def _sync_views(self) -> None:
        """A view for each log the feed started reading (a glob matches a new file)."""
        logs = list(self.feed.logs)
        if len(logs) == len(self.views):
            return
        first = not self.views
        for log in logs[len(self.views) :]:
            self.views.append(LogView(log, BadgeBoard(), TickStore(log.path, self._tick_dir)))
            if self.view_state.paused:
                self.views[-1].records_at_pause = 0
        if first:
            self._part(BadgeRow).board = self.views[0].board
        self.refresh_bindings()  # o (the overlay) shows from the second run on

    def _schedule(self, delay: float | None = None, force: bool = False, hurry: bool = False) -> None:
        """Refresh after ``delay`` (by default when the throttle allows); ``hurry``: sooner than a
        refresh already planned."""
        if force and self.views:
            self.views[self.current].rendered_version = -1
        if self._refresh_pending:
            if not hurry or self._refresh_timer is None:
                return
            self._refresh_timer.stop()
        self._refresh_pending = True
        if delay is None:
            interval = LOADING_REFRESH_INTERVAL if self.loading else REFRESH_INTERVAL
            delay = max(0.02, self._last_refresh + interval - time.monotonic())
        self._refresh_timer = self.set_timer(max(delay, 0.01), self._refresh_now)

    def _refresh_now(self) -> None:
        self._refresh_pending = False
        if not self.is_running or not self.screen_stack:
            return
        self._last_refresh = time.monotonic()
        self._sync_views()
        for index, view in enumerate(self.views):
            if self.alerts is not None:
                self.alerts.check(view.log)
            self._warn_dropped_series(view)
            if index != self.current:
                self._update_board(view)
        self._part(RunsPane).show(self.runs.refresh(self.views, self.current, self.view_state.x_axis))
        if self.views:
            self.render_log(self.views[self.current])
        else:
            self._part(HeaderBar).show(self._waiting_info())

    def _warn_dropped_series(self, view: LogView) -> None:
        """Once per log: names past --max-series were dropped (as check and watch say)."""
        monitor = view.log.monitor
        if monitor.dropped_series and view.log not in self._series_warned:
            self._series_warned.add(view.log)
            self.notify(
                clean(monitor.series_warning(), 400), title="Too many series", severity="warning", timeout=30, markup=False
            )

    def _update_board(self, view: LogView) -> None:
        if view.log.version == view.rendered_version:
            return
        with view.log.lock:
            status = view.log.monitor.status()
        view.board.update(status)

    # Drawing -------------------------------------------------------------------------------------

    def render_log(self, view: LogView) -> None:
        log = view.log
        changed = log.version != view.rendered_version
        if changed or view.snapshot is None:
            with log.lock:
                view.snapshot = take_snapshot(log)
                view.rendered_version = log.version
        snapshot = view.snapshot
        view.board.update(snapshot.status)
        if changed:
            charted_findings(snapshot)  # sorts out the findings of the segment on the chart, once
            view.board.note_history(snapshot.charted or [])
        self._part(BadgeRow).refresh_badges()  # a badge that stopped flashing stops blinking
        self._part(HeaderBar).show(self._header_info(view, snapshot))
        self._update_progress(log)
        if not self.view_state.paused or not self.frames:
            self._draw_charts(view, snapshot)
        now = time.monotonic()
        if log.loading and now - self._panes_shown < LOADING_PANES_INTERVAL:
            return  # the lists' relayout would cost the load more than their news is worth
        self._panes_shown = now
        active = [badge.finding for badge in view.board if badge.finding is not None]
        cleared = [badge.cleared for badge in view.board if badge.cleared is not None]
        self._part(ChecklistPane).show(active, view.ticks, judged=bool(snapshot.series), cleared=cleared)
        self._part("#checklist-box", Collapsible).title = f"Checklist ({len(active)} active" + (
            f", {len(cleared)} cleared)" if cleared else ")"
        )
        self._part(Timeline).show(snapshot.findings, log, partial(is_charted, snapshot), restarts(snapshot))
        self._part("#timeline-box", Collapsible).title = f"Findings ({len(snapshot.findings)})"

    def _draw_charts(self, view: LogView, snapshot: Snapshot) -> None:
        self.frames += 1
        chart = self._part("#main-chart", ChartView)
        charts: list[tuple[ChartView, ChartPlan]] = []
        if self.runs.overlaid:  # every shown run's losses (it takes their locks)
            charts.append((chart, self.runs.overlay_plan(self.views, self.view_state, *chart.plot_size, self.ascii)))
        with view.log.lock:  # the plans read the engine's series; drawing them needs no lock
            if not charts:
                charts.append((chart, main_chart(snapshot, self.view_state, *chart.plot_size, self.ascii)))
            for chart_view, name in self._grid_charts(snapshot):
                charts.append((chart_view, metric_chart(snapshot, name, self.view_state, *chart_view.plot_size, self.ascii)))
        self.main_scale = (charts[0][1].log_y, charts[0][1].auto_log)
        for chart_view, plan in charts:
            chart_view.show(plan.draw(self.ascii), plan.legend)

    def _grid_charts(self, snapshot: Snapshot) -> list[tuple[ChartView, str]]:
        """The grid's charts, once they match the metrics to show (else they are remounted and
        drawn at the next refresh, when they have a size)."""
        grid = self._part("#grid", Grid)
        if self.side_pane:
            return []
        names = grid_names(snapshot, self.view_state.shown)
        existing = {c.series: c for c in grid.query(ChartView)}
        if list(existing) != names:
            grid.remove_children()
            grid.mount_all([ChartView(classes="metric-chart", series=name) for name in names])
            grid.set_class(not names, "-empty")
            self.call_after_refresh(self._schedule, 0.0, True)
            return []
        return [(c, name) for name, c in existing.items() if c.plot_size[0] > 1 and name in snapshot.series]

    def _header_info(self, view: LogView, snapshot: Snapshot) -> HeaderInfo:
        log = view.log
        state = log_state(log, self.feed.replay)
        note = FILE_NOTES.get(log.file_state or "", "")
        if self.view_state.paused:
            waiting = snapshot.records - (view.records_at_pause or 0)
            state = "PAUSED"
            note = f"{waiting:,} new records (p: follow)" if waiting > 0 else "p: follow"
        elif log.monitor.segments and not note:
            note = f"segment {log.monitor.segments + 1}"
        elif not note and not log.loading and not snapshot.records:
            note = nothing_read_note(log.monitor.lines, log.bytes_read)
        others = [v for i, v in enumerate(self.views) if i != self.current and any(b.severity == "alert" for b in v.board)]
        position = f"{self.current + 1}/{len(self.views)}" if len(self.views) > 1 else ""
        if others:
            position += " (another log is alerting: ])"
        return HeaderInfo(
            snapshot.name,
            snapshot.format_id,
            snapshot.last_step,
            snapshot.records,
            log.records_per_second(),
            log.elapsed if self.show_elapsed else None,
            state,
            position,
            log.error or self.feed.error,
            note,
            *quiet_since(log, state),
            unread=unread_note(log.monitor.coverage),
        )

    def _waiting_info(self) -> HeaderInfo:
        """Nothing to show yet: a glob that matches no file so far."""
        name = " ".join(getattr(self.feed, "paths", []))
        return HeaderInfo(name, None, None, 0, 0.0, None, "WAITING", "", self.feed.error, "no file matches yet")

    def _pulse(self) -> None:
        """The app's clock, twice a second: flashing badges blink, and the header's elapsed time
        and records/s move on even when no line arrives. Both change in the same frame, and
        nothing is repainted when nothing changed (an idle app costs little)."""
        if not self.is_running or not self.screen_stack:
            return  # shutting down: a timer can fire after the widgets are gone
        if self.views and self.views[self.current].board.flashing:
            self._part(BadgeRow).blink()
        if self.show_elapsed and self.views and self.views[self.current].snapshot is not None:
            view = self.views[self.current]
            if not view.log.finished:  # a finished input: nothing moves
                self._part(HeaderBar).show(self._header_info(view, view.snapshot))

    def _update_progress(self, log: LiveLog) -> None:
        """A progress bar while a big history loads; mounted only then (an idle progress bar
        still animates fifteen times a second)."""
        visible = log.progress is not None and (log.total_bytes or 0) >= PROGRESS_FROM_BYTES
        bars = self.main_screen.query("#progress")
        if visible and not bars:
            bar = ProgressBar(id="progress", show_eta=False)
            self.main_screen.mount(bar, after=self._part(HeaderBar))
            bar.update(total=log.total_bytes, progress=log.bytes_read)
        elif visible:
            bars.first(ProgressBar).update(total=log.total_bytes, progress=log.bytes_read)
        elif bars:
            bars.remove()

    # Alerts --------------------------------------------------------------------------------------

    def write_terminal(self, data: str) -> None:
        """Write escape sequences to the real terminal. The driver's writer thread takes whole
        writes in order, and frames are written from this (the app's) thread, so the sequence goes
        out between two frames, never inside one (as ``App.bell`` does)."""
        if self._driver is not None and not self.is_headless:
            self._driver.write(data)

    def _hook_failed(self, text: str) -> None:
        self.post_message(HookFailed(text))  # from the hook's thread: post, never call

    def on_hook_failed(self, message: HookFailed) -> None:
        self.notify(clean(message.text, 400), title="--on-alert", severity="error", timeout=10, markup=False)

    # Keys ----------------------------------------------------------------------------------------

    def _set_view(self, view_state: ViewState) -> None:
        self.view_state = view_state
        self._redraw()

    def _redraw(self) -> None:
        if self.views:
            view = self.views[self.current]
            if view.snapshot is not None:
                self.render_log(view)  # charts included, unless paused

    def action_smoothing(self) -> None:
        self._set_view(self.view_state.next_smoothing())

    def action_log_scale(self) -> None:
        self._set_view(self.view_state.toggle_log(*self.main_scale))

    def action_window(self) -> None:
        self._set_view(self.view_state.next_window())

    def action_x_axis(self) -> None:
        self._set_view(self.view_state.next_x_axis(self.runs.x_axes))

    def action_pause(self) -> None:
        """Freeze the charts (the feed keeps reading, so nothing is lost); a replay pauses."""
        self.view_state = self.view_state.toggle_pause()
        for view in self.views:
            view.records_at_pause = view.log.monitor.records if self.view_state.paused else None
        if isinstance(self.feed, ReplayFeed):
            self.feed.paused = self.view_state.paused
        self._redraw()

    def action_acknowledge(self) -> None:
        if self.views:
            self.views[self.current].board.acknowledge()
            self._part(BadgeRow).refresh_badges()

    def action_unpin(self) -> None:
        """esc: the readout goes first, then the pinned finding."""
        if self.view_state.cursor is not None:
            self._set_view(self.view_state.with_cursor(None))
        elif self.view_state.pinned_step is not None:
            self._set_view(self.view_state.pin(None))

    def action_cursor(self, columns: int) -> None:
        """left/right: the value readout moves a column (it appears at the latest values)."""
        width = self._part("#main-chart", ChartView).plot_columns
        self._set_view(self.view_state.move_cursor(columns, width))

    @on(ChartView.Clicked)
    def _chart_clicked(self, event: ChartView.Clicked) -> None:
        self._set_view(self.view_state.with_cursor(event.fraction))

    def action_toggle_checklist(self) -> None:
        box = self._part("#checklist-box", Collapsible)
        box.collapsed = not box.collapsed

    def action_save_screenshot(self) -> None:
        """An SVG of the screen as it is, never in the current directory (see screenshots.py)."""
        name = self.views[self.current].log.name if self.views else "lossmon"
        try:
            path = screenshot_path(name, screenshot_dir(self.screenshots), datetime.now())
            self.save_screenshot(path.name, str(path.parent))
        except OSError as error:
            self.notify(clean(f"Could not save the screenshot: {error}", 400), title="Screenshot", severity="error", markup=False)
            return
        self.notify(clean(str(path), 400), title="Screenshot saved", markup=False)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.ascii))

    def action_explain(self) -> None:
        """What was read of the log on screen and what was skipped (check --explain's text)."""
        if not self.views:
            self.notify("No log is open yet.", title="Explain", markup=False)
            return
        log = self.views[self.current].log
        with log.lock:
            text = explain_text(log.monitor)
        self.push_screen(ExplainScreen(text, self.ascii))

    def action_findings(self) -> None:
        """One key to the findings timeline (unfolded if it was folded)."""
        box = self._part("#timeline-box", Collapsible)
        box.collapsed = False
        timeline = self._part(Timeline)
        timeline.focus()
        if timeline.highlighted is None and timeline.option_count:
            timeline.highlighted = timeline.option_count - 1

    def action_read_advice(self) -> None:
        """A checklist item, or a finding, is cut to its pane's width: v shows it whole."""
        focused = self.focused
        if isinstance(focused, ChecklistItems) and focused.highlighted is not None:
            item = str(focused.get_option_at_index(focused.highlighted).value)
            self.notify(item, title="Checklist", timeout=20, markup=False)
        elif isinstance(focused, Timeline) and focused.chosen_finding is not None:
            finding = focused.chosen_finding
            self.notify(clean(finding.message, 1000), title=f"Step {format_step(finding.step)}", timeout=20, markup=False)
        else:
            self.notify("Tab to a checklist item (or f to a finding), then v.", title="Advice", markup=False)

    def action_metrics(self) -> None:
        view = self.views[self.current] if self.views else None
        if view is None or view.snapshot is None:
            return
        names = pickable_names(view.snapshot)
        if not names:
            self.notify("No other series in this log.")
            return
        shown = set(grid_names(view.snapshot, self.view_state.shown))

        def chosen(result: frozenset[str] | None) -> None:
            if result is not None:
                self._set_view(self.view_state.with_shown(result))

        picker = MetricsPicker(names, shown)
        picker.set_class(self.ascii, "-ascii")
        self.push_screen(picker, chosen)

    def _switch(self, step: int) -> None:
        if len(self.views) >= 2:
            self._show_run((self.current + step) % len(self.views))

    def _show_run(self, index: int) -> None:
        """Run ``index`` in the single view, its badges and checklist."""
        self.current = index
        self._part(BadgeRow).board = self.views[self.current].board
        self.view_state = self.view_state.pin(None)
        self._schedule(0.0, force=True)

    # Runs: the overlay and the run list (runs_view.py, widgets/run_list.py) --------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("overlay", "runs", "filter_runs"):
            return len(self.views) > 1
        return True

    def action_overlay(self) -> None:
        self.runs.state.overlay = not self.runs.state.overlay
        self._schedule(0.0, force=True)

    def action_runs(self) -> None:
        self._part(RunsPane).focus_list()

    def action_filter_runs(self) -> None:
        self._part(RunsPane).open_filter()

    @on(RunsPane.Chosen)
    def _run_chosen(self, event: RunsPane.Chosen) -> None:
        self._show_run(event.index)  # with the overlay on: its header, badges and checklist

    @on(RunsPane.Changed)
    def _runs_changed(self) -> None:
        self._schedule(0.0, force=True)

    def action_next_log(self) -> None:
        self._switch(1)

    def action_previous_log(self) -> None:
        self._switch(-1)

    @on(ChartView.Resized)
    def _chart_resized(self) -> None:
        self._schedule(0.0, force=True)

    @on(Timeline.Chosen)
    def _chosen(self, event: Timeline.Chosen) -> None:
        if not event.charted:  # its step would land in another segment's data: say so instead
            self.notify(
                "This finding is from before the log restarted (the file was truncated or replaced, "
                "or the run started again): the chart shows the current segment only.",
                title=f"Step {format_step(event.finding.step)}",
                severity="warning",
                markup=False,
            )
            return
        self._set_view(self.view_state.pin(event.finding.step))

    def action_command_palette(self) -> None:
        if not self.ascii:
            super().action_command_palette()
        elif self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(AsciiCommandPalette())  # no emoji, ellipsis or block borders

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own "Screenshot" names files after the title only: ours says which log.
        yield from (command for command in super().get_system_commands(screen) if command.title != "Screenshot")
        yield SystemCommand(
            "Screenshot", "save an SVG of the screen (key S)", lambda: self.set_timer(0.1, self.action_save_screenshot)
        )
        yield SystemCommand("Smoothing: next weight", "off / 0.6 / 0.9 / 0.99 (key s)", self.action_smoothing)
        yield SystemCommand("Log scale", "toggle the logarithmic y axis (key l)", self.action_log_scale)
        yield SystemCommand("Window", "all / last 1k / last 10k steps (key w)", self.action_window)
        yield SystemCommand("X axis", "step / epoch / time read (key x)", self.action_x_axis)
        yield SystemCommand("Metrics", "choose the charts in the grid (key m)", self.action_metrics)
        yield SystemCommand("Pause or follow", "freeze the charts; new data waits (key p)", self.action_pause)
        yield SystemCommand("Acknowledge", "stop the badges flashing (key a)", self.action_acknowledge)
        yield SystemCommand("Checklist", "show or hide the checklist (key c)", self.action_toggle_checklist)
        yield SystemCommand("Light theme", "switch to the light theme", lambda: setattr(self, "theme", "textual-light"))
        yield SystemCommand("Dark theme", "switch to the dark theme", lambda: setattr(self, "theme", "textual-dark"))
        if len(self.views) > 1:
            yield SystemCommand("Next log", "show the next file (key ])", self.action_next_log)

    # For tests and the command line ----------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return any(log.loading for log in self.feed.logs)

    async def wait_loaded(self, pilot, timeout: float = 30.0) -> None:
        """Wait until the feed has a log, every log's history is read and the picture is drawn."""
        deadline = time.monotonic() + timeout
        while (not self.feed.logs or self.loading) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        self._schedule(0.0, force=True)
        settled = 0  # the layout may change after a frame (a checklist opens): wait for calm
        while settled < 3 and time.monotonic() < deadline:
            await pilot.pause(0.05)
            settled = 0 if self._refresh_pending else settled + 1
        await pilot.pause()
