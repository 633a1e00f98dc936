from datetime import datetime
from pathlib import Path

from lossmon.app.screenshots import screenshot_dir, screenshot_path

from .conftest import make_app, until, wait_loaded

WHEN = datetime(2025, 1, 31, 3, 15, 2)


def test_the_name_says_which_log_and_when_and_never_overwrites(tmp_path):
    first = screenshot_path("train.log", tmp_path, WHEN)
    assert first == tmp_path / "lossmon-train-20250131-031502.svg"
    first.write_text("<svg/>")
    assert screenshot_path("train.log", tmp_path, WHEN).name == "lossmon-train-20250131-031502-2.svg"
    assert screenshot_path("[bold]x y/../z.log", tmp_path, WHEN).name == "lossmon-z-20250131-031502.svg"
    assert screenshot_path("stdin", tmp_path, WHEN).name == "lossmon-stdin-20250131-031502.svg"


def test_the_state_directory_unless_one_is_chosen(tmp_path, tick_dir):
    assert screenshot_dir() == tick_dir / "lossmon" / "screenshots"
    assert screenshot_dir().is_dir()
    assert screenshot_dir(tmp_path / "mine" / "shots") == tmp_path / "mine" / "shots"
    assert (tmp_path / "mine" / "shots").is_dir()


async def test_the_screenshot_key_saves_an_svg_outside_the_current_directory(nan_log, tick_dir, tmp_path, monkeypatch):
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.chdir(checkout)  # a git checkout, say: nothing may land here
    app = make_app(nan_log)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("S")
        await until(lambda: app._notifications, "the screenshot's notice", pilot=pilot)
        shots = tick_dir / "lossmon" / "screenshots"
        saved = list(shots.glob("lossmon-nan-*.svg"))
        assert len(saved) == 1 and not list(checkout.iterdir())
        notices = [(n.title, n.message) for n in app._notifications]
        assert notices == [("Screenshot saved", str(saved[0]))]
    svg = saved[0].read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "NaN/Inf" in svg and "nan.log" in svg
    assert Path(saved[0]).stat().st_size > 10_000


async def test_screenshot_dir_chooses_where(nan_log, tick_dir, tmp_path):
    app = make_app(nan_log, screenshots=str(tmp_path / "here"))
    async with app.run_test(size=(60, 24)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("S")
        await until(lambda: app._notifications, "the screenshot's notice", pilot=pilot)
    assert len(list((tmp_path / "here").glob("lossmon-nan-*.svg"))) == 1
