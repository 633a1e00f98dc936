"""A table of items, each row named by its tag, is a listing (issue 12, holdout15c): a regression
script prints the statistics of every data column before training ("base_550: mean=0.0018,
std=0.0002, CV=0.0873, range=[0.0016, 0.0022]"), and the rows made series mean, std, CV and range
of ten points. Rows whose tags are all new, with no step, are the rows of a table (formats.listings)."""

from parse_helpers import read

# Real lines: tests/corpus/water-python-pso-bp-train-test-mse-log (1807676448/Water_Python
# outputs/training_log.txt), lines 18-27, then the first BP training lines.
_STATISTICS = """\
device_id: mean=1.0000, std=0.0000, CV=0.0000, range=[1.0000, 1.0000]
base_550: mean=0.0018, std=0.0002, CV=0.0873, range=[0.0016, 0.0022]
base_254: mean=-0.0063, std=0.0007, CV=0.1193, range=[-0.0084, -0.0053]
comp_550: mean=0.9660, std=0.0029, CV=0.0030, range=[0.9609, 0.9715]
comp_254: mean=0.4036, std=0.0013, CV=0.0032, range=[0.4005, 0.4061]
raw_550: mean=0.9677, std=0.0029, CV=0.0030, range=[0.9629, 0.9733]
raw_254: mean=0.3973, std=0.0011, CV=0.0028, range=[0.3941, 0.4001]
Temp: mean=36.5675, std=0.9541, CV=0.0261, range=[33.6375, 37.2500]
COD_lab: mean=8.8120, std=3.4167, CV=0.3877, range=[3.6600, 14.7900]
UV254_lab: mean=0.2320, std=0.0906, CV=0.3906, range=[0.0954, 0.3904]
"""
_TRAINING = """\
Epoch 0001/10000, Train MSE: 0.04920459, Test MSE: 0.04257449, LR: 1.00e-02
Epoch 0050/10000, Train MSE: 0.03927306, Test MSE: 0.03291738, LR: 1.00e-02
Epoch 0100/10000, Train MSE: 0.03841491, Test MSE: 0.03108334, LR: 1.00e-02
"""


def _names(text: str) -> set[str]:
    return {series.name for series in read(text).store}


def test_a_table_of_column_statistics_gives_no_series():
    assert _names(_STATISTICS + _TRAINING) == {"Epoch", "Train MSE", "Test MSE", "LR"}


def test_the_same_tag_on_every_line_is_still_a_series():
    # the rows' values under one tag, line after line: one thing tracked, not a table of items
    lines = [line.split(": ", 1)[1] for line in _STATISTICS.splitlines()]
    store = read("".join(f"Temp: {values}\n" for values in lines)).store
    assert len(store["mean"]) == 10
