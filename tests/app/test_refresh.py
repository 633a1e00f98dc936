"""The redraw throttle, on a clock the test moves."""

from __future__ import annotations

import pytest

from lossmon.app.refresh import LOADING_PANES_INTERVAL, LOADING_REFRESH_INTERVAL, MIN_DELAY, REFRESH_INTERVAL, RefreshThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("loading, interval", [(False, REFRESH_INTERVAL), (True, LOADING_REFRESH_INTERVAL)])
def test_frames_are_spaced_by_the_interval(loading, interval):
    clock = Clock()
    throttle = RefreshThrottle(clock)
    assert throttle.delay(loading) == MIN_DELAY  # nothing drawn yet: at once
    throttle.frame_drawn()
    assert throttle.delay(loading) == pytest.approx(interval)
    clock.now += interval / 4
    assert throttle.delay(loading) == pytest.approx(interval * 3 / 4)
    clock.now += interval
    assert throttle.delay(loading) == MIN_DELAY  # overdue: never in the same tick


def test_the_lists_are_redrawn_every_frame_once_loaded_and_seldom_while_loading():
    clock = Clock()
    throttle = RefreshThrottle(clock)
    assert throttle.panes_due(loading=True)  # the first frame shows them
    clock.now += LOADING_PANES_INTERVAL / 2
    assert not throttle.panes_due(loading=True)
    assert throttle.panes_due(loading=False) and throttle.panes_due(loading=False)
    clock.now += LOADING_PANES_INTERVAL / 2
    assert not throttle.panes_due(loading=True)
    clock.now += LOADING_PANES_INTERVAL
    assert throttle.panes_due(loading=True)


def test_the_charts_are_redrawn_every_frame_once_loaded_and_every_few_seconds_while_loading():
    from lossmon.app.refresh import LOADING_CHARTS_INTERVAL

    clock = Clock()
    throttle = RefreshThrottle(clock)
    assert throttle.charts_due(loading=True)  # the first picture of the history shows them
    for _ in range(int(LOADING_CHARTS_INTERVAL / LOADING_REFRESH_INTERVAL) - 1):
        clock.now += LOADING_REFRESH_INTERVAL  # frames a second apart: header and progress only
        assert not throttle.charts_due(loading=True)
    clock.now += LOADING_REFRESH_INTERVAL
    assert throttle.charts_due(loading=True)
    assert throttle.charts_due(loading=False) and throttle.charts_due(loading=False)  # loaded: every frame
    assert not throttle.charts_due(loading=True)  # a load that starts again (a new file) waits its turn
