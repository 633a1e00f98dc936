"""No scan worker, fork server or resource tracker outlives the command that started it (issue 19):
the real command reads a big log with two scan workers (forced), and is killed, interrupted or
quit while they work; then every process of its session must end. Before, a killed owner left its
workers waiting forever on their queue (they hold its write end themselves), and the fork server
with them (each worker holds its ``alive`` descriptor).

Linux only (/proc). No timing is asserted: each wait is a generous deadline."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import as_from_a_terminal, assert_session_ends, kill_session, scan_workers, session_processes, wait_for_workers, write_big_log
from tests.conftest import until
from tests.tmux_screen import AttachedTerminal, TmuxScreen

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")

REPO = Path(__file__).resolve().parents[2]
WORKERS = 2


@pytest.fixture(scope="module")
def big_log(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("orphans") / "train.log"
    write_big_log(path, 40)  # read for seconds: the workers are still at it when the owner goes
    return path


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "LOSSMON_SCAN_WORKERS": str(WORKERS)}


def start(args: list[str], tmp_path: Path) -> subprocess.Popen:
    """``lossmon ARGS`` in a session of its own; its output to files (an orphan holding a pipe
    would keep a reader waiting)."""
    out = open(tmp_path / "stdout", "wb")
    err = open(tmp_path / "stderr", "wb")
    with out, err:
        return subprocess.Popen([sys.executable, "-m", "lossmon", *args], cwd=tmp_path, env=_env(),
                                stdout=out, stderr=err, start_new_session=True, preexec_fn=as_from_a_terminal)


@pytest.mark.parametrize("command", ["check", "watch"])
@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM", "Ctrl+C"])
def test_a_command_killed_or_interrupted_while_its_workers_scan_leaves_no_process(command, how, big_log, tmp_path):
    args = ["check", str(big_log)] if command == "check" else ["watch", "--jsonl", str(big_log)]
    owner = start(args, tmp_path)
    try:
        wait_for_workers(owner.pid, owner.pid, WORKERS)
        if how == "Ctrl+C":  # the terminal sends it to the whole foreground process group
            os.killpg(owner.pid, signal.SIGINT)
        else:
            os.kill(owner.pid, getattr(signal, how))
        status = owner.wait(timeout=60)
        assert_session_ends(owner.pid)
    finally:
        owner.kill()
        kill_session(owner.pid)
    stderr = (tmp_path / "stderr").read_text(errors="replace")
    if how == "Ctrl+C":
        # The owner decides: the workers ignore the interrupt (no traceback of theirs).
        assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
        # Even as check ends (its report whole) an interrupted check is 130, never 0
        # (tests/commands/test_interrupts.py hits each window on purpose).
        assert status == (130 if command == "check" else 0)
    elif how == "SIGTERM":
        assert status == (-signal.SIGTERM if command == "check" else 0)


def test_an_owner_that_ends_without_cleaning_up_leaves_no_worker(big_log, tmp_path):
    """A pytest worker ending with os._exit, or any owner that never closes its workers: idle
    workers (waiting for ranges) and busy ones both end, with the fork server and the tracker."""
    program = (
        "import os, sys, threading, time\n"
        "from lossmon.engine import Monitor\n"
        "from lossmon.engine.scan_workers import ScanWorkers\n"
        "threading.Thread(target=time.sleep, args=(60,), daemon=True).start()  # threads: a fork server\n"
        "path = sys.argv[1]\n"
        "monitor = Monitor(path)\n"
        "monitor.use_scan_workers(ScanWorkers(path, os.path.getsize(path), 2))\n"
        "with open(path, 'rb') as f:\n"
        "    monitor.feed(f.read(4 << 20))  # templates learned: ranges handed out\n"
        "assert monitor.scan_workers.start_method == 'forkserver'\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n"
    )
    owner = subprocess.Popen([sys.executable, "-c", program, str(big_log)], cwd=tmp_path, env=_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        assert owner.stdout.readline() == b"ready\n"
        assert scan_workers(owner.pid, owner.pid)
        assert any("multiprocessing.forkserver" in proc.cmdline for proc in session_processes(owner.pid))
        os.kill(owner.pid, signal.SIGKILL)  # as os._exit: nothing of the owner's runs
        owner.wait(timeout=60)
        assert_session_ends(owner.pid)
    finally:
        owner.kill()
        owner.stdout.close()
        kill_session(owner.pid)


def _app(log: Path, tmp_path: Path) -> AttachedTerminal:
    """The app in a terminal, under a shell that outlives it (as in a tmux pane or an SSH
    session: the app is not the session's leader, so its death hangs nobody up)."""
    command = f"{sys.executable} -m lossmon {log}; echo lossmon exited with status $?; exec sleep 600"
    env = {"PYTHONPATH": str(REPO), "LOSSMON_SCAN_WORKERS": str(WORKERS), "XDG_STATE_HOME": str(tmp_path / "state")}
    return AttachedTerminal(["sh", "-c", command], 100, 30, env=env)


@pytest.mark.parametrize("how", ["q", "SIGTERM", "SIGKILL"])
def test_the_app_quit_or_killed_mid_history_leaves_no_worker(how, big_log, tmp_path):
    terminal = _app(big_log, tmp_path)
    shell = terminal.pid
    try:
        def app_pid() -> int | None:
            children = [proc.pid for proc in session_processes(shell) if proc.ppid == shell and "lossmon" in proc.cmdline]
            return children[0] if children else None

        until(lambda: app_pid() is not None, "the app", timeout=60)
        app = app_pid()
        wait_for_workers(shell, app, WORKERS)
        if how == "q":
            terminal.send(b"q")
        else:
            os.kill(app, getattr(signal, how))
        terminal.wait_for(b"lossmon exited with status", 0, timeout=60)
        assert_session_ends(shell, keep=lambda proc: proc.pid == shell)
    finally:
        terminal.close()
        kill_session(shell)


def test_the_app_hung_up_mid_history_ends_and_leaves_no_worker(big_log, tmp_path):
    """A terminal window closed or an SSH session dropped: tmux kill-server takes the pane's
    terminal away (SIGHUP, and every write to the terminal fails from then on). The app ends,
    and no scan worker or fork server outlives it (once, apps were seen running on for half an
    hour after it)."""
    env = {"PYTHONPATH": str(REPO), "LOSSMON_SCAN_WORKERS": str(WORKERS), "XDG_STATE_HOME": str(tmp_path / "state")}
    screen = TmuxScreen([str(big_log)], 100, 30, env=env)
    session = screen.pid  # the pane's process leads its session
    try:
        def app_pid() -> int | None:
            apps = [proc.pid for proc in session_processes(session) if "lossmon" in proc.cmdline and str(big_log) in proc.cmdline
                    and not any(worker.pid == proc.pid for worker in scan_workers(session, proc.ppid))]
            return min(apps) if apps else None

        until(lambda: app_pid() is not None, "the app", timeout=60)
        wait_for_workers(session, app_pid(), WORKERS)
        subprocess.run(["tmux", "-L", screen.socket, "kill-server"], capture_output=True, timeout=10)
        assert_session_ends(session)
    finally:
        screen.close()
        kill_session(session)
