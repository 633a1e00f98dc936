"""Regenerate the README screenshots: SVG exported by the app itself.

    .venv/bin/python docs/screenshots/make_screenshots.py
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from lossmon.app.app import LossmonApp  # noqa: E402
from lossmon.app.reader import LogReader  # noqa: E402
from tests.app.conftest import wait_loaded  # noqa: E402  (the tests wait for the picture the same way)

SHOTS = (
    # (file name, log, size, light theme, NO_COLOR and --ascii)
    ("full-exploding.svg", "demo_logs/exploding_loss.log", (120, 40), False, False),
    ("side-nan.svg", "demo_logs/nan_or_inf.log", (50, 30), False, False),
    ("full-overfitting-light.svg", "demo_logs/overfitting.csv", (120, 40), True, False),
    ("side-healthy-light.svg", "demo_logs/healthy.log", (50, 30), True, False),
    ("side-overfitting-nocolor-ascii.svg", "demo_logs/overfitting.csv", (50, 30), False, True),
)


async def shoot(name: str, log: str, size: tuple[int, int], light: bool, plain: bool) -> None:
    reader = LogReader([str(ROOT / log)], clock=lambda: 0.0, pace=0)  # (a clock standing still: no pace to wait for)
    if plain:
        os.environ["NO_COLOR"] = "1"  # read when the app is made
    else:
        os.environ.pop("NO_COLOR", None)
    app = LossmonApp(reader, light=light, show_elapsed=False, ascii=plain)
    app.blink_interval = 3600.0
    async with app.run_test(size=size) as pilot:
        await wait_loaded(app, pilot)
        app.save_screenshot(name, str(Path(__file__).parent))


REAL_LOGS = next(p for p in (ROOT.parent / "shared" / "real-logs", Path("/work/shared/real-logs")) if p.exists())
# The overlay (key o): two speedrun records of one track (../shared/real-logs) and a diverging demo
# run, llm.c pinned as the baseline (the run list gives the others' gap and speedup to it).
OVERLAY = [
    REAL_LOGS / "modded-nanogpt-adamw.log", REAL_LOGS / "llmc-main.log", ROOT / "demo_logs/exploding_loss.log",
]


async def shoot_overlay(name: str, size: tuple[int, int]) -> None:
    os.environ.pop("NO_COLOR", None)
    reader = LogReader([str(p) for p in OVERLAY], clock=lambda: 0.0, pace=0)
    app = LossmonApp(reader, show_elapsed=False, baseline=str(OVERLAY[1]))
    app.blink_interval = 3600.0
    async with app.run_test(size=size) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("o")
        await wait_loaded(app, pilot)
        app.save_screenshot(name, str(Path(__file__).parent))


for shot in SHOTS:
    asyncio.run(shoot(*shot))
    print("wrote", shot[0])
asyncio.run(shoot_overlay("full-overlay.svg", (120, 40)))
print("wrote full-overlay.svg")
