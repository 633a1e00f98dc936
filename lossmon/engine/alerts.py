"""Alerts: what to do when a finding needs someone's attention, one policy for ``watch`` and the
app (:class:`AlertPolicy`: which findings are news, then the hook, the webhook and a notifier;
``--exit-on``), and the ``--on-alert`` hook itself (:class:`AlertHook`).

``--on-alert CMD`` runs CMD through the shell once per episode that escalates to a severity (an
event's findings form one episode: see episodes.py), with
the finding in its environment (``LOSSMON_PATHOLOGY``, ``LOSSMON_SEVERITY``, ``LOSSMON_STEP``,
``LOSSMON_LINE``, ``LOSSMON_SERIES``, ``LOSSMON_FILE``, ``LOSSMON_MESSAGE``, and all of it as
``LOSSMON_JSON``). Hooks run on worker threads with a timeout, so a slow or hanging command never
holds up reading the log. The same pathology on the same file does not fire again until its
badge has cleared. A hook that fails, times out or is killed by a signal is reported, never
fatal. Hooks run in their own process group, so :meth:`AlertHook.close` can stop each with its
children on every exit path.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from lossmon.engine.findings import Finding, format_step, severity_rank

if TYPE_CHECKING:
    import subprocess

# subprocess and concurrent.futures are imported where a hook runs: every command's option parser
# reads DEFAULT_TIMEOUT, and `lossmon check` should not pay for them (~15 ms).

DEFAULT_TIMEOUT = 30.0
MAX_RUNNING = 4


def hook_environment(path: str, finding: Finding) -> dict[str, str]:
    """The finding for a hook: text printable (a hook that echoes it never prints an escape
    sequence), and ``LOSSMON_JSON``, the chat payload encoded by json (see webhook.py), for a
    hook to pass on as it is instead of splicing text into JSON."""
    from lossmon.engine.safe_text import printable
    from lossmon.engine.webhook import payload_json

    return {
        "LOSSMON_PATHOLOGY": finding.pathology,
        "LOSSMON_SEVERITY": finding.severity,
        "LOSSMON_STEP": format_step(finding.step),
        "LOSSMON_LINE": str(finding.line),
        "LOSSMON_SERIES": printable(finding.series),
        "LOSSMON_FILE": printable(path),
        "LOSSMON_MESSAGE": printable(finding.message),
        "LOSSMON_JSON": payload_json(path, finding),
    }


class AlertGate:
    """Which findings are news: escalations of an episode (its first finding, or one that raised
    its severity) to ``level`` or above, and the first for their episode's pathology on their file
    since that pathology's badge was last clear. The hook and the app's notifications share this
    rule, so neither a flapping detector nor the other rules of one event fire twice while the
    badge stays lit."""

    def __init__(self, level: str = "alert") -> None:
        self.threshold = severity_rank(level)
        self._fired: set[tuple[str, str]] = set()  # (file, pathology) whose badge has not cleared

    def news(self, path: str, findings: list[Finding], active: dict[str, Finding]) -> list[Finding]:
        """After an update of ``path``: its new findings and the badges still lit (pathology →
        active finding, as ``Monitor.status()`` gives them); returns the findings to act on."""
        for key in [key for key in self._fired if key[0] == path]:
            still = active.get(key[1])
            if still is None or severity_rank(still.severity) < self.threshold:
                self._fired.discard(key)  # cleared: the next finding may fire again
        fresh = []
        for finding in findings:
            if not finding.escalates:
                continue  # a repeat, an echo or a follow-on symptom of an event already told
            key = (path, finding.episode.pathology if finding.episode is not None else finding.pathology)
            if severity_rank(finding.severity) >= self.threshold and key not in self._fired:
                self._fired.add(key)
                fresh.append(finding)
        return fresh


class AlertPolicy:
    """The one alert policy, shared by ``watch`` and the app. Each update's findings (as the
    follower hands them over, with the badges lit after it) are judged by one :class:`AlertGate`
    at ``level``; the news goes to the hook, the webhook and ``notify`` (each optional).
    ``exit_on`` (a severity) makes :meth:`exits` say when a finding should end the watch."""

    def __init__(
        self,
        level: str = "alert",
        *,
        hook: AlertHook | None = None,
        webhook=None,  # a lossmon.engine.webhook.Webhook
        notify: Callable[[str, Finding], None] | None = None,
        exit_on: str | None = None,
    ) -> None:
        self.gate = AlertGate(level)
        self.hook = hook
        self.webhook = webhook
        self.notify = notify
        self._exit_rank = severity_rank(exit_on) if exit_on else None

    @property
    def acts(self) -> bool:
        """Is there anything to do with news at all?"""
        return self.hook is not None or self.webhook is not None or self.notify is not None

    def observe(self, path: str, findings: list[Finding], active: dict[str, Finding]) -> list[Finding]:
        """After an update of ``path``: its findings and the badges still lit (pathology →
        active finding, as ``Monitor.status()`` gives them). Acts on the news, and returns it."""
        news = self.gate.news(path, findings, active)
        for finding in news:
            if self.hook is not None:
                self.hook.run(path, finding)
            if self.webhook is not None:
                self.webhook.post(path, finding)
            if self.notify is not None:
                self.notify(path, finding)
        return news

    def exits(self, findings: list[Finding]) -> bool:
        """Does one of these findings reach ``exit_on``? (every finding counts, news or not)"""
        rank = self._exit_rank
        return rank is not None and any(severity_rank(f.severity) >= rank for f in findings)

    def close(self, wait: bool) -> None:
        """Finish: let running hooks and queued posts complete (``wait``), or stop them now."""
        if self.hook is not None:
            self.hook.close(wait=wait)
        if self.webhook is not None:
            self.webhook.close(wait=wait)


class AlertHook:
    """Runs the command for each finding it is given (the policy decided it is news)."""

    def __init__(
        self,
        command: str,
        level: str = "alert",
        timeout: float = DEFAULT_TIMEOUT,
        report: Callable[[str], None] = lambda message: None,
        output: int | None = None,
    ) -> None:
        """``report`` receives one line per failed or timed-out hook; ``output`` is where the
        hook's own stdout and stderr go (a file descriptor; None: /dev/null). ``level`` is
        what the policy built around it gates at (see :meth:`policy`)."""
        self.command = command
        self.level = level
        self.timeout = timeout
        self._report = report
        self._output = output
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=MAX_RUNNING, thread_name_prefix="lossmon-hook")
        self._futures = []
        self._processes: set[subprocess.Popen] = set()
        self._lock = threading.Lock()
        self._closing = False  # set by close(wait=False): a hook that starts now is stopped at once
        self.launched = 0

    def policy(self) -> AlertPolicy:
        """The alert policy with this hook alone, at its level."""
        return AlertPolicy(self.level, hook=self)

    def run(self, path: str, finding: Finding) -> None:
        """Run the command for one finding, aside (the caller decided it is news)."""
        self.launched += 1
        with self._lock:
            self._futures.append(self._pool.submit(self._run, path, finding))

    def wait(self) -> None:
        """Wait for the hooks launched so far (each is bounded by its own timeout)."""
        with self._lock:
            futures, self._futures = self._futures, []
        for future in futures:
            future.result()

    def close(self, wait: bool) -> None:
        """Finish: let running hooks complete (``wait``), or stop them now (the user quit)."""
        if wait:
            self.wait()
        else:
            with self._lock:
                self._closing = True
                for process in list(self._processes):
                    _kill_group(process, reap=False)
        self._pool.shutdown(wait=True, cancel_futures=True)

    @property
    def running(self) -> int:
        """Hooks whose process is running now."""
        with self._lock:
            return len(self._processes)

    def _run(self, path: str, finding: Finding) -> None:
        import subprocess

        what = f"alert hook for {finding.pathology} at step {format_step(finding.step)}"
        output = self._output if self._output is not None else subprocess.DEVNULL
        try:
            process = subprocess.Popen(
                self.command,
                shell=True,
                env={**os.environ, **hook_environment(path, finding)},
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=output,
                start_new_session=True,  # its own process group: a timeout kills its children too
            )
        except OSError as error:
            self._report(f"{what} could not start: {error}")
            return
        with self._lock:
            self._processes.add(process)
            if self._closing:  # started while close() stopped the others: it goes too
                _kill_group(process, reap=False)
        try:
            code = process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            self._report(f"{what} timed out after {self.timeout:g} s and was stopped")
            return
        finally:
            with self._lock:
                self._processes.discard(process)
        if code > 0:
            self._report(f"{what} exited with status {code}")
        elif code < 0 and not self._closing:  # not stopped by us: someone or something killed it
            self._report(f"{what} was killed by signal {_signal_name(-code)}")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


def _kill_group(process: subprocess.Popen, reap: bool = True) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if reap:
        process.wait()
