"""A held-out pass's batch lines (issue 12, holdout15i): running figures of a progress meter, whose
summary repeats one of them (the denoiser's LogProgress: dropped, the summary is the record),
or each batch's own loss, whose summary is their mean and none of them (bestdetails/dense-connect's
print in the validation loop: records, like the training lines of the same shape)."""

import pytest
from parse_helpers import CORPUS, read

from lossmon.engine.formats.pass_rows import _mean_of, _same

_DENSE = CORPUS / "dense-connect-train-0-log-batch-loss" / "train_0.log"
# Its lines 175-202 (epoch 0's last training batches, its whole validation pass of 20 batch lines
# and the summary, epoch 1's first training batches) and 374-377 (the end of epoch 1's training,
# the first batches of its validation pass)
_LINES = _DENSE.read_bytes().split(b"\n")
_BATCHES = b"".join(line + b"\n" for line in _LINES[174:202] + _LINES[373:377])


@pytest.mark.parametrize("chunk", [1 << 20, 61])
def test_batch_losses_of_a_pass_whose_summary_is_their_mean_are_records(chunk):
    store = read(_BATCHES, chunk=chunk).store
    assert store.primary_val == "Validating/loss"
    values = store["Validating/loss"].values.tolist()
    assert len(values) == 23  # every batch of the pass, and those of the next one as they come
    assert values[:2] == [1.8885917663574219, 1.9823724031448364]  # "Validating epoch: 0/200\t0/20\tloss: 1.88..."
    assert values[-3:] == [1.7638802528381348, 1.7849920988082886, 1.7958931922912598]
    assert store["Validating Loss"].values.tolist() == [1.9702976942062378]  # the summary, its own series


# tests/corpus/denoiser-train-valid-summary-one-epoch/trainer.log, lines 8-18 (logging prefix cut)
_RUNNING = (
    "Train | Epoch 1 | 1/2 | 11.0 sec/it | Loss 5.77739\n"
    "Train | Epoch 1 | 2/2 | 14.8 sec/it | Loss 5.52381\n"
    "Train Summary | End of Epoch 1 | Time 44.50s | Train Loss 5.52381\n"
    "----------------------------------------------------------------------\n"
    "Cross validation...\n"
    "Valid | Epoch 1 | 5/25 | 1.0 it/sec | Loss 3.00488\n"
    "Valid | Epoch 1 | 10/25 | 1.4 it/sec | Loss 3.01199\n"
    "Valid | Epoch 1 | 15/25 | 1.6 it/sec | Loss 2.99733\n"
    "Valid | Epoch 1 | 20/25 | 1.8 it/sec | Loss 2.99360\n"
    "Valid | Epoch 1 | 25/25 | 0.7 it/sec | Loss 3.00888\n"
    "Valid Summary | End of Epoch 1 | Time 83.46s | Valid Loss 3.00888\n"
)


def test_running_figures_whose_summary_repeats_the_last_stay_unread():
    # (the summary repeating the best of them instead: test_held_out_roles.py, flashy)
    store = read(_RUNNING).store
    assert [series.name for series in store if series.split == "val"] == ["Valid Loss"]


def test_the_same_number_printed_to_another_precision():
    assert _same((3.00888, 5), (3.0089, 4)) and _same((0.22, 2), (0.2213, 4))
    assert not _same((1.9702976942062378, 16), (1.984228253364563, 15))
    # dense-connect's summary beside the mean of its pass's 20 printed batch losses (a float32 sum)
    assert _mean_of((1.9702976942062378, 16), 1.97029749751091, 15)
    assert not _mean_of((0.2223, 4), (0.2213 + 0.2224 + 0.2519 + 0.2510) / 4, 4)


def test_a_summary_that_is_neither_leaves_the_rows_unread():
    # the batch lines of dense-connect's epoch 0 pass with a summary that is not their mean
    text = b"".join(line + b"\n" for line in _LINES[174:197]) + b"Epoch0 Validating Loss: 1.5\tValidating Acc: 0.3\n"
    store = read(text).store
    assert "Validating/loss" not in [series.name for series in store]


def test_the_corpus_log_reads_every_validation_batch():
    store = read(_DENSE.read_bytes()).store
    assert store.primary_train == "loss" and len(store["loss"]) == 528
    assert store.primary_val == "Validating/loss" and len(store["Validating/loss"]) == 47
