"""How long after `q` does the shell prompt come back, when the app is quit while it still loads
a big history? (issue 19: it took 1-3.5 s.)

    .venv/bin/python -m benchmarks.app_quit [--megabytes 1000] [--after 12] [--runs 4]
        [--workers 2] [--baseline /path/to/other/checkout]

A nanoGPT log of ``--megabytes`` is written once (kept in $TMPDIR/lossmon-app-quit-N.log). The
app opens it in a tmux pane of its own (``-L lossmon-app-quit``), under a shell that writes the
time when lossmon has exited; ``--after`` seconds into loading, `q` is sent. Reported per run:
seconds from `q` to that time, the loading percentage shown, and the processes left alive in the
pane's session (scan workers, fork server: there must be none). ``--workers`` forces that many
scan workers (LOSSMON_SCAN_WORKERS; ``auto``: as the app decides by idle cores). With
``--baseline``, runs alternate between the two checkouts (the machine is shared: alternate).

Linux only (/proc); needs tmux. Timings, not tests: CI does not run this.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOCKET = "lossmon-app-quit"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False).stdout


def big_log(megabytes: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"lossmon-app-quit-{megabytes}.log"
    if not path.exists() or path.stat().st_size < megabytes * (1 << 20) * 0.9:
        sys.path.insert(0, str(REPO))
        from tests.processes import write_big_log

        write_big_log(path, megabytes)
    return path


def alive_in_session(sid: int) -> list[str]:
    """Live processes of the pane's session, but the shell's final `sleep`."""
    sys.path.insert(0, str(REPO))
    from tests.processes import session_processes

    return [f"{proc.pid} {proc.cmdline}" for proc in session_processes(sid) if not proc.cmdline.startswith("sleep")]


def one_run(tree: Path, log: Path, after: float, workers: str) -> tuple[float, str, list[str]]:
    done = Path(tempfile.mkdtemp()) / "exited"
    env = f"PYTHONPATH={tree} XDG_STATE_HOME={done.parent}/state"
    if workers != "auto":
        env += f" LOSSMON_SCAN_WORKERS={workers}"
    command = f"cd /tmp; env {env} {sys.executable} -m lossmon {log}; date +%s.%N > {done}; exec sleep 600"
    tmux("kill-server")
    tmux("new-session", "-d", "-x", "100", "-y", "30", command)
    pane = int(tmux("list-panes", "-F", "#{pane_pid}").split()[0])
    try:
        time.sleep(after)  # the app loads meanwhile
        screen = tmux("capture-pane", "-p")
        if done.exists():
            raise RuntimeError(f"lossmon exited before q:\n{screen}")
        shown = re.search(r"LOADING \d+%", screen)
        sent = time.time()
        tmux("send-keys", "q")
        deadline = sent + 60
        while not (done.exists() and done.read_text().strip()) and time.time() < deadline:
            time.sleep(0.005)
        took = float(done.read_text()) - sent if done.exists() and done.read_text().strip() else float("inf")
        time.sleep(1.0)  # what outlives the app has had time to end
        return took, shown.group(0) if shown else "(not loading)", alive_in_session(pane)
    finally:
        tmux("kill-server")
        shutil.rmtree(done.parent, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=1000)
    parser.add_argument("--after", type=float, default=12.0, help="seconds into loading before q")
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--workers", default="2", help="scan workers forced, or 'auto'")
    parser.add_argument("--baseline", type=Path, help="another checkout, run alternately")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("needs tmux")
    log = big_log(args.megabytes)
    trees = [("this", REPO)] + ([("baseline", args.baseline)] if args.baseline else [])
    results: dict[str, list[float]] = {name: [] for name, _ in trees}
    print(f"{log} ({log.stat().st_size / 1e6:.0f} MB), q after {args.after:g} s, workers {args.workers}, "
          f"load {os.getloadavg()[0]:.1f}")
    for run in range(args.runs):
        for name, tree in trees:
            took, shown, left = one_run(tree, log, args.after, args.workers)
            results[name].append(took)
            print(f"  {name:8} run {run + 1}: q -> prompt {took:.2f} s at {shown}; left alive: {left or 'none'}")
    for name, times in results.items():
        print(f"{name}: median {statistics.median(times):.2f} s, max {max(times):.2f} s over {len(times)} runs")
    print(f"load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
