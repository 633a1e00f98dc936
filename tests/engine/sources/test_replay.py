"""A replay hands over the records due by its clock (a ManualClock here): its pace, pauses, its end,
and the same records and findings as check, whatever the pace."""

import pytest

from lossmon.engine import check_file
from lossmon.engine.errors import LossmonError
from lossmon.engine.followed import FollowedInput
from lossmon.engine.monitor import Monitor
from lossmon.engine.sources.replay import ReplaySource
from tests.conftest import ManualClock


def nano_log(path, steps: int, nan_at: int | None = None) -> str:
    lines = ["# a header line that is no record"]
    for step in range(steps):
        loss = "nan" if step == nan_at else f"{3.0 - step * 0.002:.4f}"
        lines.append(f"iter {step}: loss {loss}, time 10.00ms, mfu 1.00%")
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def replay(path: str, speed: float, clock: ManualClock) -> tuple[FollowedInput, ReplaySource]:
    monitor = Monitor(path)
    source = ReplaySource(path, speed, lambda: monitor.records, clock)
    return FollowedInput(monitor, source), source


def test_records_come_at_the_requested_pace_and_the_detectors_fire_as_they_go(tmp_path):
    path = nano_log(tmp_path / "train.log", 600, nan_at=500)
    clock = ManualClock(100.0)
    replayed, source = replay(path, 100, clock)
    replayed.pump(1 << 20)  # opens it: nothing is due yet
    assert replayed.monitor.records == 0
    for second in range(1, 5):
        clock.advance(1.0)
        replayed.pump(1 << 20)
        # lines per record is estimated from what was fed (a header line): a record or two off
        assert 100 * second - 2 <= replayed.monitor.records <= 100 * second + 2
    assert not replayed.monitor.findings  # the NaN comes at step 500
    events = []
    while not source.done:
        clock.advance(1.0)
        replayed.pump(1 << 20)
        for update in replayed.take_updates():
            events += [event.kind for event in update.events]
    assert events[-1] == "finished" and replayed.monitor.records == 600
    alone = check_file(path)
    assert [(f.pathology, f.step, f.line) for f in replayed.monitor.findings] == [
        (f.pathology, f.step, f.line) for f in alone.findings
    ]
    assert {f.pathology for f in alone.findings} >= {"nan_or_inf"}


def test_a_paused_replay_hands_over_nothing_and_paused_time_does_not_count(tmp_path):
    path = nano_log(tmp_path / "train.log", 300)
    clock = ManualClock(100.0)
    replayed, source = replay(path, 100, clock)
    replayed.pump(1 << 20)
    clock.advance(1.0)
    replayed.pump(1 << 20)
    before = replayed.monitor.records
    source.paused = True
    clock.advance(50.0)
    replayed.pump(1 << 20)
    assert replayed.monitor.records == before
    source.paused = False
    clock.advance(1.0)
    replayed.pump(1 << 20)
    assert before < replayed.monitor.records <= before + 105  # one second more (lines per record estimated), not 51


def test_a_burst_is_handed_over_a_budget_at_a_time_in_whole_lines(tmp_path):
    path = nano_log(tmp_path / "train.log", 2000)
    clock = ManualClock(100.0)
    replayed, source = replay(path, 1e9, clock)  # everything is due at once
    replayed.pump(4096)
    clock.advance(1.0)
    replayed.pump(4096)
    assert source.position <= 4096 + 100 and replayed.monitor.splitter.pending_bytes == 0
    while not source.done:
        replayed.pump(4096)
    assert replayed.monitor.records == 2000


def test_a_bad_speed_and_a_missing_file_are_clear_errors(tmp_path):
    with pytest.raises(LossmonError, match="--speed must be positive"):
        ReplaySource("train.log", 0, lambda: 0)
    replayed, source = replay(str(tmp_path / "missing.log"), 10, ManualClock(100.0))
    replayed.pump(1 << 20)
    kinds = [event.kind for update in replayed.take_updates() for event in update.events]
    assert kinds == ["error", "finished"] and source.done  # over all the same: the next replay's turn
