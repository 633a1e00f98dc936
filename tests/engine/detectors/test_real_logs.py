"""The verdicts the real logs call for (../shared/real-logs/README.md)."""

import pytest

from lossmon.engine import check_file

HEALTHY = ("llmc-main.log", "modded-nanogpt-adamw.log", "slm-lightning-metrics.csv", "yolov8-fire-results.csv")


def findings(path):
    return [(f.pathology, f.severity, f.step) for f in check_file(str(path)).findings]


def test_gpt_lab_diffusion_spike_at_2280_is_flagged_and_nothing_is_red(real_logs):
    found = findings(real_logs / "gpt-lab-diffusion-train.log")
    assert ("exploding_loss", "warn", 2280.0) in found
    assert [f for f in found if f[1] == "alert"] == []
    # The run has other single-step spikes it recovers from at once: the first big ones warn,
    # the ones clearly smaller than a spike it already shrugged off are only info.
    spikes = {step: severity for p, severity, step in found if p == "exploding_loss"}
    assert spikes[986.0] == "warn" and spikes[3394.0] == "info" and spikes[4811.0] == "info"
    assert {p for p, _, _ in found} <= {"exploding_loss", "plateau"}


def test_whisper_rising_eval_loss_is_overfitting(real_logs):
    found = findings(real_logs / "whisper-trainer_state.json")
    assert found == [("overfitting", "warn", 3000.0), ("overfitting", "alert", 4000.0)]


@pytest.mark.parametrize("name", HEALTHY)
def test_healthy_real_logs_raise_no_alarm(real_logs, name):
    assert [f for f in findings(real_logs / name) if f[1] != "info"] == []
