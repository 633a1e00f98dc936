"""A JSON line nested far deeper than Python's recursion limit is one bad line: it is skipped, and
every valid record around it is kept, whichever command reads it (check and export read through
check_file; watch and the app through the Follower)."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lossmon.engine import check_file
from lossmon.engine.follower import Follower
from lossmon.engine.formats.jsonl import flatten, load_json
from lossmon.engine.monitor import Monitor
from tests.conftest import until


def deep_line(depth: int, kind: str) -> str:
    if kind == "objects":
        return '{"a": ' * depth + "1" + "}" * depth
    if kind == "arrays":
        return '{"step": 5, "x": ' + "[" * depth + "1" + "]" * depth + "}"
    if kind == "mixed":
        return '{"step": 5, "x": ' + '{"a": [' * depth + "1" + "]}" * depth + "}"
    return '{"a": ' * depth + "1"  # unclosed: cut short as well as deep


def log_with(bad: str, records: int = 199, at: int = 100) -> str:
    lines = [json.dumps({"step": step, "loss": 5.0 / step}) for step in range(1, records + 1)]
    lines.insert(at, bad)
    return "\n".join(lines) + "\n"


depths = st.integers(min_value=900, max_value=20_000)
kinds = st.sampled_from(["objects", "arrays", "mixed", "unclosed"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(depth=depths, kind=kinds, at=st.integers(0, 199))
def test_check_file_skips_a_deeply_nested_line_and_keeps_the_rest(tmp_path, depth, kind, at):
    path = tmp_path / "deep.jsonl"
    path.write_text(log_with(deep_line(depth, kind), at=at))
    monitor = check_file(str(path))
    assert len(monitor.store["loss"]) == 199
    assert monitor.lines == 200


def test_the_follower_keeps_the_records_around_a_deeply_nested_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(log_with(deep_line(990, "objects")))
    follower = Follower([str(path)], make_monitor=Monitor)
    follower.start()
    try:
        records = 0

        def all_read() -> bool:
            nonlocal records
            update = follower.get(timeout=0.05)
            if update is not None and update.batch is not None:
                records += len(update.batch)
            return records >= 199 or follower.error is not None

        until(all_read, lambda: f"the 199 records around the deep line ({records} so far)", poll=0)
        assert follower.error is None
        assert records == 199
    finally:
        follower.stop()


def test_load_json_answers_none_for_too_deep_or_invalid_text():
    assert load_json("[" * 100_000 + "]" * 100_000) is None
    assert load_json('{"a": 1') is None
    assert load_json('{"a": 1}') == {"a": 1}


def test_flatten_walks_deep_nesting_in_order_without_recursion():
    obj = value = {}
    for _ in range(5_000):  # deeper than the recursion limit, built without json
        value["x"] = 1.0
        value["in"] = {}
        value = value["in"]
    value["last"] = 2.0
    metrics = flatten(obj)
    assert len(metrics) == 5_001
    assert list(metrics)[:2] == ["x", "in/x"] and list(metrics)[-1].endswith("in/last")


def test_flatten_reads_integers_beyond_float_range_as_infinite():
    assert flatten(json.loads('{"a": 1' + "0" * 400 + ', "b": -1' + "0" * 400 + ', "c": 3}')) == {
        "a": float("inf"), "b": float("-inf"), "c": 3.0,
    }


def test_nesting_past_the_limit_is_a_bad_line_on_every_python():
    # Python 3.12's parser reads far deeper than 3.10 and 3.11's: the limit is lossmon's own.
    from lossmon.engine.formats.jsonl import MAX_JSON_DEPTH

    assert load_json(deep_line(MAX_JSON_DEPTH + 1, "objects")) is None
    assert load_json(deep_line(MAX_JSON_DEPTH, "mixed")) is None  # each level an object and an array
    value = load_json(deep_line(MAX_JSON_DEPTH, "objects"))
    assert value is not None and len(flatten(value)) == 1
    wide = {"step": 1, **{f"k{i}": [[{"v": i}]] for i in range(400)}}  # many brackets, shallow
    assert load_json(json.dumps(wide)) == wide
