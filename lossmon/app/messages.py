"""Messages between the feed thread, the widgets and the app."""

from __future__ import annotations

from textual.message import Message

from lossmon.app.live_log import LiveLog


class LogChanged(Message):
    """A feed fed new bytes to a log's monitor (posted from the feed thread; coalesced)."""

    def __init__(self, log: LiveLog) -> None:
        super().__init__()
        self.log = log
