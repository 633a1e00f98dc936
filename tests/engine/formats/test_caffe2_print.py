"""Caffe2's Print operator (issue 12, holdout15i): TensorPrinter::MetaStr writes "Tensor <blob> of
type <type>. Dims: (<d>,...): " before the values, one line per run of the net; a scalar loss blob
printed each iteration is a series with no step printed (Agnostic12/caffe2_learning loss.log)."""

import pytest
from parse_helpers import CORPUS, read

# The first lines of tests/corpus/caffe2-learning-tensor-loss-print/loss.log, as written
_REAL = (
    "Tensor loss of type float. Dims: (): 2.35943\n"
    "Tensor loss of type float. Dims: (): 2.29784\n"
    "Tensor loss of type float. Dims: (): 2.21986\n"
    "Tensor loss of type float. Dims: (): 2.02358\n"
    "Tensor loss of type float. Dims: (): 1.85736\n"
)


@pytest.mark.parametrize("chunk", [1 << 20, 23])
def test_each_print_of_a_scalar_blob_is_a_record_stepped_by_its_count(chunk):
    store = read(_REAL, chunk=chunk).store
    assert [series.name for series in store] == ["loss"]
    assert store.primary_train == "loss"
    assert store["loss"].values.tolist() == [2.35943, 2.29784, 2.21986, 2.02358, 1.85736]
    assert store["loss"].steps.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0]


def test_blobs_printed_together_share_the_iteration_and_tensor_dumps_are_no_records():
    # on the console the Print ops of one net interleave; a non-scalar blob's dump carries no record
    lines = []
    for loss, accuracy in ((2.3, 0.1), (1.9, 0.3), (1.4, 0.5)):
        lines.append(f"Tensor loss of type float. Dims: (): {loss}")
        lines.append(f"Tensor accuracy of type float. Dims: (): {accuracy}")
        lines.append("Tensor pred of type float. Dims: (2,3,): 0.1,0.2,0.7,0.3,0.3,0.4,")
    store = read("\n".join(lines) + "\n").store
    assert sorted(series.name for series in store) == ["accuracy", "loss"]
    assert store["loss"].values.tolist() == [2.3, 1.9, 1.4]
    assert store["accuracy"].steps.tolist() == store["loss"].steps.tolist() == [1.0, 2.0, 3.0]


def test_the_corpus_log_reads_every_line():
    log = CORPUS / "caffe2-learning-tensor-loss-print" / "loss.log"
    store = read(log.read_bytes()).store
    assert store.primary_train == "loss" and len(store["loss"]) == 200
