"""The lossmon terminal app, as a composition root: the reader (reader.py: the follower's thread,
following logs or replaying them) drives the monitors and posts LogsChanged; the app keeps a
LogView per log, redraws the current one on a throttle (never per line, refresh.py) on its
LogScreen, and hands each update's findings to the alert policy (alerting.py).

What the user chose to see (``view_state``) and which log is shown (``current``) are reactive:
a key changes them (actions.py) and the watchers below redraw. The header and the charts are
pure functions of a snapshot (header_scene.py, scene.py); the layout is log_screen.py's."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import App
from textual.reactive import reactive

from lossmon.app.actions import BINDINGS, KeyActions
from lossmon.app.alerting import AlertOptions, AppAlerts
from lossmon.app.header_scene import view_header, waiting_header
from lossmon.app.log_screen import LogScreen
from lossmon.app.log_view import LogView
from lossmon.app.messages import LogsChanged
from lossmon.app.reader import LogReader
from lossmon.app.refresh import PlannedRefresh, RefreshThrottle
from lossmon.app.runs_view import RunsView
from lossmon.app.signals import exit_on_signals
from lossmon.app.view_state import ViewState
from lossmon.app.widgets.ascii_scrollbar import use_ascii_scrollbars

BLINK_INTERVAL = 0.5  # seconds per blink of a flashing badge, and the clock's beat


class LossmonApp(KeyActions, AppAlerts, App):
    CSS_PATH = "lossmon.tcss"
    TITLE = "lossmon"
    ENABLE_COMMAND_PALETTE = True
    # Nothing focused at start: the app's keys work at once, and a focused timeline would redraw
    # the key bar each time a finding arrives (Tab or f focus the lists).
    AUTO_FOCUS = None
    BINDINGS = BINDINGS

    view_state: reactive[ViewState] = reactive(ViewState(), init=False)
    # The log on screen (an index into views); chosen again, it is shown afresh.
    current: reactive[int] = reactive(0, init=False, always_update=True)

    def __init__(
        self,
        reader: LogReader,
        *,
        ascii: bool = False,
        light: bool = False,
        show_elapsed: bool = True,
        tick_dir=None,
        alerts: AlertOptions = AlertOptions(),
        terminal_write: Callable[[str], None] | None = None,
        screenshots: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        baseline: str | None = None,
    ) -> None:
        """``alerts``: --on-alert and --notify; ``terminal_write`` sends the notifications' escape
        sequences (by default to the real terminal, between frames); ``clock``: the throttle's;
        ``baseline``: --baseline, the run pinned as the run list's baseline."""
        super().__init__()
        self.reader = reader
        self.views: list[LogView] = []  # one per log the reader reads, added as they appear
        self._tick_dir = tick_dir
        self.screenshots = screenshots  # --screenshot-dir; None: $XDG_STATE_HOME/lossmon/screenshots
        self.runs = RunsView(baseline)  # the run list and the overlay (runs_view.py)
        self.ascii = ascii
        self.show_elapsed = show_elapsed
        # While loading, charts also wait for the process's own work (refresh.py); with a
        # test's clock, for that clock only.
        work = time.process_time if clock is time.monotonic else None
        self.planned = PlannedRefresh(self.set_timer, self._refresh_now, RefreshThrottle(clock, work))
        self._charts_now = True  # the next refresh redraws the charts, loading or not (forced)
        self._was_loading = True  # the history is read first
        # Nothing is drawn before the screen says Ready: a resize can plan a frame before its
        # lists are composed (under load), and drawing then would find no checklist and crash.
        self._screen_ready = False
        self.frames = 0  # frames drawn (tests and the idle check read it)
        self.main_scale = (False, False)  # the main chart's log scale: (shown, automatic)
        self.blink_interval = BLINK_INTERVAL
        self.theme = "textual-light" if light else "textual-dark"
        self.start_alerts(alerts, terminal_write)  # the engine's alert policy, as watch's

    def get_driver_class(self):
        """Textual's Linux driver, safe when the terminal goes away (terminal_driver.py)."""
        driver = super().get_driver_class()
        if (driver.__module__, driver.__name__) == ("textual.drivers.linux_driver", "LinuxDriver"):  # not on Windows
            from lossmon.app.terminal_driver import TerminalDriver

            return TerminalDriver
        return driver

    def get_default_screen(self) -> LogScreen:
        return LogScreen(self.ascii, self.runs.state)

    @property
    def log_screen(self) -> LogScreen:
        """The screen with the log on it (help and the metrics picker open above it)."""
        return self.screen_stack[0]

    @property
    def side_pane(self) -> bool:
        return self.log_screen.side_pane

    @property
    def loading(self) -> bool:
        return any(log.loading for log in self.reader.logs)

    def on_mount(self) -> None:
        use_ascii_scrollbars(self.ascii)
        exit_on_signals(self.exit)

    def on_log_screen_ready(self) -> None:
        """The screen is there to draw on: start reading."""
        self._screen_ready = True
        # Both callbacks run on the reader's thread.
        self.reader.start(lambda log: self.post_message(LogsChanged()), self.findings_callback)
        self.schedule(0.0)
        self.set_interval(self.blink_interval, self.pulse)

    def exit(self, *args, **kwargs) -> None:
        """Quit (q, Ctrl+C, a stop signal): the follower and its scan workers start winding down
        now, while Textual restores the terminal, instead of after it (on_unmount waits for them)."""
        self.reader.stop(wait=False)
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        use_ascii_scrollbars(False)
        self.reader.stop()
        self.stop_alerts()

    # State -------------------------------------------------------------------------------------

    def watch_view_state(self, old: ViewState, new: ViewState) -> None:
        if old.paused != new.paused:  # the charts freeze; records from now on are news
            for view in self.views:
                view.pause(new.paused)
            if self.reader.replay:
                self.reader.paused = new.paused  # a replay stops its clock; a followed log is still read
        if self.views and self.views[self.current].snapshot is not None:
            self.render_log(self.views[self.current])  # charts included, unless paused

    def watch_current(self, index: int) -> None:
        self.log_screen.show_board(self.views[index].board)
        self.view_state = self.view_state.pin(None)
        self.schedule(0.0, force=True)

    # Data in -----------------------------------------------------------------------------------

    def on_logs_changed(self) -> None:
        opened = self._sync_views()
        # A new log, its first records and the end of the history's loading are drawn at once
        # (the first pictures, and the final one); the frames in between wait for the throttle.
        loading = self.loading
        first = any(v.snapshot is not None and not v.snapshot.records and v.log.monitor.records for v in self.views)
        urgent = opened or first or (self._was_loading and not loading)
        self._was_loading = loading
        self.schedule(0.0 if urgent else None, hurry=urgent)

    def _sync_views(self) -> bool:
        """A view for each log the reader started reading (a glob matches a new file); True if
        there are new ones."""
        logs = list(self.reader.logs)
        if len(logs) == len(self.views):
            return False
        first = not self.views
        self.views += [LogView.open(log, self._tick_dir, self.view_state.paused) for log in logs[len(self.views) :]]
        if first:
            self.log_screen.show_board(self.views[0].board)
        self.refresh_bindings()  # o (the overlay) shows from the second run on
        return True

    def on_resize(self) -> None:
        self.schedule(0.0, force=True)

    def on_chart_view_resized(self) -> None:
        self.schedule(0.0, force=True)

    @property
    def refresh_pending(self) -> bool:
        return self.planned.pending

    def schedule(self, delay: float | None = None, force: bool = False, hurry: bool = False) -> None:
        """Refresh after ``delay`` (by default when the throttle allows); ``force``: the current
        log's snapshot is taken again; ``hurry``: sooner than a refresh already planned."""
        if force and self.views:
            self.views[self.current].rendered_version = -1
            self._charts_now = True
        self.planned.plan(delay, self.loading, hurry)

    def _refresh_now(self) -> None:
        if not self.is_running or not self.screen_stack or not self._screen_ready:
            return  # (a frame planned before Ready: Ready plans one)
        self._sync_views()
        for index, view in enumerate(self.views):
            self.log_screen.warn_dropped_series(view.log)
            if index != self.current:
                view.update_badges()
        self.log_screen.show_runs(self.runs.refresh(self.views, self.current, self.view_state.x_axis))
        if self.views:
            charts, self._charts_now = self._charts_now or self.planned.throttle.charts_due(self.loading), False
            self.render_log(self.views[self.current], charts)
        else:
            self.log_screen.show_header(waiting_header(self.reader.paths, self.reader.error))

    # Drawing -----------------------------------------------------------------------------------

    def render_log(self, view: LogView, charts: bool = True) -> None:
        log, screen = view.log, self.log_screen
        view.catch_up()
        screen.show_badges()  # a badge that stopped flashing stops blinking
        screen.show_header(self._header())
        screen.show_progress(log)
        if charts and (not self.view_state.paused or not self.frames):  # charts: seldom while loading
            self.frames += 1
            main = screen.show_charts(view, self.view_state, self._overlay_plan if self.runs.overlaid else None)
            self.main_scale = (main.log_y, main.auto_log)
        if self.planned.throttle.panes_due(log.loading):  # while loading, the lists' relayout costs the load
            screen.show_panes(view)

    def _overlay_plan(self, width: int, height: int):
        """The overlay's chart (key o) of every shown run, in place of the current log's."""
        return self.runs.overlay_plan(self.views, self.view_state, width, height, self.ascii)

    def _header(self):
        return view_header(
            self.views, self.current, paused=self.view_state.paused, replay=self.reader.replay,
            show_elapsed=self.show_elapsed, input_error=self.reader.error,
        )

    def pulse(self) -> None:
        """The app's clock, twice a second: flashing badges blink, and the header's elapsed time
        and records/s move on even when no line arrives. Both change in the same frame, and
        nothing is repainted when nothing changed (an idle app costs little)."""
        if not self.is_running or not self.screen_stack or not self.views:
            return  # shutting down: a timer can fire after the widgets are gone
        view = self.views[self.current]
        if view.board.flashing:
            self.log_screen.show_badges(blink=True)
        if self.show_elapsed and view.snapshot is not None and not view.log.finished:  # a finished input: nothing moves
            self.log_screen.show_header(self._header())
