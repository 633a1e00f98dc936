from parse_helpers import assert_series, read, read_fixture, steps


def test_torchtune_jsonl():
    monitor = read_fixture("torchtune.jsonl")
    assert monitor.format_id == "jsonl"
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 2, 1.1),
            "lr": ("train", "lr", 2, 2e-05),
            "tokens_per_second_per_gpu": ("train", "other", 2, 1234.0),
        },
        primary=("loss", None),
    )


def test_llama_factory_trainer_log():
    monitor = read_fixture("trainer_log.jsonl")
    assert monitor.format_id == "llamafactory"
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 2, 1.1345),
            "lr": ("train", "lr", 2, 4.98e-05),
            "epoch": ("train", "other", 3, 0.06),
            "eval_loss": ("val", "loss", 1, 1.3),
        },
        primary=("loss", "eval_loss"),
    )
    assert steps(monitor, "loss") == [10, 20]


def test_python_json_nan_nested_objects_and_string_numbers():
    text = (
        '{"step": 1, "train": {"loss": 2.5}, "val": {"loss": "2.7"}, "note": "warmup"}\n'
        '{"step": 2, "train": {"loss": NaN}, "val": {"loss": Infinity}}\n'
    )
    monitor = read(text)
    assert_series(
        monitor,
        {"train/loss": ("train", "loss", 2, float("nan")), "val/loss": ("val", "loss", 2, float("inf"))},
        primary=("train/loss", "val/loss"),
    )
    assert steps(monitor, "val/loss") == [1, 2]
