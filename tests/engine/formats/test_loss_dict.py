"""A dict of losses after its label (spaCy's ``Losses {'ner': ...}``). Lines from
tests/corpus/spacy-ner-cumulative-losses-dict-per-batch and from spaCy's per-epoch prints."""

from parse_helpers import read, steps

PER_BATCH = """\
Training Start !
Losses {'ner': 172.94969073783977}
Losses {'ner': 325.4097564431913}
Losses {'ner': 349.9796145578228}
Losses {'ner': 379.08716739042563}
Losses {'ner': 468.2970111077133}
Losses {'ner': 505.7511864663626}
Losses {'ner': 517.000493808295}
Losses {'ner': 533.1205549345743}
Losses {'ner': 543.9499964882716}
Losses {'ner': 552.4148626622908}
Losses {'ner': 12.2}
Losses {'ner': 20.3}
"""

PER_EPOCH = """\
Loaded model 'model'
Epoch 0, Losses {'ner': 6869.152222156525}
Checkpoint saved!
Epoch 1, Losses {'ner': 6219.446724295616}
Checkpoint saved!
Epoch 2, Losses {'ner': 5699.395666003227}
Checkpoint saved!
"""


def test_each_key_of_a_losses_dict_is_a_loss():
    monitor = read(PER_BATCH)
    assert monitor.format_id == "loss_dict"
    assert monitor.store.primary_train == "ner"
    assert len(monitor.store["ner"]) == 12
    # a running sum of batch losses (it only grows, then starts again): no divergence to report
    assert monitor.store["ner"].attrs["running_sum"] is True
    assert not [f for f in monitor.findings if f.pathology == "exploding_loss"]


def test_per_epoch_totals_step_by_epoch_and_are_a_curve():
    monitor = read(PER_EPOCH)
    assert steps(monitor, "ner") == [0, 1, 2]
    assert monitor.store["ner"].attrs["running_sum"] is False  # it fell without starting again


def test_the_same_in_any_cut():
    whole, cut = read(PER_BATCH), read(PER_BATCH, chunk=37)
    assert whole.store["ner"].values.tolist() == cut.store["ner"].values.tolist()
    assert cut.store["ner"].attrs["running_sum"] is True
