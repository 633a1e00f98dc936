"""Each demo log (one real training run per pathology) gets its own pathology, and no alert of
another; the healthy one gets no alarm at all."""

import pytest

from lossmon.engine import check_file

DEMOS = {
    "exploding_loss.log": "exploding_loss",
    "nan_or_inf.log": "nan_or_inf",
    "not_converging.log": "not_converging",
    "overfitting.csv": "overfitting",
    "contradictory_metrics.log": "contradictory_metrics",
    "stuck_periodic.jsonl": "stuck_periodic",
    "plateau.log": "plateau",
}


@pytest.mark.parametrize("name", sorted(DEMOS))
def test_demo_log_shows_its_own_pathology_and_no_other_alert(demo_logs, name):
    found = check_file(str(demo_logs / name)).findings
    own = DEMOS[name]
    assert any(f.pathology == own and f.severity in ("warn", "alert") for f in found)
    assert [f.pathology for f in found if f.severity == "alert" and f.pathology != own] == []


def test_healthy_demo_log_raises_no_alarm(demo_logs):
    assert [f for f in check_file(str(demo_logs / "healthy.log")).findings if f.severity != "info"] == []


def test_a_loss_that_explodes_2000x_is_an_alert_before_the_run_is_killed(demo_logs):
    found = check_file(str(demo_logs / "exploding_loss.log")).findings
    alerts = [f for f in found if f.pathology == "exploding_loss" and f.severity == "alert"]
    # The loss leaves its 0.17 best around iter 2000 and ends at 168 at iter 2087.
    assert alerts and alerts[0].step < 2080
