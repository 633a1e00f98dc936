"""A followed log that stops growing is stalled: judged on a ManualClock, never by sleeping."""

import gzip

from lossmon.engine import check_file
from lossmon.engine.follower import Follower
from tests.conftest import ManualClock
from tests.engine.test_follower import Collector, append, nano


def stalled_findings(collector):
    return [f for u in collector.updates for f in u.findings if f.pathology == "stalled"]


def test_a_log_that_stops_growing_warns_then_alerts_then_clears(tmp_path):
    log = tmp_path / "train.log"
    log.write_bytes(b"".join(nano(step, 2.0) for step in range(1, 50)))
    clock = ManualClock(1000.0)
    with Follower([str(log)], clock=clock) as follower:
        seen = Collector(follower).until(lambda c: len(c.records()) == 49)
        for step in range(50, 60):  # the run writes a line every 10 s
            clock.advance(10.0)
            append(log, nano(step, 1.9))
            seen.until(lambda c: c.steps()[-1] == step)
        monitor = follower.monitors[str(log)]
        assert monitor.stall.usual == 10.0 and monitor.stall.limits() == (60.0, 180.0)
        clock.advance(59.0)  # the writer hangs
        follower.tick()
        clock.advance(2.0)
        follower.tick()
        seen.until(lambda c: len(stalled_findings(c)) == 1)
        (warn,) = stalled_findings(seen)
        assert warn.severity == "warn" and warn.step == 59 and "no new record for 1 min" in warn.message
        assert monitor.status()["stalled"] is warn
        clock.advance(120.0)
        follower.tick()
        seen.until(lambda c: len(stalled_findings(c)) == 2)
        alert = stalled_findings(seen)[1]
        assert alert.severity == "alert" and alert.escalates
        clock.advance(1.0)  # (past the follower's pace, on the same clock)
        append(log, nano(60, 1.8))  # it was only slow: the badge clears
        seen.until(lambda c: c.steps()[-1] == 60)
        assert "stalled" not in monitor.status()
        (episode,) = [e for e in monitor.episodes if e.pathology == "stalled"]
        assert [f.severity for f in episode.escalations] == ["warn", "alert"]


def test_a_stall_after_given_on_the_command_line(tmp_path):
    log = tmp_path / "train.log"
    log.write_bytes(nano(1, 2.0))
    clock = ManualClock(1000.0)
    with Follower([str(log)], clock=clock, stall_after=5.0) as follower:
        seen = Collector(follower).until(lambda c: len(c.records()) == 1)
        clock.advance(6.0)
        follower.tick()
        seen.until(lambda c: len(stalled_findings(c)) == 1)
        assert "--stall-after 5.0 s" in stalled_findings(seen)[0].message


def test_finished_logs_never_stall(tmp_path):
    log = tmp_path / "train.log"
    log.write_bytes(b"".join(nano(step, 2.0) for step in range(1, 30)))
    packed = tmp_path / "old.log.gz"
    packed.write_bytes(gzip.compress(log.read_bytes()))
    clock = ManualClock(1000.0)
    with Follower([str(packed)], clock=clock, stall_after=1.0) as follower:
        seen = Collector(follower).until(lambda c: len(c.records()) == 29)
        clock.advance(1e6)
        follower.tick()
        assert follower.monitors[str(packed)].tick() == []
    assert stalled_findings(seen) == []
    checked = check_file(str(log))  # lossmon check reads a finished log: no clock, no stall
    assert checked.stall is None and checked.tick() == []
