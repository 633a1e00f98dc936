"""`lossmon watch` as a user runs it: a separate process, stopped by a signal."""

import json
import os
import signal
import subprocess
import sys

import pytest

from tests.conftest import until

DEADLINE = 30.0


def nano(step, loss):
    return f"iter {step}: loss {loss}, time 10.00ms, mfu 1.00%\n"


def start_watch(*args, stdin=subprocess.DEVNULL):
    return subprocess.Popen(
        [sys.executable, "-m", "lossmon", "watch", *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_lines(process, count):
    lines = []

    def read_enough() -> bool:
        if len(lines) < count:
            line = process.stdout.readline()
            assert line, f"output ended early after {lines}; stderr: {process.stderr.read()}"
            lines.append(line)
        return len(lines) >= count

    until(read_enough, lambda: f"{count} lines of output; read {lines}", timeout=DEADLINE, poll=0)
    return lines


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_jsonl_records_and_findings_then_exit_0_on_a_signal(tmp_path, sig):
    log = tmp_path / "train.log"
    log.write_text(nano(0, 2.5) + nano(1, 2.4))
    process = start_watch("--jsonl", str(log))
    try:
        first = [json.loads(line) for line in read_lines(process, 2)]
        assert first == [
            {"path": str(log), "line": 1, "step": 0, "metrics": {"loss": 2.5, "mfu": 1.0}},
            {"path": str(log), "line": 2, "step": 1, "metrics": {"loss": 2.4, "mfu": 1.0}},
        ]
        with open(log, "a") as f:
            f.write("iter 2: loss nan, time 10.00ms, mfu 1.00%\n")
        record, finding = (json.loads(line) for line in read_lines(process, 2))
        assert record == {"path": str(log), "line": 3, "step": 2, "metrics": {"loss": None, "mfu": 1.0}}
        assert finding["finding"]["pathology"] == "nan_or_inf" and finding["finding"]["path"] == str(log)
        assert finding["finding"]["step"] == 2 and finding["finding"]["line"] == 3
        process.send_signal(sig)
        out, err = process.communicate(timeout=DEADLINE)
    finally:
        process.kill()
    assert process.returncode == 0
    assert all(json.loads(line) for line in out.splitlines())  # nothing half-written
    assert f"{log}: following" in err  # file events go to stderr, stdout stays JSON


def test_text_output_has_a_line_per_file_event_and_per_finding(tmp_path):
    log = tmp_path / "train.log"
    process = start_watch(str(log))
    try:
        assert read_lines(process, 1) == [f"{log}: does not exist yet; waiting for it\n"]
        log.write_text(nano(0, 2.5) + "iter 1: loss inf, time 10.00ms, mfu 1.00%\n")
        opened, finding = read_lines(process, 2)
        assert opened == f"{log}: appeared; following it\n"
        assert finding.startswith(f"{log}: ALERT nan_or_inf in loss at step 1 (line 2): ")
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=DEADLINE)
    finally:
        process.kill()
    assert process.returncode == 0


def test_stdin_is_followed_to_its_end(tmp_path):
    process = start_watch("--jsonl", "-", stdin=subprocess.PIPE)
    out, err = process.communicate(nano(0, 2.5) + "iter 1: loss 2.25, time 10.00ms", timeout=DEADLINE)
    assert process.returncode == 0
    assert [json.loads(line)["metrics"]["loss"] for line in out.splitlines()] == [2.5, 2.25]
    assert err.splitlines() == ["-: reading standard input", "-: end of input"]


def test_a_bad_path_is_one_line_and_exit_2(tmp_path):
    gone = str(tmp_path / "old.log.gz")  # a compressed log is read once, never waited for
    result = subprocess.run([sys.executable, "-m", "lossmon", "watch", gone], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "lossmon", "watch", "--poll", "-1", str(tmp_path / "x.log")], capture_output=True, text=True
    )
    assert result.returncode == 2 and "--poll" in result.stderr


def test_a_closed_reader_ends_the_watch_quietly(tmp_path):
    log = tmp_path / "train.log"
    log.write_text("".join(nano(i, 2.0) for i in range(20_000)))
    process = start_watch("--jsonl", str(log))
    process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    with open(log, "a") as f:
        f.write(nano(20_000, 1.0))
    try:
        assert process.wait(timeout=DEADLINE) == 0
    finally:
        process.kill()
    assert "Traceback" not in process.stderr.read()
