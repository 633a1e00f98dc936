import math

from parse_helpers import assert_series, read, read_fixture, steps


def test_nanogpt_iter_and_eval_lines():
    monitor = read_fixture("nanogpt.log")
    assert monitor.format_id == "nanogpt"
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 5, math.nan),
            "mfu": ("train", "other", 4, 48.31),  # mfu -100.00% means "not measured yet"
            "train loss": ("train", "loss", 1, 2.3456),
            "val loss": ("val", "loss", 1, 2.4012),
        },
        primary=("loss", "val loss"),
    )
    # A second run in the same file restarts at iter 100: a new segment, not a zigzag.
    assert steps(monitor, "loss") == [0, 100, 110, 100, 110]
    assert monitor.store["loss"].segment_starts == [0, 3]


def test_llmc_main_log_abbreviations():
    monitor = read_fixture("llmc_main.log")
    assert_series(
        monitor,
        {
            "tel": ("val", "loss", 2, 6.171),
            "trl": ("train", "loss", 3, 3.2217),
            "lr": ("train", "lr", 3, 0.0),
            "norm": ("train", "grad_norm", 3, 0.22),
            "eval": ("val", "metric", 1, 0.2512),  # HellaSwag accuracy, not a loss
        },
        primary=("trl", "tel"),
    )


def test_llmc_stdout_pairs_value_before_key_and_val_loss_without_step():
    monitor = read_fixture("llmc_stdout.log")
    assert monitor.format_id == "llmc"
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 4, 7.123456),
            "norm": ("train", "grad_norm", 4, 1.2345),
            "lr": ("train", "lr", 4, 0.0006),
            "tok/s": ("train", "other", 4, 1678234.0),
            "mfu": ("train", "other", 2, 48.4),
            "val loss": ("val", "loss", 1, 7.281),
            "hellaswag": ("val", "metric", 1, 0.250149),
        },
        primary=("loss", "val loss"),
    )
    assert steps(monitor, "val loss") == [10]


def test_modded_nanogpt_echoed_source_makes_no_series():
    monitor = read_fixture("modded_nanogpt.log")
    assert_series(
        monitor,
        {"val_loss": ("val", "loss", 2, 3.2785), "train_loss": ("train", "loss", 3, 1.746651)},
        primary=("train_loss", "val_loss"),
    )
    assert monitor.store["train_loss"].lines.tolist() == [16, 17, 18]


def test_gpt_lab_sci_notation_and_unterminated_last_line(real_logs):
    monitor = read((real_logs / "gpt-lab-diffusion-train.log").read_bytes())
    assert monitor.format_id == "modded_nanogpt"
    assert_series(
        monitor,
        {"train_loss": ("train", "loss", 7151, 0.0658066), "val_loss": ("val", "loss", 8, 0.010264)},
        primary=("train_loss", "val_loss"),
    )
    assert monitor.store["train_loss"].steps[-1] == 7151
    # The spike at step 2280 is printed as 1.746651e+00.
    index = monitor.store["train_loss"].steps.tolist().index(2280)
    assert monitor.store["train_loss"].values[index] == 1.746651


def test_llmc_real_main_log(real_logs):
    monitor = read((real_logs / "llmc-main.log").read_bytes())
    assert_series(
        monitor,
        {
            "trl": ("train", "loss", 19560, 3.2217),
            "lr": ("train", "lr", 19560, 0.0),
            "norm": ("train", "grad_norm", 19560, 0.22),
            "tel": ("val", "loss", 80, 3.2722),
        },
        primary=("trl", "tel"),
    )


def test_concatenated_runs_of_two_formats_are_both_read():
    text = "iter 0: loss 10.9264, time 95130.82ms, mfu -100.00%\niter 10: loss 9.5, time 95.82ms, mfu 1.00%\n" \
        "s:0 trl:11.0091 lr:0.000001 norm:15.37\ns:1 trl:10.0 lr:0.000002 norm:12.0\n"
    monitor = read(text)
    assert steps(monitor, "loss") == [0, 10]
    assert steps(monitor, "trl") == [0, 1]
