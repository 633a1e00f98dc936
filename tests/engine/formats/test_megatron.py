from parse_helpers import assert_series, read_fixture, steps


def test_megatron_training_validation_and_test_lines():
    monitor = read_fixture("megatron.log")
    assert_series(
        monitor,
        {
            "throughput per GPU (TFLOP/s/GPU)": ("train", "other", 1, 401.2),
            "learning rate": ("train", "lr", 3, 6e-05),
            "lm loss": ("train", "loss", 3, 11.42026),
            "loss scale": ("train", "other", 3, 2048.0),
            "grad norm": ("train", "grad_norm", 3, 219645.978),
            "number of skipped iterations": ("train", "other", 3, 0.0),
            "number of nan iterations": ("train", "other", 3, 0.0),
            "validation lm loss": ("val", "loss", 2, 7.1742),
            "validation lm loss PPL": ("val", "metric", 2, 1305.315),
            "num zeros": ("train", "other", 2, 0.0),
            "test lm loss": ("test", "loss", 1, 7.2),
            "test lm loss PPL": ("test", "metric", 1, 1339.0),
        },
        primary=("lm loss", "validation lm loss"),
    )
    # consumed samples, elapsed time, batch size, timers and the glued per-rank memory reports
    # are not series.
    assert steps(monitor, "lm loss") == [100, 7000, 7010]
    assert steps(monitor, "validation lm loss") == [1000, 7000]


def test_srun_label_prefix_keeps_one_rank():
    monitor = read_fixture("megatron_srun.log")
    assert_series(
        monitor,
        {
            "learning rate": ("train", "lr", 3, 1e-05),
            "lm loss": ("train", "loss", 3, 10.59954),
            "loss scale": ("train", "other", 3, 4294967296.0),
            "grad norm": ("train", "grad_norm", 3, 0.0),
            "number of skipped iterations": ("train", "other", 3, 1.0),
            "number of nan iterations": ("train", "other", 3, 0.0),
        },
        primary=("lm loss", None),
    )


def test_primus_ansi_prefix_and_value_pairs():
    monitor = read_fixture("primus.log")
    assert_series(
        monitor,
        {
            "learning rate": ("train", "lr", 1, 1e-05),
            "lm loss": ("train", "loss", 1, 0.004142716),
            "grad norm": ("train", "grad_norm", 1, 0.12),
        },
    )
    assert steps(monitor, "lm loss") == [4408]
