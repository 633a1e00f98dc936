"""Chat webhooks: a finding as a JSON payload that Slack, Mattermost and Discord all accept, and
``--webhook URL``, which posts it.

The payload is built as a dict and encoded by ``json.dumps``, so no text from a log can add or
end a field; the text a chat shows is escaped for its markup (safe_text.chat_text): a series
named ``<!channel>`` or ``@here`` mentions no one and ``[x](http://…)`` links nowhere. Slack and
Mattermost read ``text`` (Slack's ``&lt;`` escaping, which Mattermost's markdown decodes too),
Discord reads ``content`` and is told to parse no mention at all (``allowed_mentions``); each
ignores the fields it does not know. ``lossmon`` carries the finding for scripts.

The same payload is in a hook's environment as ``LOSSMON_JSON``, so a hook can post it as it is:
``printf '%s' "$LOSSMON_JSON" | curl --data-binary @- ...``.
"""

from __future__ import annotations

import json
import queue
import socket
import threading
from collections.abc import Callable

from lossmon.engine.alerts import DEFAULT_TIMEOUT
from lossmon.engine.findings import Finding, format_step, step_for_json
from lossmon.engine.safe_text import chat_text, printable, slack_escape

MAX_PENDING = 32  # posts waiting behind a slow endpoint; more are dropped (and reported)


def finding_fields(path: str, finding: Finding) -> dict:
    """The finding as plain JSON values, its text printable."""
    return {
        "pathology": finding.pathology,
        "severity": finding.severity,
        "series": printable(finding.series),
        "step": step_for_json(finding.step),
        "line": finding.line,
        "file": printable(path),
        "message": printable(finding.message),
    }


def chat_payload(path: str, finding: Finding, host: str | None = None) -> dict:
    host = socket.gethostname() if host is None else host
    summary = (
        f"lossmon on {chat_text(host, 100)}: {finding.severity.upper()} {finding.pathology} in "
        f"{chat_text(finding.series, 200)} of {chat_text(path, 300)} at step {format_step(finding.step)} "
        f"(line {finding.line}): {chat_text(finding.message, 1000)}"
    )
    return {
        "text": slack_escape(summary),
        "content": summary,
        "allowed_mentions": {"parse": []},
        "lossmon": finding_fields(path, finding),
    }


def payload_json(path: str, finding: Finding) -> str:
    """The payload encoded: ASCII only (every other character escaped by the encoder)."""
    return json.dumps(chat_payload(path, finding), allow_nan=False)


class Webhook:
    """Posts each finding it is given (the alert policy, lossmon.engine.alerts.AlertPolicy,
    decides what is news: at or above ``level``, once per pathology and file until its badge
    clears) to ``url``, on a background thread: reading
    the log never waits for the network. A failed post is reported, never fatal. The thread is a
    daemon: a user who quits never waits for a slow endpoint (``close(wait=True)`` does, each
    post bounded by ``timeout``)."""

    def __init__(
        self,
        url: str,
        level: str = "alert",
        timeout: float = DEFAULT_TIMEOUT,
        report: Callable[[str], None] = lambda message: None,
    ) -> None:
        self.url = url
        self.level = level
        self.timeout = timeout
        self._report = report
        self._queue: queue.Queue = queue.Queue(maxsize=MAX_PENDING)
        self._thread = threading.Thread(target=self._work, name="lossmon-webhook", daemon=True)
        self._thread.start()
        self.sent = 0

    def post(self, path: str, finding: Finding) -> None:
        """Post one finding, aside (the caller decided it is news)."""
        try:
            self._queue.put_nowait((payload_json(path, finding).encode("ascii"), finding))
        except queue.Full:
            self._report(f"webhook: {MAX_PENDING} posts still waiting; dropped the one for {finding.pathology}")

    def close(self, wait: bool) -> None:
        """Finish: let queued posts go out (``wait``), or leave them (the user quit)."""
        if wait:
            self._queue.put(None)
            self._thread.join()

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            self._post(*item)

    def _post(self, body: bytes, finding: Finding) -> None:
        import http.client
        import urllib.error
        import urllib.request

        what = f"webhook for {finding.pathology} at step {format_step(finding.step)}"
        request = urllib.request.Request(
            self.url, data=body, method="POST",
            headers={"Content-Type": "application/json", "User-Agent": "lossmon"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read(1 << 16)
        except urllib.error.HTTPError as error:
            self._report(f"{what} failed: HTTP {error.code} {printable(error.reason, 100)}")
        except (OSError, ValueError, http.client.HTTPException) as error:  # refused, timeouts, bad replies
            self._report(f"{what} failed: {printable(getattr(error, 'reason', None) or error, 200)}")
        else:
            self.sent += 1
