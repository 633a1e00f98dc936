"""The app over values at the edges of float64: it draws, switches views, and never warns."""

import random
import warnings

import numpy as np

from lossmon.app.widgets.chart import ChartView

from .conftest import make_app, write_log

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
            await app.wait_loaded(pilot)
            for key in ("s", "l", "w", "x", "s", "l", "w", "x"):  # smoothing, log scale, window, x axis
                await pilot.press(key)
                await pilot.pause()
            assert app.query_one("#main-chart", ChartView).text
            assert app.is_running
