"""The badge row: one badge per pathology, coloured by severity, flashing until acknowledged."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.containers import Container
from textual.widget import Widget

from lossmon.app.badge_board import Badge, BadgeBoard
from lossmon.app.palette import ascii_text, severity_glyph
from lossmon.app.safe_text import clean

SEVERITY_CLASSES = ("-healthy", "-cleared", "-info", "-warn", "-alert")
_REVERSE, _PLAIN = Style(reverse=True), Style()


class BadgeView(Widget):
    """One badge. Its colours come from CSS classes, set only when its state changes; a blink
    reverses them in ``render_line`` instead, so blinking repaints one line and never restyles
    (a class change re-applies the stylesheet)."""

    def __init__(self, badge: Badge, ascii: bool = False) -> None:
        super().__init__(id=f"badge-{badge.pathology}", classes="badge")
        self.pathology = badge.pathology
        self.ascii = ascii
        self.blink_on = False
        self._label = ""
        self._shown: tuple | None = None
        self.show(badge)

    def show(self, badge: Badge) -> None:
        state = badge.state
        key = (badge.label, state, badge.flashing, badge.finding.message if badge.finding else None)
        if key == self._shown:
            return  # class changes restyle the widget: skip them when nothing changed
        self._shown = key
        label = badge_label(badge.label, state, self.ascii)
        if label != self._label:
            self._label = label
            self.refresh(layout=True)
        wanted = f"-{state or 'healthy'}"
        for name in SEVERITY_CLASSES:
            self.set_class(name == wanted, name)
        self.set_class(badge.flashing, "-flashing")
        if badge.finding is not None:
            self.tooltip = Text(f"{badge.finding.severity}: {clean(badge.finding.message, 400)}")
        elif badge.cleared is not None:
            self.tooltip = Text(f"cleared ({badge.cleared.severity} earlier): {clean(badge.cleared.message, 400)}")
        else:
            self.tooltip = None

    def set_blink(self, on: bool) -> None:
        if on != self.blink_on:
            self.blink_on = on
            self.refresh()

    def get_content_width(self, container, viewport) -> int:
        return cell_len(self._label)

    def get_content_height(self, container, viewport, width: int) -> int:
        return 1

    def render_line(self, y: int) -> Strip:
        style = self.rich_style + (_REVERSE if self.blink_on else _PLAIN)
        width = self.content_size.width
        label = self._label
        if cell_len(label) > width and self._shown is not None and self._shown[1] == "alert":
            label = " " + label.lstrip().replace(" ALERT ", " ")  # a narrow badge keeps the name
        return Strip([Segment(label, style)]).crop_extend(0, width, style)

    @property
    def label(self) -> str:
        return self._label


def badge_label(name: str, state: str | None, ascii: bool = False) -> str:
    """`` ■ NaN/Inf ALERT ``: an alert says so in words; other states by their glyph."""
    word = " ALERT" if state == "alert" else ""
    return f" {severity_glyph(state, ascii)} {ascii_text(name, ascii)}{word} "


class BadgeRow(Container):
    """Badges in a row (full layout) or a grid (side pane); the CSS decides."""

    def __init__(self, board: BadgeBoard, ascii: bool = False, id: str | None = "badges") -> None:
        super().__init__(id=id)
        self.board = board
        self.ascii = ascii
        self._blink_on = False

    def compose(self):
        for badge in self.board:
            yield BadgeView(badge, self.ascii)

    def refresh_badges(self) -> None:
        views = {view.pathology: view for view in self.query(BadgeView)}
        for badge in self.board:
            view = views.get(badge.pathology)
            if view is None:
                self.mount(BadgeView(badge, self.ascii))
            else:
                view.show(badge)
        self._apply_blink()

    def blink(self) -> None:
        """One blink tick: flashing badges alternate between normal and inverted."""
        self._blink_on = not self._blink_on
        self._apply_blink()

    def _apply_blink(self) -> None:
        for view in self.query(BadgeView):
            view.set_blink(self._blink_on and view.has_class("-flashing"))
