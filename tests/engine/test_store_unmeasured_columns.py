"""A held-out loss column that is 0 in every row from the first was never measured. SPEED_VISION's
YOLO results.csv (tests/corpus/speed-vision-yolo-results-csv-noval-zeros) keeps val/box_loss,
val/cls_loss and val/dfl_loss at 0 for 100 epochs (validation never ran) and lossmon reported
val/box_loss x100 as the held-out loss. A table writes every column in every row, so an unfilled
one holds its fill value: such a column is no primary loss while it stays 0 (store._unmeasured).
A loss that reaches 0 later, or a printed "Val Loss: 0.0000", is a value, and stays one."""

from pathlib import Path

from tests.engine.formats.parse_helpers import read


def read_csv(text: str, chunk: int = 1 << 20):
    return read(text, chunk, path="results.csv")


CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# The header and first rows of that results.csv (the real lines)
HEADER = (
    "               epoch,      train/box_loss,      train/cls_loss,      train/dfl_loss,   metrics/precision,"
    "      metrics/recall,     metrics/mAP_0.5,metrics/mAP_0.5:0.95,        val/box_loss,        val/cls_loss,"
    "        val/dfl_loss,               x/lr0,               x/lr1,               x/lr2\n"
)
ROWS = [
    "                   0,              2.1824,              4.5377,              1.9537,              0.8427,"
    "             0.79167,             0.87066,             0.55541,                   0,                   0,"
    "                   0,            0.070216,           0.0033094,           0.0033094\n",
    "                   1,              2.0554,              2.5822,              1.8173,             0.89493,"
    "             0.70984,             0.93718,             0.65761,                   0,                   0,"
    "                   0,             0.04015,           0.0065769,           0.0065769\n",
    "                   2,              2.0883,              4.0581,              1.7612,             0.64473,"
    "             0.79167,             0.75858,             0.48056,                   0,                   0,"
    "                   0,            0.010018,           0.0097785,           0.0097785\n",
]


def _with_val(row: str, box: str) -> str:
    # the same row with validation run: val/box_loss filled (the 9th cell)
    cells = row.split(",")
    cells[8] = cells[8][: -len(box)] + box
    return ",".join(cells)


def test_val_columns_zero_in_every_row_are_no_held_out_loss():
    monitor = read_csv(HEADER + "".join(ROWS))
    assert monitor.store.primary_train == "train/box_loss"
    assert monitor.store.primary_val is None
    assert len(monitor.store["val/box_loss"]) == 3  # still read, shown as the log has it


def test_the_whole_corpus_log_has_no_held_out_loss():
    monitor = read_csv((CORPUS / "speed-vision-yolo-results-csv-noval-zeros" / "results.csv").read_text())
    assert monitor.store.primary_val is None
    assert len(monitor.store["train/box_loss"]) == 100


def test_a_val_column_that_starts_moving_becomes_the_held_out_loss_line_by_line():
    text = HEADER + ROWS[0] + _with_val(ROWS[1], "1.93") + _with_val(ROWS[2], "1.87")
    for chunk in (1 << 20, 97):
        monitor = read_csv(text, chunk)
        assert monitor.store.primary_val == "val/box_loss"
        assert monitor.store["val/box_loss"].values.tolist() == [0.0, 1.93, 1.87]


def test_a_val_loss_that_reaches_zero_late_stays_the_held_out_loss():
    text = HEADER + _with_val(ROWS[0], "1.93") + ROWS[1] + ROWS[2]
    assert read_csv(text).store.primary_val == "val/box_loss"


def test_a_printed_zero_val_loss_is_a_value():
    # Floatingice233/mmfrnet's train_log.txt: a one-class split, every printed loss 0.0000
    monitor = read_csv((CORPUS / "mmfrnet-pneumoniamnist-windows" / "train_log.txt").read_text())
    assert monitor.store.primary_val is not None
    assert monitor.store.primary_val.replace(" ", "") == "ValLoss"
