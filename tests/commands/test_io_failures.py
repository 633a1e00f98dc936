"""Exit codes mean one thing each (0 ok, 1 alert, 2 usage or input error), and an I/O failure,
of an input or of our own output, is one line on stderr, never a traceback."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import random
import signal
import subprocess
import sys
import threading

import pytest

from tests.commands.test_watch import read_lines, start_watch

TIMEOUT = 60


def nano_log(steps: int, nan_at: int | None = None) -> bytes:
    return "".join(
        f"iter {i}: loss {'nan' if i == nan_at else round(3.0 * 0.999**i, 4)}, time 10.00ms, mfu 1.00%\n"
        for i in range(steps)
    ).encode()


def run(args, *, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, env=None, shell_redirect=""):
    """lossmon with ``args``; ``shell_redirect`` (e.g. ``>&-``) is applied by a shell."""
    command = [sys.executable, "-m", "lossmon", *map(str, args)]
    if shell_redirect:
        command = ["sh", "-c", 'exec "$@" ' + shell_redirect, "sh", *command]
    return subprocess.run(command, stdout=stdout, stdin=stdin, stderr=subprocess.PIPE, env=env, timeout=TIMEOUT)


def one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    lines = text.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.log"
    path.write_bytes(nano_log(50))
    return path


OUTPUT_COMMANDS = [
    ["check", "{log}"],
    ["check", "--json", "{log}"],
    ["check", "--markdown", "{log}"],
    ["export", "{log}", "--csv", "-"],
    ["formats"],
]


@pytest.mark.parametrize("args", [*OUTPUT_COMMANDS, ["--help"], ["--version"], ["check", "--help"]], ids=lambda a: " ".join(a))
def test_a_full_stdout_is_exit_2_and_one_line(good, args):
    with open("/dev/full", "wb") as full:
        result = run([a.format(log=good) for a in args], stdout=full)
    assert result.returncode == 2
    assert "cannot write standard output (No space left on device)" in one_line(result.stderr)


@pytest.mark.parametrize(
    "args, says",
    [
        (["check", "{log}"], "standard output is closed"),
        (["check", "--json", "{log}"], "standard output is closed"),
        (["export", "{log}", "--csv", "-"], "standard output is closed"),
        (["{log}"], "the app needs a terminal"),
        (["demo"], "needs a terminal"),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else "",
)
def test_a_closed_stdout_is_exit_2_and_one_line(good, args, says):
    result = run([a.format(log=good) for a in args], stdout=None, shell_redirect=">&-")
    assert result.returncode == 2
    assert says in one_line(result.stderr)


def test_a_stderr_that_cannot_be_written_changes_no_exit_status(tmp_path, good):
    with open("/dev/full", "wb") as full:
        missing = subprocess.run([sys.executable, "-m", "lossmon", "check", tmp_path / "missing.log"], stderr=full, timeout=TIMEOUT)
        fine = subprocess.run([sys.executable, "-m", "lossmon", "check", good], stderr=full, stdout=subprocess.DEVNULL, timeout=TIMEOUT)
    assert (missing.returncode, fine.returncode) == (2, 0)


def test_a_full_csv_file_is_exit_2_and_one_line(good):
    result = run(["export", good, "--csv", "/dev/full"])
    assert result.returncode == 2
    assert "cannot write /dev/full" in one_line(result.stderr)


def test_watch_with_a_full_stdout_stops_with_exit_2(good):
    with open("/dev/full", "wb") as full, open(good, "rb") as stdin:
        result = run(["watch", "-"], stdout=full, stdin=stdin)
    assert result.returncode == 2
    assert "cannot write standard output" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_a_closed_stdin_is_exit_2_and_one_line():
    result = run(["check", "-"], stdin=None, shell_redirect="<&-")
    assert result.returncode == 2
    assert one_line(result.stderr) == "lossmon: -: standard input is closed"


def test_an_alert_is_still_exit_1_and_ok_is_0(tmp_path, good):
    bad = tmp_path / "nan.log"
    bad.write_bytes(nano_log(50, nan_at=30))
    assert run(["check", good]).returncode == 0
    assert run(["check", bad]).returncode == 1


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_non_utf8_file_names_never_break_the_output(tmp_path, encoding):
    rng = random.Random(encoding)
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for _ in range(1):
        junk = bytes(rng.choice([0xFF, 0xFE, 0xC3, 0x80, 0xE2, 0xED, 0xA0]) for _ in range(3))
        name = os.fsencode(tmp_path) + b"/run-" + junk + b".log"
        with open(name, "wb") as f:
            f.write(nano_log(30))
        for args in (["check"], ["check", "--markdown"], ["check", "--json"]):
            result = run([*args, os.fsdecode(name)], env=env)
            assert result.returncode == 0, result.stderr
            assert b"Traceback" not in result.stderr
        if "--json" in args:
            assert json.loads(result.stdout)["files"][0]["records"] == 30
        missing = run(["check", os.fsdecode(name + b".missing")], env=env)
        assert missing.returncode == 2 and "no such file" in one_line(missing.stderr)


def corrupt_archives(tmp_path):
    """Archives damaged in the ways disks and transfers damage them, each beside a good log."""
    data = nano_log(3000)
    rng = random.Random(7)
    made = []

    def damaged(name, packed, start):
        packed = bytearray(packed)
        for k in range(start, min(start + 16, len(packed))):
            packed[k] ^= rng.randrange(1, 256)
        path = tmp_path / name
        path.write_bytes(bytes(packed))
        made.append(path)

    gz = gzip.compress(data)
    damaged("deflate.log.gz", gz, 40)  # zlib.error in the compressed stream
    damaged("crc.log.gz", gz, len(gz) - 8)  # a wrong checksum at the end
    (tmp_path / "cut.log.gz").write_bytes(gz[: len(gz) // 2])  # a transfer cut short
    made.append(tmp_path / "cut.log.gz")
    damaged("block.log.bz2", bz2.compress(data), 60)
    damaged("stream.log.xz", lzma.compress(data), 80)
    return made


def test_a_corrupt_archive_is_one_line_and_the_good_log_is_still_reported(tmp_path, good):
    for bad in corrupt_archives(tmp_path):
        result = run(["check", "--json", good, bad])
        assert result.returncode == 2, bad.name
        assert one_line(result.stderr).startswith(f"lossmon: {bad}: read failed")
        (report,) = json.loads(result.stdout)["files"]
        assert report["path"] == str(good) and report["records"] == 50
        export = run(["export", bad, "--csv", "-"])
        assert export.returncode == 2 and one_line(export.stderr).startswith(f"lossmon: {bad}: read failed")


def test_the_text_report_of_a_good_log_beside_a_corrupt_archive(tmp_path, good):
    bad = corrupt_archives(tmp_path)[0]
    text = run(["check", bad, good])
    assert text.returncode == 2 and str(good) in text.stdout.decode() and "verdict" in text.stdout.decode()
    assert one_line(text.stderr).startswith(f"lossmon: {bad}: read failed")


def test_watch_reports_a_corrupt_archive_follows_the_good_log_and_exits_2(tmp_path, good):
    bad = corrupt_archives(tmp_path)[0]
    process = start_watch("--jsonl", str(good), str(bad))
    guard = threading.Timer(TIMEOUT, process.kill)  # a missing line must not hang the test
    guard.start()
    try:
        records = [json.loads(line) for line in read_lines(process, 50)]
        assert {r["path"] for r in records} == {str(good)}
        stderr = stop_once_said(process, "read failed")
    finally:
        guard.cancel()
        process.kill()
    assert process.returncode == 2
    assert f"{bad}: read failed" in stderr and "Traceback" not in stderr


def stop_once_said(process, text: str) -> str:
    """Read the stderr of a running ``watch`` until a line holds ``text`` (the error is out), then
    stop it with SIGTERM: all it wrote on stderr."""
    said = []
    while not any(text in line for line in said):
        said.append(process.stderr.readline())
        assert said[-1], f"stderr ended early: {said}"
    process.send_signal(signal.SIGTERM)
    _, rest = process.communicate(timeout=TIMEOUT)
    return "".join(said) + rest


def good_archives(directory):
    """The good log's bytes under each compression check reads, beside it in ``directory``."""
    data = nano_log(50)
    made = []
    for name, compress in (("ok.log.gz", gzip.compress), ("ok.log.bz2", bz2.compress), ("ok.log.xz", lzma.compress)):
        (directory / name).write_bytes(compress(data))
        made.append(directory / name)
    return made


