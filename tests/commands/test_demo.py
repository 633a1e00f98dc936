import os
import time

from lossmon.app.widgets.badges import BadgeView
from lossmon.app.widgets.header import HeaderBar
from lossmon.cli import main
from lossmon.commands.demo import build_demo
from lossmon.engine import check_file
from tests.app.conftest import wait_loaded


async def test_demo_writes_a_real_log_while_the_app_follows_it(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    # ~2 s of writing: long enough that the app is following well before the run ends, on a slow machine too
    run, app = build_demo("nan_or_inf", str(tmp_path), steps_per_second=2_000)
    async with app.run_test(size=(120, 40)) as pilot:
        run.start()
        deadline = time.monotonic() + 120
        seen = set()
        while time.monotonic() < deadline:  # until the run is over and the app read all of it
            seen.add(str(app.query_one(HeaderBar).text))
            logs = app.reader.logs
            if run.done and logs and logs[0].bytes_read == os.path.getsize(run.path):
                break
            await pilot.pause(0.02)
        await wait_loaded(app, pilot)
        assert run.done and run.error is None
        assert any(" FOLLOW " in header for header in seen)  # followed while it was written
        assert app.query_one("#badge-nan_or_inf", BadgeView).has_class("-alert")
        monitor = app.views[0].log.monitor
    written = check_file(run.path)  # the file on disk is a complete log
    assert written.records == monitor.records > 0
    assert {f.pathology for f in written.findings} == {f.pathology for f in monitor.findings}


def test_stopping_the_demo_ends_its_run(tmp_path):
    run, _ = build_demo("healthy", str(tmp_path), steps_per_second=10)
    run.start()
    deadline = time.monotonic() + 20
    while not os.path.exists(run.path) and time.monotonic() < deadline:
        time.sleep(0.02)
    run.stop()
    assert run.done and run.error is None
    assert 0 < os.path.getsize(run.path) < 100_000  # a few steps written, far from the whole run


def test_demo_rejects_an_unknown_scenario(capsys):
    assert main(["demo", "--scenario", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown scenario" in err
