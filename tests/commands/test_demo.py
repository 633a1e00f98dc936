import os
import threading

from lossmon.app.widgets.badges import BadgeView
from lossmon.app.widgets.header import HeaderBar
from lossmon.cli import main
from lossmon.commands.demo import DemoRun, build_demo
from lossmon.engine import check_file
from tests.app.conftest import wait_loaded
from tests.conftest import DEADLINE, until


class HeldRun(DemoRun):
    """The demo's run, held at its ``hold_at``-th pause until the test lets it go on (``go_on``):
    the app then follows a log that is provably still being written, however busy the machine."""

    def __init__(self, run: DemoRun, hold_at: int) -> None:
        super().__init__(run.name, run.path, run.steps_per_second)
        self.hold_at, self.pauses = hold_at, 0
        self.held, self.go_on = threading.Event(), threading.Event()

    def _sleep(self, seconds: float) -> None:
        self.pauses += 1
        if self.pauses == self.hold_at:
            self.held.set()
            self.go_on.wait(DEADLINE)
        super()._sleep(seconds)


async def test_demo_writes_a_real_log_while_the_app_follows_it(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    demo, app = build_demo("nan_or_inf", str(tmp_path), steps_per_second=2_000)
    run = HeldRun(demo, hold_at=150)  # of its 393 pauses: before the NaN
    header = lambda: str(app.query_one(HeaderBar).text)  # noqa: E731
    async with app.run_test(size=(120, 40)) as pilot:
        run.start()
        await until(run.held.is_set, "the run to reach its hold", pilot=pilot)
        written = os.path.getsize(run.path)
        await until(lambda: " FOLLOW " in header() and app.views and app.views[0].log.bytes_read == written,
                    lambda: f"the app to follow what was written; the header: {header()}", pilot=pilot)
        assert not run.done and not app.query_one("#badge-nan_or_inf", BadgeView).has_class("-alert")
        run.go_on.set()  # the run goes on, the app following it
        await until(lambda: run.done and app.reader.logs[0].bytes_read == os.path.getsize(run.path),
                    "the run to end and the app to read all of it", pilot=pilot, timeout=120)
        await wait_loaded(app, pilot)
        assert run.error is None
        assert app.query_one("#badge-nan_or_inf", BadgeView).has_class("-alert")
        monitor = app.views[0].log.monitor
    written = check_file(run.path)  # the file on disk is a complete log
    assert written.records == monitor.records > 0
    assert {f.pathology for f in written.findings} == {f.pathology for f in monitor.findings}


def test_stopping_the_demo_ends_its_run(tmp_path):
    run, _ = build_demo("healthy", str(tmp_path), steps_per_second=10)
    run.start()
    until(lambda: os.path.exists(run.path), "the run's log")
    run.stop()
    assert run.done and run.error is None
    assert 0 < os.path.getsize(run.path) < 100_000  # a few steps written, far from the whole run


def test_demo_rejects_an_unknown_scenario(capsys):
    assert main(["demo", "--scenario", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown scenario" in err
