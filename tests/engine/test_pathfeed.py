import time

import pytest

from lossmon.engine.lines import MAX_LINE_BYTES
from lossmon.engine.monitor import Monitor
from lossmon.engine.pathfeed import WRITE_BLOCK, PathFeed
from lossmon.engine.tail import FileTail


def nano(step, loss):
    return f"iter {step}: loss {loss}, time 10.00ms, mfu 1.00%\n".encode()


@pytest.fixture
def log(tmp_path):
    path = tmp_path / "train.log"
    path.write_bytes(b"")

    def append(data: bytes):
        with open(path, "ab") as f:
            f.write(data)

    append.path = str(path)
    return append


def feed_for(path, idle_flush=0.0):
    return PathFeed(Monitor(path), FileTail(path), idle_flush=idle_flush)


def pump_all(feed):
    while feed.pump(1 << 20):
        pass
    return [record for update in feed.take_updates() if update.batch is not None for record in update.batch.records()]


def test_only_complete_lines_are_parsed_while_following(log):
    feed = feed_for(log.path, idle_flush=3600)
    log(nano(1, 2.5) + nano(2, 2.4)[:20])
    assert pump_all(feed) == [(1, 1.0, {"loss": 2.5, "mfu": 1.0})]
    log(nano(2, 2.4)[20:])
    assert pump_all(feed) == [(2, 2.0, {"loss": 2.4, "mfu": 1.0})]


def test_an_idle_writers_last_line_is_parsed_once_and_its_late_rest_is_dropped(log):
    feed = feed_for(log.path)
    log(nano(1, 2.5) + b"iter 2: loss 2.4, time 10.00ms")  # a killed job's last line
    assert len(pump_all(feed)) == 1
    assert feed.idle_deadline() is not None
    feed.flush_idle()
    assert pump_all(feed) == [(2, 2.0, {"loss": 2.4})]
    assert feed.idle_deadline() is None  # flushed: nothing left to flush
    feed.flush_idle()
    assert pump_all(feed) == []
    # The same line goes on after all: no duplicate of step 2, no record made of its tail alone.
    log(b", mfu 1.00%\n" + nano(3, 2.3))
    assert pump_all(feed) == [(3, 3.0, {"loss": 2.3, "mfu": 1.0})]
    assert feed.monitor.lines == 3
    feed.end()  # end of input later: nothing is parsed a second time
    assert pump_all(feed) == []


def test_the_late_rest_is_dropped_across_several_writes(log):
    feed = feed_for(log.path)
    log(b"iter 7: loss 1.25, time 10.00ms")
    pump_all(feed)
    feed.flush_idle()
    assert [r[1] for r in pump_all(feed)] == [7.0]
    log(b", mfu")
    assert pump_all(feed) == []
    log(b" 1.00%")
    assert pump_all(feed) == []
    log(b"\n" + nano(8, 1.2))
    assert pump_all(feed) == [(2, 8.0, {"loss": 1.2, "mfu": 1.0})]


def test_new_progress_frames_after_an_idle_flush_are_read_as_the_same_line(log):
    """A slow Hugging Face run: the tqdm bar waits without a newline, then tqdm.write prints the
    metrics dict after a \\r on the same line: the dict must not be lost with the bar's rest."""
    feed = feed_for(log.path)
    log(b"\r 10%|#         | 1/10 [00:05<00:45, 5.00s/it]")
    assert pump_all(feed) == []
    feed.flush_idle()
    log(b"\r                                               \r{'loss': 2.3123, 'grad_norm': 3.4568, "
        b"'learning_rate': 4.95e-05, 'epoch': 0.01}\n"
        b"\r 20%|##        | 2/10 [00:10<00:40, 5.00s/it]")  # fmt: skip
    records = pump_all(feed)
    assert [(line, metrics["loss"]) for line, _, metrics in records] == [(1, 2.3123)]
    assert feed.monitor.lines == 1


def test_a_line_cut_at_a_write_block_boundary_is_not_flushed(log):
    """Block-buffered writers cut their output at 4 KiB multiples, often mid-number."""
    feed = feed_for(log.path)
    filler = b"# warmup\n" * 452
    line = nano(5, 2.3456)
    assert 0 < WRITE_BLOCK - len(filler) < len(line)  # the block ends inside the metric line
    first = filler + line
    log(first[:WRITE_BLOCK])
    pump_all(feed)
    assert feed.monitor.splitter.pending_bytes > 0
    assert feed.idle_deadline() is None
    feed.flush_idle()
    assert pump_all(feed) == []
    log(first[WRITE_BLOCK:])
    assert pump_all(feed) == [(453, 5.0, {"loss": 2.3456, "mfu": 1.0})]


def test_the_idle_flush_waits_for_the_writer_to_be_quiet(log):
    feed = feed_for(log.path, idle_flush=30)
    log(b"iter 1: loss 2.5, time 10.00ms")
    pump_all(feed)
    deadline = feed.idle_deadline()
    assert deadline is not None and deadline > time.monotonic() + 25
    feed.flush_idle()  # called early: does nothing
    assert pump_all(feed) == [] and feed.monitor.splitter.pending_bytes > 0


def test_a_rotated_files_last_unterminated_line_is_parsed_when_it_is_complete(log, tmp_path):
    feed = feed_for(log.path, idle_flush=3600)
    log(nano(1, 2.5) + b"iter 2: loss 2.4, time 10.00ms")
    pump_all(feed)
    (tmp_path / "train.log").rename(tmp_path / "train.log.1")
    log(nano(1, 9.0))
    while feed.pump(1 << 20):
        pass
    updates = [([e.kind for e in u.events], [(r[1], r[2]["loss"]) for r in u.batch.records()]) for u in feed.take_updates()]
    assert updates == [([], [(2.0, 2.4)]), (["rotated"], [(1.0, 9.0)])]
    assert feed.monitor.segments == 1


def test_a_10mb_line_is_cut_without_being_held_whole(log):
    feed = feed_for(log.path, idle_flush=3600)
    log(nano(1, 2.5))
    for _ in range(10):
        log(b"\xff\x00junk" * (1 << 17))  # 10 MB of binary, no newline yet
        pump_all(feed)
        assert feed.monitor.splitter.pending_bytes <= MAX_LINE_BYTES
    log(b"\n" + nano(3, 2.3))
    records = pump_all(feed)
    assert [(line, step) for line, step, _ in records] == [(3, 3.0)]
    assert feed.monitor.splitter.cut_lines == 1
