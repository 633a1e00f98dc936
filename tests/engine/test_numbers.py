import math

import numpy as np
import pytest

from lossmon.engine.numbers import parse_number, to_float, to_floats


@pytest.mark.parametrize(
    "token",
    ["nan", "-nan", "NaN", "nan.0", "'nan'", "nanms", "tensor(nan, device='cuda:0')", '"NaN"'],
)
def test_nan_spellings(token):
    assert math.isnan(parse_number(token))


@pytest.mark.parametrize(
    "token,value",
    [("inf", math.inf), ("-inf", -math.inf), ("Infinity", math.inf), ("-Infinity", -math.inf), ("inf.0", math.inf), ("'inf'", math.inf)],
)
def test_infinity_spellings(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize(
    "token,value",
    [
        ("7.012345E+00", 7.012345),
        ("1.0000e-02", 0.01),
        ("3e-5", 3e-5),
        ("1.23e+4", 12300.0),
        ("4.9500000000000004e-05", 4.9500000000000004e-05),
        ("1.2217858750118953e+25", 1.2217858750118953e25),
        ("12,346", 12346.0),
        ("1,234.57", 1234.57),
        ("12.34ms", 12.34),
        ("1.23s/it", 1.23),
        ("29.43GiB(31.00%)", 29.43),
        ("39.12%", 39.12),
        ("-100.00%", -100.0),
        ("'2.312'", 2.312),
        ('"9.876"', 9.876),
        ("[2.9999999999999997e-05]", 2.9999999999999997e-05),
        ("tensor(2.3456, device='cuda:0')", 2.3456),
        (".5", 0.5),
    ],
)
def test_number_spellings(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize("token", ["", "abc", "eta", "-", "e5", "."])
def test_not_numbers(token):
    assert parse_number(token) is None


def test_a_list_of_keys_is_not_one_thousands_number():
    assert parse_number("128, num_updates=100") == 128.0
    assert to_float("1,2") is None


def test_to_floats_fast_and_fallback_paths():
    assert to_floats([b"1.5", b"-nan", b"Infinity"]).tolist()[::2] == [1.5, math.inf]
    mixed = to_floats(["12,346", "nan.0", "2"])
    assert mixed[0] == 12346.0 and math.isnan(mixed[1]) and mixed[2] == 2.0
    assert to_floats([]).dtype == np.float64
