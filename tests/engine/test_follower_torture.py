"""The follower against a writer process that appends 200,000 metric lines as fast as it can,
in blocks cut at random bytes (half lines), while it rotates the file twice and truncates it once.

The assertions come from what the writer wrote. The writer and the test synchronise on files, only
where tail -F semantics need it: a file must have been opened by the follower before it is rotated
away (a reader that never saw a file at the path cannot follow it), and the lines written before the
truncation must have been read before the truncation destroys them. Everything else races freely.

Once the writer is done, nothing more may come: the test has the follower look at the file again
(``resync``) and waits for a barrier, the stalled finding of the log's silence on the follower's
clock (a ManualClock: the silence lasts exactly as long as the test says; while the writer writes,
the test moves it on by the pace each time the follower waits for its pace, as time would). Whatever that look read
comes before the barrier, so a duplicate is caught on any machine, with no sleep to let it arrive.
"""

import os
import subprocess
import sys
import textwrap

from lossmon.engine.follower import Follower
from tests.conftest import ManualClock, until

LINES = 200_000
# Seconds of silence on the follower's clock before the log is called stalled: more than the
# paces the test could let pass while the writer writes nothing (each takes a poll of the test).
STALL_AFTER = 3600.0
PACE = 0.1
ROTATIONS = (LINES * 3 // 10, LINES * 6 // 10)
TRUNCATION = LINES * 8 // 10

WRITER = textwrap.dedent(
    """
    import os, random, sys, time

    path, sync, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rotations = [int(n) for n in sys.argv[4].split(",")]
    truncation = int(sys.argv[5])
    rng = random.Random(20240611)

    def wait_for(name):
        while not os.path.exists(os.path.join(sync, name)):
            time.sleep(0.001)

    def say(name, text):
        with open(os.path.join(sync, name + ".tmp"), "w") as f:
            f.write(text)
        os.rename(os.path.join(sync, name + ".tmp"), os.path.join(sync, name))

    def line(i):
        return f"iter {i}: loss {1 + (i * 7919 % 10007) / 10007:.6f}, time {i % 97 + 0.25:.2f}ms, mfu 1.00%\\n"

    def write_cut(fd, data):
        # a block-buffered writer flushes at arbitrary bytes: up to 3 pieces, cut anywhere
        cuts = sorted(rng.sample(range(1, len(data)), min(2, len(data) - 1)))
        for a, b in zip([0, *cuts], [*cuts, len(data)]):
            os.write(fd, data[a:b])

    stops = sorted({*rotations, truncation, total})
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    i = 0
    for stop in stops:
        while i < stop:
            n = min(stop - i, rng.randint(1, 60))
            write_cut(fd, "".join(line(j) for j in range(i, i + n)).encode())
            i += n
        if i in rotations:
            k = rotations.index(i)
            wait_for(f"holding-{k}")  # the follower has opened the file about to be rotated
            os.close(fd)
            os.rename(path, f"{path}.{k + 1}")
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        if i == truncation:
            say("written", str(i))
            wait_for("read-all")  # what the truncation destroys has been read
            os.ftruncate(fd, 0)
    os.close(fd)
    say("done", str(total))
    """
)


def expected_loss(i):
    return float(f"{1 + (i * 7919 % 10007) / 10007:.6f}")  # as the writer prints it


def test_every_written_record_exactly_once_in_order_across_rotations_and_truncation(tmp_path):
    log, sync = tmp_path / "train.log", tmp_path / "sync"
    sync.mkdir()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    # The follower paces its reads as in use while the writer writes: a file read up to its end
    # waits for the clock to move on by the pace, which the test lets pass when it waits.
    clock = ManualClock()
    follower = Follower([str(log)], max_pending=8, clock=clock, stall_after=STALL_AFTER, pace=PACE).start()
    writer = subprocess.Popen(
        [sys.executable, str(script), str(log), str(sync), str(LINES), ",".join(map(str, ROTATIONS)), str(TRUNCATION)]
    )
    steps, losses, kinds, stalls = [], [], [], []

    def take(update) -> None:
        for event in update.events:
            kinds.append(event.kind)
            if event.kind in ("opened", "rotated"):
                (sync / f"holding-{kinds.count('opened') + kinds.count('rotated') - 1}").touch()
        if update.batch is not None:
            steps.extend(update.batch.steps.tolist())
            losses.extend(update.batch.columns["loss"].values.tolist())
        stalls.extend(finding.severity for finding in update.findings if finding.pathology == "stalled")

    def barrier(silence: float, severity: str) -> None:
        """The log silent for ``silence`` s on the follower's clock: wait for its ``severity``
        stall, judged after everything the follower had to read."""
        clock.advance(silence)
        follower.tick()

        def judged() -> bool:
            update = follower.get(timeout=0.05)
            if update is not None:
                take(update)
            return severity in stalls or len(steps) > LINES  # (a duplicate: the assertions say which)

        until(judged, lambda: f"the {severity} stall; stalls {stalls}, {len(steps)} records", poll=0)

    def all_written_read() -> bool:
        if len(steps) >= LINES and (sync / "done").exists():
            return True
        assert writer.poll() in (None, 0), "the writer failed"
        if str(log) in follower._paced:  # read up to its end, waiting for its pace: it passes
            clock.advance(PACE)
            follower.tick()
        update = follower.get(timeout=0.05)
        if update is not None:
            take(update)
        written = sync / "written"
        if written.exists() and not (sync / "read-all").exists() and len(steps) >= int(written.read_text()):
            (sync / "read-all").touch()
        return False

    try:
        until(all_written_read, lambda: f"every record written; {len(steps)} records, events {kinds}", timeout=240, poll=0)
        assert writer.wait(timeout=60) == 0
        # The file is as it stays. Anything more would be a duplicate: the follower reads it
        # again now (its pace long past), and two barriers make sure that read came first (the
        # warning may be judged in the round that takes the resync; the alert comes in a later one).
        assert not stalls  # the follower's clock moved on by paces only while the writer wrote
        follower.resync()
        barrier(STALL_AFTER, "warn")
        barrier(2 * STALL_AFTER, "alert")  # alert: three times the warning's silence
    finally:
        follower.stop()
        writer.wait(timeout=60)
    while (update := follower.get(timeout=0)) is not None:  # and whatever came after the barrier
        take(update)
    assert writer.returncode == 0
    assert steps == [float(i) for i in range(LINES)]
    assert losses == [expected_loss(i) for i in range(LINES)]
    assert kinds.count("rotated") == 2 and kinds.count("truncated") == 1
    assert set(kinds) <= {"waiting", "opened", "rotated", "moved", "truncated"}
    assert stalls == ["warn", "alert"]  # the barriers, and nothing after them
