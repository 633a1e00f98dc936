"""The screen with a log on it: header, badges, charts, run list, checklist and findings timeline, and how
they are laid out. Below ``SIDE_PANE_BELOW`` columns Textual's breakpoints give the screen the
``-side`` class (lossmon.tcss stacks the panes under one compact chart) and the lists fold.

It draws what the app hands it (a :class:`LogView` and the view state); it reads no input and
keeps no state of its own but the layout."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Collapsible, ProgressBar
from textual.widgets._collapsible import CollapsibleTitle

from lossmon.app.badge_board import BadgeBoard
from lossmon.app.live_log import LiveLog
from lossmon.app.log_view import LogView
from lossmon.app.runs_state import RunRow, RunsState
from lossmon.app.safe_text import clean
from lossmon.app.scene import ChartPlan, Snapshot, grid_names, is_charted, main_chart, metric_chart, restarts
from lossmon.app.view_state import ViewState
from lossmon.app.widgets.badges import BadgeRow
from lossmon.app.widgets.chart import ChartView
from lossmon.app.widgets.checklist import ChecklistPane
from lossmon.app.widgets.header import HeaderBar, HeaderInfo
from lossmon.app.widgets.keybar import KeyBar
from lossmon.app.widgets.run_list import RunsPane
from lossmon.app.widgets.timeline import Timeline

SIDE_PANE_BELOW = 100  # columns: narrower terminals get the side-pane layout
SHORT_BELOW = 25  # rows: a side pane this short starts with the checklist folded (key c)
PROGRESS_FROM_BYTES = 2 * 1024 * 1024  # smaller files load before a progress bar would help


class LogScreen(Screen):
    class Ready(Message):
        """The screen's widgets are mounted: the app may start drawing on it."""

    HORIZONTAL_BREAKPOINTS = [(0, "-side"), (SIDE_PANE_BELOW, "-wide")]

    side_pane: reactive[bool] = reactive(False, init=False)  # follows the -side breakpoint class

    def __init__(self, ascii: bool = False, runs: RunsState | None = None) -> None:
        """``runs``: what the user chose of the runs (shown, filter, baseline); the run list edits it."""
        super().__init__()
        self.ascii = ascii
        self.runs = runs if runs is not None else RunsState()
        self._series_warned: set[LiveLog] = set()  # logs whose dropped series were announced

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        yield BadgeRow(BadgeBoard(), self.ascii)
        with Horizontal(id="body"):
            with Vertical(id="charts"):
                yield ChartView(id="main-chart")
                yield Grid(id="grid")
            with Vertical(id="side"):
                yield RunsPane(self.runs, ascii=self.ascii)
                symbols = {"collapsed_symbol": ">", "expanded_symbol": "v"} if self.ascii else {}
                with Collapsible(title="Checklist", id="checklist-box", collapsed=False, **symbols):
                    yield ChecklistPane(ascii=self.ascii)
                with Collapsible(title="Findings", id="timeline-box", collapsed=False, **symbols):
                    yield Timeline(ascii=self.ascii)
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_class(self.ascii, "-ascii")
        self.set_class(self.app.no_color, "-no-color")
        # Tab goes to the lists, not to the sections' titles (Tab then Enter folded a section by
        # surprise); c folds the checklist, and a click on a title still folds it.
        for title in self.query(CollapsibleTitle):
            title.can_focus = False
        self._announce_when_composed()

    def _announce_when_composed(self) -> None:
        """Ready once the lists are there: a Collapsible composes its contents in its own time,
        after this screen's on_mount (a refresh then found no checklist, under load)."""
        if self.query(ChecklistPane) and self.query(Timeline):
            for title in self.query(CollapsibleTitle):
                title.can_focus = False
            self.post_message(self.Ready())
        else:
            self.call_after_refresh(self._announce_when_composed)

    def on_resize(self) -> None:
        # Our handler runs before Screen's own, which sets the breakpoint's class: read it after.
        self.call_next(self._read_breakpoint)

    def _read_breakpoint(self) -> None:
        self.side_pane = self.has_class("-side")

    def watch_side_pane(self, side: bool) -> None:
        """Entering the side-pane layout folds the findings (and, if short, the checklist)."""
        self.query_one("#timeline-box", Collapsible).collapsed = side
        self.query_one("#checklist-box", Collapsible).collapsed = side and self.size.height < SHORT_BELOW

    # What the app draws ---------------------------------------------------------------------

    def show_board(self, board: BadgeBoard) -> None:
        self.query_one(BadgeRow).board = board

    def show_header(self, info: HeaderInfo) -> None:
        self.query_one(HeaderBar).show(info)

    def show_badges(self, blink: bool = False) -> None:
        """The badges as the board has them (``blink``: a flashing badge's next beat)."""
        row = self.query_one(BadgeRow)
        row.blink() if blink else row.refresh_badges()

    def show_progress(self, log: LiveLog) -> None:
        """A progress bar while a big history loads; mounted only then (an idle progress bar
        still animates fifteen times a second)."""
        visible = log.progress is not None and (log.total_bytes or 0) >= PROGRESS_FROM_BYTES
        bars = self.query("#progress")
        if visible and not bars:
            bar = ProgressBar(id="progress", show_eta=False)
            self.mount(bar, after=self.query_one(HeaderBar))
            bar.update(total=log.total_bytes, progress=log.bytes_read)
        elif visible:
            bars.first(ProgressBar).update(total=log.total_bytes, progress=log.bytes_read)
        elif bars:
            bars.remove()

    def show_charts(
        self, view: LogView, view_state: ViewState, overlay: Callable[[int, int], ChartPlan] | None = None
    ) -> ChartPlan:
        """Plan every chart (under the log's lock: the plans read the engine's series) and draw
        them (without it). ``overlay``: the main chart's plan for a width and height, in place of
        the log's (the overlay of runs: it takes every run's lock itself). Returns the main chart's plan."""
        snapshot = view.snapshot
        main = self.query_one("#main-chart", ChartView)
        charts = [(main, overlay(*main.plot_size))] if overlay is not None else []
        with view.log.lock:
            if not charts:
                charts.append((main, main_chart(snapshot, view_state, *main.plot_size, self.ascii)))
            for chart, name in self._grid_charts(snapshot, view_state):
                charts.append((chart, metric_chart(snapshot, name, view_state, *chart.plot_size, self.ascii)))
        for chart, plan in charts:
            chart.show(plan.draw(self.ascii), plan.legend)
        return charts[0][1]

    def _grid_charts(self, snapshot: Snapshot, view_state: ViewState) -> list[tuple[ChartView, str]]:
        """The grid's charts, once they match the metrics to show (else they are remounted, and
        drawn when they have a size: they say so with ChartView.Resized)."""
        grid = self.query_one("#grid", Grid)
        if self.side_pane:
            return []
        names = grid_names(snapshot, view_state.shown)
        existing = {c.series: c for c in grid.query(ChartView)}
        if list(existing) != names:
            grid.remove_children()
            grid.mount_all([ChartView(classes="metric-chart", series=name) for name in names])
            grid.set_class(not names, "-empty")
            self.call_after_refresh(self.post_message, ChartView.Resized())
            return []
        return [(c, name) for name, c in existing.items() if c.plot_size[0] > 1 and name in snapshot.series]

    def show_runs(self, rows: list[RunRow]) -> None:
        """The run list (shown from two runs on)."""
        self.query_one(RunsPane).show(rows)

    def focus_runs(self) -> None:
        self.query_one(RunsPane).focus_list()

    def filter_runs(self) -> None:
        """Open the run list's filter (a glob or a regular expression) and focus it."""
        self.query_one(RunsPane).open_filter()

    def show_panes(self, view: LogView) -> None:
        """The checklist (ticked, with the badges' findings) and the findings timeline."""
        snapshot = view.snapshot
        active = [badge.finding for badge in view.board if badge.finding is not None]
        cleared = [badge.cleared for badge in view.board if badge.cleared is not None]
        self.query_one(ChecklistPane).show(active, view.ticks, judged=bool(snapshot.series), cleared=cleared)
        self.query_one("#checklist-box", Collapsible).title = f"Checklist ({len(active)} active" + (
            f", {len(cleared)} cleared)" if cleared else ")"
        )
        self.query_one(Timeline).show(snapshot.findings, view.log, partial(is_charted, snapshot), restarts(snapshot))
        self.query_one("#timeline-box", Collapsible).title = f"Findings ({self.query_one(Timeline).events})"

    def warn_dropped_series(self, log: LiveLog) -> None:
        """Once per log: names past --max-series were dropped (as check and watch say)."""
        monitor = log.monitor
        if monitor.dropped_series and log not in self._series_warned:
            self._series_warned.add(log)
            self.notify(
                clean(monitor.series_warning(), 400), title="Too many series", severity="warning", timeout=30, markup=False
            )

    def toggle_checklist(self) -> None:
        box = self.query_one("#checklist-box", Collapsible)
        box.collapsed = not box.collapsed

    def open_findings(self) -> None:
        """Unfold the findings timeline and focus it, at its latest finding."""
        self.query_one("#timeline-box", Collapsible).collapsed = False
        timeline = self.query_one(Timeline)
        timeline.focus()
        if timeline.highlighted is None and timeline.option_count:
            timeline.highlighted = timeline.option_count - 1
