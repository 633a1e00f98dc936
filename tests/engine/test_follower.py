"""The follower end to end: a Follower over real files, reading through watchdog's observers.

Tests wait for what they expect with a generous deadline (never a fixed sleep), so they are fast
when things work and fail with what was seen when they do not."""

import bz2
import gzip
import json
import lzma
import os
import queue
import threading
import time
from pathlib import Path

import pytest

from lossmon.engine import check_file
from lossmon.engine.sources import watchers as watchers_module
from lossmon.engine.follower import Follower
from lossmon.engine.lines import MAX_LINE_BYTES
from lossmon.engine.monitor import Monitor
from tests.conftest import ManualClock, until

DEADLINE = 20.0


def nano(step, loss):
    return f"iter {step}: loss {loss}, time 10.00ms, mfu 1.00%\n".encode()


def append(path, data: bytes):
    with open(path, "ab") as f:
        f.write(data)


class Collector:
    """Takes a follower's updates and answers questions about all taken so far."""

    def __init__(self, follower):
        self.follower = follower
        self.updates = []

    def until(self, condition, deadline=DEADLINE):
        """Take updates until ``condition(self)`` holds."""

        def taken() -> bool:
            if condition(self):
                return True
            update = self.follower.get(timeout=0.05)
            if update is not None:
                self.updates.append(update)
            return False

        until(taken, lambda: f"events {self.events()}, records {self.records()[-5:]}", timeout=deadline, poll=0)
        return self

    def records(self, path=None):
        return [
            (line, step, metrics)
            for u in self.updates
            if u.batch is not None and (path is None or u.path == path)
            for line, step, metrics in u.batch.records()
        ]

    def steps(self, path=None):
        return [step for _, step, _ in self.records(path)]

    def events(self, path=None):
        return [(e.path, e.kind) for u in self.updates for e in u.events if path is None or e.path == path]

    def has_event(self, path, kind):
        return lambda c: (path, kind) in c.events()

    def has_steps(self, n, path=None):
        return lambda c: len(c.steps(path)) >= n


@pytest.fixture
def follow():
    followers = []

    def start(paths, **options):
        follower = Follower([str(p) for p in paths], **options).start()
        followers.append(follower)
        return Collector(follower)

    yield start
    for follower in followers:
        follower.stop()


@pytest.fixture
def real_logs():
    for base in (Path(__file__).resolve().parents[3] / "shared" / "real-logs", Path("/work/shared/real-logs")):
        if base.is_dir():
            return base
    pytest.skip("no shared/real-logs next to the repository")


def test_history_first_then_each_appended_line(tmp_path, follow):
    log = tmp_path / "train.log"
    log.write_bytes(b"".join(nano(i, 3 - i / 10) for i in range(5)))
    c = follow([log]).until(lambda c: c.has_steps(5)(c))
    assert c.events() == [(str(log), "opened")]
    for i in range(5, 8):
        append(log, nano(i, 2.0))
        c.until(c.has_steps(i + 1))
    assert c.steps() == [float(i) for i in range(8)]
    assert [line for line, _, _ in c.records()] == list(range(1, 9))


def test_forced_polling_follows_appends_and_rotation(tmp_path, follow):
    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 3.0))
    c = follow([log], poll_interval=0.1)
    assert c.follower.watcher.describe().startswith("polling every 0.1 s")
    c.until(c.has_steps(1))
    append(log, nano(1, 2.9))
    c.until(c.has_steps(2))
    os.rename(log, tmp_path / "train.log.1")
    log.write_bytes(nano(2, 2.8))
    c.until(c.has_steps(3))
    assert c.steps() == [0.0, 1.0, 2.0]
    assert (str(log), "rotated") in c.events()


def test_resync_reads_a_change_that_went_unheard_at_once(tmp_path, follow):
    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 3.0))
    c = follow([log], poll_interval=3600.0).until(c_steps(1))  # polls hourly: nothing is heard
    os.rename(log, tmp_path / "train.log.1")
    log.write_bytes(nano(1, 2.9))
    append(tmp_path / "train.log.1", nano(2, 2.8))  # the rotated file's last line
    c.follower.resync()
    c.until(c_steps(3))
    assert c.steps() == [0.0, 2.0, 1.0] and (str(log), "rotated") in c.events()
    assert c.follower.watcher.polled(str(tmp_path))