def test_check_on_a_directory_reads_its_archives_and_says_each_corrupt_one_in_a_line(tmp_path, good):
    """A directory holds what a path could name: its compressed logs are read (a corrupt one was
    skipped unseen and the command exited 0), each damaged one is one line, the rest reported."""
    bad = corrupt_archives(tmp_path)
    fine = good_archives(tmp_path)
    result = run(["check", "--json", tmp_path])
    assert result.returncode == 2
    said = result.stderr.decode().splitlines()
    assert "Traceback" not in result.stderr.decode()
    assert len(said) == len(bad), said
    for path in bad:
        assert sum(line.startswith(f"lossmon: {path}: read failed") for line in said) == 1, (path, said)
    reports = {report["path"]: report["records"] for report in json.loads(result.stdout)["files"]}
    assert reports == {str(path): 50 for path in [good, *fine]}
    text = run(["check", tmp_path])
    assert text.returncode == 2 and text.stdout.decode().count("verdict") == 4
    assert len(text.stderr.decode().splitlines()) == len(bad)


def test_watch_on_a_directory_follows_its_archives_and_says_a_corrupt_one(tmp_path, good):
    runs = tmp_path / "runs"
    runs.mkdir()
    good = good.rename(runs / good.name)
    bad = corrupt_archives(tmp_path)[0].rename(runs / "bad.log.gz")  # damaged early: it yields no record
    fine = good_archives(runs)
    process = start_watch("--jsonl", str(runs))
    guard = threading.Timer(TIMEOUT, process.kill)
    guard.start()
    try:
        records = [json.loads(line) for line in read_lines(process, 200)]
        assert {r["path"] for r in records} == {str(path) for path in [good, *fine]}
        stderr = stop_once_said(process, f"{bad}: read failed")
    finally:
        guard.cancel()
        process.kill()
    assert process.returncode == 2
    assert "Traceback" not in stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", [["check"], ["export", "--csv", "-"]], ids=["check", "export"])
