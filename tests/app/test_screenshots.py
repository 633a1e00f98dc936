from datetime import datetime
from pathlib import Path

from lossmon.app.screenshots import screenshot_dir, screenshot_path

from .conftest import make_app

WHEN = datetime(2025, 1, 31, 3, 15, 2)


def test_the_name_says_which_log_and_when_and_never_overwrites(tmp_path):
    first = screenshot_path("train.log", tmp_path, WHEN)
    assert first == tmp_path / "lossmon-train-20250131-031502.svg"
    first.write_text("<svg/>")
    assert screenshot_path("train.log", tmp_path, WHEN).name == "lossmon-train-20250131-031502-2.svg"
    assert screenshot_path("[bold]x y/../z.log", tmp_path, WHEN).name == "lossmon-z-20250131-031502.svg"
    assert screenshot_path("stdin", tmp_path, WHEN).name == "lossmon-stdin-20250131-031502.svg"


def test_the_current_directory_when_writable(tmp_path):
    assert screenshot_dir(tmp_path) == tmp_path


async def test_the_screenshot_key_saves_an_svg_and_says_where(nan_log, tick_dir, tmp_path, monkeypatch):
    shots = tmp_path / "shots"
    shots.mkdir()
    monkeypatch.chdir(shots)
    app = make_app(nan_log)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_loaded(pilot)
        await pilot.press("S")
        await pilot.pause(0.1)
        saved = list(shots.glob("lossmon-nan-*.svg"))
        assert len(saved) == 1
        notices = [(n.title, n.message) for n in app._notifications]
        assert notices == [("Screenshot saved", str(saved[0]))]
    svg = saved[0].read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "NaN/Inf" in svg and "nan.log" in svg
    assert Path(saved[0]).stat().st_size > 10_000
