"""A chart: shows a ChartFrame (rows of styled runs) built elsewhere, line by line."""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from lossmon.app.charting.frame import ChartFrame, Run
from lossmon.app.palette import style_for


def _segments(row: list[Run], styles: dict) -> list[Segment]:
    """A row's segments, blanks joined to the run before them (chart styles set no background,
    so a blank looks the same in any of them): a dashed line costs no more segments to paint
    than a solid one."""
    segments: list[Segment] = []
    for text, name in row:
        if not text:
            continue
        if segments and (text.isspace() or segments[-1].text.isspace()) and not styles[name].bgcolor:
            last = segments[-1]
            style = last.style if text.isspace() else styles[name]
            segments[-1] = Segment(last.text + text, style)
        else:
            segments.append(Segment(text, styles[name]))
    return segments


class ChartView(Widget):
    """Displays a prebuilt frame; building it (the costly part) happens outside ``render``, on a
    throttle, so repaints (focus changes, a flashing badge) cost nothing. When its size changes
    (a checklist opens below it) it asks for a new frame of the new size."""

    class Resized(Message):
        pass

    class Clicked(Message):
        """The plot was clicked (or dragged over) at ``fraction`` of its width: the readout goes there."""

        def __init__(self, fraction: float) -> None:
            super().__init__()
            self.fraction = fraction

    DEFAULT_CSS = """
    ChartView { height: 1fr; min-height: 3; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None, series: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.series = series  # the series a grid chart shows
        self._legend: list[Run] = []
        self._frame: ChartFrame | None = None
        self._strips: list[Strip] = []

    @property
    def plot_size(self) -> tuple[int, int]:
        """The cells available to the frame (one row goes to the legend)."""
        width, height = self.content_size
        return max(width, 1), max(height - 1, 1)

    def show(self, frame: ChartFrame, legend: list[Run]) -> None:
        self._frame, self._legend = frame, legend
        self._restyle()

    def _restyle(self) -> None:
        dark = self.app.current_theme.dark if self.is_attached else True
        rows = [self._legend, *(self._frame.rows if self._frame else [])]
        base = self.rich_style
        styles: dict = {}
        for row in rows:
            for _, name in row:
                if name not in styles:
                    styles[name] = base + style_for(name, dark)
        self._strips = [Strip(_segments(row, styles)) for row in rows]
        self.refresh()

    @property
    def plot_columns(self) -> int:
        """The plot area's width in the frame shown (without the y labels)."""
        return self._frame.plot_width if self._frame is not None and self._frame.plot_width else self.plot_size[0]

    def _clicked_at(self, x: int) -> None:
        frame = self._frame
        if frame is None or frame.plot_width < 2 or x < frame.plot_left:
            return
        self.post_message(self.Clicked(min(1.0, (x - frame.plot_left) / (frame.plot_width - 1))))

    def on_click(self, event) -> None:
        self._clicked_at(event.x)

    def on_mouse_move(self, event) -> None:
        if event.button:  # dragging: the readout follows the mouse
            self._clicked_at(event.x)

    def on_resize(self) -> None:
        self.post_message(self.Resized())

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _: self._restyle(), init=False)

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        if y < len(self._strips):
            return self._strips[y].crop_extend(0, width, self.rich_style)
        return Strip.blank(width, self.rich_style)

    @property
    def text(self) -> str:
        """What the chart shows, as plain text (for tests and the screen reader in us all)."""
        return "\n".join(Text.assemble(*[(t, "") for t, _ in row]).plain for row in [self._legend, *(self._frame.rows if self._frame else [])])
