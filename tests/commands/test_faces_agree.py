"""`lossmon check`, `lossmon watch --jsonl` and the app read the same records and raise the same
findings, on every demo log and every real log (issue 16: one way through the engine).

Each face runs as a user runs it: check through check_file (what `lossmon check` reads with),
watch as a process following copies of the logs, the app headless (Pilot) on its follower, both
following the copies and replaying the logs (--replay: the same follower, on a clock the test
moves). The findings compared are both those the monitors hold and those the updates carried to
the face (what its alerts were given). A
followed file's unterminated last line is held until the file is known to be finished (issue 19:
a partial line is never a record): where a log ends without a newline, its writer finishes the
line (appends the newline) once the face follows it, and check reads the original bytes.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lossmon.engine import check_file
from lossmon.engine.findings import step_for_json
from tests.conftest import ManualClock, until
from tests.app.conftest import handled_all_read, make_app, tick_dir  # noqa: F401 - tick_dir: the app writes its ticks there

REPO = Path(__file__).resolve().parents[2]
DEADLINE = 120.0  # seconds, for a loaded machine; the faces take a few


def every_log(demo_logs: Path, real_logs: Path) -> list[Path]:
    demos = sorted(p for p in demo_logs.iterdir() if p.is_file())
    reals = sorted(p for p in real_logs.iterdir() if p.suffix != ".md")
    assert len(demos) == 8 and len(reals) >= 6
    return demos + reals


@pytest.fixture(scope="module")
def logs(tmp_path_factory, demo_logs, real_logs):
    """Each log and what check reads in it: {copy's path: (records by series, findings)}."""
    directory = tmp_path_factory.mktemp("faces")
    expected = {}
    for log in every_log(demo_logs, real_logs):
        monitor = check_file(str(log))
        copy = directory / log.name
        expected[str(copy)] = (series_of(monitor), findings_of(monitor.findings), log)
    return directory, expected


def value(x: float):
    return x if math.isfinite(x) else None  # as JSON carries it


def series_of(monitor) -> dict:
    """series name → [(line, step, value)], as check's store holds them."""
    return {
        s.name: [(int(line), step_for_json(step), value(v)) for line, step, v in zip(s.lines, s.steps, s.values)]
        for s in monitor.store
    }


def findings_of(findings) -> list:
    return [(f.pathology, f.severity, f.series, step_for_json(f.step), f.line, f.message) for f in findings]


def fresh_copies(directory: Path, expected: dict, name: str) -> dict[str, tuple]:
    """Copies of the logs, in a directory of their own, each without its unterminated last line's
    newline as the original; {copy: (records, findings, original)}."""
    target = directory / name
    target.mkdir()
    copies = {}
    for path, (records, findings, original) in expected.items():
        copy = target / Path(path).name
        shutil.copyfile(original, copy)
        copies[str(copy)] = (records, findings, original)
    return copies


def finish_last_lines(paths) -> None:
    """The writer ends its last line (the logs that end without a newline)."""
    for path in paths:
        if not Path(path).read_bytes().endswith(b"\n"):
            with open(path, "ab") as f:
                f.write(b"\n")


def total_records(series: dict) -> int:
    return len({line for points in series.values() for line, _, _ in points})


def test_watch_jsonl_gives_checks_records_and_findings(logs):
    directory, expected = logs
    copies = fresh_copies(directory, expected, "watch")
    watch = subprocess.Popen(
        [sys.executable, "-m", "lossmon", "watch", "--jsonl", *copies],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    series: dict[str, dict] = {path: {} for path in copies}
    findings: dict[str, list] = {path: [] for path in copies}
    lines: dict[str, set] = {path: set() for path in copies}
    wanted = {path: total_records(records) for path, (records, _, _) in copies.items()}
    finished = False

    def read_all() -> bool:
        """One line of watch's output; True once every copy's records are in (or it ended)."""
        nonlocal finished
        if all(len(lines[p]) >= wanted[p] for p in copies):
            return True
        text = watch.stdout.readline()
        if not text:
            return True  # (what is missing, the comparison below says)
        event = json.loads(text)
        if "finding" in event:
            f = event["finding"]
            findings[f["path"]].append((f["pathology"], f["severity"], f["series"], f["step"], f["line"], f["message"]))
            return False
        path = event["path"]
        lines[path].add(event["line"])
        for name, x in event["metrics"].items():
            series[path].setdefault(name, []).append((event["line"], event["step"], x))
        if not finished:  # the watch follows every copy by now: the writers end their lines
            finished = True
            finish_last_lines(copies)
        return False

    try:
        until(read_all, lambda: f"watch's records of every copy: {sum(map(len, lines.values()))} of {sum(wanted.values())}",
              timeout=DEADLINE, poll=0)
    finally:
        # The findings of the last records' update were written with them: what is left of the
        # output is read to its end once watch stops (through the same buffered reader).
        watch.send_signal(signal.SIGINT)
        rest = watch.stdout.read()
        watch.wait(timeout=30)
    for text in rest.decode().splitlines():
        if '"finding"' in text:
            f = json.loads(text)["finding"]
            findings[f["path"]].append((f["pathology"], f["severity"], f["series"], f["step"], f["line"], f["message"]))
    for path, (records, check_findings, original) in copies.items():
        assert series[path] == records, f"watch read other records than check in {original.name}"
        assert findings[path] == check_findings, f"watch raised other findings than check in {original.name}"


async def test_the_app_gives_checks_records_and_findings(logs, tick_dir):
    directory, expected = logs
    copies = fresh_copies(directory, expected, "app")
    app = make_app(*copies)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(lambda: len(app.reader.logs) == len(copies), "every copy opened", timeout=DEADLINE, pilot=pilot)
        finish_last_lines(copies)
        wanted = {path: total_records(records) for path, (records, _, _) in copies.items()}
        logs_by_path = {log.path: log for log in app.reader.logs}

        def read_all() -> bool:
            return all(logs_by_path[p].monitor.records >= wanted[p] and not logs_by_path[p].loading for p in copies)

        await until(read_all, "every record read", timeout=DEADLINE, pilot=pilot)
        await handled_all_read(app, pilot, *copies)  # every byte, and all it caused, not just the records
        for path, (records, check_findings, original) in copies.items():
            log = logs_by_path[path]
            with log.lock:
                assert series_of(log.monitor) == records, f"the app read other records than check in {original.name}"
                assert findings_of(log.monitor.findings) == check_findings, (
                    f"the app raised other findings than check in {original.name}"
                )
            assert findings_of(app.reader.handed.get(path, [])) == check_findings, (
                f"the app was handed other findings than check raised in {original.name}"
            )


async def test_the_app_replaying_gives_checks_records_and_findings(logs, tick_dir):
    """--replay: every log played back, one after the other, on the follower; the clock moves a
    second at each reading, so each poll hands over a block of whole lines, as fast as it goes."""
    _, expected = logs
    originals = {str(original): (records, findings) for records, findings, original in expected.values()}
    app = make_app(*originals, replay_speed=100_000, pace=ManualClock(step=1.0))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(
            lambda: len(app.reader.logs) == len(originals) and all(log.finished for log in app.reader.logs),
            lambda: f"every replay to end: {sum(log.finished for log in app.reader.logs)} of {len(originals)}",
            timeout=DEADLINE, pilot=pilot,
        )
        await handled_all_read(app, pilot, *originals)
        for log in app.reader.logs:
            records, check_findings = originals[log.path]
            name = Path(log.path).name
            with log.lock:
                assert series_of(log.monitor) == records, f"the replay read other records than check in {name}"
                assert findings_of(log.monitor.findings) == check_findings, f"the replay raised other findings than check in {name}"
            assert findings_of(app.reader.handed.get(log.path, [])) == check_findings, (
                f"the replay handed other findings than check raised in {name}"
            )
