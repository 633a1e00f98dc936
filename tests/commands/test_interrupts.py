"""A Ctrl+C (SIGINT) that reaches `lossmon check` or `export` before it has ended gives exit status
130 and one line, "lossmon: interrupted", whenever it lands: while the log is read, while the
detectors run, while the report is made, written or flushed, and on the way out of the process
(its atexit functions). It used to give 0 with the whole report there, after an "Exception
ignored" traceback (issue 19).

Each window is hit deterministically: the program is lossmon itself (``main()`` as the console
script calls it), with one function wrapped to send SIGINT to its own process when first
called; no timing is involved."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import as_from_a_terminal

REPO = Path(__file__).resolve().parents[2]

PROGRAM = r'''
import atexit, contextlib, os, signal, sys

where = sys.argv.pop(1)

def interrupt():
    os.kill(os.getpid(), signal.SIGINT)  # delivered before kill() returns: a Ctrl+C right here

def on_first_call(owner, name):
    original, calls = getattr(owner, name), []
    def wrapped(*args, **kwargs):
        if not calls:
            calls.append(1)
            interrupt()
        return original(*args, **kwargs)
    setattr(owner, name, wrapped)

if where == "reading":
    from lossmon.engine.monitor import Monitor
    on_first_call(Monitor, "feed")
elif where == "detecting":
    from lossmon.engine.detectors import DETECTORS
    for detector in DETECTORS:
        on_first_call(detector, "update")
elif where == "reporting":
    import lossmon.commands.check as check
    for report in ("text_report", "json_report", "markdown_report"):
        on_first_call(check, report)
elif where == "written":  # the report written, not yet flushed
    import lossmon.commands.check as check
    writing = check.writing
    @contextlib.contextmanager
    def interrupted_writing(stream, *args):
        with writing(stream, *args):
            yield
            interrupt()
    check.writing = interrupted_writing
elif where == "flushing":
    import lossmon.cli as cli
    on_first_call(cli, "_flush_stdout")
elif where == "exiting":  # multiprocessing's and the others' atexit functions run after it
    import lossmon.cli
    atexit.register(interrupt)
elif where == "exited":  # registered first: runs after every other atexit function
    atexit.register(interrupt)
    import lossmon.cli
elif where != "nowhere":
    raise SystemExit(f"no such window: {where}")

sys.argv[0] = "lossmon"
from lossmon.cli import main
raise SystemExit(main())
'''

WINDOWS = ["reading", "detecting", "reporting", "written", "flushing", "exiting", "exited"]


@pytest.fixture(scope="module")
def log(tmp_path_factory) -> Path:
    """A nanoGPT log, healthy: `check` reports it with status 0."""
    path = tmp_path_factory.mktemp("interrupts") / "train.log"
    path.write_text("".join(f"iter {step}: loss {3.0 - step * 0.01:.4f}, time 12.50ms, mfu 30.00%\n" for step in range(200)))
    return path


def lossmon_interrupted(where: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, where, *args], capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "LOSSMON_SCAN_WORKERS": "0"},
        preexec_fn=as_from_a_terminal,
    )


def test_without_an_interrupt_the_check_ends_ok(log):
    result = lossmon_interrupted("nowhere", "check", str(log))
    assert (result.returncode, result.stderr) == (0, "")
    assert "200 lines" in result.stdout


@pytest.mark.parametrize("output", [[], ["--json"], ["--markdown"]])
@pytest.mark.parametrize("where", WINDOWS)
def test_an_interrupted_check_exits_130_with_one_line_wherever_it_lands(where, output, log):
    result = lossmon_interrupted(where, "check", *output, str(log))
    assert (result.returncode, result.stderr) == (130, "lossmon: interrupted\n")


@pytest.mark.parametrize("where", ["reading", "flushing", "exited"])
def test_an_interrupted_export_exits_130_with_one_line(where, log):
    result = lossmon_interrupted(where, "export", "--csv", "-", str(log))
    assert result.returncode == 130
    assert result.stderr.splitlines()[-1] == "lossmon: interrupted" and "Traceback" not in result.stderr
