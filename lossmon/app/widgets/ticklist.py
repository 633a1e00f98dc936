"""A SelectionList whose boxes read ``[x]`` and ``[ ]``: Textual draws ``▐X▌`` for both and tells
them apart by colour only, which NO_COLOR, a 16-colour terminal and --ascii all lose."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton

_BOX = ToggleButton.BUTTON_LEFT + ToggleButton.BUTTON_INNER + ToggleButton.BUTTON_RIGHT
_BOLD = Style(bold=True)


class TickList(SelectionList):
    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or "".join(segment.text for segment in segments[:3]) != _BOX:
            return strip
        style = segments[1].style or Style()  # the button's style, with the option's meta (clicks)
        index = self.scroll_offset.y + y
        ticked = self.get_option_at_index(index).value in self._selected
        box = [Segment("[", style), Segment("x" if ticked else " ", style + _BOLD), Segment("]", style)]
        return Strip([*box, *segments[3:]], strip.cell_length)
