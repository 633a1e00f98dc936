"""Alerts from `lossmon watch` as a job script uses them: hooks and --exit-on, on a growing file."""

import json
import signal
import subprocess

import pytest

from tests.commands.test_watch import DEADLINE, nano, read_lines, start_watch
from tests.conftest import until
from tests.engine.test_alerts import _alive


def append(path, text):
    with open(path, "a") as handle:
        handle.write(text)


def test_hook_runs_once_per_new_finding_with_its_environment(tmp_path):
    """Lines piped in as a job script's output grows: when the input ends, watch waits for the
    hooks it launched before exiting, so the hooks counted then are all there will ever be."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    # written aside, then moved in: the test never reads a file the hook is still writing
    command = f'env | grep ^LOSSMON_ | sort > "{tmp_path}/env-$$" && mv "{tmp_path}/env-$$" "{hooks}/$LOSSMON_PATHOLOGY-$$"'
    process = start_watch("--jsonl", "--on-alert", command, "-", stdin=subprocess.PIPE)

    def append(text):
        process.stdin.write(text)
        process.stdin.flush()

    try:
        append("".join(nano(i, 3.0 - i * 0.01) for i in range(5)))
        read_lines(process, 5)
        append(nano(5, "nan") + nano(6, "nan"))
        read_lines(process, 3)  # two records and the finding
        until(lambda: list(hooks.iterdir()), "the hook")
        (fired,) = hooks.iterdir()
        env = dict(line.split("=", 1) for line in fired.read_text().splitlines())
        assert json.loads(env.pop("LOSSMON_JSON"))["lossmon"] == {
            "pathology": "nan_or_inf", "severity": "alert", "series": "loss", "step": 5, "line": 6,
            "file": "-", "message": "loss is nan at step 5 (line 6)",
        }
        assert env == {
            "LOSSMON_FILE": "-",
            "LOSSMON_LINE": "6",
            "LOSSMON_MESSAGE": "loss is nan at step 5 (line 6)",
            "LOSSMON_PATHOLOGY": "nan_or_inf",
            "LOSSMON_SERIES": "loss",
            "LOSSMON_SEVERITY": "alert",
            "LOSSMON_STEP": "5",
        }
        append(nano(7, "nan"))  # still NaN: the badge has not cleared, no second run
        read_lines(process, 1)
        process.communicate(timeout=DEADLINE)  # the input ends: watch waits for its hooks, then exits
    finally:
        process.kill()
    assert process.returncode == 0
    assert len(list(hooks.iterdir())) == 1


def test_a_hanging_hook_does_not_stall_ingestion(tmp_path):
    """The hook hangs until the test releases it, which it never does: every record read while
    it runs was read past a hook still hanging."""
    log = tmp_path / "train.log"
    log.write_text(nano(0, 2.0) + nano(1, "nan"))
    started, release = tmp_path / "started", tmp_path / "release"
    hook = f'touch "{started}"; until [ -e "{release}" ]; do sleep 0.05; done'
    process = start_watch("--jsonl", "--on-alert", hook, "--hook-timeout", "120", str(log))
    try:
        read_lines(process, 3)
        until(started.exists, "the hook to start")
        append(log, "".join(nano(i, 1.0) for i in range(2, 12)))
        records = [json.loads(line) for line in read_lines(process, 10)]
        assert [r["step"] for r in records] == list(range(2, 12))
        assert not release.exists()  # (so the hook was hanging all the while)
        process.send_signal(signal.SIGINT)  # quitting stops the hanging hook instead of waiting for it
        process.communicate(timeout=DEADLINE)
    finally:
        process.kill()
    assert process.returncode == 0


def test_exit_on_alert_exits_1_right_after_the_nan_line(tmp_path):
    log = tmp_path / "train.log"
    log.write_text("".join(nano(i, 3.0 - i * 0.01) for i in range(5)))
    process = start_watch("--jsonl", "--exit-on", "alert", str(log))
    try:
        read_lines(process, 5)
        append(log, nano(5, "nan"))
        out, err = process.communicate(timeout=DEADLINE)
    finally:
        process.kill()
    assert process.returncode == 1
    last = [json.loads(line) for line in out.splitlines()]
    assert last[0]["step"] == 5 and last[1]["finding"]["pathology"] == "nan_or_inf"


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM, signal.SIGQUIT, signal.SIGINT])
def test_a_signal_to_watch_stops_its_running_hooks(tmp_path, sig):
    """SIGHUP (a closed terminal or SSH session) used to kill watch and leave a hanging hook
    running without its timeout."""
    log = tmp_path / "train.log"
    log.write_text(nano(0, 2.0) + nano(1, "nan"))
    pids = tmp_path / "pids"
    pids.mkdir()
    hook = f'sleep 300 & echo $! > "{pids}/child"; echo $$ > "{pids}/shell-$$"; wait'
    process = start_watch("--jsonl", "--on-alert", hook, "--hook-timeout", "600", str(log))
    try:
        read_lines(process, 3)
        until(lambda: len(list(pids.iterdir())) == 2 and all(p.read_text() for p in pids.iterdir()), "the hook")
        running = [int(p.read_text()) for p in pids.iterdir()]
        assert all(map(_alive, running))
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=DEADLINE)
    finally:
        process.kill()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    until(lambda: not any(map(_alive, running)), "the hook to be stopped")


def test_when_every_input_ends_running_hooks_finish_first(tmp_path):
    """`cat train.log | lossmon watch - --on-alert CMD`: the input ending is no reason to kill
    the hook that posts its alert (only an interrupt is)."""
    done = tmp_path / "posted"
    log = (nano(0, 2.0) + nano(1, "nan")).encode()
    process = start_watch("--on-alert", f'sleep 1; touch "{done}"', "-", stdin=subprocess.PIPE)
    _, stderr = process.communicate(log.decode(), timeout=DEADLINE)
    assert process.returncode == 0, stderr
    assert done.exists()
