"""LogView: a snapshot taken again only when the log changed, and badges that follow the log."""

from __future__ import annotations

from lossmon.app.live_log import LiveLog
from lossmon.app.log_view import LogView
from lossmon.engine import Monitor
from tests.conftest import ManualClock

from .conftest import trainer_lines, write_log


def _read(log: LiveLog, data: bytes) -> None:
    """The reader's part: the monitor reads ``data`` and the log notes it (under its lock)."""
    with log.lock:
        log.took(log.monitor.feed(data).records, log.bytes_read + len(data))


def test_a_snapshot_is_taken_again_only_when_the_log_changed(tmp_path, tick_dir):
    lines = trainer_lines(600, nan_at=560)
    path = write_log(tmp_path / "run.log", lines[:400])
    log = LiveLog(str(path), Monitor(str(path)), clock=ManualClock())
    view = LogView.open(log, tick_dir)
    _read(log, path.read_bytes())
    assert view.catch_up() and view.snapshot.records > 0
    first = view.snapshot
    assert not view.catch_up() and view.snapshot is first  # nothing new: the same snapshot
    assert all(badge.severity is None for badge in view.board)
    _read(log, ("\n".join(lines[400:]) + "\n").encode())
    assert view.catch_up() and view.snapshot is not first
    nan = view.board.badges["nan_or_inf"]
    assert nan.severity == "alert" and nan.flashing


def test_a_log_not_on_screen_lights_its_badges_without_a_snapshot(tmp_path, tick_dir):
    path = write_log(tmp_path / "run.log", trainer_lines(100, nan_at=90))
    log = LiveLog(str(path), Monitor(str(path)), clock=ManualClock())
    view = LogView.open(log, tick_dir)
    _read(log, path.read_bytes())
    view.update_badges()
    assert view.board.badges["nan_or_inf"].severity == "alert" and view.snapshot is None


def test_pausing_counts_the_records_from_then_on_as_news(tmp_path, tick_dir):
    path = write_log(tmp_path / "run.log", trainer_lines(100))
    log = LiveLog(str(path), Monitor(str(path)), clock=ManualClock())
    assert LogView.open(log, tick_dir, paused=True).records_at_pause == 0  # opened while paused: all is news
    view = LogView.open(log, tick_dir)
    _read(log, path.read_bytes())
    view.pause(True)
    assert view.records_at_pause == log.monitor.records > 0
    view.pause(False)
    assert view.records_at_pause is None
