"""The stalled detector judges wall time between records, on an injected clock."""

from lossmon.engine.detectors.stalled import FLOOR, StallWatch, format_duration


def live_watch(pace: float, arrivals: int = 6) -> tuple[StallWatch, float]:
    """A watch that read a history burst, then saw records every ``pace`` seconds live."""
    watch = StallWatch()
    for i in range(5):  # the history, read in a burst at start-up
        watch.arrived(0.001 * i)
    assert watch.check(0.01, 100.0, 500) is None  # caught up: following from now on
    now = 0.01
    for _ in range(arrivals):
        now += pace
        watch.arrived(now)
    return watch, now


def test_the_usual_interval_is_the_live_pace_not_the_history_burst():
    watch, now = live_watch(pace=30.0)
    assert watch.usual == 30.0
    assert watch.limits() == (150.0, 450.0)  # 5x the pace, alert 3x that
    assert watch.check(now + 149.0, 106.0, 506) is None
    warn = watch.check(now + 151.0, 106.0, 506)
    assert warn.pathology == "stalled" and warn.severity == "warn" and not warn.while_lit
    assert "no new record for 2 min" in warn.message and "usually one every 30 s" in warn.message
    assert watch.check(now + 200.0, 106.0, 506) is None  # still the same warning
    alert = watch.check(now + 451.0, 106.0, 506)
    assert alert.severity == "alert" and alert.while_lit
    assert watch.arrived(now + 460.0) and watch.active is None  # a record: the badge goes dark


def test_a_fast_run_still_waits_a_minute_and_a_slow_one_its_own_pace():
    fast, now = live_watch(pace=0.5)
    assert fast.limits()[0] == FLOOR
    assert fast.check(now + FLOOR - 1, 1.0, 1) is None and fast.check(now + FLOOR + 1, 1.0, 1).severity == "warn"
    slow, _ = live_watch(pace=600.0)
    assert slow.limits() == (3000.0, 9000.0)


def test_before_the_pace_is_known_it_waits_five_minutes_and_stall_after_overrides():
    watch = StallWatch()
    watch.arrived(0.0)
    assert watch.check(1.0, 10.0, 20) is None
    assert watch.check(299.0, 10.0, 20) is None and watch.check(301.0, 10.0, 20).severity == "warn"
    given = StallWatch(after=20.0)
    given.arrived(0.0)
    assert given.check(19.0, 1.0, 1) is None
    assert given.check(21.0, 1.0, 1).severity == "warn"
    assert given.check(61.0, 1.0, 1).severity == "alert"
    assert "--stall-after 20 s" in given.active.message


def test_nothing_to_judge_before_the_first_record():
    assert StallWatch().check(10_000.0, float("nan"), 0) is None


def test_durations_read_well():
    assert [format_duration(s) for s in (4.2, 45, 14 * 60 + 5, 2 * 3600 + 5 * 60, 7200)] == [
        "4.2 s", "45 s", "14 min", "2 h 5 min", "2 h",
    ]


def test_a_run_that_came_back_from_a_pause_may_pause_as_long_again():
    watch, now = live_watch(pace=1.0, arrivals=20)  # a record a second...
    assert watch.check(now + 61.0, 20.0, 40).severity == "warn"  # ...then a 10 min evaluation
    now += 600.0
    assert watch.arrived(now)  # it came back: the badge goes dark
    for _ in range(20):
        now += 1.0
        watch.arrived(now)
    assert watch.limits() == (900.0, 2700.0)  # the next evaluation may take 1.5x as long
    assert watch.check(now + 600.0, 60.0, 90) is None
    late = watch.check(now + 901.0, 60.0, 90)
    assert late.severity == "warn" and "back after pauses up to 10 min before" in late.message
    given = StallWatch(after=30.0)
    given.arrived(0.0)
    given.check(31.0, 1.0, 1)
    given.arrived(500.0)
    assert given.limits() == (30.0, 90.0)  # --stall-after is taken as given
