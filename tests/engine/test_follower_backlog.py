"""A followed file that falls behind its writer is read the way history is: in blocks of the
follower's batch size, not in the writer's append-sized pieces (issue 19 item 19: watch fell
behind a 50 MB/s writer by tens of seconds), with the records check reads, in line order, and
its unterminated last line held until its newline comes.

The follower's clock is a ManualClock that the test moves: while it stands still, a file
read up to its end is not read again, so the backlog builds up exactly as the test writes it,
however busy the machine."""

import math

from lossmon.engine.follower import Follower
from lossmon.engine.monitor import Monitor
from lossmon.engine.sources.files import read_chunks
from tests.conftest import ManualClock, until

BATCH = 64 * 1024


def nano(step: int) -> bytes:
    loss = 2.0 + math.sin(step * 0.37) * 0.01 - step * 1e-5
    return f"iter {step}: loss {loss:.6f}, time {10 + step % 7}.00ms, mfu 1.00%\n".encode()


def check_records(path) -> list:
    """The records check reads from the file (its blocks, then its end)."""
    monitor, found = Monitor(str(path)), []
    for chunk in read_chunks(str(path)):
        update = monitor.feed(chunk)
        if update.batch is not None:
            found.extend(update.batch.records())
    update = monitor.finish()
    if update.batch is not None:
        found.extend(update.batch.records())
    return found


def test_a_backlog_of_small_appends_is_read_in_batch_sized_blocks(tmp_path):
    log = tmp_path / "train.log"
    log.write_bytes(nano(0))
    clock = ManualClock()
    follower = Follower([str(log)], batch_bytes=BATCH, pace=0.1, clock=clock).start()
    updates = []

    def records():
        return [record for u in updates if u.batch is not None for record in u.batch.records()]

    def taken(condition):
        def step():
            if condition():
                return True
            update = follower.get(timeout=0.05)
            if update is not None:
                updates.append(update)
            return False
        return step

    try:
        until(taken(lambda: len(records()) == 1), "the first line")
        # The writer appends 2,000 times, 5 lines each, while the clock stands: the follower,
        # having read up to the end, waits for its pace, and the whole backlog waits on disk.
        lines = 10_000
        with open(log, "ab", buffering=0) as writer:
            for first in range(1, lines, 5):
                writer.write(b"".join(nano(step) for step in range(first, min(first + 5, lines))))
            writer.write(b"iter 10000: loss 1.8")  # a line cut mid-number: never a record alone
        backlog = log.stat().st_size - len(nano(0))
        until(lambda: str(log) in follower._paced, "the follower waiting for its pace")
        assert len(records()) == 1
        before = len(updates)
        clock.advance(0.1)
        follower.tick()
        until(taken(lambda: len(records()) == lines), "the backlog's records")
        reads = sum(1 for u in updates[before:] if u.batch is not None)
        # One read per batch of bytes (a block may end in a line the next one completes), never
        # one per append: 2,000 appends, 8 reads.
        assert reads <= math.ceil(backlog / BATCH) + 1
        complete = tmp_path / "complete.log"  # the file up to its last newline
        complete.write_bytes(log.read_bytes().rpartition(b"\n")[0] + b"\n")
        assert records() == check_records(complete)
        with open(log, "ab") as writer:
            writer.write(b"75e-02, time 10.00ms, mfu 1.00%\n")
        clock.advance(5.0)
        until(taken(lambda: len(records()) == lines + 1), "the cut line once whole")
        assert records() == check_records(log)
        assert records()[-1][2]["loss"] == 0.01875  # 1.875e-02 whole, not the 1.8 read first
    finally:
        follower.stop()
