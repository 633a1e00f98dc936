"""The real ``lossmon`` command in a tmux pane, read back with ``capture-pane`` (for the end-to-end
tests and benchmarks/app_latency.py).

Each screen runs its own tmux server (a socket of its own), so parallel tests never share one.
"""

from __future__ import annotations

import bisect
import fcntl
import os
import pty
import re
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from tests.conftest import until

_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def lossmon_command() -> list[str]:
    """The installed console script next to this Python, else ``python -m lossmon``."""
    script = Path(sys.executable).with_name("lossmon")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lossmon"]


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class TmuxScreen:
    def __init__(
        self, args: list[str], width: int, height: int, env: dict[str, str] | None = None, pipe_from: str = "",
        then: str = "",
    ) -> None:
        """``lossmon ARGS`` in a ``width`` x ``height`` pane; ``pipe_from``: a shell command whose
        output is piped into it (``tail -f train.log | lossmon -``); ``then``: a shell command run
        in the pane after lossmon exits (the pane then shows the terminal lossmon left behind)."""
        self.socket = f"lossmon-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        options = [f"-e{name}={value}" for name, value in {"COLORTERM": "truecolor", **(env or {})}.items()]
        command = shlex.join([*lossmon_command(), *args])
        if pipe_from:
            command = f"{pipe_from} | {command}"
        if then:
            command = f"{command}; {then}"
        self._tmux("new-session", "-d", "-x", str(width), "-y", str(height), "-s", "main", *options, command)
        self.pid = int(self._tmux("display-message", "-p", "-t", "main", "#{pane_pid}").strip())

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                                capture_output=True, text=True, timeout=10, env=_terminal_env())
        if result.returncode:
            raise RuntimeError(f"tmux {args[0]} failed: {result.stderr.strip()}")
        return result.stdout

    def text(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "main")

    def styled(self) -> str:
        """The screen with its colours (SGR escape sequences)."""
        return self._tmux("capture-pane", "-p", "-e", "-t", "main")

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "main", *keys)

    def wait_for(self, condition: Callable[[], bool], timeout: float, what: str) -> None:
        """Poll until ``condition()``; fails after ``timeout`` seconds, showing the screen."""
        until(condition, lambda: f"{what}; the screen:\n{self.text()}", timeout=timeout, poll=0.01)

    def pane_flags(self) -> dict[str, str]:
        """The pane's terminal modes as tmux sees them: 1 or 0."""
        names = ("alternate_on", "mouse_any_flag", "mouse_standard_flag", "mouse_sgr_flag", "cursor_flag")
        values = self._tmux("display-message", "-p", "-t", "main", "|".join(f"#{{{n}}}" for n in names)).strip().split("|")
        return dict(zip(names, values))

    def set_option(self, name: str, value: str) -> None:
        self._tmux("set-option", "-g", name, value)

    def attach(self, width: int, height: int) -> AttachedTerminal:
        """A client attached to the session in a terminal of its own, recording what tmux sends it
        (what the user's terminal would receive: passthrough sequences, the bell)."""
        return AttachedTerminal(["tmux", "-L", self.socket, "attach", "-t", "main"], width, height)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)
        # The SIGHUP of kill-server did not always end lossmon (seen: apps left running for
        # half an hour, eating the CPU other tests need): end the pane's process group outright.
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def __enter__(self) -> TmuxScreen:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class AttachedTerminal:
    """A command in a pseudo-terminal of the given size; ``received()`` is all it wrote."""

    def __init__(self, command: list[str], width: int, height: int, env: dict[str, str] | None = None) -> None:
        # The size is set before the command starts, so that it draws its first frame at that size.
        self._pid, self._fd = pty.fork()
        if self._pid == 0:  # the child: become the command
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
            os.environ.update(_terminal_env(), TERM="xterm-256color", **(env or {}))
            os.execvp(command[0], command)
        self.pid = self._pid
        self._data = bytearray()
        self._arrivals: list[tuple[int, float]] = []  # (end offset of a chunk, when it was read)
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self._fd, 65536)
            except OSError:  # the command ended
                chunk = b""
            arrived = time.monotonic()
            with self._changed:
                if chunk:
                    self._data += chunk
                    self._arrivals.append((len(self._data), arrived))
                else:
                    self._arrivals.append((len(self._data), float("inf")))  # the end: wakes waiters
                self._changed.notify_all()
            if not chunk:
                return

    def received(self) -> bytes:
        with self._changed:
            return bytes(self._data)

    def offset(self) -> int:
        """How many bytes the command has written so far (for ``wait_for``'s ``since``)."""
        with self._changed:
            return len(self._data)

    def send(self, data: bytes) -> None:
        os.write(self._fd, data)

    def wait_for(self, pattern: bytes | re.Pattern, since: int, timeout: float) -> tuple[float, int]:
        """(when, end): the moment the reader got the byte that completed the first ``pattern``
        (bytes, or a bytes regex) written after offset ``since``, and the offset after it.
        Event-driven: nothing polls the command while it works (a benchmark's probe should not
        take its CPU)."""
        regex = pattern if isinstance(pattern, re.Pattern) else re.compile(re.escape(pattern))
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = regex.search(self._data, since)
                if found:
                    end = found.end()
                    when = self._arrivals[bisect.bisect_left(self._arrivals, end, key=lambda arrival: arrival[0])][1]
                    return when, end
                if self._arrivals and self._arrivals[-1][1] == float("inf"):
                    raise AssertionError(f"the command ended before writing {pattern!r}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out after {timeout:g}s waiting for {pattern!r}")
                self._changed.wait(left)

    def close(self) -> None:
        try:
            os.kill(self._pid, signal.SIGTERM)
            os.waitpid(self._pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self._fd)
        self._reader.join(timeout=5)

    def __enter__(self) -> AttachedTerminal:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _terminal_env() -> dict[str, str]:
    """This process's environment without what would tell the app another size than the pane's
    (a test runner sets COLUMNS and LINES) or that it runs under a test."""
    return {
        name: value
        for name, value in os.environ.items()
        if name not in ("COLUMNS", "LINES", "NO_COLOR") and not name.startswith(("PYTEST_", "TEXTUAL_"))
    }


def colours_at(styled: str, text: str) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]:
    """(foreground, background) RGB in effect where ``text`` first appears on the styled screen."""
    for line in styled.splitlines():
        target = _SGR.sub("", line).find(text)
        if target < 0:
            continue
        foreground = background = None
        plain_seen = position = 0
        for match in _SGR.finditer(line):
            plain_seen += match.start() - position  # characters shown before this sequence
            if plain_seen > target:
                break
            foreground, background = _apply(match.group(1), foreground, background)
            position = match.end()
        return foreground, background
    return None, None


def is_red(colour: tuple[int, int, int] | None) -> bool:
    if colour is None:
        return False
    r, g, b = colour
    return r >= 150 and r > 1.8 * g and r > 1.5 * b


def _apply(codes: str, foreground, background):
    parts = [int(p) if p else 0 for p in codes.split(";")] if codes else [0]
    i = 0
    while i < len(parts):
        code = parts[i]
        if code == 0:
            foreground = background = None
        elif code in (38, 48) and i + 4 < len(parts) and parts[i + 1] == 2:
            colour = tuple(parts[i + 2 : i + 5])
            if code == 38:
                foreground = colour
            else:
                background = colour
            i += 4
        elif code == 39:
            foreground = None
        elif code == 49:
            background = None
        i += 1
    return foreground, background
