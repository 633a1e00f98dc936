"""The detector speed benchmark runs (it broke silently once: a context role it did not provide)."""

from benchmarks.detectors import speed
from lossmon.engine.detectors import DETECTORS


def test_every_per_point_detector_is_timed():
    costs = speed.detector_costs(2_000)
    per_point = {cls.pathology for cls in DETECTORS if cls.driver in ("train_loss", "monitored", "grad_norm")}
    assert set(costs) == per_point
    assert all(cost > 0 for cost in costs.values())
    assert speed.engine_cost(2_000, with_detectors=True) > 0
