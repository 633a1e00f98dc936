"""The app's alerts: the findings each update of a log carries go through the engine's one alert
policy (:class:`lossmon.engine.alerts.AlertPolicy`, as in ``lossmon watch``: at or above
``--alert-level``, once per pathology and file until its badge clears), then to the
``--on-alert`` hook, the ``--webhook`` and, with ``--notify``, to the bell and a desktop
notification. Nothing here waits: the hook runs on its own threads, the webhook posts on its own
thread, and the notification is a few bytes handed to the terminal's writer.

``AppAlerts`` is the app's side of it (a mixin of :class:`LossmonApp`, as ``KeyActions`` is): the
findings from the reader's thread and the hooks' failures come to the app's thread as messages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lossmon.app.messages import FindingsArrived, HookFailed
from lossmon.app.notify import Notifier
from lossmon.app.safe_text import clean
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


class AppAlerts:
    """Needs, from the app: ``post_message``, ``notify``, ``_driver`` and ``is_headless`` (Textual's).
    ``alerts`` is None when nothing would act on news (no hook, webhook or --notify)."""

    alerts: AlertPolicy | None = None

    def start_alerts(self, options: AlertOptions, terminal_write: Callable[[str], None] | None = None) -> None:
        """``terminal_write``: where the notifications' escape sequences go (by default the real
        terminal, between frames)."""
        if options.enabled:
            self.alerts = app_alert_policy(options, terminal_write or self.write_terminal, self._hook_failed)

    @property
    def findings_callback(self) -> Callable | None:
        """What the reader calls with each update's findings (None: no alerts, nothing to call)."""
        return self._findings_from_reader if self.alerts is not None else None

    def stop_alerts(self) -> None:
        if self.alerts is not None:
            self.alerts.close(wait=False)  # the user quit: stop running hooks now, as watch does

    def _findings_from_reader(self, log, findings: list, active: dict) -> None:
        """On the reader's thread: the findings an update carried go to the app's thread."""
        self.post_message(FindingsArrived(log, findings, active))

    def on_findings_arrived(self, message: FindingsArrived) -> None:
        """Each finding once, as its update carried it, through the alert policy (the
        notification's bytes go to the terminal from this thread, between frames)."""
        self.alerts.observe(message.log.path, message.findings, message.active)

    def write_terminal(self, data: str) -> None:
        """Write escape sequences to the real terminal. The driver's writer thread takes whole
        writes in order, and frames are written from this (the app's) thread, so the sequence goes
        out between two frames, never inside one (as ``App.bell`` does)."""
        if self._driver is not None and not self.is_headless:
            self._driver.write(data)

    def _hook_failed(self, text: str) -> None:
        self.post_message(HookFailed(text))  # from the hook's thread: post, never call

    def on_hook_failed(self, message: HookFailed) -> None:
        self.notify(clean(message.text, 400), title="--on-alert", severity="error", timeout=10, markup=False)
