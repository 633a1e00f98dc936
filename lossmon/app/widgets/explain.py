"""The explain screen: what lossmon read of the log on screen and what it skipped (the same text
as ``lossmon check --explain``), opened with ``e``; the header says when lines went unread."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.screen import ModalScreen
from textual.widgets import Static

SHOWN_SHARE = 0.01  # the header speaks of unread lines from this share of the non-blank lines
SHOWN_LINES = 3  # and from this many


def unread_note(coverage, records: int) -> str:
    """"12% of lines not understood: e" for the header, or "" when nothing unread looks like data.

    The header speaks when recurring lines that name a metric next to a number went unread ("test
    accuracy: 20.78%" once per epoch), or when no record was read at all; not for the banners, config
    dumps, model summaries and tensor dumps around the records of a log read whole (``e`` still
    lists them)."""
    lines, share = coverage.counts["not_understood"], coverage.not_understood_share
    if lines < SHOWN_LINES or share < SHOWN_SHARE:
        return ""
    non_blank = coverage.lines - coverage.counts["blank"]
    metric_like = coverage.recurring_metric_lines()
    if records and (metric_like < SHOWN_LINES or metric_like < SHOWN_SHARE * non_blank):
        return ""
    return f"{max(1, round(share * 100))}% of lines not understood: e"


class ExplainScreen(ModalScreen):
    BINDINGS = [Binding("escape,e,q", "dismiss", "close")]

    def __init__(self, explanation: str, ascii: bool = False) -> None:
        super().__init__(classes="-ascii" if ascii else None)
        self.explanation = explanation

    def compose(self):
        with ScrollableContainer(id="explain"):
            yield Static(Text("What lossmon read (esc closes)", "bold"), id="explain-title")
            # Log text is data: a Text is never parsed as markup; explain_text escaped it already.
            yield Static(Text(self.explanation, no_wrap=True), id="explain-text")

    def action_dismiss(self) -> None:
        self.dismiss(None)
