"""Rows of values, one per series, in a file named by the metric: np.savetxt of a stacked array
(tests/corpus/lsst-emulator-losses-txt-two-rows-train-vali: lsst_emulator saves
np.array([losses_train, losses_vali]) to losses.txt, 2 lines of 250 values in numpy's %.18e)."""

from parse_helpers import CORPUS, read

from lossmon.engine import Monitor

LOSSES = (CORPUS / "lsst-emulator-losses-txt-two-rows-train-vali" / "losses.txt").read_text()
TRAIN, VALI = (line.split() for line in LOSSES.splitlines())


def _row(values: list[str]) -> str:
    return " ".join(values) + "\n"


def _names(monitor) -> dict[str, int]:
    return {series.name: len(series) for series in monitor.store}


def test_two_rows_are_the_loss_and_its_held_out_counterpart():
    for chunk in (1 << 20, 4096, 977):
        monitor = read(LOSSES, chunk, path="losses.txt")
        store = monitor.store
        assert (store.primary_train, store.primary_val) == ("losses", "val_loss")
        assert store["losses"].values[:3].tolist() == [1652.232177734375, 1745.9322509765625, 1089.177124023437500]
        assert store["val_loss"].values[-1] == float(VALI[-1]) == 17.000583441361137
        assert store["losses"].steps.tolist() == list(range(1, 251))
        assert _names(monitor) == {"losses": 250, "val_loss": 250}


def test_one_row_is_the_files_metric():
    assert _names(read(_row(TRAIN[:20]), path="loss.txt")) == {"loss": 20}


def test_more_than_two_rows_say_nothing_of_their_splits():
    text = _row(TRAIN[:12]) + _row(VALI[:12]) + _row(TRAIN[12:24])
    monitor = read(text, path="losses.txt")
    assert _names(monitor) == {"losses": 12, "losses row 2": 12, "losses row 3": 12}
    assert monitor.store.primary_val is None


def test_a_split_in_the_files_name_makes_no_held_out_row():
    monitor = read(_row(TRAIN[:12]) + _row(VALI[:12]), path="train_losses.txt")
    assert _names(monitor) == {"train_losses": 12, "train_losses row 2": 12}


def test_a_table_of_many_rows_is_no_stack_of_series():
    # its first row was read as it came (the file's metric, sure from the file's name); the rows
    # after it say nothing of what they are
    text = "".join(_row(TRAIN[i : i + 10]) for i in range(0, 60, 10))
    assert _names(read(text, path="losses.txt")) == {"losses": 10}


def test_the_first_row_is_read_before_the_array_ends():
    # while a followed file has not ended (the app), the first row's series is there already
    monitor = Monitor("losses.txt")
    monitor.feed((_row(TRAIN[:12]) + _row(VALI[:12])).encode())
    assert _names(monitor) == {"losses": 12}
    monitor.finish()
    assert _names(monitor) == {"losses": 12, "val_loss": 12}


def test_a_file_named_otherwise_is_not_read():
    assert _names(read(_row(TRAIN[:12]) + _row(VALI[:12]), path="data.txt")) == {}


def test_a_row_of_another_length_ends_the_array():
    # the held rows are read before the line that ended them, which the other formats get
    monitor = read(_row(TRAIN[:12]) + _row(VALI[:9]), path="losses.txt")
    assert _names(monitor) == {"losses": 12}
