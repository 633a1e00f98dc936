"""The chart specification: the decisions both renderers (the app's canvas and check --plot)
draw."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lossmon.charts.spec import (
    LOG_AXIS_DECADES,
    axis_span,
    finite_range,
    log_axis,
    marked,
    own_panel,
    series_drawing,
    squeezed,
    wants_log_axis,
    x_tick_count,
    x_ticks,
    y_tick_count,
    y_ticks,
)
from lossmon.engine.findings import Finding


@pytest.mark.parametrize(
    "points, columns, smoothing, dense, marked_points, smoothed",
    [
        (10, 100, 0.6, False, True, False),  # an eval every 1k steps: its points are the data
        (60, 100, 0.6, False, False, False),  # too close together to mark, too few to smooth
        (150, 100, 0.6, False, False, True),  # raw, with the smoothed line over it
        (200, 100, 0.6, False, False, True),  # exactly two buckets a column: still raw
        (201, 100, 0.6, True, False, True),  # one more: decimated
        (201, 100, 0.0, True, False, False),  # smoothing off
        (5, 2, 0.6, False, False, True),  # a tiny chart still gets eight buckets
    ],
)
def test_how_a_series_is_drawn(points, columns, smoothing, dense, marked_points, smoothed):
    drawing = series_drawing(points, columns, smoothing)
    assert drawing.buckets == max(8, 2 * columns)
    assert (drawing.dense, drawing.marked, drawing.smoothed) == (dense, marked_points, smoothed)


def test_a_log_axis_for_positive_values_over_more_than_two_decades():
    assert LOG_AXIS_DECADES == 2.0
    assert wants_log_axis(0.03, 10.8) and not wants_log_axis(0.2, 10.0)
    assert not wants_log_axis(-1.0, 1e6) and not wants_log_axis(0.0, 1e6)  # not on a log axis
    lines_and_bands = [np.array([10.8, math.nan, 5.0]), None, np.array([0.03, math.inf])]
    assert finite_range(lines_and_bands) == (0.03, 10.8)
    assert log_axis(lines_and_bands) and not log_axis([np.array([math.nan])]) and not log_axis([])


def test_the_validation_loss_gets_its_own_panel_when_squeezed():
    train = [np.geomspace(10.0, 1e-4, 50)]
    val = [np.linspace(0.32, 0.42, 5)]
    assert axis_span(val, log=True) == pytest.approx((math.log10(0.32), math.log10(0.42)))
    assert own_panel(train, val, log=True)  # 0.12 of 5 decades: a flat line
    assert not own_panel([np.linspace(0.3, 0.5, 9)], val, log=False)  # half the height: shared
    assert not own_panel(train, [np.array([math.nan])], log=True)  # nothing to give a panel
    assert squeezed((0.0, 1.0), (0.0, 0.2)) and not squeezed((0.0, 0.0), (0.0, 0.0))


def test_ticks_are_round_and_labelled_short():
    linear = y_ticks(0.0, 2.6, 4, log=False)
    assert linear.at == linear.values == [0.0, 1.0, 2.0]
    assert linear.labels == ["0", "1", "2"]
    decades = y_ticks(math.log10(3e-4), math.log10(12.0), 4, log=True)  # given on the log scale
    assert decades.at == [-3.0, -1.0, 1.0]  # every other power of ten: about four ticks
    assert decades.values == pytest.approx([10**t for t in decades.at])
    assert decades.labels == ["0.001", "0.1", "10"]
    steps = x_ticks(0, 12_500, 3)
    assert steps.values == [0.0, 5000.0, 10000.0] and steps.labels == ["0", "5k", "10k"]
    assert x_ticks(0, 90, 3, label=lambda s: f"{s:.0f}s").labels == ["0s", "50s"]
    assert (y_tick_count(2), y_tick_count(20), x_tick_count(10), x_tick_count(140)) == (2, 6, 2, 10)


def _finding(step, severity):
    return Finding("exploding_loss", severity, "loss", step, int(step), "x")


def test_marks_for_the_findings_in_view_at_or_above_a_severity():
    findings = [_finding(10, "info"), _finding(20, "warn"), _finding(30, "alert"), _finding(99, "alert")]
    assert [f.step for f in marked(findings, (0, 50))] == [10, 20, 30]
    assert [f.step for f in marked(findings, (0, 50), least="warn")] == [20, 30]
    assert [f.step for f in marked(findings, None, least="alert")] == [30, 99]
