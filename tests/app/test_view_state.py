from lossmon.app.view_state import ViewState


def test_keys_cycle_through_their_options():
    view = ViewState()
    assert [view := view.next_smoothing() for _ in range(4)][-1].smoothing == 0.6
    assert [v.smoothing for v in (ViewState().next_smoothing(), ViewState().next_smoothing().next_smoothing())] == [0.9, 0.99]
    assert ViewState().next_window().window == 1_000
    assert ViewState().next_window().next_window().next_window().window is None
    assert ViewState().next_x_axis().x_axis == "epoch"



def test_log_scale_flips_what_is_shown_and_comes_back_to_automatic():
    auto_linear = ViewState()
    assert auto_linear.log_y is None
    log = auto_linear.toggle_log(shown=False, automatic=False)
    assert log.log_y is True and "log" in log.describe(True) and "auto" not in log.describe(True)
    assert log.toggle_log(shown=True, automatic=False).log_y is None  # back to automatic
    linear = auto_linear.toggle_log(shown=True, automatic=True)  # a loss over decades: log by itself
    assert linear.log_y is False and "log" not in linear.describe(False)
    assert "log (auto)" in auto_linear.describe(True)


def test_step_range_follows_the_end_or_centres_on_a_pinned_finding():
    assert ViewState().step_range(0, 50_000) is None
    assert ViewState(window=1_000).step_range(0, 50_000) == (49_000, 50_000)
    assert ViewState(window=10_000).pin(20_000).step_range(0, 50_000) == (15_000, 25_000)
    pinned_all = ViewState().pin(20_000).step_range(0, 50_000)
    assert pinned_all[0] < 20_000 < pinned_all[1] and pinned_all[1] - pinned_all[0] < 50_000
