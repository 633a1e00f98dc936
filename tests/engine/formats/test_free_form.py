"""Free-form lines with a tag prefix and unit-first or trailing tokens (issue 12, class 2): what is
clearly data is read, and a number with a unit but no name ("11136 ms/iter", "15.77 steps/s") is
skipped instead of making the whole line count as prose."""

from parse_helpers import read

from lossmon.engine.formats.pairs import message_pairs

# Real lines: ethellight565/nanogpt-seis @60c260df checkpoints/train.log
_SEIS = [
    '[train] tokens/iter = 393,216 | train tokens = 239,182,819 | vocab = 16384',
    '[train] compiling model (first step is slow) ...',
    '[eval] iter 0: train 9.8508 val 9.8491 lr 7.50e-07',
    '[train] iter 10: loss 8.7390 11136 ms/iter',
    '[train] iter 20: loss 8.3995 2271 ms/iter',
    '[train] iter 30: loss 8.3326 2276 ms/iter',
    '[train] iter 40: loss 8.1039 2281 ms/iter',
    '[train] iter 50: loss 7.2719 2286 ms/iter',
    '[train] iter 60: loss 7.4967 2288 ms/iter',
    '[train] iter 70: loss 7.3081 2290 ms/iter',
    '[train] iter 80: loss 6.9490 2292 ms/iter',
    '[train] iter 90: loss 6.4359 2293 ms/iter',
]
# Real lines: AadiSrivastava05/Llama-port @49e70b6b train.log
_LLAMA = [
    'step     1/ 1000 | loss 3.3660 | avg50 3.3660 |  15.77 steps/s | elapsed   0.00m | eta   1.06m',
    'step     2/ 1000 | loss 3.4243 | avg50 3.3951 |  13.14 steps/s | elapsed   0.00m | eta   1.27m',
    'step     3/ 1000 | loss 3.1778 | avg50 3.3227 |  12.92 steps/s | elapsed   0.00m | eta   1.29m',
    'step     4/ 1000 | loss 3.0664 | avg50 3.2586 |  14.71 steps/s | elapsed   0.00m | eta   1.13m',
    'step     5/ 1000 | loss 3.2209 | avg50 3.2511 |  12.56 steps/s | elapsed   0.01m | eta   1.32m',
    'step     6/ 1000 | loss 2.9452 | avg50 3.2001 |  12.64 steps/s | elapsed   0.01m | eta   1.31m',
]


def test_tagged_lines_with_trailing_units_are_read():
    monitor = read("\n".join(_SEIS * 1) + "\n")
    assert monitor.store.primary_train == "loss"
    assert monitor.store["loss"].steps.tolist() == [10, 20, 30, 40, 50, 60, 70, 80, 90]
    assert monitor.store["loss"].values.tolist()[0] == 8.739
    assert "ms/iter" not in {series.name for series in monitor.store}


def test_a_step_total_and_a_rate_without_a_name_are_skipped():
    monitor = read("\n".join(_LLAMA) + "\n")
    assert monitor.store["loss"].steps.tolist() == list(range(1, len(_LLAMA) + 1))
    assert monitor.store["loss"].values.tolist()[0] == 3.366


def test_prose_with_numbers_is_still_not_data():
    for text in ("Epoch 5 of 10 finished in 12 s", "We trained for 12 s and got loss 5", "Saved 3 files in 2 s"):
        assert message_pairs(text) == []
