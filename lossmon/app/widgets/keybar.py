"""The key bar at the bottom: Textual's footer, showing only the keys that fit.

Textual's footer lets its keys run under the command palette's hint when they do not fit (at 50
columns the last cell read `palettee`). This one measures them first and, in a narrow pane,
keeps the most useful keys (`?` lists the rest), in their usual order, whole.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Kept first when not every key fits; a key of another action (a focused widget's) goes first.
PRIORITY = ("help", "quit", "acknowledge", "pause", "smoothing", "log_scale", "window", "x_axis", "metrics")
PALETTE_BORDER = 1  # the command palette hint's left border


def key_width(key: FooterKey) -> int:
    """Cells a key takes in the compact footer: key, a space and its description, a margin."""
    description = 1 + cell_len(key.description) if key.description else 0
    return cell_len(key.key_display) + description + 1


def keys_that_fit(keys: list[FooterKey], width: int) -> list[FooterKey]:
    """The keys to show in ``width`` cells: by priority while they fit, then in their order."""
    rank = {action: index for index, action in enumerate(PRIORITY)}
    kept, used = set(), 0
    for key in sorted(keys, key=lambda k: rank.get(k.action, -1)):
        if used + key_width(key) <= width:
            kept.add(key)
            used += key_width(key)
    return [key for key in keys if key in kept]


class KeyBar(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)
        self._composed_for = 0  # the width the keys were chosen for

    def compose(self):
        items = list(super().compose())
        width = self.size.width or self.app.size.width
        self._composed_for = width
        palette = [item for item in items if isinstance(item, FooterKey) and item.has_class("-command-palette")]
        keys = [item for item in items if isinstance(item, FooterKey) and item not in palette]
        others = [item for item in items if not isinstance(item, FooterKey)]
        room = width - sum(PALETTE_BORDER + key_width(key) - 1 for key in palette)
        yield from others
        yield from keys_that_fit(keys, room)
        yield from palette

    def on_resize(self) -> None:
        if self.size.width != self._composed_for:
            self.call_after_refresh(self.recompose)
