"""The header: file, format, last step, records/s, elapsed, follow state.

Fields are laid out to the widget's width: a line breaks between two fields, never inside one
(`step 6260` stays whole in a 50-column pane). Showing the same header again costs nothing, and
a new one repaints only the header (a layout pass only when its number of lines changes), so the
once-a-second elapsed time stays cheap while the app idles.
"""

from __future__ import annotations

from dataclasses import dataclass

from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from lossmon.app.safe_text import clean
from lossmon.engine.findings import format_step

GAP = "  "  # between fields
Field = tuple[tuple[str, str], ...]  # (text, style) runs shown together
MAX_LINES = 2  # a narrow pane drops the least useful fields rather than wrap to a third line
# Fields dropped first when they do not fit: records/s, then the clock, then the record count.
_OPTIONAL = ("rate", "elapsed", "records", "format", "unread")


@dataclass(slots=True, kw_only=True)
class HeaderInfo:
    """What the header shows (built by lossmon.app.header_scene.header_info)."""

    name: str
    format_id: str | None
    last_step: float | None
    records: int
    rate: float
    elapsed: float | None  # None: not shown (snapshots)
    state: str  # LOADING 42% / FOLLOW / WAITING / DELETED / MOVED / PAUSED / REPLAY / DONE
    position: str = ""  # "1/3" when several logs are open
    error: str | None = None
    note: str = ""  # what the state means: "3 new records", "file deleted: ..."
    quiet: str = ""  # "last record 14 min ago" for a followed log that went quiet
    stalled: str | None = None  # the stalled detector's severity, if lit
    unread: str = ""  # "12% of lines not understood: e"


def format_elapsed(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def format_rate(rate: float) -> str:
    if rate >= 10_000:
        return f"{rate / 1000:.0f}k/s"
    if rate >= 1000:
        return f"{rate / 1000:.1f}k/s"
    return f"{rate:.0f}/s"


def header_fields(info: HeaderInfo) -> list[Field]:
    return [field for _, field in named_fields(info)]


def named_fields(info: HeaderInfo) -> list[tuple[str, Field]]:
    """The fields with a name for each (``_OPTIONAL`` ones may be dropped to fit)."""
    step = format_step(info.last_step) if info.last_step is not None else "-"
    fields: list[tuple[str, Field]] = [("title", ((" lossmon ", "bold reverse"),))]
    if info.position:
        fields.append(("position", ((info.position, "dim"),)))
    fields += [
        ("name", ((clean(info.name, 60), "bold"),)),
        ("format", ((clean(info.format_id or "detecting format", 40), "dim"),)),
        ("step", (("step ", "dim"), (step, "bold"))),
        ("records", ((f"{info.records:,} rec", "dim"),)),
        ("rate", ((format_rate(info.rate), "dim"),)),
    ]
    if info.elapsed is not None:
        fields.append(("elapsed", ((format_elapsed(info.elapsed), "dim"),)))
    named = fields
    named.append(("state", ((f" {info.state} ", "reverse"),)))
    if info.quiet:  # a stalled run: never dropped to fit
        style = {"alert": "bold red", "warn": "bold yellow"}.get(info.stalled or "", "dim")
        named.append(("quiet", ((info.quiet, style),)))
    if info.note:
        named.append(("note", ((clean(info.note, 80), "italic"),)))
    if info.unread:
        named.append(("unread", ((info.unread, "bold yellow"),)))
    if info.error:
        named.append(("error", ((clean(info.error, 120), "bold red"),)))
    return named


def fit_fields(named: list[tuple[str, Field]], width: int) -> list[Field]:
    """The fields that fit in ``MAX_LINES`` lines of ``width``, the optional ones dropped first."""
    kept = list(named)
    for name in _OPTIONAL:
        if len(header_lines([field for _, field in kept], width)) <= MAX_LINES:
            break
        kept = [(n, field) for n, field in kept if n != name]
    return [field for _, field in kept]


def _width(field: Field) -> int:
    return sum(cell_len(text) for text, _ in field)


def header_lines(fields: list[Field], width: int) -> list[list[tuple[str, str]]]:
    """The fields in lines of runs, a line breaking between two fields, never inside one."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for field in fields:
        size = _width(field)
        if used and used + len(GAP) + size > width:
            lines.append([])
            used = 0
        elif used:
            lines[-1].append((GAP, ""))
            used += len(GAP)
        lines[-1].extend(field)
        used += size
    return lines


@lru_cache(maxsize=64)
def _style(name: str) -> Style:
    return Style.parse(name) if name else Style()


class HeaderBar(Widget):
    """Draws its lines itself (as the charts do): a new header costs one line's repaint."""

    DEFAULT_CSS = """
    HeaderBar { height: auto; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._fields: list[Field] = []
        self._named: list[tuple[str, Field]] = []
        self._lines: tuple[int, list[Strip]] | None = None  # (width, strips) drawn for it

    def show(self, info: HeaderInfo) -> None:
        named = named_fields(info)
        fields = [field for _, field in named]
        if fields == self._fields:
            return
        width = self._width()
        lines_before = len(self._layout(width))
        self._fields, self._named = fields, named
        self._lines = None
        self.refresh(layout=len(self._layout(width)) != lines_before)

    def _layout(self, width: int) -> list[list[tuple[str, str]]]:
        return header_lines(fit_fields(self._named, width), width)

    def _width(self) -> int:
        return self.content_size.width or 10_000

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._layout(width))

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _: self._restyle(), init=False)

    def _restyle(self) -> None:
        self._lines = None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self._width()
        if self._lines is None or self._lines[0] != width:
            base = self.rich_style
            strips = []
            for runs in self._layout(width):
                strip = Strip([Segment(text, base + _style(name)) for text, name in runs])
                if strip.cell_length > width:  # one field wider than the pane: cut it short
                    strip = Strip.join([strip.crop(0, width - 1), Strip([Segment("…", base)])])
                strips.append(strip)
            self._lines = (width, strips)
        strips = self._lines[1]
        if y < len(strips):
            return strips[y].crop_extend(0, width, self.rich_style)
        return Strip.blank(width, self.rich_style)

    @property
    def text(self) -> str:
        """What the header shows, as plain text (for tests)."""
        return "\n".join("".join(text for text, _ in runs) for runs in self._layout(self._width()))
