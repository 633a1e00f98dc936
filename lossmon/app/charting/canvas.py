"""A dot canvas drawn with numpy: braille (2x4 dots per cell) or plain ASCII (1x3 per cell).

Shapes are rasterized as whole arrays (no Python loop over points or pixels). A cell has one
colour: that of the highest-priority shape that touches it. Shapes drawn *under* the others (a
faint band of raw values) give way: a cell that another shape touches drops their dots, so a
line over a band stays a thin line instead of lighting up the band's dots around it. Two lines
sharing a cell keep both their dots, in the colour of the later one. ``rows()`` returns each row as runs of
(text, style), so the caller's cost is proportional to the number of colour changes.
"""

from __future__ import annotations

import numpy as np

# Braille dot (column, row) → bit, per the Unicode braille pattern layout.
_BRAILLE_BITS = np.array([[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]], dtype=np.uint16)
# ASCII: one column, three rows (top, middle, bottom) → a glyph for each combination.
_BRAILLE_FLAT = _BRAILLE_BITS.ravel()  # indexed by (column << 2) | row
_ASCII_GLYPHS = np.array([ord(c) for c in " '-:.|:|"], dtype=np.uint32)


class Canvas:
    """``width`` x ``height`` cells; coordinates are in dots, (0, 0) at the top left."""

    def __init__(self, width: int, height: int, ascii: bool = False) -> None:
        self.width = max(1, width)
        self.height = max(1, height)
        self.ascii = ascii
        self.dots_x, self.dots_y = (1, 3) if ascii else (2, 4)
        self.pixel_width = self.width * self.dots_x
        self.pixel_height = self.height * self.dots_y
        cells = self.width * self.height
        self._bits = np.zeros(cells, dtype=np.uint16)
        self._style = np.zeros(cells, dtype=np.int16)  # 0 = none; higher draws on top
        self._glyph = np.zeros(cells, dtype=np.uint32)  # a point's glyph, where one is marked
        self._point_glyph = ord("o" if ascii else "•")
        self._styles: list[str | None] = [None]
        self._under = np.zeros(1, dtype=bool)  # per style id: its dots give way to other shapes

    # Drawing -----------------------------------------------------------------------------------

    def style_id(self, style: str, under: bool = False) -> int:
        """Register a style; styles registered later win where shapes overlap (a style already
        registered keeps its place: its shapes share cells). ``under``: see the module doc."""
        if style in self._styles:
            return self._styles.index(style)
        self._styles.append(style)
        self._under = np.append(self._under, under)
        return len(self._styles) - 1

    def dots(self, x: np.ndarray, y: np.ndarray, style: int) -> None:
        """Set the dots at (x, y) (floats, rounded; points outside the canvas are dropped)."""
        x = np.rint(np.asarray(x, dtype=np.float64))
        y = np.rint(np.asarray(y, dtype=np.float64))
        keep = (x >= 0) & (x < self.pixel_width) & (y >= 0) & (y < self.pixel_height)
        if not keep.any():
            return
        x = x[keep].astype(np.int64)
        y = y[keep].astype(np.int64)
        self._set(x, y, style)

    def _set(self, x: np.ndarray, y: np.ndarray, style: int) -> None:
        """Set the dots at integer (x, y), all inside the canvas."""
        cell = (y // self.dots_y) * self.width + x // self.dots_x
        if self.ascii:
            bit = (1 << (y % self.dots_y)).astype(np.uint16)
        else:
            bit = _BRAILLE_FLAT[((x & 1) << 2) | (y & 3)]
        held = self._style[cell]
        if not self._under[style]:
            taken = cell[(held < style) & self._under[held]]
            self._bits[taken] = 0  # a shape drawn under this one gives its cells up
            self._style[taken] = 0
            held = self._style[cell]
        if self._under[style]:  # it shows only in cells no other shape holds
            keep = (held == 0) | (held == style)
            cell, bit = cell[keep], bit[keep]
        np.bitwise_or.at(self._bits, cell, bit)
        self._style[cell] = np.maximum(self._style[cell], style)

    def segments(self, x0, y0, x1, y1, style: int, dashed: bool = False) -> None:
        """Straight segments (x0[i], y0[i]) → (x1[i], y1[i]); NaN endpoints skip the segment.
        ``dashed``: every other column of cells left out (a second line told apart without colour)."""
        x0, y0, x1, y1 = (np.asarray(a, dtype=np.float64) for a in (x0, y0, x1, y1))
        ok = np.isfinite(x0) & np.isfinite(y0) & np.isfinite(x1) & np.isfinite(y1)
        if not ok.any():
            return
        x0, y0, x1, y1 = x0[ok], y0[ok], x1[ok], y1[ok]
        # Clip to a margin around the canvas so that a huge value costs no more than the canvas.
        lo_y, hi_y = -1.0, self.pixel_height + 1.0
        y0, y1 = np.clip(y0, lo_y, hi_y), np.clip(y1, lo_y, hi_y)
        steps = np.maximum(np.abs(x1 - x0), np.abs(y1 - y0)).astype(np.int64) + 1
        segment = np.repeat(np.arange(len(steps)), steps)
        offset = np.arange(len(segment)) - np.repeat(np.cumsum(steps) - steps, steps)
        t = offset / np.maximum(steps - 1, 1)[segment]
        xs, ys = x0[segment] + t * (x1 - x0)[segment], y0[segment] + t * (y1 - y0)[segment]
        if dashed:
            keep = (np.rint(xs) // self.dots_x) % 2 == 0
            xs, ys = xs[keep], ys[keep]
        self.dots(xs, ys, style)

    def polyline(self, x: np.ndarray, y: np.ndarray, style: int, dashed: bool = False) -> None:
        """Join consecutive points; a NaN breaks the line (and a lone point is still drawn)."""
        if len(x) == 1:
            self.dots(x, y, style)
            return
        self.segments(x[:-1], y[:-1], x[1:], y[1:], style, dashed)
        # Points whose both neighbours are missing would vanish: draw them as dots.
        finite = np.isfinite(y)
        alone = finite & ~np.concatenate(([False], finite[:-1])) & ~np.concatenate((finite[1:], [False]))
        if alone.any():
            self.dots(x[alone], y[alone], style)

    def points(self, x: np.ndarray, y: np.ndarray, style: int, glyph: str | None = None) -> None:
        """Mark points so that they stand out from a line through them: the cell holding each
        shows a dot glyph (• or o; or ``glyph``) in this style instead of braille, whatever was
        drawn there."""
        x = np.rint(np.asarray(x, dtype=np.float64))
        y = np.rint(np.asarray(y, dtype=np.float64))
        keep = (x >= 0) & (x < self.pixel_width) & (y >= 0) & (y < self.pixel_height)
        cell = (y[keep].astype(np.int64) // self.dots_y) * self.width + x[keep].astype(np.int64) // self.dots_x
        self._glyph[cell] = ord(glyph) if glyph else self._point_glyph
        self._style[cell] = style

    def vlines(self, x: np.ndarray, y_low: np.ndarray, y_high: np.ndarray, style: int) -> None:
        """Vertical segments: the dots ``segments(x, y_low, x, y_high)`` sets, with the column of
        each worked out once per segment rather than once per dot (bands of many runs)."""
        x, y0, y1 = (np.asarray(a, dtype=np.float64) for a in (x, y_low, y_high))
        x = np.rint(x)
        ok = np.isfinite(y0) & np.isfinite(y1) & (x >= 0) & (x < self.pixel_width)
        if not ok.any():
            return
        x, y0, y1 = x[ok].astype(np.int64), y0[ok], y1[ok]
        lo_y, hi_y = -1.0, self.pixel_height + 1.0
        y0, y1 = np.clip(y0, lo_y, hi_y), np.clip(y1, lo_y, hi_y)
        steps = np.abs(y1 - y0).astype(np.int64) + 1
        segment = np.repeat(np.arange(len(steps)), steps)
        offset = np.arange(len(segment)) - np.repeat(np.cumsum(steps) - steps, steps)
        t = offset / np.maximum(steps - 1, 1)[segment]
        ys = np.rint(y0[segment] + t * (y1 - y0)[segment])
        inside = (ys >= 0) & (ys < self.pixel_height)
        if inside.any():
            self._set(x[segment[inside]], ys[inside].astype(np.int64), style)

    # Output ------------------------------------------------------------------------------------

    def rows(self) -> list[list[tuple[str, str | None]]]:
        """Each row as runs of (text, style name); empty cells are spaces with style None."""
        if self.ascii:
            codes = _ASCII_GLYPHS[self._bits & 7]
        else:
            codes = np.where(self._bits > 0, 0x2800 + self._bits.astype(np.uint32), 0x20)
        codes = np.where(self._glyph > 0, self._glyph, codes).astype("<u4").reshape(self.height, self.width)
        styles = np.where((self._bits > 0) | (self._glyph > 0), self._style, 0).reshape(self.height, self.width)
        out = []
        for text_codes, row_styles in zip(codes, styles):
            text = text_codes.tobytes().decode("utf-32-le")
            cuts = [0, *(np.flatnonzero(np.diff(row_styles)) + 1).tolist(), self.width]
            out.append(
                [(text[a:b], self._styles[int(row_styles[a])]) for a, b in zip(cuts[:-1], cuts[1:])]
            )
        return out
