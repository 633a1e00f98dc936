"""header_scene: what the header says about a log, without a terminal."""

from __future__ import annotations

from lossmon.app.header_scene import header_info, position_note, view_header, waiting_header
from lossmon.app.live_log import LiveLog
from lossmon.app.scene import take_snapshot
from lossmon.engine import Monitor
from tests.conftest import ManualClock

from .conftest import trainer_lines, write_log


def _read(path) -> LiveLog:
    """A log read to its end, as the follower leaves it (its clock frozen at 10 s)."""
    log = LiveLog(str(path), Monitor(str(path)), clock=ManualClock(10.0))
    data = path.read_bytes()
    with log.lock:
        log.took(log.monitor.feed(data).records, len(data))
        log.took(log.monitor.finish().records)
    return log


def _header(log, **facts):
    options = dict(replay=False, records_at_pause=None, position="", show_elapsed=True, input_error=None)
    return header_info(log, take_snapshot(log), **{**options, **facts})


def test_a_followed_log_says_its_step_records_and_state(tmp_path):
    log = _read(write_log(tmp_path / "run.log", trainer_lines(300)))
    info = _header(log)
    assert (info.name, info.format_id, info.state) == ("run.log", log.monitor.format_id, "FOLLOW")
    assert info.last_step == 300 and info.records == log.monitor.records and info.note == ""
    assert info.elapsed == 0.0  # opened and shown at the same (frozen) time
    assert _header(log, show_elapsed=False).elapsed is None


def test_paused_it_counts_the_records_since_the_pause(tmp_path):
    log = _read(write_log(tmp_path / "run.log", trainer_lines(300)))
    records = log.monitor.records
    paused = _header(log, records_at_pause=records - 25)
    assert paused.state == "PAUSED" and paused.note == "25 new records (p: follow)"
    assert _header(log, records_at_pause=records).note == "p: follow"


def test_replay_position_and_errors_are_passed_on(tmp_path):
    log = _read(write_log(tmp_path / "run.log", trainer_lines(50)))
    info = _header(log, replay=True, position="2/3", input_error="the follower stopped: OSError: x")
    assert info.state == "REPLAY" and info.position == "2/3" and info.error.startswith("the follower stopped")


def test_a_log_with_no_metrics_says_why(tmp_path):
    path = tmp_path / "prose.log"
    path.write_text("hello\nworld\n")
    assert _header(_read(path)).note.startswith("no metrics in 2 lines read")


def test_position_and_waiting_headers():
    assert position_note(0, alerting_elsewhere=False, count=1) == ""
    assert position_note(1, alerting_elsewhere=False, count=3) == "2/3"
    assert position_note(0, alerting_elsewhere=True, count=2) == "1/2 (another log is alerting: ])"
    waiting = waiting_header(["runs/*.log"], None)
    assert (waiting.name, waiting.state, waiting.note) == ("runs/*.log", "WAITING", "no file matches yet")


def test_the_header_of_the_log_on_screen_says_where_it_is_and_who_else_alerts(tmp_path, tick_dir):
    from lossmon.app.log_view import LogView

    views = [LogView.open(_read(write_log(tmp_path / f"{name}.log", lines)), tick_dir) for name, lines in (
        ("calm", trainer_lines(100)), ("broken", trainer_lines(100, nan_at=90)),
    )]
    for view in views:
        view.catch_up()
    facts = dict(replay=False, show_elapsed=False, input_error=None)
    calm = view_header(views, 0, paused=False, **facts)
    assert calm.name == "calm.log" and calm.position == "1/2 (another log is alerting: ])" and calm.state == "FOLLOW"
    assert view_header(views, 1, paused=False, **facts).position == "2/2"  # the alerting log itself
    views[1].pause(True)
    paused = view_header(views, 1, paused=True, **facts)
    assert paused.state == "PAUSED" and paused.note == "p: follow"
