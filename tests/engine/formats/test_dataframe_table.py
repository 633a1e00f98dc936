"""Julia DataFrames printed to the console (lossmon.engine.formats.dataframe_table), on real logs.

- tests/corpus/stock-prediction-julia-dataframe-in-csv-gan-frozen: SebastianGrandaA/stock-prediction
  output/train_metrics.csv: a 100-epoch GAN history printed as a DataFrame inside a CSV cell.
- data/dataframe_m50_pretrain.md: chooron/deepflex doc/start/m50_implement.md at 052218fe (lines
  125-147): the loss DataFrame HydroModels returns after pretraining a network, 1001 rows of which
  14 are printed around a ``⋮`` row, with a DateTime and an ``Array…`` column.
"""

import pytest

from tests.engine.formats.parse_helpers import CORPUS, DATA, read, records, series, steps

GAN = CORPUS / "stock-prediction-julia-dataframe-in-csv-gan-frozen" / "train_metrics.csv"


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_the_header_names_the_values_and_the_row_number_is_no_metric(chunk):
    monitor = read(GAN.read_bytes(), chunk=chunk)
    assert set(series(monitor)) == {"discriminator_loss", "generator_loss", "fixed_discriminator_loss"}
    assert monitor.store.primary_train == "generator_loss"
    # " 1 │     1   0.0281722  -0.0159363   0.015914": row 1, epoch 1 (the step), three values
    assert monitor.store["discriminator_loss"].values.tolist()[:2] == [0.0281722, 0.0283445]
    assert monitor.store["generator_loss"].values.tolist()[:2] == [-0.0159363, -0.0159006]
    assert steps(monitor, "generator_loss")[:12] == [float(epoch) for epoch in range(1, 13)]


def test_every_row_is_one_record_and_the_type_row_none():
    found = records(GAN.read_bytes())
    assert [step for _, step, _ in found] == [float(epoch) for epoch in range(1, 101)]
    assert found[0] == (6, 1.0, {"discriminator_loss": 0.0281722, "generator_loss": -0.0159363, "fixed_discriminator_loss": 0.015914})
    # the last row ends in the CSV cell's closing quote: its values are still read
    assert found[-1][2]["fixed_discriminator_loss"] == 0.015903


def test_a_frozen_table_keeps_its_rows_where_the_padding_shrinks():
    # rows 9, 10 and 11 print the same values; row 10 has a blank fewer before its numbers than
    # row 9 (right-aligned): it is the same statement, no echo of row 9 to drop
    monitor = read(GAN.read_bytes())
    assert {9.0, 10.0, 11.0} <= set(steps(monitor, "generator_loss"))


def test_rows_without_their_header_are_read_by_no_one():
    lines = GAN.read_text().splitlines(keepends=True)
    assert lines[2].startswith(" Row │ epoch")
    assert records("".join(lines[:2] + lines[3:]).encode()) == []


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_only_numeric_columns_are_read_and_omitted_rows_are_none(chunk):
    monitor = read((DATA / "dataframe_m50_pretrain.md").read_bytes(), chunk=chunk)
    # "Row │ iter  loss  time  params" over "│ Int64  Float64  DateTime  Array…": the time and the
    # parameters (digits in their text) are no series, "iter" steps the rows
    assert set(series(monitor)) == {"loss"}
    assert steps(monitor, "loss") == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 995.0, 996.0, 997.0, 998.0, 999.0, 1000.0, 1000.0]
    loss = monitor.store["loss"].values.tolist()
    assert loss[:2] == [9.49144, 8.53332] and loss[-1] == 0.0057562


def test_the_slow_and_the_fast_path_read_the_same():
    for data in (GAN.read_bytes(), (DATA / "dataframe_m50_pretrain.md").read_bytes()):
        assert records(data, fast=False) == records(data) == records(data, chunk=7)
