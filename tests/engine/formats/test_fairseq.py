from parse_helpers import assert_series, read, read_fixture, steps


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


# fairseq-hydra-train with log_format json (tests/corpus/fairseq-wav2vec2-aishell2-hydra-json): hydra's
# "[time][logger][level] - " prefix carries the logger, and the JSON of valid/train epoch lines
# names its keys with their tag already ("valid_loss", "train_loss").
HYDRA_JSON = (
    '[2022-04-08 18:48:05,372][train_inner][INFO] - {"epoch": 1, "update": 0.416, "loss": "9.276", "ntokens": "116171", "nsentences": "336.18", "prob_perplexity": "389.474", "code_perplexity": "377.731", "temp": "1.999", "loss_0": "6.679", "loss_1": "0.056", "loss_2": "2.54", "accuracy": "0.01168", "wps": "58056.1", "ups": "0.5", "wpb": "116171", "bsz": "336.2", "num_updates": "200", "lr": "3.125e-06", "gnorm": "1.421", "loss_scale": "128", "train_wall": "404", "gb_free": "23.1", "wall": "425"}\n'
    '[2022-04-08 18:54:45,183][train_inner][INFO] - {"epoch": 1, "update": 0.832, "loss": "6.961", "ntokens": "116185", "nsentences": "337.305", "prob_perplexity": "535.014", "code_perplexity": "522.584", "temp": "1.997", "loss_0": "6.651", "loss_1": "0.024", "loss_2": "0.286", "accuracy": "0.01312", "wps": "58120", "ups": "0.5", "wpb": "116185", "bsz": "337.3", "num_updates": "400", "lr": "6.25e-06", "gnorm": "0.144", "loss_scale": "256", "train_wall": "399", "gb_free": "23.2", "wall": "825"}\n'
    '[2022-04-08 18:58:04,035][valid][INFO] - {"epoch": 1, "valid_loss": "6.389", "valid_ntokens": "14470.6", "valid_nsentences": "42.0256", "valid_prob_perplexity": "193.268", "valid_code_perplexity": "184.825", "valid_temp": "1.995", "valid_loss_0": "6.216", "valid_loss_1": "0.101", "valid_loss_2": "0.072", "valid_accuracy": "0.02587", "valid_wps": "169012", "valid_wpb": "14470.6", "valid_bsz": "42", "valid_num_updates": "479"}\n'
    '[2022-04-08 18:58:06,786][train][INFO] - {"epoch": 1, "train_loss": "7.864", "train_ntokens": "115961", "train_nsentences": "336.031", "train_prob_perplexity": "448.89", "train_code_perplexity": "436.897", "train_temp": "1.998", "train_loss_0": "6.625", "train_loss_1": "0.043", "train_loss_2": "1.196", "train_accuracy": "0.01377", "train_wps": "55450.7", "train_ups": "0.48", "train_wpb": "115961", "train_bsz": "336", "train_num_updates": "479", "train_lr": "7.48437e-06", "train_gnorm": "0.712", "train_loss_scale": "64", "train_train_wall": "964", "train_gb_free": "23.5", "train_wall": "1026"}\n'
    '[2022-04-08 19:02:26,431][train_inner][INFO] - {"epoch": 2, "update": 1.252, "loss": "6.294", "ntokens": "115657", "nsentences": "335.04", "prob_perplexity": "200.986", "code_perplexity": "194.738", "temp": "1.995", "loss_0": "6.128", "loss_1": "0.099", "loss_2": "0.067", "accuracy": "0.08456", "wps": "50149.6", "ups": "0.43", "wpb": "115657", "bsz": "335", "num_updates": "600", "lr": "9.375e-06", "gnorm": "0.47", "loss_scale": "64", "train_wall": "402", "gb_free": "23.2", "wall": "1286"}\n'
)


def test_fairseq_hydra_json_lines():
    monitor = read(HYDRA_JSON)
    assert monitor.format_id == "fairseq"
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", "valid_loss")
    assert steps(monitor, "loss") == [200, 400, 600]
    assert monitor.store["loss"].values.tolist() == [9.276, 6.961, 6.294]
    assert monitor.store["valid_loss"].values.tolist() == [6.389]
    assert monitor.store["train_loss"].values.tolist() == [7.864]
    assert "valid/valid_loss" not in monitor.store
