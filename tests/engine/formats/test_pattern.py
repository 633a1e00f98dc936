import pytest

from parse_helpers import read, steps

from lossmon.engine.errors import LossmonError
from lossmon.engine.formats import compile_pattern


def test_named_groups_are_the_step_and_metrics_whatever_else_is_on_the_line():
    text = "".join(f"[{s:05d}] took 12.5ms loss={1 / s:.3f}ms acc={'n/a' if s == 2 else s / 10}\n" for s in (1, 2, 3))
    monitor = read(text, pattern=r"\[(?P<step>\d+)\].*loss=(?P<loss>\S+) acc=(?P<acc>\S+)")
    assert monitor.format_id == "pattern"
    assert steps(monitor, "loss") == [1, 2, 3]
    assert monitor.store["loss"].values.tolist() == [1.0, 0.5, 0.333]  # the unit is not part of it
    assert steps(monitor, "acc") == [1, 3]  # "n/a" is not a number


def test_optional_groups_that_do_not_take_part_are_skipped():
    monitor = read("a 1\nb 2 v=3\n", pattern=r"(?P<step>\d+)(?: v=(?P<v>\d+))?")
    assert steps(monitor, "v") == [2]


@pytest.mark.parametrize("source,message", [("(?P<x", "not a valid regular expression"), (r"(\d+)", "name at least one metric group")])
def test_bad_patterns_say_why(source, message):
    with pytest.raises(LossmonError, match=message):
        compile_pattern(source)
