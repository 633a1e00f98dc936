"""The app on a log that stops growing: the header says since when, the STALLED badge lights,
--notify tells; on a ManualClock given to the reader (no sleeping)."""

from lossmon.app.alerting import AlertOptions
from lossmon.app.app import LossmonApp
from lossmon.app.reader import LogReader
from lossmon.app.widgets.badges import BadgeView
from lossmon.app.widgets.header import HeaderBar
from lossmon.engine import Monitor
from tests.conftest import ManualClock

from .conftest import append_lines, trainer_lines, until, wait_loaded, write_log


def _header(app) -> str:
    return str(app.query_one(HeaderBar).text)


async def test_the_header_says_when_the_last_record_came_and_the_badge_lights(tmp_path, tick_dir):
    log = write_log(tmp_path / "train.log", trainer_lines(200))
    clock, written = ManualClock(1000.0), []
    reader = LogReader([str(log)], Monitor, clock=clock)
    app = LossmonApp(reader, show_elapsed=False, alerts=AlertOptions(level="warn", notify=True), terminal_write=written.append)
    app.blink_interval = 3600.0
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert "last record" not in _header(app)
        clock.advance(14 * 60 + 5)  # the run hangs: its pace is not known yet, so 5 min is a stall
        reader.follower.tick()
        await until(lambda: "last record 14 min ago" in _header(app), "the silence in the header", pilot=pilot)
        await until(lambda: app.query(BadgeView).filter("#badge-stalled"), "the stalled badge", pilot=pilot)
        assert app.query_one("#badge-stalled", BadgeView).has_class("-warn")
        assert any("STALLED in train.log" in text for text in written)
        clock.advance(1.0)  # (past the follower's pace, on the same clock)
        append_lines(log, trainer_lines(201)[-1:])  # the run goes on: the badge clears
        await until(lambda: "last record" not in _header(app), "the header to calm down", pilot=pilot)
        # no longer lit, and not healthy either: a stall that cleared stays shown as cleared
        badge = app.query_one("#badge-stalled", BadgeView)
        assert badge.has_class("-cleared") and not badge.has_class("-warn")
