from parse_helpers import assert_series, read_fixture, steps


def test_fairseq_simple_pipes_and_json_lines():
    monitor = read_fixture("fairseq.log")
    assert monitor.format_id == "fairseq"
    found = {s.name: (s.split, s.kind, len(s)) for s in monitor.store}
    assert found["loss"] == ("train", "loss", 3)  # train_inner (simple) ×2 and JSON ×1
    assert found["train/loss"] == ("train", "loss", 1)  # the epoch average
    assert found["valid/loss"] == ("val", "loss", 1)
    assert found["gnorm"] == ("train", "grad_norm", 3)
    assert found["ppl"] == ("train", "metric", 3)
    for counter in ("bsz", "wpb", "num_updates", "wall", "train_wall", "train/bsz", "train/wall", "update"):
        assert counter not in found
    assert steps(monitor, "loss") == [100, 200, 1700]  # num_updates
    assert monitor.store["loss"].last == 7.876  # a JSON string value
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", "valid/loss")


def test_fairseq_legacy_prefix():
    monitor = read_fixture("fairseq_legacy.log")
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 1, 9.876),
            "nll_loss": ("train", "loss", 1, 9.845),
            "ppl": ("train", "metric", 1, 919.67),
            "wps": ("train", "other", 1, 12345.0),
            "ups": ("train", "other", 1, 2.0),
            "lr": ("train", "lr", 1, 1.25e-05),
            "gnorm": ("train", "grad_norm", 1, 1.234),
            "clip": ("train", "other", 1, 0.0),
            "loss_scale": ("train", "other", 1, 128.0),
            "train/loss": ("train", "loss", 1, 9.123),
            "train/nll_loss": ("train", "loss", 1, 8.9),
            "train/ppl": ("train", "metric", 1, 477.71),
            "train/wps": ("train", "other", 1, 12345.0),
            "train/ups": ("train", "other", 1, 2.0),
            "valid/loss": ("val", "loss", 1, 8.7),
            "valid/nll_loss": ("val", "loss", 1, 8.5),
            "valid/ppl": ("val", "metric", 1, 362.04),
        },
        primary=("loss", "valid/loss"),
    )
