"""lossmon.json_values: non-finite numbers become null, everywhere JSON is written."""

from __future__ import annotations

import json
import math

import numpy as np

from lossmon.json_values import json_number, json_safe


def test_a_non_finite_number_is_null_and_a_finite_one_a_plain_float():
    assert [json_number(v) for v in (math.nan, math.inf, -math.inf, None)] == [None] * 4
    value = json_number(np.float32(0.5))
    assert value == 0.5 and type(value) is float  # numpy scalars too: json.dumps takes it


def test_nested_values_are_made_safe_and_other_types_kept():
    fields = {"step": 3, "value": math.nan, "range": (1.0, math.inf), "advice": ["a"], "ok": True, "line": None}
    safe = json_safe(fields)
    assert safe == {"step": 3, "value": None, "range": [1.0, None], "advice": ["a"], "ok": True, "line": None}
    json.dumps(safe, allow_nan=False)  # raises if a NaN survived
