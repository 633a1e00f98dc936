"""`lossmon check --json` on every real log: the right primary losses and counts."""

import json

import pytest

from lossmon.cli import main

EXPECTED = {
    # file: (format, primary train, count, primary val, count)
    "gpt-lab-diffusion-train.log": ("modded_nanogpt", "train_loss", 7151, "val_loss", 8),
    "llmc-main.log": ("llmc_main_log", "trl", 19560, "tel", 80),
    "modded-nanogpt-adamw.log": ("llmc_main_log", "trl", 9536, "tel", 76),
    "slm-lightning-metrics.csv": ("lightning_csv", "train_loss_step", 2814, "val_loss", 10),
    "whisper-trainer_state.json": ("hf_trainer_state", "loss", 200, "eval_loss", 5),
    "yolov8-fire-results.csv": ("ultralytics_csv", "train/box_loss", 25, "val/box_loss", 25),
}


def check_json(capsys, *args) -> tuple[int, dict]:
    code = main(["check", "--json", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_json_primary_losses_and_counts(real_logs, capsys, name):
    fmt, train, train_count, val, val_count = EXPECTED[name]
    _, report = check_json(capsys, str(real_logs / name))
    summary = report["files"][0]
    counts = {s["name"]: s["count"] for s in summary["series"]}
    assert summary["format"] == fmt
    assert summary["primary"] == {"train": train, "val": val}
    assert counts[train] == train_count
    assert counts[val] == val_count


def test_every_real_log_is_known(real_logs):
    assert {p.name for p in real_logs.iterdir() if p.suffix != ".md"} == set(EXPECTED)


def test_llmc_eval_is_a_metric_not_a_loss(tmp_path, capsys, real_logs):
    log = tmp_path / "main.log"
    log.write_text((real_logs / "llmc-main.log").read_text() + "s:19560 eval:0.2944\n")
    _, report = check_json(capsys, str(log))
    kinds = {s["name"]: (s["split"], s["kind"]) for s in report["files"][0]["series"]}
    assert kinds["eval"] == ("val", "metric")
    assert kinds["tel"] == ("val", "loss") and kinds["trl"] == ("train", "loss")
