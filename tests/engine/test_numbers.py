import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossmon.engine import numbers
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


# The fast converter against the reference (float(), then to_float): the same bits, the same tokens
# marked bad, on adversarial tokens (cut exponents, sign and nan/inf spellings, underscores, thousands
# separators, subnormals, overflow, non-ASCII digits, blanks).

_PIECES = st.sampled_from(
    ["0", "1", "9", "00", "1.558164", "e", "E", "e-", "e+", "-", "+", ".", "_", ",", "nan", "NaN", "-nan", "inf",
     "Infinity", "infinity", ".0", " ", "\t", "1e-320", "4.9e-324", "2.5e-324", "1e309", "1.7976931348623159e308",
     "0x1p3", "٣", "½", "²", "ⅷ", "١٢", "ms", "%", "'", "d", "j", "123456789012345678901234567890", "\x00", "é"]
)
_TOKENS = st.one_of(
    st.lists(_PIECES, min_size=0, max_size=6).map("".join),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda x: f"{x:.6E}"),
    st.text(alphabet="0123456789.eE+-_,nafitNAFIT ", max_size=12),
)


def _both(convert, tokens):
    fast = None
    numbers.FAST_CONVERSION = True
    try:
        fast = convert(tokens)
    finally:
        numbers.FAST_CONVERSION = False
    try:
        reference = convert(tokens)
    finally:
        numbers.FAST_CONVERSION = numbers._fastnumbers is not None
    return fast, reference


def _bits(values: np.ndarray) -> list[int]:
    return values.view(np.uint64).tolist()


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=12), st.booleans())
def test_fast_conversion_reads_what_float_reads_to_the_same_bits(tokens, as_bytes):
    if as_bytes:
        tokens = [token.encode("utf-8") for token in tokens]
    fast, reference = _both(lambda t: numbers.checked_floats(lambda: iter(t), len(t)), tokens)
    assert _bits(fast[0]) == _bits(reference[0]), tokens
    assert (fast[1] is None) == (reference[1] is None), tokens
    if fast[1] is not None:
        assert fast[1].tolist() == reference[1].tolist(), tokens
    fast, reference = _both(to_floats, tokens)
    assert _bits(fast) == _bits(reference), tokens


def test_the_fast_path_is_on_and_keeps_the_spellings_float_refuses():
    assert numbers.FAST_CONVERSION
    values, bad = numbers.checked_floats(lambda: iter([b"nan.0", b"12,346", b"1_000", b"1.558164e-", b"-nan"]), 5)
    assert math.isnan(values[0]) and values[1:3].tolist() == [12346.0, 1000.0]
    assert bad.tolist() == [False, False, False, True, False]
    assert math.copysign(1, values[4]) == -1  # float("-nan") keeps its sign; so does the fast path
    # fastnumbers reads a lone "½" or "²" as a number; float() does not, so neither does lossmon
    values, bad = numbers.checked_floats(lambda: iter(["½", "٣", "²", " ½", "⑦ "]), 5)
    assert bad.tolist() == [True, False, True, True, True] and values[1] == 3.0


@pytest.mark.parametrize("token", ["INFO", "Info", "Infer", "nanoGPT", "infG"])
def test_a_word_that_starts_like_nan_or_inf_is_no_number(token):
    # era-v4-resnet50-readme-logs: "2025-11-01 20:09:45 |     INFO | on_validation_epoch_end:413 |"
    # under a pipe table's header read the log level INFO as inf (INF and a unit O): a false
    # nan_or_inf alert on a healthy run.
    assert parse_number(token) is None


@pytest.mark.parametrize(("token", "value"), [("nanms", math.nan), ("nans/it", math.nan), ("inf%", math.inf), ("-infs", -math.inf)])
def test_a_nan_or_inf_with_a_unit_is_still_read(token, value):
    read = parse_number(token)
    assert read is not None and (math.isnan(read) if math.isnan(value) else read == value)
