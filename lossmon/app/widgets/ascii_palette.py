"""Textual's command palette in --ascii: its search icon is an emoji, its placeholder ends in
an ellipsis and its borders are block characters; this one draws none of them."""

from __future__ import annotations

from textual.command import CommandPalette, SearchIcon


class AsciiCommandPalette(CommandPalette):
    DEFAULT_CSS = """
    AsciiCommandPalette #--input { border: ascii $foreground 30%; }
    AsciiCommandPalette #--input.--list-visible { border-bottom: none; }
    AsciiCommandPalette LoadingIndicator { border-bottom: ascii $foreground 30%; }
    AsciiCommandPalette CommandList { border-bottom: ascii $foreground 30%; }
    AsciiCommandPalette CommandList:focus { border: blank; }
    AsciiCommandPalette CommandList.--populating { border-bottom: none; }
    """

    def __init__(self) -> None:
        super().__init__(placeholder="Search for commands", id="--command-palette")

    def on_mount(self) -> None:
        for icon in self.query(SearchIcon):
            icon.icon = ">"
