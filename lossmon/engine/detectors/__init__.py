"""Streaming detectors, one per pathology."""

from lossmon.engine.detectors.base import LAST, MEAN_SINCE_PREVIOUS, Detector, Points
from lossmon.engine.detectors.contradictory_metrics import ContradictoryMetrics
from lossmon.engine.detectors.exploding_loss import ExplodingLoss
from lossmon.engine.detectors.nan_or_inf import NanOrInf
from lossmon.engine.detectors.not_converging import NotConverging
from lossmon.engine.detectors.overfitting import Overfitting
from lossmon.engine.detectors.plateau import Plateau
from lossmon.engine.detectors.stuck_periodic import StuckPeriodic

DETECTORS: tuple[type[Detector], ...] = (
    ExplodingLoss,
    NanOrInf,
    NotConverging,
    Overfitting,
    ContradictoryMetrics,
    StuckPeriodic,
    Plateau,
)

__all__ = ["DETECTORS", "Detector", "Points", "LAST", "MEAN_SINCE_PREVIOUS"]
