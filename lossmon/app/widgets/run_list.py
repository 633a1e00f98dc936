"""The run list: every open run with its letter (in its overlay colour), verdict badge, last and
best loss, step, and its gap and speedup against the pinned baseline.

Keys on the list: space shows or hides a run on the overlay, enter shows it in the single view
(and its checklist), b pins it as the baseline (again: unpins). ``/`` (the app's key) types a
filter: a glob (``*adam*``) or a regular expression, matched against names and paths.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Collapsible, Input, OptionList
from textual.widgets.option_list import Option

from lossmon.app.overlay import run_letter
from lossmon.app.palette import ascii_text, run_style, severity_tag, style_for
from lossmon.app.runs_state import RunRow, RunsState, drawn_runs, listed
from lossmon.app.scene import _label
from lossmon.charts.axis_ticks import format_number
from lossmon.engine.findings import format_step


def _number(value: float | None) -> str:
    return "-" if value is None or not math.isfinite(value) else format_number(value)


def gap_text(row: RunRow) -> str:
    """``+4.1% 1.13x``: the loss gap to the baseline at the last step both reached (``~`` when
    within both runs' noise), then the speedup to the baseline's final loss."""
    if row.baseline:
        return "baseline"
    gap = row.gap
    if gap is None:
        return ""
    parts = []
    if gap.gap_ratio is not None:
        parts.append(("" if gap.beyond_noise else "~") + f"{gap.gap_ratio:+.1%}")
    if gap.speedup is not None:
        parts.append(f"{gap.speedup:.2f}x")
    elif gap.reaches_step is None:
        parts.append("never")
    return " ".join(parts)


def run_line(row: RunRow, ascii: bool = False, colour: bool = True, dark: bool = True) -> Text:
    """Two lines: ``> a ■ ALERT name`` and ``  3.276 best 3.27 @9,536 +4.1% 1.13x``."""
    text = Text(no_wrap=True, overflow="crop" if ascii else "ellipsis", style="" if row.visible else "dim")
    text.append(">" if row.current else " ", "bold")
    letter_style = style_for(run_style(row.index), dark) if colour else "bold"
    text.append(f"{run_letter(row.index)} ", letter_style)
    word = severity_tag(row.severity, ascii) if row.severity else ("-" if ascii else "○") + " ok"
    text.append(ascii_text(word, ascii), "bold" if row.severity in ("warn", "alert") else "")
    text.append(f" {_label(row.label, 32, ascii)}")
    if not row.visible:
        text.append(" (hidden)", "italic")
    figures = row.figures
    text.append(f"\n   {_number(figures.last)} best {_number(figures.best)}")
    if figures.step is not None:
        text.append(f" @{format_step(figures.step)}", "dim")
    gap = gap_text(row)
    if gap:
        text.append(f" {gap}", "bold" if row.baseline else "")
    return text


class RunList(OptionList):
    BINDINGS = [
        Binding("space", "toggle_visible", "show/hide"),
        Binding("b", "pin_baseline", "baseline"),
    ]

    def __init__(self, ascii: bool = False) -> None:
        super().__init__(id="run-list", compact=True)
        self.ascii = ascii
        self.rows: list[RunRow] = []
        self._shown: tuple = ()

    def show(self, rows: list[RunRow]) -> None:
        """Rebuild only when what the rows say changed (a refresh with no news costs nothing)."""
        dark = self.app.current_theme.dark if self.is_attached else True
        lines = [run_line(row, self.ascii, not self.app.no_color, dark) for row in rows]
        key = tuple((line.plain, str(line.spans)) for line in lines)
        if key == self._shown:
            return
        self._shown = key
        self.rows = rows
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Option(line) for line in lines])
        if highlighted is not None and self.option_count:
            self.highlighted = min(highlighted, self.option_count - 1)

    @property
    def chosen(self) -> RunRow | None:
        index = self.highlighted
        return self.rows[index] if index is not None and 0 <= index < len(self.rows) else None

    def action_toggle_visible(self) -> None:
        if self.chosen is not None:
            self.post_message(RunsPane.Toggled(self.chosen.path))

    def action_pin_baseline(self) -> None:
        if self.chosen is not None:
            self.post_message(RunsPane.Pinned(self.chosen.path))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.rows):
            self.post_message(RunsPane.Chosen(self.rows[event.option_index].index))


class RunFilter(Input):
    BINDINGS = [Binding("escape", "close", "done", show=False)]

    def action_close(self) -> None:
        self.post_message(RunsPane.FilterDone())


class RunsPane(Collapsible):
    """The "Runs" section of the side pane, shown when more than one run is open."""

    DEFAULT_CSS = """
    RunsPane { height: auto; }
    RunsPane #run-list { height: auto; max-height: 12; }  /* six runs; more scroll */
    RunsPane #run-filter { height: 1; border: none; padding: 0 1; }
    """

    class Chosen(Message):
        """Show run ``index`` in the single view (and its checklist)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Toggled(Message):
        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    class Pinned(Message):
        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    class FilterDone(Message):
        pass

    class Changed(Message):
        """The runs to draw changed (shown, hidden, filtered, baseline)."""

    def __init__(self, state: RunsState, ascii: bool = False) -> None:
        symbols = {"collapsed_symbol": ">", "expanded_symbol": "v"} if ascii else {}
        self.state = state
        self.ascii = ascii
        self.list = RunList(ascii)
        self.filter = RunFilter(placeholder="filter runs: glob or regex", id="run-filter")
        super().__init__(self.filter, self.list, title="Runs", id="runs-box", collapsed=False, **symbols)
        self._rows: list[RunRow] = []

    def show(self, rows: list[RunRow]) -> None:
        self._rows = rows
        self.display = len(rows) > 1
        if not self.display:
            return  # hidden: rebuilding its list would relayout the screen for nothing (every frame of a load)
        shown = listed(rows, self.state)
        self.list.show(shown)
        title = f"Runs ({len(shown)} of {len(rows)}, /{self.state.pattern})" if self.state.pattern else f"Runs ({len(rows)})"
        if self.state.overlay:
            title += " overlay"
            drawn, visible = len(drawn_runs(rows, self.state)), sum(row.visible for row in shown)
            if drawn < visible:
                title += f" of the {drawn} best"
        axis = next((row.gap_axis for row in rows if row.gap is not None), "step")
        if axis != "step":
            title += f", gaps at equal {axis}"
        self.title = Content(ascii_text(title, self.ascii))  # the typed filter is text, never markup

    def open_filter(self) -> None:
        self.collapsed = False
        self.filter.display = True
        self.filter.value = self.state.pattern
        self.filter.focus()

    def focus_list(self) -> None:
        self.collapsed = False
        self.list.focus()
        if self.list.highlighted is None and self.list.option_count:
            self.list.highlighted = 0

    @on(Input.Changed, "#run-filter")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.state.pattern = event.value
        self.show(self._rows)
        self.post_message(self.Changed())

    @on(Input.Submitted, "#run-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_filter()

    @on(FilterDone)
    def _done(self, event: FilterDone) -> None:
        event.stop()
        self._close_filter()

    def _close_filter(self) -> None:
        self.filter.display = False
        self.focus_list()

    @on(Toggled)
    def _toggled(self, event: Toggled) -> None:
        event.stop()
        self.state.toggle_hidden(event.path)
        self.post_message(self.Changed())

    @on(Pinned)
    def _pinned(self, event: Pinned) -> None:
        event.stop()
        self.state.toggle_baseline(event.path)
        self.post_message(self.Changed())

    def on_mount(self) -> None:
        self.filter.display = False
        self.display = False