class RefusingObserver:
    """A native observer that fails as inotify does when the watch limit is reached."""

    def __init__(self, *args, **kwargs):
        pass

    def start(self):
        pass

    def schedule(self, *args, **kwargs):
        raise OSError(28, "inotify watch limit reached")

    def stop(self):
        pass

    def is_alive(self):
        return False


def test_falls_back_to_polling_on_its_own_when_inotify_fails(tmp_path, follow, monkeypatch):
    monkeypatch.setattr(watchers_module, "Observer", RefusingObserver)
    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 3.0))
    c = follow([log])
    c.until(c.has_steps(1))
    append(log, nano(1, 2.9))
    c.until(c.has_steps(2))
    assert c.follower.watcher.polled(str(tmp_path))
    assert "inotify failed: inotify watch limit reached" in c.follower.watcher.describe()


def test_a_path_that_appears_later_in_a_directory_not_there_yet(tmp_path, follow):
    log = tmp_path / "runs" / "exp1" / "train.log"
    c = follow([log]).until(lambda c: (str(log), "waiting") in c.events())
    log.parent.mkdir(parents=True)
    log.write_bytes(nano(0, 3.0) + nano(1, 2.5))
    c.until(c.has_steps(2))
    assert c.events() == [(str(log), "waiting"), (str(log), "opened")]


def test_a_deleted_and_recreated_file_keeps_its_data_and_follows_the_new_one(tmp_path, follow):
    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 3.0) + nano(1, 2.9))
    c = follow([log]).until(lambda c: c.has_steps(2)(c))
    log.unlink()
    c.until(c.has_event(str(log), "deleted"))
    log.write_bytes(nano(0, 5.0))
    c.until(c.has_steps(3))
    append(log, nano(1, 4.0))
    c.until(c.has_steps(4))
    assert [(step, m["loss"]) for _, step, m in c.records()] == [(0, 3.0), (1, 2.9), (0, 5.0), (1, 4.0)]
    assert [kind for _, kind in c.events()] == ["opened", "deleted", "recreated"]
    monitor = c.follower.monitors[str(log)]
    assert monitor.records == 4 and monitor.segments == 1


def test_truncated_in_place_restarts_as_a_new_segment(tmp_path, follow):
    log = tmp_path / "train.log"
    log.write_bytes(b"".join(nano(i, 3.0) for i in range(20)))
    c = follow([log]).until(lambda c: c.has_steps(20)(c))
    with open(log, "r+b") as f:
        f.truncate(0)
    append(log, nano(0, 9.0))
    c.until(c.has_steps(21))
    assert c.records()[-1] == (1, 0.0, {"loss": 9.0, "mfu": 1.0})
    assert (str(log), "truncated") in c.events()


def test_stdin_is_read_to_its_end_and_the_follower_finishes(tmp_path, follow):
    read_end, write_end = os.pipe()
    with open(read_end, "rb", buffering=0) as stdin:
        c = follow(["-"], stdin=stdin)
        os.write(write_end, nano(0, 3.0) + b"iter 1: loss 2.")
        c.until(c.has_steps(1))
        os.write(write_end, b"5, time 10.00ms\n" + b"iter 2: loss 2.25, time 10.00ms")  # no final newline
        os.close(write_end)
        c.until(lambda c: c.follower.done)
    assert [(step, m["loss"]) for _, step, m in c.records()] == [(0, 3.0), (1, 2.5), (2, 2.25)]
    assert c.events() == [("-", "opened"), ("-", "finished")]


def test_a_named_pipe_is_read_to_its_end_with_a_file_beside_it(tmp_path, follow):
    """``lossmon <(ssh gpu1 tail -F train.log)``: the pipe is read like stdin, not refused, and
    its writer may come late (opening it waits on the pipe's own thread, not the follower's)."""
    fifo = tmp_path / "remote.fifo"
    os.mkfifo(fifo)
    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 9.0))
    c = follow([fifo, log]).until(c_has_path_steps(str(log), 1))
    with open(fifo, "wb") as writer:
        writer.write(nano(0, 3.0) + b"iter 1: loss 2.")
        writer.flush()
        c.until(c.has_steps(1, str(fifo)))
        writer.write(b"5, time 10.00ms\n" + b"iter 2: loss 2.25, time 10.00ms")  # no final newline
    c.until(lambda c: (str(fifo), "finished") in c.events())
    assert [(step, m["loss"]) for _, step, m in c.records(str(fifo))] == [(0, 3.0), (1, 2.5), (2, 2.25)]
    assert c.events(str(fifo)) == [(str(fifo), "opened"), (str(fifo), "finished")]


