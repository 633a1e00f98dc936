"""Textual's Linux driver, made safe for a terminal that goes away (a closed window, a dropped SSH
session, ``tmux kill-server``).

A hang-up sends the app SIGHUP and then SIGCONT. Textual's driver takes any SIGCONT for the end of
its own Ctrl+Z suspension and starts application mode again: a second writer thread, whose first
write to the hung-up terminal fails (EIO) and ends it. Every later write then queues for a thread
that is gone; once its queue is full (30 writes, the terminal's restoration among them) the app's
own thread blocks forever, and the app outlives its terminal (1 hang-up in 5 to 10 on a busy
machine; seen as tests/commands/test_scan_worker_orphans.py's hung-up test failing). Two guards:

* a SIGCONT resumes application mode only after this driver suspended it (Ctrl+Z);
* writes and flushes to a terminal that fails are dropped, so the writer thread never dies and a
  write never waits for a reader that is not there.
"""

from __future__ import annotations

from textual.drivers.linux_driver import LinuxDriver


class TerminalFile:
    """The driver's terminal stream: what cannot be written to a terminal that is gone is dropped."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.gone = False  # a write or flush failed: the terminal is not there any more

    def write(self, text: str) -> int:
        if self.gone:
            return len(text)
        try:
            return self._stream.write(text)
        except (OSError, ValueError):  # EIO after a hang-up; a closed stream
            self.gone = True
            return len(text)

    def flush(self) -> None:
        if self.gone:
            return
        try:
            self._stream.flush()
        except (OSError, ValueError):
            self.gone = True

    def __getattr__(self, name: str):  # fileno, isatty, encoding...: the stream's own
        return getattr(self._stream, name)


class TerminalDriver(LinuxDriver):
    """LinuxDriver with the two guards the module describes."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._file = TerminalFile(self._file)
        self._suspended_by_us = False

    def _sigtstp_application(self, *args) -> None:
        self._suspended_by_us = True  # before: the suspension stops the process inside this call
        super()._sigtstp_application(*args)

    def _sigcont_application(self, *args) -> None:
        if not self._suspended_by_us:  # a hang-up's SIGCONT, or `kill -CONT`: nothing to resume
            return
        self._suspended_by_us = False
        super()._sigcont_application(*args)
