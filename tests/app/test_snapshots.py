"""Snapshot tests: the full and side-pane layouts, healthy and alerting.

Deterministic by construction: fixed terminal sizes, a frozen clock (no elapsed time, a fixed
records/s), no blinking, logs made by a seeded generator. Update with ``--snapshot-update``
after looking at the new screens.
"""

import pytest

from .conftest import make_app, wait_loaded

LAYOUTS = {"full": (120, 40), "side": (50, 30)}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("run", ["healthy", "alerting"])
def test_layouts(layout, run, healthy_log, nan_log, tick_dir, snap_compare):
    app = make_app(healthy_log if run == "healthy" else nan_log)

    async def loaded(pilot):
        await wait_loaded(app, pilot)

    assert snap_compare(app, terminal_size=LAYOUTS[layout], run_before=loaded)


def test_smallest_screen_in_ascii(nan_log, tick_dir, snap_compare):
    app = make_app(nan_log, ascii=True)

    async def loaded(pilot):
        await wait_loaded(app, pilot)

    assert snap_compare(app, terminal_size=(40, 20), run_before=loaded)


# Severity must read without colour: the same alerting log in each mode a terminal may give.
MODES = {
    "no-color": {"env": {"NO_COLOR": "1"}, "options": {}},
    "no-color-ascii": {"env": {"NO_COLOR": "1"}, "options": {"ascii": True}},
    "ansi-16": {"env": {}, "options": {}, "theme": "ansi-dark"},  # the 16 colours of the terminal
}


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_severity_without_colour(mode, layout, nan_log, tick_dir, snap_compare, monkeypatch):
    for name, value in MODES[mode]["env"].items():
        monkeypatch.setenv(name, value)
    app = make_app(nan_log, **MODES[mode]["options"])
    if "theme" in MODES[mode]:
        app.theme = MODES[mode]["theme"]

    async def loaded(pilot):
        await wait_loaded(app, pilot)

    assert snap_compare(app, terminal_size=LAYOUTS[layout], run_before=loaded)
