from parse_helpers import assert_series, read_fixture, steps


def test_keras3_verbose1_backspaces_ansi_and_frames():
    monitor = read_fixture("keras3_verbose1.log")
    assert_series(
        monitor,
        {
            "accuracy": ("train", "metric", 4, 0.94),
            "loss": ("train", "loss", 4, 0.2),
            "val_accuracy": ("val", "metric", 2, 0.955),
            "val_loss": ("val", "loss", 2, 0.19),
        },
        primary=("loss", "val_loss"),
    )
    # step = (epoch - 1) * batches per epoch + batch
    assert steps(monitor, "loss") == [1, 100, 313, 626]
    assert monitor.store["loss"].attrs.get("epoch_running_average") is True


def test_keras3_verbose2_negative_values_in_sci_notation():
    monitor = read_fixture("keras3_verbose2.log")
    assert_series(
        monitor,
        {
            "accuracy": ("train", "metric", 2, 0.93),
            "loss": ("train", "loss", 2, 0.21),
            "val_accuracy": ("val", "metric", 2, 0.96),
            "val_loss": ("val", "loss", 2, -0.15),
        },
        primary=("loss", "val_loss"),
    )


def test_keras2_eta_frames_nan_and_tensorflow_noise():
    monitor = read_fixture("keras2.log")
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 4, 0.3),
            "accuracy": ("train", "metric", 3, 0.91),
            "val_loss": ("val", "loss", 3, 0.21),
            "val_accuracy": ("val", "metric", 3, 0.95),
        },
        primary=("loss", "val_loss"),
    )
    assert monitor.store["loss"].values[2] == 5.1909e-08
    assert monitor.store["val_loss"].values[1] == 1714719424512.0
    assert monitor.store["loss"].nonfinite == 1