def c_has_path_steps(path, n):
    return lambda c: len(c.steps(path)) >= n


@pytest.mark.parametrize("suffix, compress", [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)])
def test_a_compressed_finished_log_is_read_whole(tmp_path, follow, suffix, compress):
    log = tmp_path / f"train.log{suffix}"
    log.write_bytes(compress(b"".join(nano(i, 3.0 - i / 100) for i in range(1000)) + b"iter 1000: loss 1.0, time 1.00ms"))
    c = follow([log]).until(lambda c: c.follower.done)
    assert c.steps() == [float(i) for i in range(1001)]
    assert c.events() == [(str(log), "opened"), (str(log), "finished")]


def test_a_corrupt_compressed_log_is_one_error_event(tmp_path, follow):
    log = tmp_path / "train.log.gz"
    log.write_bytes(gzip.compress(os.urandom(50_000))[:20_000])
    c = follow([log]).until(lambda c: c.follower.done)
    assert c.events() == [(str(log), "opened"), (str(log), "error")]


def test_a_10mb_line_is_cut_and_the_lines_after_it_are_read(tmp_path, follow):
    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 3.0))
    c = follow([log]).until(lambda c: c.has_steps(1)(c))
    append(log, b"{" + b"x" * (10 * 1024 * 1024) + b"}\n" + nano(2, 2.0))
    c.until(c.has_steps(2))
    assert [(line, step) for line, step, _ in c.records()] == [(1, 0.0), (3, 2.0)]
    with c.follower.lock:
        splitter = c.follower.monitors[str(log)].splitter
        assert splitter.cut_lines == 1 and splitter.pending_bytes < MAX_LINE_BYTES


def test_binary_junk_does_not_stop_the_follower(tmp_path, follow):
    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 3.0) + bytes(range(256)) * 50 + b"\n\x1b[31m\x00\xff\xfe[bold]\n" + nano(1, 2.0))
    c = follow([log]).until(lambda c: c.has_steps(2)(c))
    append(log, os.urandom(100_000).replace(b"\n", b" ") + b"\n" + nano(2, 1.0))
    c.until(c.has_steps(3))
    assert c.steps() == [0.0, 1.0, 2.0]


def test_a_glob_follows_each_match_with_its_own_monitor_including_later_ones(tmp_path, follow):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "train.log").write_bytes(nano(0, 3.0))
    pattern = str(tmp_path / "*" / "train.log")
    c = follow([pattern]).until(lambda c: c.has_steps(1)(c))
    (tmp_path / "b").mkdir()  # a new run directory, then its log
    (tmp_path / "b" / "train.log").write_bytes(nano(0, 5.0) + nano(1, 4.0))
    c.until(c.has_steps(3))
    a, b = str(tmp_path / "a" / "train.log"), str(tmp_path / "b" / "train.log")
    assert c.steps(a) == [0.0] and c.steps(b) == [0.0, 1.0]
    assert set(c.follower.monitors) == {a, b}
    assert c.follower.monitors[a] is not c.follower.monitors[b]


def test_a_rewritten_trainer_state_json_adds_only_its_new_entries(tmp_path, follow, real_logs):
    """HF rewrites trainer_state.json whole at each checkpoint; records must not repeat."""
    state = json.loads((real_logs / "whisper-trainer_state.json").read_text())
    history = state["log_history"]
    log = tmp_path / "trainer_state.json"

    def save(entries):  # as the Trainer writes it: json.dumps(indent=2, sort_keys=True) + "\n"
        log.write_text(json.dumps({**state, "log_history": entries}, indent=2, sort_keys=True) + "\n")

    save(history[:10])
    c = follow([log]).until(lambda c: c.has_steps(10)(c))
    save(history[:30])
    c.until(c.has_steps(30))
    save(history)
    expected = check_file(str(real_logs / "whisper-trainer_state.json"))
    c.until(c.has_steps(expected.records))
    assert c.steps() == [float(e["step"]) for e in history if "train_runtime" not in e][: expected.records]
    assert (str(log), "truncated") in c.events()


class FullQueueWatch(queue.Queue):
    """The follower's queue, telling the test when the reading thread finds it full and waits:
    from then on the thread reads nothing more until the consumer takes an update."""

    def __init__(self, maxsize):
        super().__init__(maxsize)
        self.waited = threading.Event()

    def put(self, item, block=True, timeout=None):
        if self.full():
            self.waited.set()
        super().put(item, block, timeout)


