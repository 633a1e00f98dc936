import numpy as np

from lossmon.engine.detectors.contradictory_metrics import ContradictoryMetrics
from tests.engine.detectors.series import feed, summary


def test_recall_stuck_at_zero_while_the_loss_falls_warns_then_alerts():
    loss = np.linspace(0.7, 0.1, 8)
    findings = feed(ContradictoryMetrics("val_recall"), np.zeros(8), train_loss=loss)
    assert summary(findings) == [
        ("contradictory_metrics", "warn", 3.0),
        ("contradictory_metrics", "alert", 5.0),
    ]
    assert findings[0].message.startswith("val_recall stuck at 0 for 3 evaluations while the loss fell")


def test_a_frozen_accuracy_is_a_warning_and_a_moving_one_nothing():
    loss = np.linspace(0.7, 0.1, 8)
    assert [s for _, s, _ in summary(feed(ContradictoryMetrics("acc"), np.full(8, 0.9), train_loss=loss))] == ["warn"]
    assert feed(ContradictoryMetrics("acc"), np.linspace(0.5, 0.9, 8), train_loss=loss) == []


def test_a_stuck_metric_next_to_a_flat_loss_contradicts_nothing():
    assert feed(ContradictoryMetrics("recall"), np.zeros(8), train_loss=np.full(8, 0.7)) == []


def test_a_perfect_metric_is_not_stuck():
    assert feed(ContradictoryMetrics("recall"), np.ones(8), train_loss=np.linspace(0.7, 0.1, 8)) == []


def test_findings_are_the_same_in_any_batches():
    loss = np.linspace(0.7, 0.1, 12)
    recall = np.array([0.2, 0.3, 0, 0, 0, 0, 0, 0, 0.4, 0.4, 0.4, 0.4])
    whole = summary(feed(ContradictoryMetrics("recall"), recall, train_loss=loss))
    assert whole and summary(feed(ContradictoryMetrics("recall"), recall, [1, 4, 5, 9], train_loss=loss)) == whole


def test_a_saturated_metric_is_convergence_not_contradiction():
    loss = np.linspace(0.7, 0.6, 10)  # still creeping down, 14% in all
    accuracy = np.array([0.5, 0.7, 0.85, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9])
    assert feed(ContradictoryMetrics("val_accuracy"), accuracy, train_loss=loss) == []
    top1 = np.array([60.0, 80.0, 87.5, 87.5, 87.5, 87.5])
    assert feed(ContradictoryMetrics("eval_top1"), top1, train_loss=np.linspace(2.0, 1.2, 6)) == []


def test_an_auc_at_one_half_is_degenerate_and_a_recall_that_drops_to_zero_too():
    loss = np.linspace(0.7, 0.1, 8)
    auc = np.array([0.62, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5])
    assert [s for _, s, _ in summary(feed(ContradictoryMetrics("val_auc"), auc, train_loss=loss))] == ["warn", "alert"]
    recall = np.array([0.3, 0.4, 0, 0, 0, 0, 0, 0])
    found = feed(ContradictoryMetrics("recall"), recall, train_loss=loss)
    assert [f.severity for f in found] == ["warn", "alert"] and "stuck at 0 " in found[0].message


def test_a_metric_that_never_moved_says_so():
    found = feed(ContradictoryMetrics("acc"), np.full(8, 0.9), train_loss=np.linspace(0.7, 0.1, 8))
    assert "has not moved from 0.9 since its first evaluation" in found[0].message
