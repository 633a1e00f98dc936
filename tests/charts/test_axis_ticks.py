from lossmon.charts.axis_ticks import format_number, nice_ticks


def test_ticks_are_round_values_inside_the_range():
    assert nice_ticks(0, 7150, 5) == [0.0, 2000.0, 4000.0, 6000.0]
    assert nice_ticks(0.3, 1.9, 3) == [0.5, 1.0, 1.5]


def test_a_short_range_still_gets_two_labels():
    # A narrow chart asks for two ticks; a step of 1k would leave 2k alone on a 5..2087 axis.
    assert len(nice_ticks(5, 2087, 2)) >= 2
    ticks = nice_ticks(0.55, 0.82, 2)
    assert len(ticks) >= 2 and all(0.55 <= t <= 0.82 for t in ticks)
    assert [format_number(t) for t in ticks] == ["0.6", "0.8"]
