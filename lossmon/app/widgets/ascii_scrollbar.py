"""Scrollbars for --ascii: Textual's thumb ends are ▁▂▃ blocks; these are whole cells (their
colour shows the thumb)."""

from __future__ import annotations

from textual.scrollbar import ScrollBar, ScrollBarRender


class AsciiScrollBarRender(ScrollBarRender):
    VERTICAL_BARS = [" "] * 8
    HORIZONTAL_BARS = [" "] * 8


def use_ascii_scrollbars(ascii: bool) -> None:
    """Textual's renderer is one for the whole process: set it while an --ascii app runs."""
    ScrollBar.renderer = AsciiScrollBarRender if ascii else ScrollBarRender