def test_a_character_device_is_refused(device, command):
    args = [command[0], device, *command[1:]]
    result = run(args)
    assert result.returncode == 2
    assert one_line(result.stderr) == f"lossmon: {device}: is a device, not a log file"
    assert result.stdout == b""


def test_dev_null_is_empty_input_not_a_device():
    with open(os.devnull, "rb") as stdin:
        result = run(["check", "--json", "-"], stdin=stdin)
    assert result.returncode == 0 and json.loads(result.stdout)["files"][0]["records"] == 0


def test_a_fifo_and_a_process_substitution_are_read_to_their_end(tmp_path, good):
    fifo = tmp_path / "metrics.fifo"
    os.mkfifo(fifo)
    data = nano_log(2000)

    def writer():
        with open(fifo, "wb") as f:
            for k in range(0, len(data), 4096):
                f.write(data[k : k + 4096])

    thread = threading.Thread(target=writer)
    thread.start()
    result = run(["check", "--json", fifo])
    thread.join(TIMEOUT)
    assert result.returncode == 0 and json.loads(result.stdout)["files"][0]["records"] == 2000
    substituted = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m lossmon check --json <(cat "{good}") <(cat "{good}")'],
        capture_output=True,
        timeout=TIMEOUT,
    )
    assert substituted.returncode == 0, substituted.stderr
    assert [f["records"] for f in json.loads(substituted.stdout)["files"]] == [50, 50]


def test_lines_over_the_limit_are_counted_in_check_and_watch(tmp_path):
    from lossmon.engine.lines import MAX_LINE_BYTES

    rng = random.Random(12)
    junk = [bytes(rng.choice(b"abc{}[]:,0123456789 ") for _ in range(MAX_LINE_BYTES + rng.randrange(1, 5000))) for _ in range(3)]
    log = tmp_path / "cut.log"
    log.write_bytes(nano_log(10) + b"\n".join(junk) + b"\n" + nano_log(5))
    report = run(["check", "--json", log])
    (summary,) = json.loads(report.stdout)["files"]
    assert (report.returncode, summary["cut_lines"], summary["records"]) == (0, 3, 15)
    text = run(["check", log])
    assert "  3 lines over the 1 MiB line limit cut: the rest of each was not read" in text.stdout.decode()
    with open(log, "rb") as stdin:
        watched = run(["watch", "-"], stdin=stdin)
    assert watched.returncode == 0
    cuts = [line for line in watched.stdout.decode().splitlines() if "line limit" in line]
    assert cuts == [f"-: line {11 + k} is over the 1 MiB line limit: cut, the rest of it is not read ({k + 1} cut so far)" for k in range(3)]


def test_watch_reads_a_process_substitution_to_its_end_and_refuses_a_device(good):
    substituted = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m lossmon watch --jsonl <(cat "{good}")'],
        capture_output=True,
        timeout=TIMEOUT,
    )
    assert substituted.returncode == 0, substituted.stderr
    assert len(substituted.stdout.decode().splitlines()) == 50  # the session ends with the pipe
    device = run(["watch", "/dev/zero"])
    assert device.returncode == 2
    assert one_line(device.stderr) == "lossmon: /dev/zero: is a device, not a log file"


def test_check_of_stdin_refuses_a_terminal_instead_of_waiting_for_typing():
    import pty

    leader, follower = pty.openpty()
    try:
        result = run(["check", "-"], stdin=follower)
    finally:
        os.close(leader)
        os.close(follower)
    assert result.returncode == 2
    assert "standard input is a terminal" in one_line(result.stderr)
