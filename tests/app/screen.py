"""What the app's terminal shows, read back from Textual's compositor: the text of each line,
and the style of each cell (tests assert on what a user sees, not on what was opened)."""

from __future__ import annotations

from rich.style import Style


def screen_lines(app) -> list[str]:
    """The current screen as lines of text, as the terminal would show them."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def style_of(app, text: str) -> Style:
    """The style of the first cell of the first place ``text`` appears on screen."""
    for strip in app.screen._compositor.render_strips():
        line = "".join(segment.text for segment in strip)
        at = line.find(text)
        if at < 0:
            continue
        offset = 0
        for segment in strip:
            if offset <= at < offset + len(segment.text):
                return segment.style or Style()
            offset += len(segment.text)
    raise AssertionError(f"{text!r} is not on the screen:\n" + screen_text(app))
