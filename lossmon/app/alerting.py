"""The app's alerts: the findings each update of a log carries go through the engine's one alert
policy (:class:`lossmon.engine.alerts.AlertPolicy`, as in ``lossmon watch``: at or above
``--alert-level``, once per pathology and file until its badge clears), then to the
``--on-alert`` hook, the ``--webhook`` and, with ``--notify``, to the bell and a desktop
notification. Nothing here waits: the hook runs on its own threads, the webhook posts on its own
thread, and the notification is a few bytes handed to the terminal's writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lossmon.app.notify import Notifier
from lossmon.engine.alerts import DEFAULT_TIMEOUT, AlertHook, AlertPolicy
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


def app_alert_policy(options: AlertOptions, write: Callable[[str], None], report: Callable[[str], None]) -> AlertPolicy:
    """``write`` sends bytes to the terminal (call the policy on the app's thread); ``report``
    gets one line per failed hook or post (it is called on their threads)."""
    hook = AlertHook(options.command, options.level, options.timeout, report=report) if options.command else None
    webhook = Webhook(options.webhook, options.level, options.timeout, report=report) if options.webhook else None
    notifier = Notifier(write) if options.notify else None
    return AlertPolicy(options.level, hook=hook, webhook=webhook, notify=notifier.notify if notifier else None)
