"""The full-width colon of a Chinese script's f-strings (issue 12): ``训练损失：0.5213``,
``Epoch：3，Loss：0.4127`` (U+FF1A after the name, U+FF0C between pairs) separate a name from its
value as ``:`` does."""

from parse_helpers import read


def test_fullwidth_colons_and_commas_separate_pairs():
    text = "".join(f"Epoch：{epoch}，Loss：0.{9 - epoch}127，Acc：0.{epoch}5\n" for epoch in range(1, 6))
    store = read(text).store
    assert store.primary_train == "Loss"
    assert store["Loss"].values.tolist() == [0.8127, 0.7127, 0.6127, 0.5127, 0.4127]
    assert store["Loss"].steps.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0]


def test_chinese_train_and_validation_losses_with_fullwidth_colons():
    text = "".join(f"第{epoch}轮，训练损失：0.{9 - epoch}2，验证损失：0.{9 - epoch}6\n" for epoch in range(1, 6))
    store = read(text).store
    assert (store.primary_train, store.primary_val) == ("训练损失", "验证损失")
    assert len(store["验证损失"]) == 5
