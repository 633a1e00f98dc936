"""The checklist pane: for each active finding, its message and checklist items to tick."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from lossmon.app.palette import ascii_text, severity_tag
from lossmon.app.widgets.ticklist import TickList
from lossmon.app.safe_text import clean
from lossmon.app.checklist_ticks import TickStore
from lossmon.engine.checklists import PATHOLOGIES
from lossmon.engine.findings import Finding, format_step, severity_rank


class ChecklistItems(TickList):
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


def finding_heading(finding: Finding, ascii: bool = False, cleared: bool = False, colour: bool = True) -> Text:
    """``■ ALERT NaN/Inf · step 560 · loss`` and the message: the severity in words."""
    pathology = PATHOLOGIES.get(finding.pathology)
    label = ascii_text(pathology.badge if pathology else clean(finding.pathology, 40), ascii)
    dot = " - " if ascii else " · "
    text = Text()
    if cleared:
        text.append(f"{severity_tag('cleared', ascii)} {label}", "bold")
        text.append(f"{dot}{finding.severity} at step {format_step(finding.step)}{dot}{clean(finding.series, 60)}\n", "dim")
        text.append(clean(finding.message, 400), "dim")
        return text
    text.append(f"{severity_tag(finding.severity, ascii)} {label}", f"bold {_COLOURS[finding.severity]}" if colour else "bold")
    text.append(f"{dot}step {format_step(finding.step)}{dot}{clean(finding.series, 60)}\n", "dim" if colour else "")
    text.append(clean(finding.message, 400))
    return text


_COLOURS = {"info": "cyan", "warn": "yellow", "alert": "red"}
CLEARED_TITLE = "Cleared: reported, then no longer active"


class ChecklistPane(VerticalScroll):
    """Rebuilt only when the set of active findings changes, so ticking and focus are stable."""

    can_focus = False

    def __init__(self, id: str | None = "checklist", ascii: bool = False) -> None:
        super().__init__(id=id)
        self.ascii = ascii
        self._shown: tuple | None = None
        self.ticks: TickStore | None = None

    def show(self, active: list[Finding], ticks: TickStore, judged: bool = True, cleared: list[Finding] = ()) -> None:
        """``judged``: metrics were read (with none, no finding does not mean healthy);
        ``cleared``: the latest finding of each pathology reported earlier and no longer active,
        listed below the active ones (``lossmon check`` reports them too)."""
        active = sorted(active, key=lambda f: (-severity_rank(f.severity), f.step))
        cleared = sorted(cleared, key=lambda f: (-severity_rank(f.severity), f.step))
        key = (
            id(ticks), judged, tuple((f.pathology, f.severity, f.message) for f in active),
            tuple((f.pathology, f.severity, f.step) for f in cleared),
        )
        if key == self._shown:
            return
        self._shown, self.ticks = key, ticks
        self.remove_children()
        if not active and not judged:
            self.mount(Static(Text("No metrics read yet: nothing to judge.", "dim"), classes="unjudged"))
            return
        widgets = []
        if not active:
            calm = "No active findings." if cleared else "No active findings: the curves look healthy."
            widgets.append(Static(Text(calm, "dim"), classes="healthy"))
        for finding in active:
            heading = finding_heading(finding, self.ascii, colour=not self.app.no_color)
            widgets.append(Static(heading, classes=f"heading -{finding.severity}"))
            widgets.append(ChecklistItems(finding.pathology, ticks))
        if cleared:
            widgets.append(Static(Text(CLEARED_TITLE, "bold"), classes="cleared-title"))
            widgets += [Static(finding_heading(f, self.ascii, cleared=True), classes="heading -cleared") for f in cleared]
        self.mount_all(widgets)
