"""Scan workers change nothing in what is parsed: the same records, series and findings as one
process alone, whatever the blocks of either side, and whether a worker dies or not."""

import hashlib
import random

import pytest

import os
import signal

import lossmon.engine.scan_workers as workers_module
from lossmon.engine import Monitor, check_file
from lossmon.engine.follower import Follower
from lossmon.engine.scan_workers import ScanWorkers, idle_cores, workers_wanted
from lossmon.engine.sources import read_chunks
from tests.conftest import ManualClock


def write_log(path, records: int = 12_000) -> None:
    """A Hugging Face Trainer log as `2>&1` captures it (tqdm frames before each dict, eval dicts,
    warnings), then a nanoGPT run appended: a second format whose template is learned late."""
    rng = random.Random(3)
    rows = []
    loss = 2.5
    for index in range(records):
        loss = max(0.05, loss * 0.9995 + rng.gauss(0, 0.01))
        frame = f"\r{index // 120:3d}%|█         | {index}/{records} [00:{index % 60:02d}<12:34, 98.10it/s]"
        rows.append(f"{frame}\r{' ' * len(frame)}\r{{'loss': {round(loss, 4)}, 'grad_norm': {rng.uniform(0.5, 5)}, "
                    f"'learning_rate': {5e-5 * (1 - index / records)}, 'epoch': {round(index / 1000, 2)}}}")
        if index % 500 == 499:
            rows.append(f"{{'eval_loss': {loss * 1.1}, 'eval_runtime': 1.5, 'epoch': {round(index / 1000, 2)}}}")
        if index % 700 == 350:
            rows.append("/usr/lib/python3/site-packages/torch/utils/checkpoint.py:464: UserWarning: pass use_reentrant")
    rows += [f"iter {step}: loss {2 + (step % 17) / 100:.4f}, time 10.00ms, mfu 1.00%" for step in range(4000)]
    path.write_text("\n".join(rows) + "\n")


def fingerprint(monitor: Monitor) -> tuple:
    series = []
    for s in monitor.store:
        digest = hashlib.sha1(s.steps.tobytes() + s.values.tobytes() + s.lines.tobytes()).hexdigest()
        series.append((s.name, len(s), digest, tuple(s.segment_starts)))
    findings = [(f.pathology, f.severity, f.series, f.step, f.line, f.message) for f in monitor.findings]
    return monitor.lines, monitor.records, monitor.format_id, tuple(series), tuple(findings)


def parse(path, chunk_bytes: int, workers: ScanWorkers | None = None, kill_after: int | None = None) -> tuple:
    monitor = Monitor(str(path))
    if workers is not None:
        monitor.use_scan_workers(workers)
    for index, chunk in enumerate(read_chunks(str(path), chunk_bytes)):
        monitor.feed(chunk)
        if kill_after is not None and index == kill_after:
            os.kill(workers.processes[0].pid, signal.SIGKILL)
    monitor.finish()
    return fingerprint(monitor)


@pytest.fixture(scope="module")
def log(tmp_path_factory):
    path = tmp_path_factory.mktemp("scan_workers") / "train.log"
    write_log(path)
    return path


def workers_for(log, count: int = 2, range_bytes: int = 256 * 1024) -> ScanWorkers:
    # Ranges of 256 KB, this process's blocks of 64 KB: they do not line up.
    return ScanWorkers(str(log), log.stat().st_size, count, range_bytes=range_bytes)