def test_a_slow_consumer_holds_the_reading_back(tmp_path):
    log = tmp_path / "train.log"
    lines = 12_000  # over twice what the bound below lets the thread read before the consumer takes any
    log.write_bytes(b"".join(nano(i, 2.0) for i in range(lines)))
    follower = Follower([str(log)], max_pending=2, batch_bytes=64 * 1024)
    watch = follower._queue = FullQueueWatch(2)
    follower.start()
    try:

        def read() -> int:
            with follower.lock:
                monitor = follower.monitors.get(str(log))
                return 0 if monitor is None else monitor.lines

        # either the thread waits on the full queue, or (the defect) it reads the whole history
        until(lambda: watch.waited.is_set() or read() == lines, "the reading thread to wait or finish")
        assert read() <= 4 * 64 * 1024 // len(nano(0, 2.0)) + 1  # the queue holds 2 updates, 1 waits, 1 is read
        c = Collector(follower).until(lambda c: len(c.steps()) >= lines)
        assert c.steps() == [float(i) for i in range(lines)]
    finally:
        follower.stop()


def test_a_line_cut_mid_number_waits_for_its_newline_however_long_the_pause(tmp_path, follow):
    clock = ManualClock(step=100.0)  # each reading 100 s after the last: any timer the follower kept runs out
    log = tmp_path / "train.log"
    head = b"".join(b"step %d | train_loss:5.312000e-02\n" % step for step in range(1, 6)) + b"step 6 | train_loss:5.423475"
    log.write_bytes(head)
    c = follow([log], poll_interval=0.05, clock=clock).until(lambda c: any(u.position == len(head) for u in c.updates))
    seen = clock.readings
    c.until(lambda c: clock.readings > seen + 200)  # > 20,000 s of the follower's time
    assert c.steps() == [1.0, 2.0, 3.0, 4.0, 5.0]
    append(log, b"e-02\n")
    c.until(c.has_steps(6))
    assert [metrics["train_loss"] for _, _, metrics in c.records()] == [5.312e-02] * 5 + [5.423475e-02]


def test_stop_ends_the_thread_and_is_safe_twice(tmp_path):
    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 3.0))
    follower = Follower([str(log)]).start()
    follower.stop()
    follower.stop()
    assert follower.done or follower.get(timeout=1) is not None
    assert not follower._thread.is_alive()


def test_on_update_callback_gets_every_update_on_the_follower_thread(tmp_path):
    import threading

    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 3.0) + nano(1, 2.0))
    got, threads, ready = [], set(), threading.Event()

    def on_update(update):
        got.append(update)
        threads.add(threading.current_thread().name)
        if sum(u.records for u in got) >= 2:
            ready.set()

    with Follower([str(log)], on_update=on_update):
        assert ready.wait(DEADLINE)
    assert threads == {"lossmon-follow"}


def test_a_chunk_that_breaks_the_pipeline_is_reported_and_following_goes_on(tmp_path, follow):
    class Fragile(Monitor):
        def feed(self, data):
            if b"BOOM" in data:
                raise ValueError("cannot digest this")
            return super().feed(data)

    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 3.0))
    c = follow([log], make_monitor=Fragile).until(lambda c: c.has_steps(1)(c))
    append(log, b"BOOM\n")
    c.until(c.has_event(str(log), "error"))
    append(log, nano(2, 2.0))
    c.until(c.has_steps(2))
    assert c.steps() == [0.0, 2.0]
    assert [u.events[0].message for u in c.updates if u.events and u.events[0].kind == "error"] == [
        f"{log}: ValueError: cannot digest this"
    ]


def test_a_lightning_metrics_csv_rewritten_with_new_columns_adds_only_its_new_rows(tmp_path, follow, real_logs):
    """Lightning's CSVLogger rewrites metrics.csv whole when a metric first appears (here: the
    first validation, after 281 train rows); rows already read must not come back."""
    source = real_logs / "slm-lightning-metrics.csv"
    header, *rows = source.read_bytes().decode().split("\r\n")
    columns = header.split(",")
    early = ["epoch", "step", "train_loss_step", "train_perplexity_step"]
    keep = [columns.index(name) for name in early]
    first_rows = [",".join(row.split(",")[i] for i in keep) for row in rows[:281]]
    log = tmp_path / "metrics.csv"
    log.write_bytes("\r\n".join([",".join(early), *first_rows, ""]).encode())
    c = follow([log]).until(lambda c: c.has_steps(281)(c))
    log.write_bytes("\r\n".join([header, *rows[:400], ""]).encode())  # the rewrite, with the new columns
    c.until(c.has_steps(400))
    log.write_bytes(source.read_bytes())  # and the file as it ends
    expected = [step for _, step, _ in check_records(source)]
    c.until(c.has_steps(len(expected)))
    assert c.steps() == expected
    kinds = [kind for _, kind in c.events()]  # the last write only adds to what was there: seen
    assert kinds[:2] == ["opened", "truncated"] and set(kinds[2:]) <= {"truncated"}  # as either


