import pytest

from lossmon.engine.formats.pairs import message_pairs


def names_values(text):
    return [(pair.name, pair.value, text[pair.start : pair.end]) for pair in message_pairs(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("step 10 loss=0.5 lr=1e-4", [("step", 10.0, "10"), ("loss", 0.5, "0.5"), ("lr", 1e-4, "1e-4")]),
        ("train loss 2.3 val loss 2.4", [("train loss", 2.3, "2.3"), ("val loss", 2.4, "2.4")]),
        # "Epoch 1/10" is read as epoch 1 (progress N/M under its name), since free-form text is
        # read segment by segment (formats.freeform).
        ("Epoch 1/10 - loss: 0.5 - val_loss: 0.4", [("Epoch", 1.0, "1"), ("loss", 0.5, "0.5"), ("val_loss", 0.4, "0.4")]),
        ("mode: train step: 10", [("step", 10.0, "10")]),
        ("tps: 12,346  tflops: 1,234.57", [("tps", 12346.0, "12,346"), ("tflops", 1234.57, "1,234.57")]),
        ("bsz=128, num_updates=100", [("bsz", 128.0, "128"), ("num_updates", 100.0, "100")]),
        ("lr=[2.9999999999999997e-05], mom=[(0.9, 0.999)]", [("lr", 2.9999999999999997e-05, "2.9999999999999997e-05")]),
        ("Loaded 5 files in 3.2 seconds", []),
        ("version 1.2.3 x=1.2.3", []),
        ("loss: 0.5 loss: 0.7", [("loss", 0.5, "0.5")]),
    ],
)
def test_pairs_and_their_spans(text, expected):
    assert names_values(text) == expected
