"""The app's reader: the follower's logs as the app sees them, followed or replayed.

Waits poll with a deadline (never a fixed sleep), so they are quick when things work; a replay is
paced by a ManualClock the test moves."""

import gzip
import os

import pytest

from lossmon.app.reader import LogReader
from lossmon.engine import Monitor, check_file
from lossmon.engine.follower import REPLAY_TICK
from lossmon.engine.sources.replay import ReplaySource

from tests.conftest import ManualClock, until

from .conftest import trainer_lines

@pytest.fixture
def follow():
    readers = []

    def start(*paths, **options):
        reader = LogReader([str(p) for p in paths], Monitor, **options)
        notified = []
        reader.start(notified.append)
        readers.append(reader)
        return reader, notified

    yield start
    for reader in readers:
        reader.stop()


def found(monitor):  # batch sizes differ from check's, so only the order may differ
    return sorted((f.line, f.pathology, f.series, f.severity) for f in monitor.findings)


def test_history_is_read_like_check_then_the_log_is_followed(real_logs, tmp_path, follow):
    # The gpt-lab log's last line has no newline: a live file waits for the writer's next bytes.
    source = real_logs / "gpt-lab-diffusion-train.log"
    path = tmp_path / "train.log"
    path.write_bytes(source.read_bytes() + b"\n")
    reader, notified = follow(path)
    until(lambda: reader.logs and not reader.logs[0].loading, what="the history")
    log = reader.logs[0]
    expected = check_file(str(source))
    assert log.monitor.records == expected.records and found(log.monitor) == found(expected)
    assert log.bytes_read == path.stat().st_size and log.error is None and notified
    with open(path, "a") as out:
        out.write("step:7152/20000 train_loss:4.1e-02 train_time:1ms step_avg:1ms\n")
    until(lambda: log.monitor.records == expected.records + 1, what="the appended line")
    assert not log.finished and log.file_state is None


def test_a_big_history_reports_progress_while_it_loads(tmp_path, follow):
    path = tmp_path / "big.log"
    path.write_text("\n".join(trainer_lines(40_000)) + "\n")
    reader, _ = follow(path)
    until(lambda: reader.logs, what="the log")
    log = reader.logs[0]
    seen = set()
    until(lambda: seen.add(log.progress) or not log.loading, what="the end of the history")
    fractions = sorted(p for p in seen if p)
    assert log.total_bytes == path.stat().st_size
    assert len(fractions) >= 2 and fractions[0] < 0.5  # read in batches, not all at once


def test_file_events_change_what_the_log_says(tmp_path, follow):
    path = tmp_path / "later.log"
    reader, _ = follow(path)
    until(lambda: reader.logs and reader.logs[0].file_state == "waiting", what="waiting")
    log = reader.logs[0]
    assert not log.loading  # nothing to load: the header says waiting
    path.write_text("\n".join(trainer_lines(20)) + "\n")
    until(lambda: log.file_state is None and log.monitor.records == 20, what="the file appearing")
    os.unlink(path)
    until(lambda: log.file_state == "deleted", what="the deletion")
    assert log.monitor.records == 20  # the data stay
    path.write_text("\n".join(trainer_lines(5)) + "\n")
    until(lambda: log.file_state is None and log.monitor.segments == 1, what="the new file")
    until(lambda: log.monitor.records == 25, what="its records")


def test_truncation_starts_a_new_segment(tmp_path, follow):
    path = tmp_path / "train.log"
    path.write_text("\n".join(trainer_lines(30)) + "\n")
    reader, _ = follow(path)
    until(lambda: reader.logs and reader.logs[0].monitor.records == 30, what="the history")
    log = reader.logs[0]
    path.write_text("\n".join(trainer_lines(3)) + "\n")  # truncated and rewritten
    until(lambda: log.monitor.segments == 1 and log.monitor.records == 33, what="the new segment")
    loss = log.monitor.store["loss"]
    assert len(loss.segment_starts) == 2 and loss.segment_bounds() == (30, 33)


def test_a_glob_adds_logs_as_files_appear(tmp_path, follow):
    (tmp_path / "a.log").write_text("\n".join(trainer_lines(10)) + "\n")
    reader, _ = follow(tmp_path / "*.log")
    until(lambda: len(reader.logs) == 1, what="the first file")
    (tmp_path / "b.log").write_text("\n".join(trainer_lines(10)) + "\n")
    until(lambda: len(reader.logs) == 2 and reader.logs[1].monitor.records == 10, what="the second file")
    assert [log.name for log in reader.logs] == ["a.log", "b.log"]


