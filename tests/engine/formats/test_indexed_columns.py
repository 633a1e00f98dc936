"""Columns indexed after a colon by the group they are about (issue 12): a group-DRO run's
train.csv (tests/corpus/group-dro-train-csv-per-group-loss-prefix) names each group's statistics
"avg_loss_group:0" ... "avg_loss_group:3" beside the objective, "avg_actual_loss". Such a header is
a header; a compact line of pairs ("epoch:1,step:100,loss:2") names no column twice and is none.
The objective is the primary, not a group's share nor the regularizer ("reg_loss")."""

from parse_helpers import CORPUS, read

from lossmon.engine import check_file
from lossmon.engine.formats.table import header_of

_ENTRY = CORPUS / "group-dro-train-csv-per-group-loss-prefix" / "train.csv"


def _first_lines(count: int) -> str:
    with open(_ENTRY, encoding="utf-8", newline="") as f:
        return "".join(f.readline() for _ in range(count))


def test_a_header_of_indexed_group_columns_is_a_header():
    header = header_of(_first_lines(1).rstrip("\r\n"))
    assert header is not None
    separator, columns = header
    assert separator == "," and columns[2:4] == ["avg_loss_group:0", "exp_avg_loss_group:0"]
    assert columns[-5:] == ["avg_actual_loss", "avg_per_sample_loss", "avg_acc", "model_norm_sq", "reg_loss"]


def test_the_rows_are_read_under_it_and_the_objective_is_the_primary():
    store = read(_first_lines(5)).store
    assert store.primary_train == "avg_actual_loss"
    assert store["avg_actual_loss"].values.tolist()[:2] == [0.2894251346588135, 0.11664997041225433]
    assert len(store["avg_loss_group:3"]) == 4


def test_the_corpus_file_reads_all_112_rows():
    assert len(check_file(str(_ENTRY)).store["avg_actual_loss"]) == 112


def test_a_compact_line_of_pairs_is_no_header():
    assert header_of("epoch:1,step:100,loss:2") is None
    assert header_of("acc_class:0,acc_class:1,loss") is not None


def test_a_value_then_its_step_in_a_file_named_by_its_metric():
    # holdout20r's BertSimilarity loss.log: a tf.estimator's "loss = ..., step = ..." lines cut down
    # to their numbers, the value first ("1.0218862 0", "0.5186956 100")
    text = "1.0218862 0\n0.5186956 100\n0.35847408 200\n0.39972323 300\n"
    monitor = read(text, path="runs/loss.log")
    assert list(monitor.store["loss"].values) == [1.0218862, 0.5186956, 0.35847408, 0.39972323]
    assert list(monitor.store["loss"].steps) == [0.0, 100.0, 200.0, 300.0]
    # in a file its name does not call a metric, no such column
    assert "loss" not in read(text, path="runs/out.log").store
