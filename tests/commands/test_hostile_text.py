"""Hostile names and paths through every output that shows them: check's text and markdown
reports, watch's lines, its --jsonl output and events, CSV export, desktop notifications, the
hook environment, the app's header. Nothing reaches a terminal raw: no control character (but the
newlines between lines), no bidi control, no invisible format character."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lossmon.app.notify import desktop_sequences, notification_text
from lossmon.commands.watch import jsonl_lines, text_lines
from lossmon.engine.alerts import hook_environment
from lossmon.engine.monitor import Monitor
from lossmon.engine.updates import FileEvent, FollowUpdate
from lossmon.report import markdown_report, text_report
from tests.engine.test_safe_text import hidden, hostile

PWNED = "r\x1b]0;pwned\x07\x1b[2J"  # sets the terminal's title, then clears the screen


def monitor_of(path: str, names: list[str]) -> Monitor:
    """A monitor over a JSON-lines log whose losses carry hostile names and end in NaN (a finding
    whose message repeats the name)."""
    monitor = Monitor(path)
    lines = []
    for step in range(1, 31):
        value = 2.0 - step / 100 if step < 25 else float("nan")
        # A plain "loss" too, so that a finding exists whatever the names read as (an "lr" in one).
        lines.append(json.dumps({"step": step, "loss": value, **{"loss" + name: value for name in names}}))
    monitor.feed(("\n".join(lines) + "\n").encode())
    monitor.finish()
    return monitor


# --- every output -----------------------------------------------------------------------------

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=hostile, names=st.lists(hostile, min_size=1, max_size=3, unique=True))
def test_hostile_names_and_paths_through_every_output(path, names):
    path = "runs/" + path + "/train.log"
    monitor = monitor_of(path, names)
    assert monitor.findings  # the NaN: a message that names the series
    # check: text (with and without the chart) and markdown.
    for report in (text_report(monitor), text_report(monitor, plot=True), markdown_report([monitor], plot=True)):
        assert hidden(report) == [], report
    # watch: text lines, the file events (stderr with --jsonl), and JSON lines (ASCII by the encoder).
    update = FollowUpdate(path, monitor, [FileEvent(path, "rotated", f"{path}: rotated")], None, monitor.findings)
    for line in text_lines(update):
        assert hidden(line) == [] and "\n" not in line
    for line in jsonl_lines(update):
        assert line.isascii() and hidden(line) == []
        assert json.loads(line)["finding"]["path"] == path  # the JSON keeps the exact path
    # notifications, and the hook environment.
    for finding in monitor.findings:
        sequences = desktop_sequences(*notification_text(path, finding))
        # Only the framing: the bell, and ESC ] ... BEL of each of the two notifications.
        assert sequences.count("\x1b") == 2 and sequences.count("\x07") == 3
        assert [c for c in hidden(sequences) if c not in "\x1b\x07"] == []
        for value in hook_environment(path, finding).values():
            assert hidden(value) == []


@settings(max_examples=30, deadline=None)
@given(names=st.lists(hostile, min_size=1, max_size=3, unique=True))
def test_export_neutralises_formulas_and_keeps_numbers(tmp_path_factory, names):
    from argparse import Namespace

    from lossmon.commands.export import run_export

    directory = tmp_path_factory.mktemp("export")
    log, out = directory / "train.jsonl", directory / "out.csv"
    names = ["=" + name for name in names[:1]] + ["-" + name for name in names[1:]]
    lines = [json.dumps({"step": step, **{name: -1.5 * step for name in names}}) for step in range(1, 6)]
    log.write_text("\n".join(lines) + "\n")
    run_export(Namespace(path=str(log), csv=str(out), format=None, pattern=None, metric=None))
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == ["step", "series", "value"]
    for step, series, value in rows[1:]:
        assert series.startswith("'") and hidden(series) == []
        assert float(value) < 0 and value.startswith("-")  # a negative number stays a number
        assert int(step) > 0


def pwned_log(tmp_path):
    """A log in a directory named with an OSC title and a clear-screen, with a NaN at the end."""
    directory = tmp_path / PWNED
    directory.mkdir()
    lines = [f"step={s} loss={2.0 - s / 100 if s < 25 else 'nan'}" for s in range(1, 31)]
    (directory / "train.log").write_text("\n".join(lines) + "\n")
    return "r*/train.log"  # matched by a glob, as a user would type it (quoted)


def run(tmp_path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lossmon", *args], cwd=tmp_path, capture_output=True, timeout=60)


def assert_inert(result: subprocess.CompletedProcess) -> None:
    for stream in (result.stdout, result.stderr):
        text = stream.decode("utf-8")
        assert hidden(text) == [], text
    assert b"r\\x1b]0;pwned\\x07\\x1b[2J/train.log" in result.stdout + result.stderr


def test_a_hostile_directory_reaches_no_terminal_raw_in_check(tmp_path):
    pattern = pwned_log(tmp_path)
    path = str(next(tmp_path.glob(pattern)).relative_to(tmp_path))
    for args in ((), ("--markdown",), ("--plot",)):
        result = run(tmp_path, "check", *args, path)
        assert result.returncode == 1  # the NaN alert
        assert_inert(result)
    missing = run(tmp_path, "check", path + "\x1b[2J")  # the error line names the path too
    assert missing.returncode == 2 and hidden(missing.stderr.decode()) == []


def test_a_hostile_directory_matched_by_a_glob_reaches_no_terminal_raw_in_watch(tmp_path):
    pattern = pwned_log(tmp_path)
    for args in (("--exit-on", "alert"), ("--jsonl", "--exit-on", "alert")):
        result = run(tmp_path, "watch", *args, pattern)
        assert result.returncode == 1, result.stderr
        assert_inert(result)
    # --jsonl: stdout stays JSON, with the exact path (escaped by the encoder).
    paths = {json.loads(line).get("path") for line in result.stdout.decode().splitlines()}
    assert any(path.endswith(PWNED + "/train.log") for path in paths if path)
