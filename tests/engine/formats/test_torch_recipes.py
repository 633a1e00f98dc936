from parse_helpers import assert_series, read_fixture, steps


def test_timm_current_values_for_train_and_averages_for_validation():
    monitor = read_fixture("timm.log")
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 3, 5.5),
            "lr": ("train", "lr", 3, 0.001),
            "eval_loss": ("val", "loss", 1, 0.5882),
            "eval_top1": ("val", "metric", 1, 87.5),
            "eval_top5": ("val", "metric", 1, 99.375),
        },
        primary=("loss", "eval_loss"),
    )
    assert monitor.store["loss"].values.tolist() == [6.926911, 6.9, 5.5]  # never the (average)
    assert steps(monitor, "loss") == [0, 50, 1251]
    assert steps(monitor, "eval_loss") == [50]


def test_torchtune_logger_lines_and_bar_description():
    monitor = read_fixture("torchtune.log")
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 4, 1.0),
            "lr": ("train", "lr", 2, 2e-05),
            "tokens_per_second_per_gpu": ("train", "other", 2, 1234.0),
            "peak_memory_active": ("train", "other", 2, 14.2),
            "peak_memory_alloc": ("train", "other", 2, 14.2),
            "peak_memory_reserved": ("train", "other", 2, 16.1),
        },
        primary=("loss", None),
    )
    assert steps(monitor, "loss") == [10, 11, 12, 20]  # the bar frames of one line add steps 11, 12


def test_torchtitan_24bit_colour_and_thousands_separators():
    monitor = read_fixture("torchtitan.log")
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 2, 7.51234),
            "grad_norm": ("train", "grad_norm", 2, 1.2345),
            "memory": ("train", "other", 2, 29.43),
            "tps": ("train", "other", 2, 12346.0),
            "tflops": ("train", "other", 2, 1234.57),
            "mfu": ("train", "other", 2, 39.12),
        },
        primary=("loss", None),
    )
    assert steps(monitor, "loss") == [10, 20]
