from parse_helpers import assert_series, read_fixture, steps


def test_deepspeed_lines_between_hf_dicts():
    monitor = read_fixture("deepspeed.log")
    assert_series(
        monitor,
        {
            "lr": ("train", "lr", 2, 2.8e-05),  # printed as a list: lr=[2.8e-05]
            "RunningAvgSamplesPerSec": ("train", "other", 1, 45.678912345),
            "CurrSamplesPerSec": ("train", "other", 1, 46.12345678),
            "MemAllocated": ("train", "other", 1, 6.12),
            "MaxMemAllocated": ("train", "other", 1, 12.34),
            "loss": ("train", "loss", 1, 1.9),
            "learning_rate": ("train", "lr", 1, 2.9999999999999997e-05),
            "epoch": ("train", "other", 1, 0.1),
            "loss scale": ("train", "other", 1, 32768.0),  # the OVERFLOW notice
        },
        primary=("loss", None),
    )
    assert steps(monitor, "lr") == [10, 20]
    assert steps(monitor, "loss scale") == [10]
    assert "mom" not in monitor.store and "skipped" not in monitor.store
