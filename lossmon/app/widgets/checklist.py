"""The checklist pane: for each active finding, its message and checklist items to tick."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from lossmon.app.palette import severity_glyph
from lossmon.app.safe_text import clean
from lossmon.app.ticks import TickStore
from lossmon.engine.checklists import PATHOLOGIES
from lossmon.engine.findings import Finding, format_step, severity_rank


class ChecklistItems(SelectionList):
    """One finding's checklist; toggled items are saved at once."""

    def __init__(self, pathology: str, ticks: TickStore) -> None:
        self.pathology = pathology
        self.ticks = ticks
        items = PATHOLOGIES[pathology].checklist
        super().__init__(
            *[Selection(Text(item), item, ticks.is_ticked(pathology, item)) for item in items],
            classes="items",
            compact=True,
        )

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        item = event.selection.value
        self.ticks.set(self.pathology, item, item in self.selected)
        if self.ticks.error:
            self.notify(self.ticks.error, severity="warning")


def finding_heading(finding: Finding, ascii: bool = False) -> Text:
    pathology = PATHOLOGIES.get(finding.pathology)
    label = pathology.badge if pathology else finding.pathology
    text = Text()
    text.append(f"{severity_glyph(finding.severity, ascii)} {label}", f"bold {_COLOURS[finding.severity]}")
    text.append(f" · step {format_step(finding.step)} · {clean(finding.series, 60)}\n", "dim")
    text.append(clean(finding.message, 400))
    return text


_COLOURS = {"info": "cyan", "warn": "yellow", "alert": "red"}


class ChecklistPane(VerticalScroll):
    """Rebuilt only when the set of active findings changes, so ticking and focus are stable."""

    can_focus = False

    def __init__(self, id: str | None = "checklist", ascii: bool = False) -> None:
        super().__init__(id=id)
        self.ascii = ascii
        self._shown: tuple | None = None
        self.ticks: TickStore | None = None

    def show(self, active: list[Finding], ticks: TickStore, judged: bool = True) -> None:
        """``judged``: metrics were read (with none, no finding does not mean healthy)."""
        active = sorted(active, key=lambda f: (-severity_rank(f.severity), f.step))
        key = (id(ticks), judged, tuple((f.pathology, f.severity, f.message) for f in active))
        if key == self._shown:
            return
        self._shown, self.ticks = key, ticks
        self.remove_children()
        if not active and not judged:
            self.mount(Static(Text("No metrics read yet: nothing to judge.", "dim"), classes="unjudged"))
            return
        if not active:
            self.mount(Static(Text("No active findings: the curves look healthy.", "dim"), classes="healthy"))
            return
        widgets = []
        for finding in active:
            widgets.append(Static(finding_heading(finding, self.ascii), classes=f"heading -{finding.severity}"))
            widgets.append(ChecklistItems(finding.pathology, ticks))
        self.mount_all(widgets)
