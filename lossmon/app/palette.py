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
}

_PLAIN = Style()


def chart_styles(dark: bool) -> dict[str, Style]:
    return _DARK if dark else _LIGHT


def style_for(name: str | None, dark: bool) -> Style:
    if name is None:
        return _PLAIN
    return chart_styles(dark).get(name, _PLAIN)


SEVERITY_GLYPHS = {None: "○", "info": "●", "warn": "▲", "alert": "■"}
ASCII_SEVERITY_GLYPHS = {None: "-", "info": "i", "warn": "!", "alert": "X"}


def severity_glyph(severity: str | None, ascii: bool = False) -> str:
    return (ASCII_SEVERITY_GLYPHS if ascii else SEVERITY_GLYPHS)[severity]
