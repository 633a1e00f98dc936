"""Runs appended under one CSV header with other columns (holdout5a
ppo-metrics-csv-pg-loss-v-loss-26-columns: 26 columns, then 28 cells per row, then 26 cells
without time_s, so every cell one column left of its name). A row that does not fit its header is
re-read by its values or skipped; a value is never read under the wrong name."""

from parse_helpers import CORPUS, read

from lossmon.engine.formats.column_drift import agree, align

PPO = (CORPUS / "ppo-metrics-csv-pg-loss-v-loss-26-columns" / "metrics.csv").read_text()
LINES = PPO.splitlines()
HEADER = LINES[0].split(",")


def _cells(number: int) -> list[float]:
    return [float(cell) for cell in LINES[number - 1].split(",")]


def test_three_runs_under_one_header_keep_every_row_under_its_own_names():
    rows = (2, 3, 4, 23, 24, 25, 51, 52, 53)
    monitor = read("\n".join([LINES[0]] + [LINES[n - 1] for n in rows]) + "\n")
    pg, v, entropy = (monitor.store[name].values.tolist() for name in ("pg_loss", "v_loss", "entropy"))
    first_run = [_cells(n)[HEADER.index("pg_loss")] for n in (2, 3, 4)]
    second_run = [_cells(n)[HEADER.index("pg_loss")] for n in (23, 24, 25)]  # two cells more, at the end
    third_run = [_cells(n)[HEADER.index("pg_loss") - 1] for n in (51, 52, 53)]  # time_s gone
    assert pg == first_run + second_run + third_run
    assert v == [_cells(n)[HEADER.index("v_loss") - (n > 50)] for n in rows]
    assert entropy == [_cells(n)[HEADER.index("entropy") - (n > 50)] for n in rows]
    assert monitor.store["run_id"].values.tolist() == [0.0] * len(rows)


def test_the_whole_file_reads_every_row_of_the_three_runs():
    monitor = read(PPO)
    assert len(monitor.store["v_loss"]) == len(monitor.store["pg_loss"]) == 71
    # the third run's entropy stays near 11-12 at its start, where by position it read the v_loss column
    assert monitor.store["entropy"].values.tolist()[50] == _cells(52)[HEADER.index("entropy") - 1]


def test_a_row_that_fits_no_layout_is_skipped_not_shifted():
    table = "step,loss,acc\n1,2.5,0.10\n2,2.4,0.12\n-7,900,-3,12,-5\n3,2.3,0.14\n"
    monitor = read(table)
    assert monitor.store["loss"].values.tolist() == [2.5, 2.4, 2.3]
    assert monitor.store["acc"].values.tolist() == [0.10, 0.12, 0.14]


def test_agreement_is_sign_and_order_of_magnitude():
    assert agree(0.0155, 0.0245) and agree(0.0, 0.0) and agree(11.6, 7.3)
    assert not agree(-0.0042, 0.0013) and not agree(0.0, 1.0) and not agree(625.4, 0.99) and not agree(None, 1.0)


def test_align_finds_cells_added_part_way():
    last = [10.0, 0.5, 3200.0, 0.01, 1200.0, -7.0, 0.3, 45000.0]
    row = [11.0, 0.49, 3150.0, 0.011, -4.0, 0.0, 1190.0, -6.5, 0.31, 44000.0]  # two new columns in the middle
    assert align(row, last) == [0, 1, 2, 3, -1, -1, 4, 5, 6, 7]


def test_align_leaves_out_what_no_agreeing_cell_pins():
    last = [10.0, 0.5, 3.2, 0.01, 1200.0]
    row = [11.0, 0.49, 3.1, 0.011, -4.0, 0.0, 1190.0]  # too few agreeing cells after the new ones
    assert align(row, last) == [0, 1, 2, 3, -1, -1, -1]
    shifted = [0.49, 3.1, -0.011, 1190.0, 2.0]  # the first column gone, one more at the end
    assert align(shifted, last) == [1, 2, 3, 4, -1]
