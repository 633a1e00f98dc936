"""Messages between the feed thread, the widgets and the app."""

from __future__ import annotations

from textual.message import Message


class FeedNews(Message):
    """The feed changed one or more logs (posted from the feed's thread; one until handled)."""


class FindingsArrived(Message):
    """An update of ``log`` carried ``findings`` (posted from the feed's thread, one per such
    update: findings are few, and each is news once). ``active``: the badges lit after it."""

    def __init__(self, log, findings: list, active: dict) -> None:
        super().__init__()
        self.log = log
        self.findings = findings
        self.active = active


class HookFailed(Message):
    """An --on-alert command failed or timed out (posted from the hook's thread)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
