"""The findings timeline: one row per event (an episode, engine/episodes.py: one finding that
escalates, as `lossmon check` lists them), in the order the events began; a row shows the event's
worst severity so far and how it escalated. Choosing one moves the chart to where the event began
(events from before a restart of the file are kept apart: the chart no longer shows their
segment)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from lossmon.app.palette import ascii_text, severity_glyph
from lossmon.app.safe_text import clean
from lossmon.engine.checklists import PATHOLOGIES
from lossmon.engine.episodes import Episode
from lossmon.engine.findings import Finding, format_step

MAX_SHOWN = 1000  # the most recent events listed (a noisy log must not slow the app)
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


def episode_line(episode: Episode | None, finding: Finding, ascii: bool = False, charted: bool = True, colour: bool = True) -> Text:
    """One line per event: where it began, its worst severity so far, and, when it escalated, each
    severity it went through (``warn→alert``) and how many more findings it took in. A finding
    outside any episode is a line of its own."""
    if episode is None:
        return finding_line(finding, ascii, charted, colour)
    worst = episode.escalations[-1]
    text = finding_line(Finding(worst.pathology, worst.severity, episode.series, episode.step, episode.line, ""), ascii, charted, colour)
    if len(episode.escalations) > 1:
        arrow = "->" if ascii else "→"
        text.append(" " + arrow.join(f.severity for f in episode.escalations), "dim")
    folded = len(episode.findings) - len(episode.escalations)
    if folded > 0:
        text.append(f" +{folded}", "dim")
    return text


EARLIER = "earlier: not on the chart"  # findings from before a restart of the file or run
CHARTED = "on the chart"


def _heading(text: str, ascii: bool) -> Option:
    rule = "--" if ascii else "──"
    return Option(Text(f"{rule} {text} {rule}", "dim italic", no_wrap=True, overflow="ellipsis"), disabled=True)


class Timeline(OptionList):
    """Events of the segment on the chart, and, above them and apart, those from before the
    file was truncated or replaced (or the run restarted): choosing one of those says so instead
    of moving the chart to a step of another segment. A row grows with its event: a finding of an
    event already listed (an escalation, a repeat, a follow-on symptom) redraws that row."""

    class Chosen(Message):
        def __init__(self, finding: Finding, charted: bool = True) -> None:
            super().__init__()
            self.finding = finding
            self.charted = charted

    def __init__(self, id: str | None = "timeline", ascii: bool = False) -> None:
        super().__init__(id=id, compact=True)
        self.ascii = ascii
        self._entries: list[_Row | None] = []  # per option: its event; None: a heading
        self._rows: dict[int, int] = {}  # id of an event's episode (or lone finding) → option index
        self._count = 0  # findings taken so far
        self._source: object | None = None
        self._restarts: object = None

    @property
    def events(self) -> int:
        """Events listed."""
        return len(self._rows)

    def show(
        self,
        findings: list[Finding],
        source: object,
        charted: Callable[[int, Finding], bool] = lambda index, finding: True,
        restarts: object = None,
    ) -> None:
        """Take what is new (the list only grows for one log); start again for another log,
        or when a restart (``restarts`` changed) moved findings out of the chart, or when an
        event took in one listed before it (a symptom seen before its cause)."""
        if source is not self._source or restarts != self._restarts or len(findings) < self._count:
            self._source, self._restarts = source, restarts
            self._rebuild(findings, charted)
            return
        fresh = findings[self._count :]
        if not fresh:
            return
        if any(row is not None and row.moved() for row in self._entries):
            self._rebuild(findings, charted)
            return
        new_rows: list[_Row] = []
        changed: set[int] = set()
        for index, finding in enumerate(fresh, self._count):
            key = _key(finding)
            if key in self._rows:
                changed.add(self._rows[key])
            elif any(row.key == key for row in new_rows):
                continue
            else:
                row = _Row(finding.episode, finding, charted(index, finding))
                if not row.charted or len(self._entries) + len(new_rows) >= MAX_SHOWN:
                    self._rebuild(findings, charted)
                    return
                new_rows.append(row)
        self._count = len(findings)
        colour = not self.app.no_color
        for option in sorted(changed):
            row = self._entries[option]
            self.replace_option_prompt_at_index(option, episode_line(row.episode, row.finding, self.ascii, row.charted, colour))
        self._append(new_rows)

    def _rebuild(self, findings: list[Finding], charted: Callable[[int, Finding], bool]) -> None:
        rows: dict[int, _Row] = {}
        for index, finding in enumerate(findings):
            key = _key(finding)
            if key not in rows:
                rows[key] = _Row(finding.episode, finding, charted(index, finding))
        flagged = list(rows.values())[-MAX_SHOWN:]
        earlier = [row for row in flagged if not row.charted]
        self._count = len(findings)
        self._entries = []
        self._rows = {}
        self.clear_options()
        if earlier:
            self._entries.append(None)
            self.add_option(_heading(EARLIER, self.ascii))
            self._append(earlier)
            self._entries.append(None)
            self.add_option(_heading(CHARTED, self.ascii))
        self._append([row for row in flagged if row.charted])

    def _append(self, rows: list[_Row]) -> None:
        if not rows:
            return
        at_end = self.highlighted is None or self.highlighted >= self.option_count - 1
        for row in rows:
            self._rows[row.key] = len(self._entries)
            self._entries.append(row)
        colour = not self.app.no_color
        self.add_options([Option(episode_line(row.episode, row.finding, self.ascii, row.charted, colour)) for row in rows])
        if at_end and not self.has_focus:
            self.scroll_end(animate=False)

    @property
    def chosen_finding(self) -> Finding | None:
        """The finding where the event under the highlight began, if any."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self._entries) or self._entries[index] is None:
            return None
        return self._entries[index].first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._entries) and self._entries[event.option_index] is not None:
            row = self._entries[event.option_index]
            self.post_message(self.Chosen(row.first, row.charted))


class _Row:
    """One event listed: its episode (None for a finding outside any), the first of its findings
    the timeline saw, and whether it is on the chart."""

    __slots__ = ("episode", "finding", "charted", "key")

    def __init__(self, episode: Episode | None, finding: Finding, charted: bool) -> None:
        self.episode, self.finding, self.charted = episode, finding, charted
        self.key = _key(finding)

    @property
    def first(self) -> Finding:
        return self.finding if self.episode is None else self.episode.first

    def moved(self) -> bool:
        """Its finding now belongs to another event (an explosion took in an earlier symptom)."""
        return self.finding.episode is not self.episode


def _key(finding: Finding) -> int:
    return id(finding.episode) if finding.episode is not None else id(finding)
