"""The findings timeline: every finding in order; choosing one moves the chart to it."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from lossmon.app.palette import severity_glyph
from lossmon.app.safe_text import clean
from lossmon.engine.checklists import PATHOLOGIES
from lossmon.engine.findings import Finding, format_step

MAX_SHOWN = 1000  # the most recent findings listed (a noisy log must not slow the app)
_COLOURS = {"info": "cyan", "warn": "yellow", "alert": "red"}


def finding_line(finding: Finding, ascii: bool = False) -> Text:
    pathology = PATHOLOGIES.get(finding.pathology)
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{format_step(finding.step):>7} ", "dim")
    text.append(f"{severity_glyph(finding.severity, ascii)} ", _COLOURS.get(finding.severity, ""))
    text.append(pathology.badge if pathology else clean(finding.pathology, 30), _COLOURS.get(finding.severity, ""))
    text.append(f" {clean(finding.series, 40)}", "dim")
    return text


class Timeline(OptionList):
    class Chosen(Message):
        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self, id: str | None = "timeline", ascii: bool = False) -> None:
        super().__init__(id=id, compact=True)
        self.ascii = ascii
        self._findings: list[Finding] = []
        self._source: object | None = None

    def show(self, findings: list[Finding], source: object) -> None:
        """Append what is new (the list only grows for one log; another log replaces it)."""
        if source is not self._source or len(findings) < len(self._findings):
            self._source = source
            self._findings = []
            self.clear_options()
        fresh = findings[len(self._findings) :]
        if not fresh:
            return
        at_end = self.highlighted is None or self.highlighted >= self.option_count - 1
        self._findings.extend(fresh)
        if len(self._findings) > MAX_SHOWN:
            self._findings = self._findings[-MAX_SHOWN:]
            self.clear_options()
            fresh = self._findings
        self.add_options([Option(finding_line(f, self.ascii)) for f in fresh])
        if at_end and not self.has_focus:
            self.scroll_end(animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._findings):
            self.post_message(self.Chosen(self._findings[event.option_index]))
