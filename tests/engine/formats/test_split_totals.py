"""A table's column named by a split and "total" (holdout15f miss: tests/corpus/dish2calories-
losses-csv-total-components, AmirrrezaZ/dish2calories logs/losses.csv, ``epoch,train_total,
val_total,train_cls,val_cls,train_mass,val_mass``): that split's total loss when its cells hold
fractions, as a custom loop's history writes it (``epoch,train_total,val_total,...`` headers in
public training scripts); a count of examples when they hold whole numbers."""

from parse_helpers import CORPUS
from test_column import read_as

from lossmon.engine.formats.table import split_totals

DISH = CORPUS / "dish2calories-losses-csv-total-components" / "losses.csv"
FIRST_ROWS = b"".join(DISH.read_bytes().splitlines(keepends=True)[:4])


def test_split_totals_are_the_losses():
    monitor = read_as("logs/losses.csv", FIRST_ROWS)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train_total", "val_total")
    assert monitor.store["train_total"].values.tolist()[0] == 11.44561099898627
    assert monitor.store["val_total"].kind == "loss" and monitor.store["val_total"].split == "val"
    # a term: no word of its own says what it is, the file's name does (losses.csv:
    # file_named_columns.loss_columns_named_by_file); the totals stay the primaries
    assert monitor.store["train_cls"].kind == "loss" and monitor.store["val_cls"].split == "val"


def test_the_whole_history():
    monitor = read_as("history.csv", DISH.read_bytes())
    assert len(monitor.store["train_total"]) == 41 and len(monitor.store["val_total"]) == 41
    assert monitor.store.primary_val == "val_total"


def test_whole_numbers_are_a_count():
    rows = "epoch,train_correct,train_total,train_acc\n1,41234,50000,0.8247\n2,43125,50000,0.8625\n"
    monitor = read_as("history.csv", rows)
    assert monitor.store["train_total"].kind == "other"
    assert monitor.store.primary_train is None


def test_split_totals_by_name():
    assert split_totals(["epoch", "train_total", "val/total", "Valid Total", "total", "subtotal", "train_loss"]) == [
        "train_total", "val/total", "Valid Total",
    ]
