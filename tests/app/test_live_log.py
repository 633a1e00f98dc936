"""LiveLog: what the app knows of one followed log between two refreshes."""

from lossmon.app.live_log import LiveLog
from lossmon.engine.monitor import Monitor
from tests.conftest import ManualClock


def test_the_elapsed_time_stops_when_the_input_is_finished(tmp_path):
    # A replay that is DONE, or a .gz read to its end: the header's clock must not run on when a
    # pause or a resize redraws it.
    path = tmp_path / "run.log"
    path.write_text("step 1 loss 0.5\n", encoding="utf-8")
    clock = ManualClock(100.0)
    log = LiveLog(str(path), Monitor(str(path)), clock=clock, reads_to_end=True)
    clock.advance(7.0)
    assert log.elapsed == 7.0  # still reading: the clock runs
    log.event("finished", "")
    clock.advance(60.0)
    assert log.elapsed == 7.0
    log.event("finished", "")  # (said again: still the first end)
    assert log.elapsed == 7.0
