"""Reinforcement learning: a logged episode return says how the run is doing, not its loss.

An RL loss (DQN's TD loss, a critic's value loss) fits targets that move as the policy improves:
it grows as the value estimates grow and jumps when the agent reaches new states. A stable-
baselines3 DQN on Breakout: ``train/loss`` 1e-4 -> 3.9e-3 -> ~1e-3 while ``rollout/ep_rew_mean``
rises 1.62 -> 18.9. While the return is clearly above its first values, the loss's jumps and
bounces are information, not a pathology: a warning of the spike and bounce rules becomes info
(alerts stay alerts, and non-finite values are nan_or_inf's business).
"""

from __future__ import annotations

import math
import re

import numpy as np

from lossmon.engine.detectors.base import Event, Points

# SB3 ``rollout/ep_rew_mean``, Spinning Up ``AverageEpRet``, RLlib ``episode_reward_mean``,
# ``eval/mean_reward``, ``episode_return``. Not TRL's ``rewards/chosen``: DPO's loss is a loss.
RETURN_NAME = re.compile(
    r"ep_?rew|ep_?ret|episode_?(reward|return)|(mean|avg|average)_?(episode_?)?(reward|return)|(reward|return)_?mean",
    re.I,
)
EARLY = 3  # the return's first values: where the run started
MARGIN = 0.1  # clearly above them: by 10% of their best magnitude


class ReturnImproving:
    """Is the episode return (context values, NaN where none yet) clearly above its first values?"""

    def __init__(self) -> None:
        self._early: list[float] = []

    def flags(self, returns: np.ndarray) -> np.ndarray:
        if len(self._early) < EARLY:  # Python work only until the first values are in
            for value in returns[np.isfinite(returns)].tolist():
                if not self._early or value != self._early[-1]:
                    self._early.append(value)  # the same value carried to several points counts once
                    if len(self._early) == EARLY:
                        break
        if len(self._early) < EARLY:
            return np.zeros(len(returns), dtype=bool)
        best = max(self._early)
        with np.errstate(invalid="ignore"):
            return returns > best + MARGIN * max(abs(best), 1e-12)


def excuse_warnings(events: list[Event], improving: np.ndarray, points: Points) -> list[Event]:
    """Warnings raised while the return improves become info, saying why."""
    returns = points.ctx("reward")
    out = []
    for event in events:
        if event.severity == "warn" and improving[event.index]:
            event = Event(event.index, "info", (
                f"{event.message}; the episode return is improving ({_value(returns[event.index])}): "
                f"an RL loss fits moving targets"
            ), event.family)
        out.append(event)
    return out


def _value(value: float) -> str:
    return f"now {value:.4g}" if math.isfinite(value) else "unknown"
