"""The app's alerts: after each change of a log, its new findings go through the same gate as
``lossmon watch --on-alert`` (at or above ``--alert-level``, once per pathology and file until
its badge clears), then to the ``--on-alert`` hook, the ``--webhook`` and, with ``--notify``, to the bell and a
desktop notification. Nothing here waits: the hook runs on its own threads, and the
notification is a few bytes handed to the terminal's writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lossmon.app.live_log import LiveLog
from lossmon.app.notify import Notifier
from lossmon.engine.alerts import DEFAULT_TIMEOUT, AlertGate, AlertHook
from lossmon.engine.webhook import Webhook


@dataclass(frozen=True, slots=True)
class AlertOptions:
    command: str | None = None  # --on-alert
    level: str = "alert"  # --alert-level
    timeout: float = DEFAULT_TIMEOUT  # --hook-timeout
    notify: bool = False  # --notify
    webhook: str | None = None  # --webhook

    @property
    def enabled(self) -> bool:
        return bool(self.command) or self.notify or bool(self.webhook)


class AppAlerts:
    def __init__(self, options: AlertOptions, write: Callable[[str], None], report: Callable[[str], None]) -> None:
        """``write`` sends bytes to the terminal; ``report`` gets one line per failed hook (it is
        called on the hook's thread)."""
        self.gate = AlertGate(options.level)
        self.hook = (
            AlertHook(options.command, options.level, options.timeout, report=report)  # output: /dev/null
            if options.command
            else None
        )
        self.notifier = Notifier(write) if options.notify else None
        self.webhook = Webhook(options.webhook, options.level, options.timeout, report=report) if options.webhook else None
        self._looked: dict[LiveLog, tuple[int, int]] = {}  # log → (version, findings) seen

    def check(self, log: LiveLog) -> None:
        """Act on what is new in ``log`` since the last look (cheap when nothing changed)."""
        version, seen = self._looked.get(log, (-1, 0))
        if log.version == version:
            return
        with log.lock:
            findings = log.monitor.findings
            fresh, active = findings[seen:], log.monitor.status()
            self._looked[log] = (log.version, len(findings))
        for finding in self.gate.news(log.path, fresh, active):
            if self.hook is not None:
                self.hook.run(log.path, finding)
            if self.notifier is not None:
                self.notifier.notify(log.path, finding)
            if self.webhook is not None:
                self.webhook.post(log.path, finding)

    def close(self) -> None:
        """The user quit: stop running hooks now (as ``lossmon watch`` does when interrupted)."""
        if self.hook is not None:
            self.hook.close(wait=False)
        if self.webhook is not None:
            self.webhook.close(wait=False)
