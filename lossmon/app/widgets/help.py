"""The help screen: every key, in a box small enough for a 40x20 side pane."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = (
    ("s", "smoothing: off / 0.6 / 0.9 / 0.99"),
    ("l", "log scale on / off"),
    ("w", "window: all / last 1k / last 10k steps"),
    ("x", "x axis: step / epoch / time read"),
    ("m", "metrics shown in the grid"),
    ("p", "pause / follow"),
    ("a", "acknowledge flashing badges"),
    ("tab", "move between checklist and timeline"),
    ("space", "tick a checklist item"),
    ("enter", "timeline: move the chart to a finding"),
    ("esc", "unpin the chart from a finding"),
    ("c", "show / hide the checklist"),
    ("] [", "next / previous log"),
    ("S", "save an SVG screenshot (current directory)"),
    ("ctrl+p", "command palette (themes, everything else)"),
    ("?", "this help"),
    ("q", "quit"),
)


def help_table() -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, action in KEYS:
        table.add_row(Text(key), Text(action))
    return table


class HelpScreen(ModalScreen):
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "close"),
    ]

    def compose(self):
        with VerticalScroll(id="help"):
            yield Static(Text("lossmon keys", "bold"))
            yield Static(help_table())
            yield Static(Text("Badges: ○ healthy  ● info  ▲ warn  ■ alert", "dim"))

    def action_dismiss(self) -> None:
        self.dismiss(None)
