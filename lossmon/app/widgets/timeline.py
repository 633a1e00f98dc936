"""The findings timeline: every finding in order; choosing one moves the chart to it (findings
from before a restart of the file are kept apart: the chart no longer shows their segment)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from lossmon.app.palette import ascii_text, severity_glyph
from lossmon.app.safe_text import clean
from lossmon.engine.checklists import PATHOLOGIES
from lossmon.engine.findings import Finding, format_step

MAX_SHOWN = 1000  # the most recent findings listed (a noisy log must not slow the app)
_COLOURS = {"info": "cyan", "warn": "yellow", "alert": "red"}


def finding_line(finding: Finding, ascii: bool = False, charted: bool = True, colour: bool = True) -> Text:
    """One line per finding; one from an earlier segment is dimmed. ``colour`` False (NO_COLOR):
    no hue at all, which would turn grey, a red alert into the dimmest line; bold carries it."""
    pathology = PATHOLOGIES.get(finding.pathology)
    text = Text(no_wrap=True, overflow="crop" if ascii else "ellipsis", style="" if charted else "dim")
    text.append(f"{format_step(finding.step):>7} ", "dim")
    style = (_COLOURS.get(finding.severity, "") if colour else "") + (" bold" if finding.severity == "alert" else "")
    text.append(f"{severity_glyph(finding.severity, ascii)} ", style)
    text.append(ascii_text(pathology.badge, ascii) if pathology else clean(finding.pathology, 30), style)
    text.append(f" {clean(finding.series, 40)}", "dim")
    return text


EARLIER = "earlier: not on the chart"  # findings from before a restart of the file or run
CHARTED = "on the chart"


def _heading(text: str, ascii: bool) -> Option:
    rule = "--" if ascii else "──"
    return Option(Text(f"{rule} {text} {rule}", "dim italic", no_wrap=True, overflow="ellipsis"), disabled=True)


class Timeline(OptionList):
    """Findings of the segment on the chart, and, above them and apart, those from before the
    file was truncated or replaced (or the run restarted): choosing one of those says so instead
    of moving the chart to a step of another segment."""

    class Chosen(Message):
        def __init__(self, finding: Finding, charted: bool = True) -> None:
            super().__init__()
            self.finding = finding
            self.charted = charted

    def __init__(self, id: str | None = "timeline", ascii: bool = False) -> None:
        super().__init__(id=id, compact=True)
        self.ascii = ascii
        self._entries: list[tuple[Finding, bool] | None] = []  # per option: (finding, charted); None: a heading
        self._count = 0  # findings taken so far
        self._source: object | None = None
        self._restarts: object = None

    def show(
        self,
        findings: list[Finding],
        source: object,
        charted: Callable[[int, Finding], bool] = lambda index, finding: True,
        restarts: object = None,
    ) -> None:
        """Append what is new (the list only grows for one log); start again for another log,
        or when a restart (``restarts`` changed) moved findings out of the chart."""
        if source is not self._source or restarts != self._restarts or len(findings) < self._count:
            self._source, self._restarts = source, restarts
            self._rebuild(findings, charted)
            return
        fresh = [(finding, charted(index, finding)) for index, finding in enumerate(findings[self._count :], self._count)]
        if not fresh:
            return
        if not all(flag for _, flag in fresh) or len(self._entries) + len(fresh) > MAX_SHOWN:
            self._rebuild(findings, charted)
            return
        self._count = len(findings)
        self._append(fresh)

    def _rebuild(self, findings: list[Finding], charted: Callable[[int, Finding], bool]) -> None:
        start = max(0, len(findings) - MAX_SHOWN)
        flagged = [(finding, charted(index, finding)) for index, finding in enumerate(findings[start:], start)]
        earlier = [entry for entry in flagged if not entry[1]]
        self._count = len(findings)
        self._entries = []
        self.clear_options()
        if earlier:
            self._entries.append(None)
            self.add_option(_heading(EARLIER, self.ascii))
            self._append(earlier)
            self._entries.append(None)
            self.add_option(_heading(CHARTED, self.ascii))
        self._append([entry for entry in flagged if entry[1]])

    def _append(self, entries: list[tuple[Finding, bool]]) -> None:
        if not entries:
            return
        at_end = self.highlighted is None or self.highlighted >= self.option_count - 1
        self._entries.extend(entries)
        colour = not self.app.no_color
        self.add_options([Option(finding_line(finding, self.ascii, charted, colour)) for finding, charted in entries])
        if at_end and not self.has_focus:
            self.scroll_end(animate=False)

    @property
    def chosen_finding(self) -> Finding | None:
        """The finding under the highlight, if any."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self._entries) or self._entries[index] is None:
            return None
        return self._entries[index][0]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._entries) and self._entries[event.option_index] is not None:
            finding, charted = self._entries[event.option_index]
            self.post_message(self.Chosen(finding, charted))
