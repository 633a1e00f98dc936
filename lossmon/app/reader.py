"""What the app needs of the thing that reads its logs (lossmon.app.feeds: the follower's
thread, or a replay's)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from lossmon.app.live_log import LiveLog


class LogReader(Protocol):
    """``logs`` grows as inputs appear (a glob matches a new file), and ``notify`` is called on
    the reader's thread after each change. ``replay``: it paces finished logs, and setting
    ``paused`` stops its clock; a followed log is read on while the view is paused."""

    logs: list[LiveLog]
    error: str | None
    replay: bool
    paused: bool

    def start(
        self,
        notify: Callable[[LiveLog], None],
        findings: Callable[[LiveLog, list, dict], None] | None = None,
    ) -> None:
        """``findings``, when given, receives each update's findings and the badges lit after
        it, once, on the reader's thread (the alert policy's input)."""

    def stop(self) -> None: ...
