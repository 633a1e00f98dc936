"""Values wrapped in braces (issue 12, holdout7): a logging call that mixes "{}" and "%" styles
prints ``epoch: {1/300}, step: {1/8250}, loss : {1.6534357}, lr : {0.0001000}``; nothing of it
was read before (a brace was no way to open a value)."""

from parse_helpers import CORPUS, read, records

from lossmon.engine.formats.pairs import message_pairs

# D641593/Lane_Segmentation @fd3c881 train_log.log: tests/corpus/lane-seg-brace-epoch-step-loss-lr
_LOG = (CORPUS / "lane-seg-brace-epoch-step-loss-lr" / "train_log.log").read_bytes()
_LINE = "epoch: {1/300}, step: {1/8250}, loss : {1.6534357}, lr : {0.0001000}"


def _pairs(text: str) -> dict[str, float]:
    return {pair.name: pair.value for pair in message_pairs(text)}


def test_a_value_in_braces_is_read_and_a_braced_count_gives_its_number():
    assert _pairs(_LINE) == {"epoch": 1.0, "step": 1.0, "loss": 1.6534357, "lr": 0.0001}
    assert _pairs("loss={ 0.25 }, acc={0.91}") == {"loss": 0.25, "acc": 0.91}
    nan = _pairs("train loss: {nan}")["train loss"]
    assert nan != nan


def test_a_brace_that_does_not_close_on_the_number_holds_no_value_of_its_name():
    # a dict keyed by numbers (a learning-rate schedule) and a number glued to more text
    assert "lr_steps" not in _pairs("lr_steps: {30: 0.1, 60: 0.01}")
    assert _pairs("milestones: {30, 60}, loss: 0.5") == {"loss": 0.5}
    assert _pairs("shape: {3x224}") == {}


def test_the_lane_segmentation_log_is_a_loss_per_step():
    monitor = read(_LOG)
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("loss", None)
    assert len(store["loss"]) == 400 and store["loss"].steps.tolist()[:3] == [1.0, 2.0, 3.0]
    assert store["loss"].values.tolist()[:2] == [1.6534357, 1.5869471]
    assert records(_LOG, fast=True) == records(_LOG, fast=False)  # the learned template reads the same
