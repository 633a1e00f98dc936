"""What the app's keys (and the command palette's entries) do. A mixin of :class:`LossmonApp`:
each action changes the reactive view state or the current log, and the app's watchers redraw;
the few that open a screen or a notification do it here."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from lossmon.app.safe_text import clean
from lossmon.app.screenshots import screenshot_dir, screenshot_path
from lossmon.app.widgets.ascii_palette import AsciiCommandPalette
from lossmon.app.widgets.chart import ChartView
from lossmon.app.widgets.checklist import ChecklistItems
from lossmon.app.widgets.explain import ExplainScreen
from lossmon.app.widgets.help import HelpScreen
from lossmon.app.widgets.metrics_picker import MetricsPicker
from lossmon.app.widgets.run_list import RunsPane
from lossmon.app.widgets.timeline import Timeline
from lossmon.app.scene import grid_names, pickable_names
from lossmon.engine.findings import format_step
from lossmon.explain_report import explain_text

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


class KeyActions:
    """(Its message handlers go by name, not ``@on``: Textual collects those only from classes
    of its own.) Needs, from the app: ``view_state`` and ``current`` (reactive), ``views``, ``main_scale``,
    ``log_screen``, ``runs`` (a RunsView), ``schedule``, ``ascii`` and ``screenshots``."""

    def action_smoothing(self) -> None:
        self.view_state = self.view_state.next_smoothing()

    def action_log_scale(self) -> None:
        self.view_state = self.view_state.toggle_log(*self.main_scale)

    def action_window(self) -> None:
        self.view_state = self.view_state.next_window()

    def action_x_axis(self) -> None:
        self.view_state = self.view_state.next_x_axis(self.runs.x_axes(self.views))  # the overlay's: those its runs have

    def action_pause(self) -> None:
        """Freeze the charts (the reader keeps reading, so nothing is lost); a replay pauses."""
        self.view_state = self.view_state.toggle_pause()

    def action_acknowledge(self) -> None:
        if self.views:
            self.views[self.current].board.acknowledge()
            self.log_screen.show_badges()

    def action_unpin(self) -> None:
        """esc: the readout goes first, then the pinned finding."""
        if self.view_state.cursor is not None:
            self.view_state = self.view_state.with_cursor(None)
        elif self.view_state.pinned_step is not None:
            self.view_state = self.view_state.pin(None)

    def action_cursor(self, columns: int) -> None:
        """left/right: the value readout moves a column (it appears at the latest values)."""
        width = self.log_screen.query_one("#main-chart", ChartView).plot_columns
        self.view_state = self.view_state.move_cursor(columns, width)

    def on_chart_view_clicked(self, event: ChartView.Clicked) -> None:
        self.view_state = self.view_state.with_cursor(event.fraction)

    def action_toggle_checklist(self) -> None:
        self.log_screen.toggle_checklist()

    def action_findings(self) -> None:
        """One key to the findings timeline (unfolded if it was folded)."""
        self.log_screen.open_findings()

    def on_timeline_chosen(self, event: Timeline.Chosen) -> None:
        if not event.charted:  # its step would land in another segment's data: say so instead
            self.notify(
                "This finding is from before the log restarted (the file was truncated or replaced, "
                "or the run started again): the chart shows the current segment only.",
                title=f"Step {format_step(event.finding.step)}",
                severity="warning",
                markup=False,
            )
            return
        self.view_state = self.view_state.pin(event.finding.step)

    def action_next_log(self) -> None:
        if len(self.views) > 1:
            self.current = (self.current + 1) % len(self.views)

    def action_previous_log(self) -> None:
        if len(self.views) > 1:
            self.current = (self.current - 1) % len(self.views)

    # Runs: the overlay and the run list (runs_view.py, widgets/run_list.py) ----------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("overlay", "runs", "filter_runs"):
            return len(self.views) > 1
        return True

    def action_overlay(self) -> None:
        self.runs.state.overlay = not self.runs.state.overlay
        self.schedule(0.0, force=True)

    def action_runs(self) -> None:
        self.log_screen.focus_runs()

    def action_filter_runs(self) -> None:
        self.log_screen.filter_runs()

    def on_runs_pane_chosen(self, event: RunsPane.Chosen) -> None:
        """enter on the run list: that run's header, badges and checklist (and chart, overlay off).
        The run already shown is shown afresh (its pinned finding let go): ``current`` always
        updates."""
        self.current = event.index

    def on_runs_pane_changed(self) -> None:
        """A run shown, hidden, filtered or pinned as the baseline."""
        self.schedule(0.0, force=True)

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
                self.view_state = self.view_state.with_shown(result)

        picker = MetricsPicker(names, shown)
        picker.set_class(self.ascii, "-ascii")
        self.push_screen(picker, chosen)

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
