"""A console table under a row of named column groups (issue 12, class 4): ``|--- VALID ---|---
TRAIN ---|`` over ``lr  iter  epoch | loss  top-1  top-2 | loss  top-1  top-2 | ... | time``. Both
groups spell ``loss``; the group over a column names it (``VALID/loss``, ``TRAIN/loss``), the
``iter`` column steps the rows, a cell with no number (``0 hr 06 min``) is no value. Before, the
whole log read nothing.

Real lines: tests/corpus/cbnet-logs-log-train-txt (CBNet's fixed-width logger; later runs print
the banner and the header again, with other columns).
"""

import pytest
from parse_helpers import CORPUS, read, steps

from lossmon.engine.formats.auto import detect
from lossmon.engine.formats.grouped_table import group_spans

GROUPS = "                           |------------ VALID -------------|----------- TRAIN -------------|------Accuracy------|------------|\n"
HEADER = "lr       iter     epoch    | loss   top-1  top-2            | loss   top-1  top-2           |    Current Best    | time       |\n"
RULE = "-------------------------------------------------------------------------------------------------------------------------------\n"
ROWS = (
    "0.0001   0.0    0.0        | 0.521  80.365  96.347          | 0.653  66.667  95.480         |         80.365295         |  0 hr 06 min\n"
    "0.0001   1.0    1.0        | 0.522  78.995  96.804          | 0.559  72.559  96.933         |         80.365295         |  0 hr 13 min\n"
    "0.0001   2.0    2.0        | 0.416  85.388  97.717          | 0.510  75.572  97.417         |         85.38812         |  0 hr 20 min\n"
)
CBNET = (
    "----------------------------------------------- [START 2021-10-14 15:29:13] ---------------------------------------------------\n"
    "\n** start training here! **\n" + GROUPS + HEADER + RULE + ROWS
)


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_the_group_over_a_column_names_it(chunk):
    monitor = read(CBNET, chunk=chunk)
    assert monitor.store["VALID/loss"].values.tolist() == [0.521, 0.522, 0.416]
    assert monitor.store["TRAIN/loss"].values.tolist() == [0.653, 0.559, 0.510]
    assert monitor.store["TRAIN/top-1"].values.tolist() == [66.667, 72.559, 75.572]
    assert steps(monitor, "VALID/loss") == [0, 1, 2]
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("TRAIN/loss", "VALID/loss")
    assert not any("time" in series.name or "hr" in series.name for series in monitor.store)


def test_a_later_run_with_other_columns_is_read_by_its_own_header():
    header = "lr       iter     epoch    | loss   top-1  recall  f1     | loss   top-1  recall  f1     |    Current Best    | time       |\n"
    row = "0.0001   5.0    5.0        | 0.300  90.000  0.800  0.810  | 0.350  88.000  0.790  0.800  |         90.0         |  0 hr 35 min\n"
    monitor = read(CBNET + GROUPS + header + RULE + row)
    assert monitor.store["VALID/recall"].values.tolist() == [0.8]
    assert steps(monitor, "TRAIN/loss") == [0, 1, 2, 5]


def test_a_group_row_whose_logging_prefix_took_its_start_is_still_found():
    # the message the formats see may start at the first group's name
    assert detect("VALID -------------|----------- TRAIN -------------|------Accuracy------|------------|").id == "grouped_table"
    assert detect(GROUPS.rstrip("\n")).id == "grouped_table"


@pytest.mark.parametrize(
    "line",
    [
        "----------------------------------------------- [START 2021-10-14 15:29:13] ---------------------------------------------------",
        "| name | value |",
        "|---|---|",
        "|:----------:|:-------------|",
    ],
)
def test_rules_banners_and_other_tables_are_no_group_row(line):
    assert group_spans(line) is None


def test_a_group_row_over_no_metric_header_reads_nothing():
    text = GROUPS + "name     path     size     | owner  group  mode   | a  b  c | x | y |\n" + "1 2 3 | 4 5 6 | 7 8 9 | 1 | 2\n"
    assert len(read(text).store) == 0


def test_the_whole_cbnet_log_is_read():
    monitor = read((CORPUS / "cbnet-logs-log-train-txt" / "log_train.txt").read_bytes())
    assert len(monitor.store["TRAIN/loss"]) == len(monitor.store["VALID/loss"]) == 40


def test_groups_whose_dashes_do_not_line_up_with_the_cells_name_them_in_order():
    # a group row drawn wider than its columns: "VALID" spans both "loss" cells by position; the
    # named groups, in order from the first cell under one, tell them apart
    text = (
        "                      |----------------------- VALID------------------------------------|------- TRAIN/BATCH -----------\n"
        "rate     iter   epoch |  loss    map3   acc    |  loss    map3   acc    | time\n"
        "---------------------------------------------------------------------------------------------------------\n"
        "0.00000    0.0*   0.0 |  3.891  0.012  0.005  |  0.000  0.000  0.000  |  0 hr 00 min\n"
        "0.00100    0.5    2.8 |  2.112  0.658  0.949  |  2.512  0.616  0.800  |  0 hr 04 min\n"
    )
    monitor = read(text)
    assert monitor.store["VALID/loss"].values.tolist() == [3.891, 2.112]
    assert monitor.store["TRAIN/BATCH/loss"].values.tolist() == [0.0, 2.512]
    assert steps(monitor, "VALID/loss") == [0, 0.5]
