"""A metric's name and its value as separate comma-separated fields (issue 12, holdout6):
``epoch 1, phase train, step 10, loss_train, 0.838``, as ``print(..., name, value, sep=", ")``
writes them."""

from parse_helpers import read

from lossmon.engine.formats.pairs import message_pairs

# tests/corpus/mri-analysis-train-10-epochs (2-train_10_epochs.md, lines 8-24): a MONAI-style
# segmentation loop; the validation figures are "name: value" pairs under the epoch.
MRI = """\
epoch 1, phase train, total step 0
epoch 1, phase train, step 10, loss_train, 0.838
epoch 1, phase train, step 20, loss_train, 0.771
epoch 1, phase train, step 30, loss_train, 0.762
epoch 1, phase train, step 40, loss_train, 0.725
epoch 1, phase train, step 50, loss_train, 0.691
epoch 1, phase train, step 60, loss_train, 0.626
epoch 1, phase train, step 70, loss_train, 0.576
epoch 1, phase train, step 80, loss_train, 0.496
epoch 1, phase train, step 90, loss_train, 0.456
epoch 1, phase train, step 100, loss_train, 0.421
epoch 1, phase valid, total step 104
epoch 1 | val_accuracy: 0.0135
epoch 1 | val_loss: 0.6590334177017212
epoch 1 | val_dsc: 0.7392518295760285
Time:  2025-04-20 00:42:56.226535
epoch 2, phase train, total step 104
epoch 2, phase train, total step 0
epoch 2, phase train, step 10, loss_train, 0.838
epoch 2, phase train, step 20, loss_train, 0.771
epoch 2, phase train, step 30, loss_train, 0.762
epoch 2, phase train, step 40, loss_train, 0.725
epoch 2, phase train, step 50, loss_train, 0.691
epoch 2, phase train, step 60, loss_train, 0.626
"""


def test_a_name_field_then_its_value_field_is_a_pair():
    found = message_pairs("epoch 1, phase train, step 10, loss_train, 0.838")
    assert [(pair.name, pair.value) for pair in found] == [("epoch", 1), ("step", 10), ("loss_train", 0.838)]


def test_the_training_loss_beside_the_validation_pairs():
    monitor = read(MRI)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss_train", "val_loss")
    assert len(monitor.store["loss_train"]) == 16
    assert monitor.store["loss_train"].values.tolist()[:2] == [0.838, 0.771]
    assert len(monitor.store["val_loss"]) == 1


def test_only_a_metric_name_takes_the_next_field():
    # words that name no metric, a name glued to prose, two words: fields of a sentence or a list
    assert message_pairs("Saving checkpoint, 3 files") == []
    assert [p.name for p in message_pairs("epoch 1, phase train, total step 0")] == ["epoch", "step"]
    assert [p.name for p in message_pairs("step 10, colour, 0.838")] == ["step"]
    assert [p.name for p in message_pairs("step 10, train loss, 0.838")] == ["step"]
