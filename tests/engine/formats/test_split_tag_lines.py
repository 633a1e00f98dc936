"""One value after the split's tag (issue 12): ``[train] loss: 0.5213`` and ``[val] loss: 0.6107``
alternating, ``train | loss=0.52``, ``Valid - loss: 0.61``. The tag says which pass the value is
of; the line is no sentence (it was dropped as one number in one)."""

from parse_helpers import read


def test_tagged_one_value_lines_alternate_train_and_val():
    text = "".join(f"[train] loss: 0.{9 - n}1\n[val] loss: 0.{9 - n}7\n" for n in range(1, 6))
    store = read(text).store
    assert (store.primary_train, store.primary_val) == ("loss", "val/loss")
    assert store["loss"].values.tolist() == [0.81, 0.71, 0.61, 0.51, 0.41]
    assert len(store["val/loss"]) == 5


def test_a_split_word_before_a_separator_is_a_tag():
    for shape in ("train | loss={v}", "Train: loss={v}", "[Train] Loss {v}"):
        store = read("".join(shape.format(v=f"0.{9 - n}5") + "\n" for n in range(1, 6))).store
        assert store.primary_train is not None
        assert len(store[store.primary_train]) == 5


def test_a_word_that_is_no_split_keeps_the_line_a_sentence():
    text = "".join(f"Checkpoint saved (loss: 0.{9 - n}5)\n" for n in range(1, 6))
    assert not [series.name for series in read(text).store]
