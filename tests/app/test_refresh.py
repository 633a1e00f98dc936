"""The redraw throttle and the one planned redraw, on a clock and timers the test moves."""

from __future__ import annotations

import pytest

from lossmon.app.refresh import (
    LOADING_PANES_INTERVAL, LOADING_REFRESH_INTERVAL, MIN_DELAY, REFRESH_INTERVAL, PlannedRefresh, RefreshThrottle,
)

from tests.conftest import ManualClock


@pytest.mark.parametrize("loading, interval", [(False, REFRESH_INTERVAL), (True, LOADING_REFRESH_INTERVAL)])
def test_frames_are_spaced_by_the_interval(loading, interval):
    clock = ManualClock(100.0)
    throttle = RefreshThrottle(clock)
    assert throttle.delay(loading) == MIN_DELAY  # nothing drawn yet: at once
    throttle.frame_drawn()
    assert throttle.delay(loading) == pytest.approx(interval)
    clock.advance(interval / 4)
    assert throttle.delay(loading) == pytest.approx(interval * 3 / 4)
    clock.advance(interval)
    assert throttle.delay(loading) == MIN_DELAY  # overdue: never in the same tick


def test_the_lists_are_redrawn_every_frame_once_loaded_and_seldom_while_loading():
    clock = ManualClock(100.0)
    throttle = RefreshThrottle(clock)
    assert throttle.panes_due(loading=True)  # the first frame shows them
    clock.advance(LOADING_PANES_INTERVAL / 2)
    assert not throttle.panes_due(loading=True)
    assert throttle.panes_due(loading=False) and throttle.panes_due(loading=False)
    clock.advance(LOADING_PANES_INTERVAL / 2)
    assert not throttle.panes_due(loading=True)
    clock.advance(LOADING_PANES_INTERVAL)
    assert throttle.panes_due(loading=True)


class Timers:
    """Textual's ``set_timer`` as the test sees it: the timers set, fired when the test says."""

    def __init__(self) -> None:
        self.set: list[list] = []  # [delay, callback, stopped]

    def __call__(self, delay, callback):
        timer = [delay, callback, False]
        self.set.append(timer)
        return type("Timer", (), {"stop": lambda _: timer.__setitem__(2, True)})()

    def fire(self) -> None:
        delay, callback, stopped = self.set[-1]
        assert not stopped
        callback()


def test_many_changes_before_the_timer_fires_cost_one_frame():
    clock, timers, frames = ManualClock(100.0), Timers(), []
    planned = PlannedRefresh(timers, lambda: frames.append(clock.now), RefreshThrottle(clock))
    planned.plan(None, loading=False)
    planned.plan(None, loading=False)
    planned.plan(0.0, loading=False)  # not hurried: the plan stands
    assert len(timers.set) == 1 and planned.pending
    timers.fire()
    assert frames == [100.0] and not planned.pending
    planned.plan(None, loading=False)  # just drawn: the throttle spaces the next frame
    assert timers.set[-1][0] == pytest.approx(REFRESH_INTERVAL)
    planned.plan(0.0, loading=False, hurry=True)  # a key: sooner, in place of the planned one
    assert timers.set[-2][2] and timers.set[-1][0] == 0.01 and len(timers.set) == 3
    timers.fire()
    assert len(frames) == 2 and not planned.pending


def test_the_charts_are_redrawn_every_frame_once_loaded_and_every_few_seconds_while_loading():
    from lossmon.app.refresh import LOADING_CHARTS_INTERVAL

    clock = ManualClock(100.0)
    throttle = RefreshThrottle(clock)
    assert throttle.charts_due(loading=True)  # the first picture of the history shows them
    for _ in range(int(LOADING_CHARTS_INTERVAL / LOADING_REFRESH_INTERVAL) - 1):
        clock.advance(LOADING_REFRESH_INTERVAL)  # frames a second apart: header and progress only
        assert not throttle.charts_due(loading=True)
    clock.advance(LOADING_REFRESH_INTERVAL)
    assert throttle.charts_due(loading=True)
    assert throttle.charts_due(loading=False) and throttle.charts_due(loading=False)  # loaded: every frame
    assert not throttle.charts_due(loading=True)  # a load that starts again (a new file) waits its turn


def test_while_loading_the_charts_and_lists_also_wait_for_the_process_work():
    """On a busy machine the history's load takes longer on the wall clock for the same work:
    the charts and the lists wait for their interval of this process's CPU time too, so that
    drawing stays the same share of the load. Once loaded, every frame has them."""
    from lossmon.app.refresh import LOADING_CHARTS_INTERVAL

    clock, work = ManualClock(100.0), ManualClock(5.0)
    throttle = RefreshThrottle(clock, work)
    assert throttle.charts_due(loading=True) and throttle.panes_due(loading=True)  # the first picture
    clock.advance(LOADING_PANES_INTERVAL)  # the wall clock moved on, the work only a quarter as far
    work.advance(LOADING_PANES_INTERVAL / 4)
    assert not throttle.charts_due(loading=True) and not throttle.panes_due(loading=True)
    work.advance(LOADING_CHARTS_INTERVAL - LOADING_PANES_INTERVAL / 4)
    assert throttle.charts_due(loading=True) and not throttle.panes_due(loading=True)
    work.advance(LOADING_PANES_INTERVAL)
    assert throttle.panes_due(loading=True)
    assert throttle.charts_due(loading=False) and throttle.panes_due(loading=False)  # loaded: every frame
    # An idle machine: the work keeps up with the wall clock, which decides as before.
    clock.advance(LOADING_CHARTS_INTERVAL / 2)
    work.advance(LOADING_CHARTS_INTERVAL)
    assert not throttle.charts_due(loading=True)
    clock.advance(LOADING_CHARTS_INTERVAL / 2)
    assert throttle.charts_due(loading=True)
