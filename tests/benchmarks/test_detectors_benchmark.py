"""The detector benchmark's scorer, and a tiny suite run end to end (the full benchmark takes
minutes: python -m benchmarks.detectors)."""

import math

import numpy as np
import pytest

from benchmarks.detectors import baselines
from benchmarks.detectors.harness import lossmon_alarms
from benchmarks.detectors.run import evaluate
from benchmarks.detectors.scoring import Score, healthy_points, score_run
from benchmarks.detectors.short import SHORT_PATHOLOGIES, short_suite
from benchmarks.detectors.styles import STYLES, render, styled
from benchmarks.detectors.synth import PATHOLOGIES, Label, healthy, suite
from lossmon.engine.monitor import Monitor


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
        # exploding_loss also has the suite's warm-up blow-ups above chance level (per_negative)
        assert scores[(pathology, "lossmon")].events == 2 + (pathology == "exploding_loss")
        assert scores[(pathology, "lossmon")].recall >= 0.5, pathology
    assert sum(scores[(p, "lossmon")].false_alerts for p in PATHOLOGIES) == 0
    assert {d for _, d in scores} == {"lossmon", "ADWIN", "PageHinkley"}


def test_baselines_see_log_values_standardized():
    run = suite(seed=2, per_pathology=1, per_negative=0)[0]
    steps, values = baselines.stream(run, "loss")
    assert len(steps) == len(values) and values[0] == 0.0 and np.isfinite(values).all()


def test_short_runs_end_to_end():
    runs = short_suite(seed=1, per_pathology=2, per_negative=2)
    assert all(10 <= run.points <= 300 for run in runs)
    scores, _, _, _ = evaluate([(run, lossmon_alarms(run)) for run in runs])
    assert sum(scores[(p, "lossmon")].events for p in SHORT_PATHOLOGIES) == 2 * len(SHORT_PATHOLOGIES)
    assert sum(scores[(p, "lossmon")].false_alerts for p in SHORT_PATHOLOGIES) == 0


def test_styled_runs_go_through_the_parser():
    rng = np.random.default_rng(0)
    for style in STYLES:
        run = styled(healthy(rng, "h", "healthy", n=400, evals=False, epoch=style in ("hf_tqdm", "jsonl")), style)
        text = render(run, style).decode()
        monitor = check_text(text)
        train = monitor.store[monitor.store.primary_train]
        assert len(train) == run.points, style  # every record read back, none doubled by tqdm frames
        assert np.allclose(train.values, run.series["loss"], rtol=1e-3), style


def check_text(text: str) -> Monitor:
    monitor = Monitor("styled")
    monitor.feed(text.encode())
    monitor.finish()
    return monitor
