"""timeline: bounded anchors, and the read-time axis of a followed log (an injected clock)."""

from lossmon.engine import Monitor
from lossmon.engine.alignment import axis_map
from lossmon.engine.timeline import MAX_ANCHORS, Anchors
from tests.conftest import ManualClock


def test_anchors_stay_bounded_and_keep_both_ends():
    anchors = Anchors()
    for step in range(100_000):
        anchors.add(float(step), 2.0 * step)
    steps, xs = anchors.arrays()
    assert len(steps) <= MAX_ANCHORS + 1
    assert steps[0] == 0 and steps[-1] == 99_999
    assert (xs == 2 * steps).all()
    spacing = set((steps[1:-1] - steps[:-2]).tolist())
    assert len(spacing) == 1  # evenly spread over the whole run, not crowded at its end


def test_anchors_keep_the_first_time_of_a_step_and_count_a_falling_counter():
    anchors = Anchors()
    for step, x in [(1, 10), (2, 20), (2, 25), (1, 30), (3, 15), (4, 40)]:
        anchors.add(float(step), float(x))
    assert anchors.arrays()[0].tolist() == [1, 2, 4] and anchors.backwards == 1


def _llmc_lines(real_logs, count):
    return [line for line in (real_logs / "llmc-main.log").read_text().splitlines() if " trl:" in line][:count]


def test_read_time_while_following(real_logs):
    """llm.c's log has no timestamps: while it is followed, the time is when lines were read.
    What was in the file when following began is at 0; what came later, at its arrival."""
    lines = _llmc_lines(real_logs, 300)
    clock = ManualClock(1000.0)
    monitor = Monitor("train.log")
    monitor.follow_stalls(clock)
    monitor.feed(("\n".join(lines[:100]) + "\n").encode())  # the backlog
    monitor.tick()  # caught up, at t=1000
    assert axis_map(monitor, "time") is None  # nothing was read after the backlog yet
    clock.advance(10.0)
    monitor.feed(("\n".join(lines[100:200]) + "\n").encode())
    clock.advance(20.0)
    monitor.feed(("\n".join(lines[200:]) + "\n").encode())
    time = axis_map(monitor, "time")
    assert time.label == "time since first record (as read)"
    step = lambda line: float(line.split()[0][2:])  # noqa: E731 - "s:199 trl:..." → 199
    assert time.to_x([step(lines[0]), step(lines[99]), step(lines[199]), step(lines[299])]).tolist() == [0, 0, 10, 30]


def test_a_finished_log_read_at_once_has_no_read_time(real_logs):
    clock = ManualClock(1000.0)
    monitor = Monitor("train.log")
    monitor.follow_stalls(clock)
    monitor.feed(("\n".join(_llmc_lines(real_logs, 300)) + "\n").encode())
    monitor.tick()
    clock.advance(60)
    monitor.tick()
    assert axis_map(monitor, "time") is None


def test_a_logs_own_timestamps_win_over_the_read_time():
    lines = [
        f"2023/06/14 06:{55 + k // 60:02d}:{k % 60:02d} - mmengine - INFO - Iter(train) [{k:3d}/400]  loss: {1 - k / 1000:.4f}"
        for k in range(1, 121)
    ]
    clock = ManualClock(1000.0)
    monitor = Monitor("train.log")
    monitor.follow_stalls(clock)
    monitor.tick()
    for k in range(0, 120, 10):
        clock.advance(100)  # read far slower than written: the stamps say when
        monitor.feed(("\n".join(lines[k : k + 10]) + "\n").encode())
    time = axis_map(monitor, "time")
    assert time.label == "time since first record"
    assert time.to_x([1.0, 61.0, 120.0]).tolist() == [0, 60, 119]


def test_a_rewritten_file_starts_a_new_timeline():
    """The same path, a new run (the file truncated and written again): its time starts again."""
    def lines(hour, count):
        return "".join(
            f"2023/06/14 {hour:02d}:00:{k:02d} - mmengine - INFO - Iter(train) [{k:3d}/400]  loss: 0.5\n"
            for k in range(1, count + 1)
        ).encode()

    monitor = Monitor("train.log")
    monitor.feed(lines(6, 40))
    monitor.restart()
    monitor.feed(lines(9, 20))
    time = axis_map(monitor, "time")
    assert time.to_x([1.0, 20.0]).tolist() == [0, 19]
