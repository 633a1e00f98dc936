from lossmon.app.widgets.badges import BadgeView
from lossmon.app.widgets.header import HeaderBar
from lossmon.cli import main
from lossmon.commands.demo import build_demo_app
from lossmon.engine import check_file


async def test_demo_writes_a_real_log_while_the_app_follows_it(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = build_demo_app("nan_or_inf", str(tmp_path), steps_per_second=50_000)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        assert "LIVE" in str(app.query_one(HeaderBar).render()) or not app.loading
        await app.wait_loaded(pilot, timeout=120)
        badge = app.query_one("#badge-nan_or_inf", BadgeView)
        assert badge.has_class("-alert")
        monitor = app.views[0].log.monitor
    written = check_file(str(tmp_path / "nan_or_inf.log"))  # the file on disk is a complete log
    assert written.records == monitor.records > 0
    assert {f.pathology for f in written.findings} == {f.pathology for f in monitor.findings}


def test_demo_rejects_an_unknown_scenario(capsys):
    assert main(["demo", "--scenario", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown scenario" in err