def workers_started(monkeypatch) -> list[ScanWorkers]:
    """The ScanWorkers made from now on, each with the keywords it was made with (``started_with``)."""
    started = []
    original = ScanWorkers.__init__

    def tracked(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.started_with = kwargs
        started.append(self)

    monkeypatch.setattr(ScanWorkers, "__init__", tracked)
    return started


def test_the_workers_hits_give_the_same_records_and_findings(log):
    alone = parse(log, 64 * 1024)
    workers = workers_for(log)
    assert parse(log, 64 * 1024, workers) == alone
    assert workers.taken > 5  # the workers' hits were used, not just scanned again here
    assert workers.fallback_ranges == 0
    assert workers.ended  # finish() stopped them


def test_a_worker_that_dies_changes_nothing_its_ranges_are_read_here(log):
    alone = parse(log, 64 * 1024)
    # Ranges of 32 KB: more groups than are handed out at once, so ranges are still to come
    # when the worker is killed (the whole log may be handed out at once in 256 KB ranges).
    workers = workers_for(log, range_bytes=32 * 1024)
    assert parse(log, 64 * 1024, workers, kill_after=2) == alone
    assert workers.broken and workers.fallback_ranges >= 1


def test_check_file_scans_a_big_log_with_workers_with_the_same_result(log, monkeypatch):
    alone = fingerprint(check_file(str(log)))
    monkeypatch.setattr(workers_module, "MIN_BYTES", 0)
    monkeypatch.setenv("LOSSMON_SCAN_WORKERS", "2")  # whatever the load on the machine
    started = workers_started(monkeypatch)
    assert fingerprint(check_file(str(log))) == alone
    assert len(started) == 1 and started[0].ended and started[0].taken > 0


def test_the_follower_scans_history_with_workers_from_a_fork_server(log, monkeypatch):
    """The follower runs on its own thread: workers come from a fork server, never a fork of a
    threaded process; the records and findings are check's."""
    alone = fingerprint(check_file(str(log)))
    monkeypatch.setattr(workers_module, "MIN_BYTES", 0)
    monkeypatch.setenv("LOSSMON_SCAN_WORKERS", "1")
    started = workers_started(monkeypatch)
    with Follower([str(log)]) as follower:
        monitor = follower.monitors[str(log)] if follower.monitors else None
        while monitor is None or follower.monitors[str(log)].splitter.lines_done < _lines(log):
            update = follower.get(timeout=30)
            assert update is not None, "the follower did not read the history"
            monitor = update.monitor
    monitor.finish()  # check reads the last line at the end of the file: so does this
    assert fingerprint(monitor) == alone
    assert len(started) == 1 and started[0].start_method == "forkserver" and started[0].taken > 0


def _lines(path) -> int:
    return path.read_bytes().count(b"\n")


def test_workers_start_only_for_big_plain_files_and_idle_cores(monkeypatch):
    big = 1 << 30
    monkeypatch.setenv("LOSSMON_SCAN_WORKERS", "2")
    assert workers_wanted("train.log", 1 << 20) == 0  # small: read before workers would help
    assert workers_wanted("-", None) == 0
    assert workers_wanted("train.log.gz", big) == 0
    assert workers_wanted("train.log", big) == 2
    monkeypatch.setenv("LOSSMON_SCAN_WORKERS", "0")
    assert workers_wanted("train.log", big) == 0
    monkeypatch.delenv("LOSSMON_SCAN_WORKERS")
    monkeypatch.setattr(workers_module, "usable_cores", lambda: 4)
    assert workers_wanted("train.log", big, idle=lambda: 0.6) == 0  # not even this process's core
    assert workers_wanted("train.log", big, idle=lambda: 1.4) == 0  # one for this process only
    assert workers_wanted("train.log", big, idle=lambda: 1.8) == 1
    assert workers_wanted("train.log", big, idle=lambda: 3.9) == 3  # all the others
    monkeypatch.setattr(workers_module, "usable_cores", lambda: 1)
    assert workers_wanted("train.log", big, idle=lambda: 4.0) == 0


def test_idle_cores_are_measured_over_a_window_not_taken_from_the_load_average():
    # /proc/stat's cpu line: user nice system idle iowait irq softirq steal (jiffies).
    snapshots = iter(["cpu  100 0 50 1000 10 0 0 0 0 0\n", "cpu  250 0 100 1150 10 0 0 0 0 0\n"])
    clock = ManualClock()
    idle = idle_cores(0.1, read=lambda: next(snapshots), sleep=clock.sleep, cores=2)
    assert clock.slept == [0.1]
    assert idle == pytest.approx(2 * 150 / 350)  # 150 idle jiffies of 350 over two cores
    assert idle_cores(0.1, read=lambda: "intr 0\n", sleep=clock.sleep, cores=2) == 0.0


def test_workers_started_mid_file_on_a_growing_file_give_the_same_result(log, tmp_path):
    """A followed file fell behind its writer: workers start from the line it is read up to (in
    the middle of a line already half read), and hand out more ranges as the file grows."""
    alone = parse(log, 64 * 1024)
    data = log.read_bytes()
    growing = tmp_path / "growing.log"
    growing.write_bytes(data[: len(data) // 3])
    monitor = Monitor(str(growing))
    position = 0
    while position < len(data) // 3 - 1000:  # this process reads part of it, ending mid-line
        monitor.feed(data[position : position + 50_000])
        position += 50_000
    splitter = monitor.splitter
    assert splitter.pending_bytes > 0
    workers = ScanWorkers(
        str(growing), len(data) // 3, 2, start=position - splitter.pending_bytes,
        first_line=splitter.lines_done + 1, grows=True, range_bytes=128 * 1024,
    )
    monitor.use_scan_workers(workers)
    with open(growing, "ab") as writer:
        writer.write(data[len(data) // 3 :])  # the writer goes on
    while position < len(data):
        monitor.feed(data[position : position + 64 * 1024])
        position += 64 * 1024
    taken = workers.taken
    monitor.finish()
    assert fingerprint(monitor) == alone
    assert taken > 3 and workers.fallback_ranges == 0


def test_the_follower_starts_workers_when_a_file_falls_behind_its_writer(log, tmp_path, monkeypatch):
    import lossmon.engine.follower as follower_module

    alone = fingerprint(check_file(str(log)))
    monkeypatch.setattr(workers_module, "MIN_BYTES", 0)
    monkeypatch.setattr(follower_module, "BEHIND_BYTES", 256 * 1024)
    monkeypatch.setattr(follower_module, "BATCH_BYTES", 256 * 1024)
    monkeypatch.setenv("LOSSMON_SCAN_WORKERS", "1")
    started = workers_started(monkeypatch)
    growing = tmp_path / "train.log"
    growing.write_bytes(b"")
    lines = _lines(log)
    with Follower([str(growing)], batch_bytes=256 * 1024) as follower:
        while not follower.monitors:
            follower.get(timeout=1)
        growing.write_bytes(log.read_bytes())  # a burst: the follower is 2.5 MB behind
        monitor = follower.monitors[str(growing)]
        while monitor.splitter.lines_done < lines:
            assert follower.get(timeout=30) is not None, "the follower did not read the burst"
    monitor.finish()
    assert fingerprint(monitor) == alone
    assert len(started) == 1 and started[0].grows and started[0].taken > 0


def test_what_this_process_uses_itself_counts_as_idle_up_to_one_core():
    """The app drawing, or watch printing, keeps this process's core busy: a worker would not
    take that core from anyone (the process's threads share one interpreter), so it is not
    counted against starting one; beyond one core it is (that is other processes' time)."""
    snapshots = ["cpu  100 0 50 1000 10 0 0 0 0 0\n", "cpu  250 0 100 1150 10 0 0 0 0 0\n"]
    # 150 idle jiffies of 350 over two cores; this process used 0.7 s = 70 jiffies of them.
    reads, owns, clock = iter(snapshots), iter([5.0, 5.7]), ManualClock()
    idle = idle_cores(0.1, read=lambda: next(reads), sleep=clock.sleep, cores=2, own=lambda: next(owns))
    assert idle == pytest.approx(2 * 150 / 350 + 2 * 70 / 350)
    reads, owns = iter(snapshots), iter([5.0, 7.0])  # 200 jiffies: more than a core's share
    idle = idle_cores(0.1, read=lambda: next(reads), sleep=clock.sleep, cores=2, own=lambda: next(owns))
    assert idle == pytest.approx(2 * 150 / 350 + 1.0)


@pytest.mark.parametrize("failure", [OSError("no processes"), ValueError("bad value(s) in fds_to_keep")])
def test_workers_that_cannot_start_leave_the_follower_reading_alone(log, monkeypatch, failure):
    """Whatever stops the workers from starting (a captured stderr gives multiprocessing a
    ValueError), the follower's thread goes on without them, with check's records."""
    alone = fingerprint(check_file(str(log)))
    monkeypatch.setattr(workers_module, "MIN_BYTES", 0)
    monkeypatch.setenv("LOSSMON_SCAN_WORKERS", "1")

    def cannot_start(self, *args, **kwargs):
        raise failure

    monkeypatch.setattr(ScanWorkers, "__init__", cannot_start)
    with Follower([str(log)]) as follower:
        monitor = None
        while monitor is None or monitor.splitter.lines_done < _lines(log):
            update = follower.get(timeout=30)
            assert update is not None and follower.error is None, "the follower stopped"
            monitor = update.monitor
    monitor.finish()
    assert fingerprint(monitor) == alone
def test_ranges_are_the_blocks_check_reads_so_their_hits_are_taken_whole(log, tmp_path):
    """Ranges are cut on the grid of check's reads (the last newline before each multiple of
    their size): each block this process reads is one range, its hits taken as they are. A line
    longer than a range moves the cut to the next stretch, as it moves the end of a block."""
    assert parse(log, 64 * 1024) == parse(log, 64 * 1024, ScanWorkers(str(log), log.stat().st_size, 2, range_bytes=64 * 1024))
    workers = ScanWorkers(str(log), log.stat().st_size, 2, range_bytes=64 * 1024)
    parse(log, 64 * 1024, workers)
    # All but where a template was learned (the train dict, the eval dict, nanoGPT's line): the
    # rest of that block is read as a block of its own.
    assert workers.taken > 5 and workers.whole >= workers.taken - 3
    long_line = tmp_path / "long.log"
    text = log.read_text()
    middle = text.index("\n", len(text) // 2) + 1
    long_line.write_text(text[:middle] + "x=" + "1" * 150_000 + "\n" + text[middle:])
    workers = ScanWorkers(str(long_line), long_line.stat().st_size, 2, range_bytes=64 * 1024)
    assert parse(long_line, 64 * 1024, workers) == parse(long_line, 64 * 1024)
    assert workers.whole >= workers.taken - 4 and workers.fallback_ranges == 0


def test_a_block_a_worker_read_whole_takes_its_newlines_when_nothing_was_cleaned(log, tmp_path):
    """A worker that read this process's block as one range hands on where its newlines are, when
    its bytes needed no cleaning: the block takes them instead of finding them again (the same
    offsets, the same records). A block with bytes to clean (a colour code) finds its own."""
    import numpy as np

    from lossmon.engine.lines import clean_lines

    coloured = tmp_path / "coloured.log"
    text = log.read_text()
    middle = text.index("\n", len(text) // 2) + 1
    coloured.write_text(text[:middle] + "\x1b[31mWARNING\x1b[0m: a colour code\n" + text[middle:])
    for path in (log, coloured):
        data = path.read_bytes()
        starts = np.concatenate(([0], np.flatnonzero(np.frombuffer(data, np.uint8) == 10) + 1))  # line n: starts[n - 1]
        workers = ScanWorkers(str(path), len(data), 2, range_bytes=64 * 1024)
        given = []
        newlines = workers.newlines

        def noted(first, size, newlines=newlines, given=given):
            found = newlines(first, size)
            given.append((first, size, found))
            return found

        workers.newlines = noted
        assert parse(path, 64 * 1024, workers) == parse(path, 64 * 1024)
        taken = [(first, size, found) for first, size, found in given if found is not None]
        assert len(taken) > 5
        for first, size, found in taken:
            block = data[starts[first - 1] : starts[first - 1] + size]
            assert b"\x1b" not in block and np.array_equal(found, clean_lines(block)[1])
    # a worker's range holding the colour code hands on no newlines; one without, its own
    plain, with_colour = log.read_bytes(), coloured.read_bytes()
    reader = Monitor(str(log))
    reader.feed(plain[: plain.index(b"\n", 200_000) + 1])
    matchers = {template.key: template.matcher for template in reader.parser.templates}
    assert matchers
    at = with_colour.index(b"\x1b")
    start, end = with_colour.rfind(b"\n", 0, at - 1000) + 1, with_colour.index(b"\n", at + 1000) + 1
    assert workers_module.scan_range(str(coloured), start, end, matchers)[2] is None
    end = plain.index(b"\n", at + 1000) + 1  # (the same lines before the colour code)
    _, _, (size, offsets) = workers_module.scan_range(str(log), start, end, matchers)
    assert size == end - start - 1 and np.array_equal(offsets, clean_lines(plain[start : end - 1])[1])


def test_ranges_go_out_in_groups_one_call_each_and_come_back_in_line_order(log):
    """Each call to a worker wakes this process's executor threads, which take turns with its
    main thread: ranges are handed out GROUP_RANGES at a time (after a first call of one range
    and one of two, answered sooner), one call (and one answer) each, and each range's hits are
    still taken for its own lines."""
    workers = ScanWorkers(str(log), log.stat().st_size, 1, range_bytes=64 * 1024)
    calls = []
    submit = workers._pool.submit
    workers._pool.submit = lambda fn, path, ranges, matchers: calls.append(list(ranges)) or submit(fn, path, ranges, matchers)
    assert parse(log, 64 * 1024, workers) == parse(log, 64 * 1024)
    handed = [r for group in calls for r in group]
    assert len(handed) > 3 * workers_module.GROUP_RANGES  # the log is many groups long
    sizes = [len(group) for group in calls]
    assert sizes[:2] == [1, 2] and set(sizes[2:-1]) == {workers_module.GROUP_RANGES} and calls[-1]
    assert all(a[1] == b[0] for a, b in zip(handed, handed[1:]))  # contiguous, in order
    assert workers.whole >= workers.taken - 3 and workers.fallback_ranges == 0


def test_idle_cores_measured_while_this_process_works_count_its_own_core_as_idle():
    """check measures the window while reading its first blocks: this process's own use of a
    core during the window was idle before it started."""
    from lossmon.engine.scan_workers import IdleWindow

    stats = iter(["cpu  100 0 0 100 0 0 0 0\n", "cpu  250 0 0 150 0 0 0 0\n"])
    clock, cpu = ManualClock(10.0), iter([1.0, 1.15])
    window = IdleWindow(read=lambda: next(stats), clock=clock, cpu=lambda: next(cpu), cores=2)
    clock.advance(0.2)
    assert window.elapsed() == pytest.approx(0.2)
    # 50 of 200 jiffies idle over 2 cores, and this process used 0.15 s of the 0.2 s
    assert window.idle_cores() == pytest.approx(0.5 + 0.75)


def test_check_starts_workers_after_its_first_blocks_from_where_it_is(log, monkeypatch):
    from lossmon.engine import history
    from lossmon.engine.scan_workers import IdleWindow

    monkeypatch.setattr(history, "BLOCK_BYTES", 128 * 1024)  # (findings are ordered by blocks)
    monkeypatch.setenv("LOSSMON_SCAN_WORKERS", "0")
    alone = fingerprint(check_file(str(log)))
    started = workers_started(monkeypatch)
    monkeypatch.setattr(workers_module, "MIN_BYTES", 0)
    monkeypatch.delenv("LOSSMON_SCAN_WORKERS", raising=False)
    monkeypatch.setattr(workers_module, "usable_cores", lambda: 2)
    monkeypatch.setattr(history, "IDLE_WINDOW_SECONDS", 0.0)  # decide after the first block
    monkeypatch.setattr(IdleWindow, "idle_cores", lambda self: 2.0)
    assert fingerprint(check_file(str(log))) == alone
    assert len(started) == 1
    workers = started[0]
    where = workers.started_with
    assert workers.ended and workers.taken > 0 and workers.workers == 1
    assert where["start"] > 0 and where["first_line"] > 1
    assert log.read_bytes()[where["start"] - 1 : where["start"]] == b"\n"
    assert log.read_bytes()[: where["start"]].count(b"\n") == where["first_line"] - 1