def test_a_directory_opens_its_compressed_logs_and_a_corrupt_one_carries_its_error(tmp_path, follow):
    """The app discovers a directory as check does: its .gz logs are runs, and a damaged one is
    a log whose header says why (no record of it, the others read whole)."""
    text = ("\n".join(trainer_lines(40)) + "\n").encode()
    (tmp_path / "a.log").write_bytes(text)
    (tmp_path / "b.log.gz").write_bytes(gzip.compress(text))
    packed = gzip.compress(text)
    (tmp_path / "c.log.gz").write_bytes(packed[:40] + bytes(b ^ 0x5A for b in packed[40:80]) + packed[80:])
    reader, _ = follow(tmp_path)
    until(lambda: len(reader.logs) == 3 and reader.logs[2].error is not None, what="the three logs")
    by_name = {log.name: log for log in reader.logs}
    until(lambda: by_name["b.log.gz"].finished and by_name["a.log"].monitor.records == 40, what="the good logs")
    assert by_name["b.log.gz"].monitor.records == 40 and by_name["b.log.gz"].error is None
    assert by_name["c.log.gz"].error.startswith(f"{tmp_path / 'c.log.gz'}: read failed")
    assert by_name["c.log.gz"].monitor.records == 0


def test_stdin_is_followed_until_it_ends(follow):
    read, write = os.pipe()
    with os.fdopen(read, "rb", buffering=0) as stdin:  # the test's to close, as sys.stdin is Python's
        reader, _ = follow("-", stdin=stdin)
        until(lambda: reader.logs, what="the stdin log")
        log = reader.logs[0]
        assert log.name == "stdin" and not log.loading
        os.write(write, ("\n".join(trainer_lines(15)) + "\n").encode())
        until(lambda: log.monitor.records == 15, what="the piped lines")
        assert not log.finished
        os.close(write)
        until(lambda: log.finished, what="the end of stdin")


def test_replay_feeds_a_little_at_a_time_and_detectors_fire_as_it_goes(nan_log):
    """(Its pace against the real clock is measured by benchmarks/replay_pace.py.) Paced here by
    a clock that moves 0.01 s at each reading: a few records a poll at 500 records/s."""
    reader = LogReader([str(nan_log)], Monitor, replay_speed=500, clock=ManualClock(step=0.01))
    seen, handed = [], []  # (records, findings) at each notification, on the follower's thread

    def notified(log):
        with log.lock:
            seen.append((log.monitor.records, len(log.monitor.findings)))

    reader.start(notified, lambda log, findings, active: handed.extend(findings))
    try:
        until(lambda: reader.logs and reader.logs[0].finished, what="the end of the replay")
    finally:
        reader.stop()
    log = reader.logs[0]
    assert log.monitor.records == 612
    assert {f.pathology for f in log.monitor.findings} == {"nan_or_inf"}
    before_nan = [records for records, findings in seen if 0 < records < 560]
    assert len(before_nan) >= 2 and all(findings == 0 for records, findings in seen if records < 560)
    assert seen[-1][1] >= 1  # the NaN at step 560 was found while replaying, not after
    assert handed == list(log.monitor.findings)  # each handed over once, as its update carried it
    assert not reader.follower._thread.is_alive()  # a replay ends: the follower with it


def test_a_paused_replay_stops_feeding(healthy_log, monkeypatch):
    polls = []  # whether the replay was paused, at each poll of it by the follower
    poll = ReplaySource.poll
    monkeypatch.setattr(ReplaySource, "poll", lambda self, sink, budget: polls.append(self.paused) or poll(self, sink, budget))
    clock = ManualClock()
    reader = LogReader([str(healthy_log)], Monitor, replay_speed=1000, clock=clock)
    reader.paused = True
    reader.start(lambda log: None)
    try:
        until(lambda: polls, what="the replay's first poll (it opens the log, paused)")
        clock.advance(100.0)  # 100,000 records would be due, were it not paused
        looked = len(polls)
        until(lambda: len(polls) > looked, what="the follower to poll the replay again")
        assert polls[-1] and reader.logs[0].monitor.records == 0
        reader.paused = False
        clock.advance(1.0)  # 1000 records due: all of them (the paused time does not count)
        until(lambda: reader.logs[0].finished, what="the end of the replay")
        assert reader.logs[0].monitor.records == 612
    finally:
        reader.stop()
    assert not reader.follower._thread.is_alive()


