"""Two names set against each other with their two values: "a vs. b: x vs. y" (pairs.versus_pairs)."""

from parse_helpers import read, steps

from lossmon.engine.formats.pairs import versus_pairs

# 2003mahi/GAN- @96687a2 gan.ipynb, its training cell's first epochs (a PyTorch GAN's per-epoch means)
GAN = """\
Number of parameters for generator: 12656257 and discriminator: 11033985
Training ...
Epoch [1 / 20] average loss generator vs. discrim.: 2.854357 vs. 0.416896
Epoch [2 / 20] average loss generator vs. discrim.: 1.705981 vs. 0.476559
Epoch [3 / 20] average loss generator vs. discrim.: 2.390451 vs. 0.408744
Epoch [4 / 20] average loss generator vs. discrim.: 2.910878 vs. 0.330530
"""


def test_each_name_takes_its_value_at_the_epoch_the_line_opens_with():
    monitor = read(GAN)
    assert monitor.store.primary_train == "average loss generator"
    assert list(monitor.store["average loss generator"].values) == [2.854357, 1.705981, 2.390451, 2.910878]
    assert list(monitor.store["discrim"].values) == [0.416896, 0.476559, 0.408744, 0.330530]
    assert steps(monitor, "discrim") == [1, 2, 3, 4]


def test_prose_with_vs_and_no_two_values_gives_nothing():
    assert versus_pairs("Comparing model A vs. model B: see the table below") == []
    assert versus_pairs("train vs. val: 0.52 and 0.61") == []
