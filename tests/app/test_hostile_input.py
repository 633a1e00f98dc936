"""The app over hostile input: values at the edges of float64 (it draws, switches views, never
warns), and a hostile directory and series names (shown escaped, never obeyed)."""

import json
import random
import warnings

import numpy as np

from lossmon.app.widgets.chart import ChartView
from lossmon.app.widgets.header import HeaderBar
from lossmon.app.widgets.timeline import Timeline
from tests.engine.test_safe_text import hidden

from .conftest import make_app, wait_loaded, write_log

EXTREMES = ["5e-324", "1e-320", "1e-300", "0", "-0", "1e300", "1.7976931348623157e308", "-1e308",
            "inf", "nan", "1.5", "2.0", "-1e-320"]


async def test_extreme_values_are_charted_in_every_view_without_a_warning(tmp_path, tick_dir):
    rng = random.Random(7)
    names = ("train_loss", "val_loss", "lr", "grad_norm", "recall")
    lines = [
        f"step={s} " + " ".join(f"{name}={rng.choice(EXTREMES)}" for name in names) for s in range(1, 700)
    ]
    log = write_log(tmp_path / "extreme.log", lines)
    app = make_app(log, tick_dir=tick_dir)
    with warnings.catch_warnings(), np.errstate(divide="warn", over="warn", invalid="warn", under="ignore"):
        warnings.simplefilter("error")
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_loaded(app, pilot)
            for key in ("s", "l", "w", "x", "s", "l", "w", "x"):  # smoothing, log scale, window, x axis
                await pilot.press(key)
                await pilot.pause()
            assert app.query_one("#main-chart", ChartView).text
            assert app.is_running


async def test_a_hostile_directory_and_names_are_shown_escaped(tmp_path, tick_dir):
    directory = tmp_path / "r\x1b]0;pwned\x07\x1b[2J"
    directory.mkdir()
    name = "loss\u202e[bold]x[/]"
    lines = [json.dumps({"step": s, name: 2.0 - s / 100 if s < 25 else float("nan")}) for s in range(1, 31)]
    log = write_log(directory / "train.jsonl", lines)
    app = make_app(log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        header = str(app.query_one(HeaderBar).text)
        assert "train.jsonl" in header  # the header names the file, not its directory
        chart = app.query_one("#main-chart", ChartView).text
        assert "loss\\u202e[bold]x[/]" in chart
        timeline = app.query_one(Timeline)
        options = [timeline.get_option_at_index(i).prompt for i in range(timeline.option_count)]
        assert any("\\u202e" in str(option) for option in options)  # the NaN finding names the series
        texts = [header, chart, *(str(option) for option in options)]
        for text in texts:
            assert hidden(text.replace("\n", "")) == []


async def test_names_past_max_series_are_announced_once(tmp_path, tick_dir):
    from functools import partial

    from lossmon.engine import Monitor

    lines = [json.dumps({"step": s, "loss": 2.0 - s / 100, f"key_{s}": 0.5}) for s in range(1, 41)]
    log = write_log(tmp_path / "many.jsonl", lines)
    app = make_app(log, tick_dir=tick_dir, make_monitor=partial(Monitor, max_series=5))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.pause()
        notes = [(n.title, n.message) for n in app._notifications]
        assert notes == [("Too many series", f"{log}: more than 5 distinct metric names; 36 more were not kept "
                          "(raise the limit with --max-series N)")]
