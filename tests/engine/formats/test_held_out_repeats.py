"""Two passes on one line under the same names (issue 12): ``train: loss=0.52 acc=0.81 | val:
loss=0.61 acc=0.77``, ``Epoch 1/50 | Train Loss: 0.2143 Acc: 0.8993 | Val Loss: 0.0870 Acc: 0.9710``
(tests/corpus/crocodile-resnet18-...), ``[train] loss 0.52 [test] loss 0.61``. A repeated name after
a held-out word is that pass's value ("val/loss"); it was dropped, or, read as "name value",
overwrote the training value. And the Udacity course's ``Epoch: 1/30..  Training Loss: 0.512..
Test Loss: 0.432..``: two periods and a blank end a value."""

from parse_helpers import read


def _store(shape: str):
    return read("".join(shape.format(e=e, t=f"0.{9 - e}1", v=f"0.{9 - e}7") + "\n" for e in range(1, 6))).store


def test_a_repeated_name_after_a_held_out_word_is_that_pass_value():
    store = _store("epoch {e} train: loss={t} acc=0.8{e} | val: loss={v} acc=0.7{e}")
    assert (store.primary_train, store.primary_val) == ("loss", "val/loss")
    assert store["loss"].values.tolist() == [0.81, 0.71, 0.61, 0.51, 0.41]
    assert store["val/loss"].values.tolist() == [0.87, 0.77, 0.67, 0.57, 0.47]
    assert store["val/acc"].values.tolist() == [0.71, 0.72, 0.73, 0.74, 0.75]


def test_the_accuracy_after_val_loss_is_the_validation_accuracy():
    store = _store("Epoch {e}/50 | Train Loss: {t} Acc: 0.8{e} | Val Loss: {v} Acc: 0.9{e}")
    assert store["Acc"].values.tolist() == [0.81, 0.82, 0.83, 0.84, 0.85]
    assert store["Val/Acc"].values.tolist() == [0.91, 0.92, 0.93, 0.94, 0.95]


def test_a_spaced_repeat_no_longer_overwrites_the_training_value():
    store = _store("epoch {e} [train] loss {t} [test] loss {v}")
    assert store["loss"].values.tolist() == [0.81, 0.71, 0.61, 0.51, 0.41]
    assert store["test/loss"].values.tolist() == [0.87, 0.77, 0.67, 0.57, 0.47]


def test_a_repeat_without_a_held_out_word_stays_dropped():
    store = _store("epoch {e} loss {t} loss {v}")
    assert [series.name for series in store] == ["epoch", "loss"]
    assert store["loss"].values.tolist() == [0.81, 0.71, 0.61, 0.51, 0.41]


def test_two_periods_end_a_value():
    store = _store("Epoch: {e}/30..  Training Loss: {t}..  Test Loss: {v}..  Test Accuracy: 0.8{e}")
    assert (store.primary_train, store.primary_val) == ("Training Loss", "Test Loss")
    assert store["Training Loss"].values.tolist() == [0.81, 0.71, 0.61, 0.51, 0.41]
