"""The app's terminal driver when the terminal goes away: a hang-up's SIGCONT does not start a
second writer, and writes to a terminal that fails never block the app (it hung forever on 1
hang-up in 5 to 10: tests/commands/test_scan_worker_orphans.py has the end-to-end test)."""

import threading

import pytest

pytest.importorskip("termios")

from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread  # noqa: E402
from textual.drivers.linux_driver import LinuxDriver  # noqa: E402

from lossmon.app.app import LossmonApp  # noqa: E402
from lossmon.app.terminal_driver import TerminalDriver, TerminalFile  # noqa: E402


class HungUpTerminal:
    """A terminal after a hang-up: every write and flush fails with EIO."""

    def __init__(self) -> None:
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        raise OSError(5, "Input/output error")

    def flush(self) -> None:
        raise OSError(5, "Input/output error")

    def fileno(self) -> int:
        return 2


def test_writes_to_a_hung_up_terminal_are_dropped_and_never_block():
    stream = HungUpTerminal()
    terminal = TerminalFile(stream)
    writer = WriterThread(terminal)
    writer.start()
    done = threading.Event()

    def restore_the_terminal():  # what Textual writes as it exits: far more than its queue holds
        for _ in range(10 * MAX_QUEUED_WRITES):
            writer.write("\x1b[?1049l")
        writer.stop()
        done.set()

    threading.Thread(target=restore_the_terminal, daemon=True).start()
    assert done.wait(30), "a write blocked: the writer thread died on the first failed write"
    assert terminal.gone and stream.writes == 1  # tried once, then dropped
    assert terminal.fileno() == 2


def test_a_sigcont_resumes_only_a_suspension_of_the_drivers_own(monkeypatch):
    resumed, stopped = [], []
    monkeypatch.setattr(LinuxDriver, "_sigcont_application", lambda self, *args: resumed.append(1))
    monkeypatch.setattr(LinuxDriver, "_sigtstp_application", lambda self, *args: stopped.append(1))
    driver = TerminalDriver.__new__(TerminalDriver)  # its handlers alone, without taking the terminal
    driver._suspended_by_us = False
    driver._sigcont_application()  # a hang-up sends SIGHUP, then SIGCONT
    assert resumed == []
    driver._sigtstp_application()  # Ctrl+Z
    driver._sigcont_application()  # fg
    assert stopped == [1] and resumed == [1]
    driver._sigcont_application()  # kill -CONT later: nothing was suspended
    assert resumed == [1]


def test_the_app_uses_it_in_place_of_the_linux_driver():
    assert LossmonApp.get_driver_class(LossmonApp.__new__(LossmonApp)) is TerminalDriver
