"""Record heads in a line that lost its line ends (lossmon/engine/record_heads.py), on the real
bytes of tests/corpus/chebnet-no-newlines-step-loss-average-glued/train.log (AlexPop104/RGCNN_git
train.log @df1bd01: 53,766 bytes, no newline, records "step N / M (epoch ...): ...")."""

from pathlib import Path

from lossmon.engine.record_heads import last_record_start, records_fit

LOG = (Path(__file__).resolve().parents[1] / "corpus" / "chebnet-no-newlines-step-loss-average-glued" / "train.log").read_bytes()


def test_the_last_record_starts_at_the_last_head_of_the_lines_own_word():
    # "(epoch 0.07 / 20)" inside each record is data: the line's records start with "step"
    last = LOG.rindex(b"step ")
    assert last_record_start(LOG, 0) == last
    assert last_record_start(LOG, last + 1) == 0  # none after it
    first_record = LOG[: LOG.index(b"step 30 ")]  # the per-batch numbers before it, then "step 15 / 4000 ..."
    assert last_record_start(first_record, 0) == first_record.index(b"step 15 ") > 0
    assert last_record_start(first_record[first_record.index(b"step 15 "):], 0) == 0  # a record at 0 is no cut
    assert last_record_start(b"no head here, 1 2 3", 0) == 0


def test_a_longer_step_word_holding_the_heads_word_is_not_a_head():
    data = b"iter 1 loss 2.0 iteration 5 iter 2 loss 1.9 iteration 6 x"
    assert last_record_start(data, 0) == data.index(b"iter 2")
    assert last_record_start(b"iteration 1 a iter 9 iteration 2 b", 0) == len(b"iteration 1 a iter 9 ")


def test_records_fit_when_every_record_is_within_the_limit():
    assert records_fit(LOG, 2048)  # the longest record and the bytes before the first are < 2 KB
    assert not records_fit(LOG, 256)
    assert not records_fit(b"x" * 5000, 2048)
