"""A loss named by the network it belongs to, the tag after the noun (issue 12, holdout12d): "loss G :
x loss D : y" (the progressive GAN's print, AIforMS/PGAN-Paddle logs/train_log.txt) names "loss G" and
"loss D", as the log prints them, not "G" and "D"."""

from parse_helpers import CORPUS, read, series

from lossmon.engine.formats.pairs import message_pairs

# The first lines of the real log (tests/corpus/pgan-paddle-train-log-loss-g-loss-d-resumed-prefix).
PGAN = """\
Running PGAN
size 10
202599 images found
202599 images detected
size (4, 4)
202599 images found
Changing alpha to 0.000
[0 :    100] loss G : 614.970 loss D : 750532.237
[0 :    200] loss G : 1535.155 loss D : 322471.667
[0 :    300] loss G : 1557.878 loss D : 211534.072
[0 :    400] loss G : 1459.596 loss D : 155299.552
[0 :    500] loss G : 1289.707 loss D : 108436.870
[0 :    600] loss G : 926.709 loss D : 85481.609
"""


def test_a_capital_tag_after_loss_stays_in_its_name():
    assert [(p.name, p.value) for p in message_pairs("[0 :    100] loss G : 614.970 loss D : 750532.237")] == [
        ("loss G", 614.97), ("loss D", 750532.237),
    ]
    # The same pairs after a colon and a comma, in either case
    assert [p.name for p in message_pairs("Epoch [1/50] Batch 100/469 Loss D: 0.6713, loss G: 0.7384")][-2:] == [
        "Loss D", "loss G",
    ]


def test_a_word_after_loss_is_not_a_tag():
    # only a short capital tag belongs to the loss: a word after it is the pair's own name
    assert [p.name for p in message_pairs("batch loss is :1.7668")] == ["batch loss"]
    assert [p.name for p in message_pairs("loss epoch: 3")] == ["epoch"]
    # a metric noun after the capitals still makes the longer name (Megatron's "lm loss PPL")
    line = " validation loss at iteration 500 | lm loss value: 2.304884E+00 | lm loss PPL: 1.002301E+01 | "
    assert "lm loss PPL" in [p.name for p in message_pairs(line)]


def test_the_gan_log_reads_its_tagged_losses():
    monitor = read(PGAN)
    got = series(monitor)
    assert got["loss G"][2:] == (6, 926.709) and got["loss D"][2:] == (6, 85481.609)
    assert monitor.store.primary_train in ("loss G", "loss D")
    corpus = CORPUS / "pgan-paddle-train-log-loss-g-loss-d-resumed-prefix" / "train_log.txt"
    whole = read(corpus.read_bytes())
    assert whole.store.primary_train in ("loss G", "loss D")
    assert len([s for s in whole.store if s.name == whole.store.primary_train][0]) == 648
