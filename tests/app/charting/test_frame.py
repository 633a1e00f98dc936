import numpy as np

from lossmon.app.charting.frame import Marker, Trace, draw_chart


def _trace(n=100, **kw):
    x = np.arange(n, dtype=float)
    return Trace(x, np.linspace(1.0, 0.1, n), "train", **kw)


def test_frame_fills_exactly_the_requested_size():
    frame = draw_chart([_trace()], 60, 15)
    assert len(frame.rows) == 15
    assert all(sum(len(t) for t, _ in row) == 60 for row in frame.rows)


def test_axis_labels_span_the_data():
    frame = draw_chart([_trace()], 60, 15)
    text = frame.plain()
    assert "1 ┤" in text or "1.0" in text
    assert frame.y_range[0] < 0.1 and frame.y_range[1] > 1.0
    assert "50" in text.splitlines()[-1]  # an x tick label on the last row


def test_nan_buckets_are_marked_in_the_top_row():
    nonfinite = np.zeros(100, np.int64)
    nonfinite[70] = 3
    frame = draw_chart([_trace(nonfinite=nonfinite)], 60, 15)
    top = "".join(t for t, _ in frame.rows[0])
    assert top.count("×") == 1
    assert ("×", "nan") in frame.rows[0]


def test_findings_are_marked_and_the_focused_one_gets_a_line():
    frame = draw_chart(
        [_trace()], 60, 15, markers=[Marker(20.0, "marker.alert"), Marker(80.0, "marker.focus")]
    )
    top = frame.rows[0]
    assert ("▾", "marker.alert") in top
    styles = {style for row in frame.rows[1:-2] for _, style in row}
    assert "marker.focus" in styles


def test_log_scale_drops_non_positive_values_and_labels_in_data_units():
    y = np.array([1000.0, 100.0, 10.0, 1.0, 0.0, -1.0])
    frame = draw_chart([Trace(np.arange(6.0), y, "train")], 40, 16, log_y=True)
    assert frame.y_range[0] < 0 < frame.y_range[1] < 3.2  # log10 units
    assert "1k" in frame.plain()


def test_a_band_shows_the_bucket_extremes():
    x = np.arange(50, dtype=float)
    low = np.full(50, 0.0)
    high = np.full(50, 0.0)
    high[25] = 10.0
    frame = draw_chart([Trace(x, low, "train", low=low, high=high, band_style="train.raw")], 40, 12)
    assert frame.y_range[1] >= 10.0
    assert any(style == "train.raw" for row in frame.rows for _, style in row)


def test_no_data_says_so():
    assert "waiting for data" in draw_chart([], 40, 10).plain()
    nan = Trace(np.arange(3.0), np.full(3, np.nan), "train")
    assert "no finite values" in draw_chart([nan], 40, 10).plain()


def test_ascii_frames_are_pure_ascii():  # for fonts without braille or box drawing
    frame = draw_chart([_trace(nonfinite=np.ones(100, np.int64))], 50, 14, ascii=True, markers=[Marker(5.0, "marker.warn")])
    assert frame.plain().isascii()


def test_points_of_a_sparse_series_are_marked():
    x = np.array([0.0, 1000.0, 2000.0, 3000.0])
    y = np.array([3.0, 2.0, 1.5, 1.4])
    frame = draw_chart([Trace(x, y, "val", points=True)], 60, 15)
    assert frame.plain().count("•") == 4
    assert draw_chart([Trace(x, y, "val", points=True)], 60, 15, ascii=True).plain().count("o") == 4
    assert "•" not in draw_chart([Trace(x, y, "val")], 60, 15).plain()


def test_a_series_flat_at_zero_gets_a_plain_scale():
    """recall stuck at 0 (demo_logs/contradictory_metrics.log): ticks of -1, 0, 1, not ±1e-06."""
    flat = Trace(np.arange(30, dtype=float), np.zeros(30), "train")
    frame = draw_chart([flat], 40, 9)
    text = frame.plain()
    assert "e-06" not in text
    assert frame.y_range == (-1.0, 1.0)
    assert " 0 ┤" in text


def test_a_flat_series_is_centred_with_a_margin_its_own_size():
    flat = Trace(np.arange(30, dtype=float), np.full(30, 0.9), "train")
    low, high = draw_chart([flat], 40, 9).y_range
    assert low < 0.9 < high and high - low < 0.2
