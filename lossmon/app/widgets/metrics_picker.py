"""The metrics picker: choose which series the chart grid shows."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from lossmon.app.widgets.ticklist import TickList
from textual.widgets.selection_list import Selection

from lossmon.app.safe_text import clean


class MetricsPicker(ModalScreen[frozenset[str] | None]):
    """Returns the chosen series names, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "cancel"),
        Binding("enter", "apply", "apply", priority=True),
        Binding("m", "apply", "apply"),
    ]

    def __init__(self, names: list[tuple[str, str]], shown: set[str]) -> None:
        super().__init__()
        self.names = names  # (name, kind)
        self.shown = shown

    def compose(self):
        with Vertical(id="picker"):
            yield Static(Text("Metrics in the grid  (space: toggle, enter: apply, esc: cancel)", "bold"))
            yield TickList(
                *[
                    Selection(Text(f"{clean(name, 60)}  ({kind})"), name, name in self.shown)
                    for name, kind in self.names
                ],
                id="picker-list",
            )

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_apply(self) -> None:
        self.dismiss(frozenset(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
