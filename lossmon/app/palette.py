"""Chart colours for dark and light backgrounds: style name → rich Style.

Raw points are drawn faint, smoothed lines bold. Under NO_COLOR Textual turns everything
monochrome; the chart then still tells lines apart by weight, and badges by their glyphs.
"""

from __future__ import annotations

from rich.style import Style

_DARK = {
    "train": Style(color="#4fc3f7", bold=True),
    "train.raw": Style(color="#2b5f7a"),
    "val": Style(color="#ffb74d", bold=True),
    "val.raw": Style(color="#7a5a2b"),
    "metric": Style(color="#81c784", bold=True),
    "metric.raw": Style(color="#3d6b3f"),
    "marker.info": Style(color="#4fa3d7"),
    "marker.warn": Style(color="#ffd54f", bold=True),
    "marker.alert": Style(color="#ff5252", bold=True),
    "marker.focus": Style(color="#6a6a6a"),
    "nan": Style(color="#ff5252", bold=True),
    "axis": Style(color="#8a8a8a"),
    "note": Style(color="#8a8a8a", italic=True),
    "legend": Style(color="#c0c0c0"),
    "value": Style(color="#e0e0e0", bold=True),
    "view": Style(color="#8a8a8a"),
    "cursor": Style(color="#9e9e9e"),
}

_LIGHT = {
    "train": Style(color="#0b63a8", bold=True),
    "train.raw": Style(color="#9cc3e0"),
    "val": Style(color="#c25e00", bold=True),
    "val.raw": Style(color="#e8c29a"),
    "metric": Style(color="#2e7d32", bold=True),
    "metric.raw": Style(color="#a5cfa7"),
    "marker.info": Style(color="#3a7ab0"),
    "marker.warn": Style(color="#b08800", bold=True),
    "marker.alert": Style(color="#d50000", bold=True),
    "marker.focus": Style(color="#a0a0a0"),
    "nan": Style(color="#d50000", bold=True),
    "axis": Style(color="#707070"),
    "note": Style(color="#707070", italic=True),
    "legend": Style(color="#303030"),
    "value": Style(color="#000000", bold=True),
    "view": Style(color="#707070"),
    "cursor": Style(color="#808080"),
}

# One colour per run in the overlay: Okabe & Ito's palette, told apart by readers with any common
# colour-vision deficiency. Its black is a light grey on a dark background (and its yellow, too
# faint on white, a dark gold on a light one). Runs past eight reuse colours: their letter still
# tells them apart (and NO_COLOR leaves only the letter).
RUN_COLOURS_DARK = ("#56B4E9", "#E69F00", "#009E73", "#F0E442", "#CC79A7", "#D55E00", "#0072B2", "#BBBBBB")
RUN_COLOURS_LIGHT = ("#0072B2", "#E69F00", "#009E73", "#9A8700", "#CC79A7", "#D55E00", "#56B4E9", "#000000")


def _blend(colour: str, background: str, amount: float) -> str:
    """``colour`` faded ``amount`` of the way towards ``background`` (the faint band of raw values)."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b))


def run_style(index: int, part: str = "") -> str:
    """The style name of run ``index``'s ``part``: "" its train line, "val" its val line, "raw" and
    "val.raw" their bands, "mark" its finding marks and letter."""
    return f"run{index % len(RUN_COLOURS_DARK)}" + (f".{part}" if part else "")


def _run_styles(colours: tuple[str, ...], background: str) -> dict[str, Style]:
    styles = {}
    for index, colour in enumerate(colours):
        faint = _blend(colour, background, 0.55)
        styles[run_style(index)] = Style(color=colour, bold=True)
        styles[run_style(index, "val")] = Style(color=colour, bold=True)
        styles[run_style(index, "raw")] = Style(color=faint)
        styles[run_style(index, "val.raw")] = Style(color=faint)
        styles[run_style(index, "mark")] = Style(color=colour, bold=True)
    return styles


_DARK.update(_run_styles(RUN_COLOURS_DARK, "#000000"))
_LIGHT.update(_run_styles(RUN_COLOURS_LIGHT, "#ffffff"))

_PLAIN = Style()


def chart_styles(dark: bool) -> dict[str, Style]:
    return _DARK if dark else _LIGHT


def style_for(name: str | None, dark: bool) -> Style:
    if name is None:
        return _PLAIN
    return chart_styles(dark).get(name, _PLAIN)


# Severity is carried by a glyph and a word, never by colour alone: NO_COLOR, a 16-colour
# terminal, a colour-blind reader and a screenshot pasted in grey all read it the same.
# "cleared": a pathology that happened in this segment and is no longer active.
SEVERITY_GLYPHS = {None: "○", "cleared": "◌", "info": "●", "warn": "▲", "alert": "■"}
ASCII_SEVERITY_GLYPHS = {None: "-", "cleared": "~", "info": "i", "warn": "!", "alert": "!!"}
SEVERITY_WORDS = {None: "", "cleared": "cleared", "info": "info", "warn": "warn", "alert": "ALERT"}
_ASCII_TEXT = str.maketrans({"↑": "^", "↓": "v", "…": "~", "·": "-", "—": "-", "×": "x", "•": "o"})


def severity_glyph(severity: str | None, ascii: bool = False) -> str:
    return (ASCII_SEVERITY_GLYPHS if ascii else SEVERITY_GLYPHS)[severity]


def severity_tag(severity: str | None, ascii: bool = False) -> str:
    """Glyph and word: ``■ ALERT``, ``!! ALERT`` in --ascii, ``▲ warn``."""
    word = SEVERITY_WORDS[severity]
    glyph = severity_glyph(severity, ascii)
    return f"{glyph} {word}" if word else glyph


def ascii_text(text: str, ascii: bool) -> str:
    """Text lossmon writes itself (badge names, separators) in pure ASCII for --ascii."""
    return text.translate(_ASCII_TEXT) if ascii else text
