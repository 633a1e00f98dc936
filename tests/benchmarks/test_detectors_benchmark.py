"""The detector benchmark's scorer, and a tiny suite run end to end (the full benchmark takes
minutes: python -m benchmarks.detectors)."""

import math

import numpy as np
import pytest

from benchmarks.detectors import baselines
from benchmarks.detectors.harness import lossmon_alarms
from benchmarks.detectors.run import evaluate
from benchmarks.detectors.scoring import Score, healthy_points, score_run
from benchmarks.detectors.synth import PATHOLOGIES, Label, suite


def test_event_window_matching():
    labels = [Label("exploding_loss", 100, 90, 120, 150), Label("plateau", 500, 500, 700)]
    score = Score()
    alarms = [(80, "warn"), (105, "warn"), (110, "alert"), (140, "warn"), (600, "alert"), (900, "alert")]
    score_run(score, "exploding_loss", labels, alarms)
    assert (score.events, score.detected, score.delays) == (1, 1, [5])
    # 105, 110 in the window and 140 while the spike lasts are true; 600 is another pathology's
    # (wrong type: not a false alarm, but against precision); 80 and 900 are false alarms.
    assert (score.alarms, score.true_alarms, score.false_alarms, score.false_alerts) == (6, 3, 2, 1)
    assert score.precision == 0.5 and score.recall == 1.0 and score.f1 == pytest.approx(2 / 3)


def test_a_missed_event_and_healthy_points():
    score = Score()
    score_run(score, "overfitting", [Label("overfitting", 1000, 900, 1300)], [(2000, "warn")])
    assert score.recall == 0.0 and score.false_alarms == 1 and math.isnan(score.delay(50))
    steps = np.arange(0, 2000, 10.0)
    assert healthy_points(steps, [Label("x", 100, 100, 199)]) == len(steps) - 10


def test_the_suite_is_seeded():
    a, b = suite(3, 1, 1), suite(3, 1, 1)
    assert [r.name for r in a] == [r.name for r in b]
    assert all(np.array_equal(x.series["loss"], y.series["loss"], equal_nan=True) for x, y in zip(a, b))


def test_a_tiny_suite_end_to_end():
    runs = suite(seed=1, per_pathology=2, per_negative=1)
    scores, healthy, _, _ = evaluate([(run, lossmon_alarms(run)) for run in runs])
    assert healthy > 10_000
    for pathology in PATHOLOGIES:
        assert scores[(pathology, "lossmon")].events == 2
        assert scores[(pathology, "lossmon")].recall >= 0.5, pathology
    assert sum(scores[(p, "lossmon")].false_alerts for p in PATHOLOGIES) == 0
    assert {d for _, d in scores} == {"lossmon", "ADWIN", "PageHinkley"}


def test_baselines_see_log_values_standardized():
    run = suite(seed=2, per_pathology=1, per_negative=0)[0]
    steps, values = baselines.stream(run, "loss")
    assert len(steps) == len(values) and values[0] == 0.0 and np.isfinite(values).all()