def test_several_logs_are_replayed_one_after_the_other(healthy_log, nan_log):
    """Each replay starts when the one before it has ended, on the one follower: its time starts
    at its first look at the clock then (the second log's first second is not spent while the
    first played)."""
    clock, notified = ManualClock(), []
    reader = LogReader([str(healthy_log), str(nan_log)], Monitor, replay_speed=1000, clock=clock)

    def opened(log) -> bool:  # announced, then its first update (it opened the log, and looked at the clock)
        return notified.count(log) >= 2

    reader.start(notified.append)
    try:
        until(lambda: len(reader.logs) == 2 and opened(reader.logs[0]), what="both logs, the first opened")
        first, second = reader.logs
        clock.advance(0.3)  # 300 records of the first are due
        until(lambda: first.monitor.records >= 290, what="the first log's first records")
        assert second.monitor.records == 0 and not opened(second)
        clock.advance(1.0)
        until(lambda: first.finished, what="the first log's end")
        if not opened(second):  # (opened in the round that ended the first, or a tick later)
            clock.advance(REPLAY_TICK)
        until(lambda: opened(second), what="the second log opened")
        clock.advance(0.2)
        until(lambda: second.monitor.records >= 190, what="the second log's first records")
        # 0.2 s, or a tick more, of the second log: not the 1.5 s since the replay started
        assert second.monitor.records <= 260 and not second.finished
        clock.advance(1.0)
        until(lambda: second.finished, what="the second log's end")
    finally:
        reader.stop()
    expected = check_file(str(nan_log))
    assert second.monitor.records == expected.records and found(second.monitor) == found(expected)


def test_a_replay_that_cannot_read_its_log_is_over_and_the_next_one_plays(tmp_path, healthy_log):
    missing = tmp_path / "gone.log"
    missing.write_text("step 1 loss 2.0\n")
    reader = LogReader([str(missing), str(healthy_log)], Monitor, replay_speed=1e6, clock=ManualClock(step=1.0))
    missing.unlink()  # (gone between the command's check and the replay)
    reader.start(lambda log: None)
    try:
        until(lambda: len(reader.logs) == 2 and reader.logs[1].finished, what="the second log replayed")
    finally:
        reader.stop()
    gone, played = reader.logs
    assert gone.finished and not gone.loading and "no such file" in gone.error
    assert played.monitor.records == 612 and played.error is None


@pytest.mark.parametrize("content", ["hole", "blank lines"])
def test_a_history_that_makes_no_record_still_finishes_loading(tmp_path, follow, content):
    """A sparse file's hole (a 2 GB all-NUL file showed LOADING 0% forever) or lines that parse to
    nothing: the bytes read still count, loading ends, and no record is claimed."""
    path = tmp_path / "train.log"
    if content == "hole":
        size = 24 << 20
        with open(path, "wb") as f:
            f.truncate(size)
    else:
        path.write_bytes(b"\n\n# epoch done, saving the checkpoint\n" * 50_000)
        size = path.stat().st_size
    reader, _ = follow(path)
    until(lambda: reader.logs and not reader.logs[0].loading, what="loading to end")
    (log,) = reader.logs
    assert log.bytes_read == size and log.monitor.records == 0


def test_a_reader_started_early_hands_over_what_it_read_when_the_app_starts(tmp_path, nan_log):
    # run_app starts reading before the app is there (its imports, its first layout): the logs
    # read meanwhile are announced at start, and their findings are handed over in order, once.
    reader = LogReader([str(nan_log)], Monitor)
    try:
        reader.start_early()
        until(lambda: reader.logs and not reader.logs[0].loading, what="the history, before the app")
        log = reader.logs[0]
        assert log.monitor.findings  # the NaN at step 560
        records, notified, handed = log.monitor.records, [], []
        reader.start(notified.append, lambda log, findings, active: handed.append((log, list(findings))))
        assert notified == [log]
        assert [finding for _, findings in handed for finding in findings] == list(log.monitor.findings)
        with open(nan_log, "a") as out:
            out.write("{'loss': nan, 'grad_norm': nan, 'learning_rate': 1e-06, 'epoch': 6.01}\n")
        until(lambda: log.monitor.records == records + 1 and len(notified) > 1, what="a line after start")
        assert [finding for _, findings in handed for finding in findings] == list(log.monitor.findings)
    finally:
        reader.stop()
