"""Log text on screen: always plain text, never markup, never raw control characters.

Series names and finding messages come from the log. A name like ``[bold red]x[/]`` must show as
those characters, and an escape sequence must not reach the terminal, so every piece of log text
goes through ``clean`` and into a ``rich.text.Text`` (which is never parsed as markup).
"""

from __future__ import annotations

import re

from rich.text import Text

# C0 controls (tab and newline included: one label is one line), DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Escape sequences whose parameters would otherwise survive as text once ESC is dropped.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")


def clean(text: str, limit: int = 200) -> str:
    """``text`` without escape sequences or control characters, cut to ``limit`` characters."""
    text = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", str(text)))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str, style: str = "", limit: int = 200) -> Text:
    """Log text as a Text that renders exactly its characters."""
    return Text(clean(text, limit), style=style, no_wrap=False)
