"""Names qualified by an abbreviation (issue 12, holdout6): "avg. loss", "dev. ppl" keep the
abbreviation as printed, so the user finds the series under the name the log shows."""

from parse_helpers import read, series

from lossmon.engine.formats.pairs import message_pairs

# The cs224n NMT assignment's log (Ezra-H/SL_translator checkpoints/log.txt, lines 13-28):
# "avg. loss" every 1000 iterations, "dev. ppl" at each validation.
NMT = """\
epoch 1, iter 1000, avg. loss 230.02, avg. ppl 1953812.56 cum. examples 8096, speed 24.84 words/sec, time elapsed 6501.43 sec
epoch 1, iter 2000, avg. loss 227.67, avg. ppl 2005930.34 cum. examples 9096, speed 25.07 words/sec, time elapsed 7127.16 sec
epoch 1, iter 3000, avg. loss 239.26, avg. ppl 2694016.80 cum. examples 10096, speed 25.51 words/sec, time elapsed 7760.59 sec
epoch 1, iter 4000, avg. loss 238.29, avg. ppl 2732385.12 cum. examples 11096, speed 25.45 words/sec, time elapsed 8392.45 sec
epoch 1, iter 5000, avg. loss 234.55, avg. ppl 2364529.14 cum. examples 12096, speed 25.28 words/sec, time elapsed 9024.56 sec
epoch 1, iter 6000, avg. loss 234.84, avg. ppl 2754286.89 cum. examples 13096, speed 25.06 words/sec, time elapsed 9656.52 sec
epoch 1, iter 7000, avg. loss 238.10, avg. ppl 2577479.64 cum. examples 14096, speed 25.16 words/sec, time elapsed 10297.51 sec
validation: iter 1, dev. ppl 2391906.965643
epoch 2, iter 1000, avg. loss 236.22, avg. ppl 2540880.88 cum. examples 1000, speed 22.14 words/sec, time elapsed 11090.32 sec
epoch 2, iter 2000, avg. loss 230.53, avg. ppl 2294084.04 cum. examples 2000, speed 25.81 words/sec, time elapsed 11700.15 sec
epoch 2, iter 3000, avg. loss 236.36, avg. ppl 2539282.32 cum. examples 3000, speed 25.87 words/sec, time elapsed 12319.60 sec
epoch 2, iter 4000, avg. loss 233.93, avg. ppl 2221205.64 cum. examples 4000, speed 25.98 words/sec, time elapsed 12935.86 sec
epoch 2, iter 5000, avg. loss 232.85, avg. ppl 2426404.30 cum. examples 5000, speed 25.84 words/sec, time elapsed 13548.73 sec
epoch 2, iter 6000, avg. loss 237.13, avg. ppl 2252915.04 cum. examples 6000, speed 25.47 words/sec, time elapsed 14185.29 sec
epoch 2, iter 7000, avg. loss 235.15, avg. ppl 2665524.65 cum. examples 7000, speed 25.15 words/sec, time elapsed 14817.31 sec
validation: iter 2, dev. ppl 2331329.136726
"""


def test_an_abbreviation_stays_in_the_name_it_qualifies():
    found = message_pairs(NMT.splitlines()[0])
    assert [pair.name for pair in found] == ["epoch", "iter", "avg. loss", "avg. ppl", "cum. examples", "speed"]
    monitor = read(NMT)
    assert monitor.store.primary_train == "avg. loss"
    got = series(monitor)
    assert got["avg. loss"][2] == 14 and got["avg. loss"][3] == 235.15
    assert got["dev. ppl"][:3] == ("val", "metric", 2)  # (a perplexity: no loss, no primary val)
    assert monitor.store.primary_val is None
    assert "loss" not in got


def test_an_abbreviation_before_a_colon_pair():
    assert [(p.name, p.value) for p in message_pairs("Epoch 3 | avg. loss: 0.52 | Avg. Acc: 0.9")] == [
        ("Epoch", 3.0), ("avg. loss", 0.52), ("Avg. Acc", 0.9),
    ]


def test_a_sentence_period_is_no_abbreviation():
    # a word that ends a sentence names nothing: the pair is the loss alone, or the line is prose
    assert [p.name for p in message_pairs("Training done. loss: 0.5")] == ["loss"]
    assert message_pairs("avg. 2.3") == []  # an abbreviation alone names no number
