"""A table whose header is a template of pairs printed with its values left out, its rows printed
by a logger (issue 12). From tests/corpus/srgan-super-resolution-epoch-log-gen-disc-val (an SRGAN's
logs/epoch.log): a configuration block, then
``Epoch: , Avg Generator Loss: , ..., Avg Validation Discriminator Loss: `` and one
``2024-06-01 15:30:28,678 - 1, 2.9603, 0.0052, ...`` a line per epoch."""

from parse_helpers import CORPUS, read

from lossmon.engine.formats.table import header_of

LOG = CORPUS / "srgan-super-resolution-epoch-log-gen-disc-val" / "epoch.log"


def test_the_template_names_the_columns():
    template = next(line for line in LOG.read_text().splitlines() if line.startswith("Epoch: ,"))
    separator, columns = header_of(template)
    assert separator == "," and columns[:2] == ["Epoch", "Avg Generator Loss"] and len(columns) == 7


def test_the_logged_rows_are_its_records():
    rows = [line.split(" - ", 1)[1].split(", ") for line in LOG.read_text().splitlines() if line.startswith("2024-")]
    monitor = read(LOG.read_text())
    assert len(rows) == 50
    assert list(monitor.store["Avg Generator Loss"].values) == [float(row[1]) for row in rows]
    assert list(monitor.store["Avg Validation Discriminator Loss"].values) == [float(row[6]) for row in rows]
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("Avg Generator Loss", "Avg Validation Generator Loss")


def test_a_timestamp_column_of_a_csv_is_no_prefix():
    # a table whose first column is a time keeps it as a cell (the row fits its header as it is)
    monitor = read("time,epoch,loss\n2024-06-01 15:30:28,1,2.96\n2024-06-01 15:45:24,2,2.18\n2024-06-01 16:00:32,3,1.85\n")
    assert list(monitor.store["loss"].values) == [2.96, 2.18, 1.85]