def check_records(path):
    """The records `lossmon check` reads from the whole file, in order."""
    monitor = Monitor(str(path))
    updates = [monitor.feed(Path(path).read_bytes()), monitor.finish()]
    return [record for update in updates if update.batch is not None for record in update.batch.records()]


def test_a_run_directory_removed_and_made_again_is_followed_again(tmp_path, follow):
    import shutil

    clock = ManualClock(1000.0)  # it stands still: no resync comes to find the file, it must be heard
    run = tmp_path / "run"
    run.mkdir()
    log = run / "train.log"
    log.write_bytes(nano(0, 3.0))
    c = follow([log], clock=clock, pace=0).until(lambda c: c.has_steps(1)(c))
    shutil.rmtree(run)
    c.until(c.has_event(str(log), "deleted"))
    run.mkdir()
    log.write_bytes(nano(0, 4.0))
    c.until(c.has_steps(2))  # heard in the new directory (the resync never comes)
    assert [kind for _, kind in c.events()] == ["opened", "deleted", "recreated"]


def test_a_fast_writer_is_read_at_the_follower_pace_and_a_first_append_at_once(tmp_path, follow):
    clock = ManualClock(1000.0)  # the follower's clock, moved only by the test
    log = tmp_path / "train.log"
    log.write_bytes(nano(0, 3.0))
    c = follow([log], poll_interval=0.05, pace=0.1, clock=clock).until(c_steps(1))
    follower = c.follower
    append(log, nano(1, 2.9))  # within the pace of the read that caught up: waits for it
    c.until(lambda c: str(log) in follower._paced)
    append(log, nano(2, 2.8))
    assert c.steps() == [0.0]
    clock.advance(0.1)
    follower.tick()
    c.until(c_steps(3))
    assert [update.batch is not None and len(update.batch) for update in c.updates[-1:]] == [2]  # one read, both
    clock.advance(5.0)  # a writer's first append after a pause is read at once
    append(log, nano(3, 2.7))
    c.until(c_steps(4))
    assert c.steps() == [0.0, 1.0, 2.0, 3.0]


def c_steps(n):
    return lambda c: len(c.steps()) >= n


def test_a_replay_is_followed_like_a_log_one_after_the_other_and_ends(tmp_path, follow):
    """Follower(replay_speed=N): finished logs played back on the follower's clock (here one that
    moves a second at each reading), through the same updates: check's records and findings, the
    second log opened only once the first has finished, and the follower done once both are."""
    first, second = tmp_path / "a.log", tmp_path / "b.log"
    first.write_bytes(b"".join(nano(i, 3.0 - i / 100) for i in range(300)))
    second.write_bytes(b"".join(nano(i, 3.0 if i < 200 else float("nan")) for i in range(250)) + b"iter 250: loss 2.5")
    c = follow([first, second], replay_speed=10, clock=ManualClock(step=1.0))
    c.until(lambda c: c.follower.done)
    assert [(Path(path).name, kind) for path, kind in c.events()] == [
        ("a.log", "opened"), ("a.log", "finished"), ("b.log", "opened"), ("b.log", "finished")
    ]
    for path in (first, second):
        # a few seconds' worth at a time (the clock moves at each of the follower's readings)
        assert len([u for u in c.updates if u.path == str(path) and u.records]) >= 3
        expected = check_file(str(path))
        assert repr(c.records(str(path))) == repr(check_records(path))  # (NaN too); the last line without its newline too
        found = [f for u in c.updates if u.path == str(path) for f in u.findings]
        # (small batches: detectors' findings of one batch may come in another order than check's)
        assert sorted((f.pathology, f.step, f.line, f.severity) for f in found) == sorted(
            (f.pathology, f.step, f.line, f.severity) for f in expected.findings
        )
    assert "nan_or_inf" in {f.pathology for u in c.updates if u.path == str(second) for f in u.findings}
