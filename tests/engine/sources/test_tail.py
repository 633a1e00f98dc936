import os

import pytest

from lossmon.engine.sources.tail import FINGERPRINT_BYTES, FileTail
from tests.engine.recording_sink import Recorder


def drain(tail, sink, budget=1 << 20):
    """Poll until the tail has nothing more right now."""
    for _ in range(1000):
        if not tail.poll(sink, budget):
            return
    raise AssertionError("the tail never caught up")


def data_of(log):
    return b"".join(entry[1] for entry in log if entry[0] == "data")


LINE = b"iter 1: loss 2.3456, time 10.00ms, mfu 1.00%\n"


@pytest.fixture
def log_path(tmp_path):
    return str(tmp_path / "train.log")


def test_reads_history_then_only_the_appended_bytes(log_path):
    with open(log_path, "wb") as f:
        f.write(LINE * 3)
    tail, sink = FileTail(log_path), Recorder()
    drain(tail, sink)
    log = sink.take()
    assert log[0] == ("event", "opened") and data_of(log) == LINE * 3
    with open(log_path, "ab") as f:
        f.write(b"iter 2: loss 2.1, time 9.00ms\n")
    drain(tail, sink)
    assert sink.take() == [("data", b"iter 2: loss 2.1, time 9.00ms\n")]
    drain(tail, sink)
    assert sink.take() == []  # nothing new: nothing reported


def test_waits_for_a_missing_path_once_then_follows_it(log_path):
    tail, sink = FileTail(log_path), Recorder()
    drain(tail, sink)
    drain(tail, sink)
    assert sink.take() == [("event", "waiting")]
    with open(log_path, "wb") as f:
        f.write(LINE)
    drain(tail, sink)
    assert sink.take() == [("event", "opened"), ("data", LINE)]


def test_truncation_below_the_offset_restarts_from_zero(log_path):
    with open(log_path, "wb") as f:
        f.write(LINE * 10)
    tail, sink = FileTail(log_path), Recorder()
    drain(tail, sink)
    sink.take()
    with open(log_path, "r+b") as f:
        f.truncate(0)
        f.write(b"iter 0: loss 9.9, time 1.00ms\n")
    drain(tail, sink)
    assert sink.take() == [("event", "truncated"), ("restart",), ("data", b"iter 0: loss 9.9, time 1.00ms\n")]


def test_a_file_rewritten_longer_is_read_again_from_its_start(log_path):
    """trainer_state.json is rewritten whole: by the time it is looked at it may be longer."""
    with open(log_path, "wb") as f:
        f.write(b"{\n" + b'  "epoch": 1.0,\n' * 20 + b"}\n")
    tail, sink = FileTail(log_path), Recorder()
    drain(tail, sink)
    sink.take()
    rewritten = b"{\n" + b'  "epoch": 2.0,\n' * 40 + b"}\n"
    with open(log_path, "wb") as f:
        f.write(rewritten)
    drain(tail, sink)
    log = sink.take()
    assert log[:2] == [("event", "truncated"), ("restart",)]
    assert data_of(log) == rewritten


def test_a_rewrite_with_the_same_first_bytes_is_seen_by_the_bytes_before_the_offset(log_path):
    head = b"x" * (2 * FINGERPRINT_BYTES) + b"\n"
    with open(log_path, "wb") as f:
        f.write(head + b"old line one\nold line two\n")
    tail, sink = FileTail(log_path), Recorder()
    drain(tail, sink)
    sink.take()
    with open(log_path, "wb") as f:
        f.write(head + b"new line one, longer\nnew line two, longer\n")
    drain(tail, sink)
    log = sink.take()
    assert log[:2] == [("event", "truncated"), ("restart",)]
    assert data_of(log).endswith(b"new line two, longer\n")


def test_rotation_drains_the_old_file_then_follows_the_new_one(log_path):
    with open(log_path, "wb") as f:
        f.write(LINE)
    tail, sink = FileTail(log_path), Recorder()
    drain(tail, sink)
    sink.take()
    with open(log_path, "ab") as f:
        f.write(b"last line of the old file\n")
    os.rename(log_path, log_path + ".1")
    with open(log_path, "wb") as f:
        f.write(b"first line of the new file\n")
    drain(tail, sink)
    assert sink.take() == [
        ("data", b"last line of the old file\n"),
        ("end",),
        ("event", "rotated"),
        ("restart",),
        ("data", b"first line of the new file\n"),
    ]


def test_a_file_moved_away_is_still_read_until_a_new_one_appears(log_path):
    with open(log_path, "wb") as f:
        f.write(LINE)
    tail, sink = FileTail(log_path), Recorder()
    drain(tail, sink)
    sink.take()
    os.rename(log_path, log_path + ".1")
    drain(tail, sink)
    assert sink.take() == [("event", "moved")]
    with open(log_path + ".1", "ab") as f:  # the writer still holds the renamed file
        f.write(b"written after the rename\n")
    drain(tail, sink)
    assert sink.take() == [("data", b"written after the rename\n")]
    with open(log_path, "wb") as f:
        f.write(LINE)
    drain(tail, sink)
    assert sink.take() == [("end",), ("event", "rotated"), ("restart",), ("data", LINE)]


def test_a_deleted_file_is_reported_once_and_followed_again_when_recreated(log_path):
    with open(log_path, "wb") as f:
        f.write(LINE)
    tail, sink = FileTail(log_path), Recorder()
    drain(tail, sink)
    sink.take()
    os.unlink(log_path)
    drain(tail, sink)
    drain(tail, sink)
    assert sink.take() == [("event", "deleted")]
    with open(log_path, "wb") as f:
        f.write(b"iter 0: loss 5.0, time 1.00ms\n")
    drain(tail, sink)
    assert sink.take() == [("end",), ("event", "recreated"), ("restart",), ("data", b"iter 0: loss 5.0, time 1.00ms\n")]


def test_the_hole_left_by_copytruncate_under_a_writer_without_append_is_skipped(log_path):
    writer = os.open(log_path, os.O_WRONLY | os.O_CREAT, 0o644)  # no O_APPEND: keeps its offset
    try:
        os.write(writer, LINE * 100)
        tail, sink = FileTail(log_path), Recorder()
        drain(tail, sink)
        sink.take()
        os.truncate(log_path, 0)  # logrotate copytruncate
        os.write(writer, b"iter 2: loss 1.5, time 1.00ms\n")  # lands at the old offset, after a hole
        drain(tail, sink)
        log = sink.take()
        assert log[:2] == [("event", "truncated"), ("restart",)]
        assert data_of(log) == b"iter 2: loss 1.5, time 1.00ms\n"
    finally:
        os.close(writer)


def test_a_read_is_limited_to_its_budget_and_says_more_is_ready(log_path):
    with open(log_path, "wb") as f:
        f.write(b"y" * 1000)
    tail, sink = FileTail(log_path), Recorder()
    assert tail.poll(sink, 300) is True
    assert data_of(sink.take()) == b"y" * 300
    drain(tail, sink, 300)
    assert data_of(sink.take()) == b"y" * 700


def test_a_directory_or_fifo_at_the_path_is_one_error_not_a_hang(tmp_path):
    os.mkdir(tmp_path / "dir")
    os.mkfifo(tmp_path / "fifo")
    for name in ("dir", "fifo"):
        tail, sink = FileTail(str(tmp_path / name)), Recorder()
        drain(tail, sink)
        drain(tail, sink)
        assert sink.take() == [("event", "error")]
