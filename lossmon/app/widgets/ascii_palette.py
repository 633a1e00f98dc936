"""Textual's command palette in --ascii: its search icon is an emoji, its placeholder ends in
an ellipsis and its borders are block characters; this one draws none of them (nor the block
border of a toast shown over it: the app's stylesheet does not reach Textual's system screens)."""

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
    AsciiCommandPalette Toast.-information { border-left: ascii $success; }
    AsciiCommandPalette Toast.-warning { border-left: ascii $warning; }
    AsciiCommandPalette Toast.-error { border-left: ascii $error; }
    """

    def __init__(self) -> None:
        super().__init__(placeholder="Search for commands", id="--command-palette")

    def on_mount(self) -> None:
        for icon in self.query(SearchIcon):
            icon.icon = ">"
