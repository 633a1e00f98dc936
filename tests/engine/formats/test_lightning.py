import math

from parse_helpers import assert_series, read_fixture, steps


def test_lightning_bar_postfix_in_carriage_return_frames():
    monitor = read_fixture("lightning_bar.log")
    assert monitor.format_id == "lightning_bar"
    assert_series(
        monitor,
        {"train_loss": ("train", "loss", 5, 0.5), "val_acc": ("val", "metric", 2, 0.95)},
        primary=("train_loss", None),
    )
    values = monitor.store["train_loss"].values.tolist()
    assert math.isnan(values[0]) and values[1] == math.inf and values[2:] == [3e-05, 12.0, 0.5]
    assert steps(monitor, "train_loss") == [17, 18, 19, 20, 21]  # epoch * batches + batch
    assert "v_num" not in monitor.store


def test_nemo_progress_printer():
    monitor = read_fixture("nemo.log")
    assert_series(
        monitor,
        {
            "lr": ("train", "lr", 3, 0.0003),
            "reduced_train_loss": ("train", "loss", 3, 5.021),
            "val_loss": ("val", "loss", 1, 4.9),
        },
        primary=("reduced_train_loss", "val_loss"),
    )
    assert steps(monitor, "reduced_train_loss") == [100, 101, 102]
