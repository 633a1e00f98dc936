"""A brace group of ``name value`` items (issue 12, holdout6a): glue-factory logs its training
losses as ``[E 0 | it 0] loss {total 1.597E+00, last 9.226E-01, ...}`` and its validation as
``[Validation] {match_recall 6.318E-01, ..., loss/total 1.967E+00, ...}``; nothing of either was
read as a loss before (the total was dropped as a count, the validation dict not read at all)."""

from parse_helpers import CORPUS, read

from lossmon.engine.formats.pairs import brace_pairs, message_pairs
from lossmon.engine.naming import is_metric_name

# Ethrora/lg_w-_da @d5620a8 finetune.log (a glue-factory run): tests/corpus/gluefactory-lightglue-finetune-loss-braces
_LOG = (CORPUS / "gluefactory-lightglue-finetune-loss-braces" / "finetune.log").read_bytes()
_TRAIN = "[E 0 | it 100] loss {total 1.250E+00, last 6.716E-01, assignment_nll 6.716E-01, nll_pos 9.465E-01, nll_neg 3.966E-01, num_matchable 6.289E+02, num_unmatchable 5.619E+02, confidence 2.550E-01, row_norm 8.258E-01}"


def test_the_items_of_a_named_brace_group_are_named_by_the_group():
    pairs = {pair.name: pair.value for pair in message_pairs(_TRAIN)}
    assert pairs["loss/total"] == 1.25 and pairs["loss/nll_pos"] == 0.9465 and pairs["it"] == 100
    assert is_metric_name("loss/total") and not is_metric_name("train/total")  # a loss's total, not a count
    # a dict, a set, JSON: not "name value" items
    assert brace_pairs("{'loss': 1.0, 'step': 2}") == [] and brace_pairs("keys {a, b}") == []
    assert brace_pairs('{"loss": 1.0}') == [] and brace_pairs("loss {total 1.0}") == []  # one item is no group


def test_gluefactory_training_and_validation_dicts_are_its_losses():
    store = read(_LOG).store
    assert (store.primary_train, store.primary_val) == ("loss/total", "Validation/loss/total")
    assert store["loss/total"].values.tolist()[:3] == [1.597, 1.25, 1.372] and len(store["loss/total"]) == 11
    assert store["Validation/loss/total"].values.tolist() == [1.967]
    # "New best val: loss/total=1.9667756479581198" recaps the validation just read: no record
    assert not any("1.9667756479581198" in repr(series.values.tolist()) for series in store)
