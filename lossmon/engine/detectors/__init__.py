"""Streaming detectors, one per pathology."""

from lossmon.engine.detectors.base import LAST, MEAN_SINCE_PREVIOUS, Detector, Event, Points
from lossmon.engine.detectors.contradictory_metrics import ContradictoryMetrics
from lossmon.engine.detectors.exploding_loss import ExplodingLoss
from lossmon.engine.detectors.grad_explosion import GradExplosion
from lossmon.engine.detectors.grad_vanishing import GradVanishing
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
    GradExplosion,
    GradVanishing,
)

__all__ = ["DETECTORS", "Detector", "Event", "Points", "LAST", "MEAN_SINCE_PREVIOUS"]
