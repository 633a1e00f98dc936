"""Log text on screen: always plain text, never markup, never raw control characters.

Series names, finding messages and paths come from the log or the file system. A name like
``[bold red]x[/]`` must show as those characters, and an escape sequence or a bidi override must
not reach the terminal: every piece of log text goes through ``clean`` (the engine's one
sanitizer, :func:`lossmon.engine.safe_text.printable`) and into a ``rich.text.Text`` (which is
never parsed as markup).
"""

from __future__ import annotations

from rich.text import Text

from lossmon.engine.safe_text import printable


def clean(text: str, limit: int = 200) -> str:
    """``text`` with control, bidi and other invisible characters shown escaped, cut to ``limit``
    characters."""
    return printable(text, limit)


def plain(text: str, style: str = "", limit: int = 200) -> Text:
    """Log text as a Text that renders exactly its characters."""
    return Text(clean(text, limit), style=style, no_wrap=False)
