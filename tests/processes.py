"""The processes of a session, read from /proc (Linux): what a test started in a session of its
own (``start_new_session=True``, or a pseudo-terminal) left running. A process keeps its session
when its parent dies, so a scan worker or a fork server orphaned by a killed owner is still found.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tests.conftest import until


@dataclass(frozen=True)
class Proc:
    pid: int
    ppid: int
    state: str
    cmdline: str


def session_processes(sid: int) -> list[Proc]:
    """The live processes of session ``sid`` (zombies, already dead, left out)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{name}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:  # it ended meanwhile
            continue
        if int(fields[3]) == sid and fields[0] not in ("Z", "X"):
            found.append(Proc(int(name), int(fields[1]), fields[0], cmdline))
    return found


def scan_workers(sid: int, owner: int) -> list[Proc]:
    """Scan workers of ``owner`` in the session: forked from it (they keep its command line) or
    from its fork server."""
    processes = session_processes(sid)
    by_pid = {proc.pid: proc for proc in processes}
    owner_proc = by_pid.get(owner)
    workers = []
    for proc in processes:
        parent = by_pid.get(proc.ppid)
        if parent is None or proc.pid == owner:
            continue
        forked = owner_proc is not None and proc.ppid == owner and proc.cmdline == owner_proc.cmdline
        if forked or "multiprocessing.forkserver" in parent.cmdline:
            workers.append(proc)
    return workers


def kill_session(sid: int) -> list[Proc]:
    """SIGKILL whatever is left in the session (a test's cleanup); what was left."""
    left = session_processes(sid)
    for proc in left:
        try:
            os.kill(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return left


def wait_for_workers(sid: int, owner: int, count: int, timeout: float = 60.0) -> None:
    until(lambda: len(scan_workers(sid, owner)) >= count,
          lambda: f"{count} scan workers; the session: {session_processes(sid)}", timeout=timeout)


def assert_session_ends(sid: int, timeout: float = 30.0, keep=lambda proc: False) -> None:
    """Every process of the session ends (but those ``keep`` names: the pane's shell); else they
    are killed and the test fails, naming them."""
    try:
        until(lambda: not [p for p in session_processes(sid) if not keep(p)],
              lambda: f"the session to end; left: {session_processes(sid)}", timeout=timeout)
    finally:
        left = [p for p in session_processes(sid) if not keep(p)]
        for proc in left:
            try:
                os.kill(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def write_big_log(path: Path, megabytes: int) -> None:
    """A nanoGPT log of about ``megabytes`` MB (scan workers start from 16 MB), its loss falling
    with noise; written a block of lines at a time, formatted from numpy's arrays."""
    line_bytes = 56
    total = megabytes * (1 << 20) // line_bytes
    rng = np.random.default_rng(7)
    with open(path, "w") as out:
        for first in range(0, total, 100_000):
            steps = np.arange(first, min(total, first + 100_000))
            loss = 1.5 + 1.0 / (1 + steps / 5000) + rng.uniform(0, 0.05, len(steps))
            out.write("".join(map("iter %d: loss %.4f, time 10.00ms, mfu 1.00%%\n".__mod__, zip(steps.tolist(), loss.tolist()))))


def as_from_a_terminal() -> None:
    """``preexec_fn`` for a command that a test interrupts: Ctrl+C as a shell at a terminal gives
    it (default action, not blocked). A child inherits ignored and blocked signals, and the test
    runner's process may have SIGINT ignored or blocked (a scan worker's set-up, run where it was
    forked), which would make the interrupt a no-op."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
