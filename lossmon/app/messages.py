"""Messages from the app's worker threads (the log reader, the alert hook) to the app."""

from __future__ import annotations

from textual.message import Message


class LogsChanged(Message):
    """The reader changed one or more logs (posted from its thread after each batch). It carries
    nothing: the app reads the logs themselves, so a run of these waiting in the queue is worth
    one, and Textual delivers only the last (``can_replace``)."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LogsChanged)


class FindingsArrived(Message):
    """An update of ``log`` carried ``findings`` (posted from the reader's thread, one per such
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
