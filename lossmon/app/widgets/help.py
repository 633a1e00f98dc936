"""The help screen: every key, grouped, in one column that wraps to a 40x20 side pane."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from lossmon.app.palette import severity_glyph

# (group, ((keys, what they do), ...)): every key the app answers to, the footer shows only some.
KEY_GROUPS = (
    (
        "Chart",
        (
            ("s", "smoothing: off / 0.6 / 0.9 / 0.99"),
            ("l", "log scale: flip the automatic choice"),
            ("w", "window: all / last 1k / last 10k steps"),
            ("x", "x axis: step / epoch / time read"),
            ("m", "metrics shown in the grid"),
            ("left right", "move the value readout (or click the chart)"),
            ("p", "pause / follow"),
        ),
    ),
    (
        "Findings",
        (
            ("a", "acknowledge flashing badges"),
            ("f", "go to the findings timeline"),
            ("enter", "timeline: move the chart to a finding"),
            ("esc", "unpin the chart, hide the readout"),
            ("c", "show / hide the checklist"),
            ("space", "tick a checklist item"),
            ("v", "read a checklist item's advice whole"),
            ("tab", "next pane"),
        ),
    ),
    (
        "Runs",
        (
            ("o", "overlay: every shown run on one chart"),
            ("r", "go to the run list"),
            ("space", "run list: show / hide the run"),
            ("enter", "run list: this run's view and checklist"),
            ("b", "run list: pin / unpin the baseline"),
            ("/", "filter runs: glob or regex"),
        ),
    ),
    (
        "Logs and app",
        (
            ("] [", "next / previous log"),
            ("e", "what was read of the log and what was skipped"),
            ("S", "save an SVG screenshot"),
            ("ctrl+p", "command palette (themes...)"),
            ("?", "this help (esc closes)"),
            ("q ctrl+c", "quit"),
        ),
    ),
)


def help_table(ascii: bool = False) -> Table:
    """Group titles, then a key per row; a description too long for a narrow pane wraps under
    itself, beside its key."""
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for number, (group, keys) in enumerate(KEY_GROUPS):
        if number:
            table.add_row(Text(""), Text(""))
        table.add_row(Text(""), Text(group, "bold underline"))
        for key, action in keys:
            table.add_row(Text(key), Text(action))
    table.add_row(Text(""), Text("Badges", "bold underline"))
    for severity, word in ((None, "ok"), ("info", "info"), ("warn", "warn"), ("alert", "ALERT")):
        table.add_row(Text(severity_glyph(severity, ascii)), Text(word))
    return table


class HelpScreen(ModalScreen):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "close"),
    ]

    def __init__(self, ascii: bool = False) -> None:
        super().__init__(classes="-ascii" if ascii else None)
        self.ascii = ascii

    def compose(self):
        with VerticalScroll(id="help"):
            yield Static(Text("lossmon keys", "bold"), id="help-title")
            yield Static(help_table(self.ascii), id="help-keys")

    def action_dismiss(self) -> None:
        self.dismiss(None)
