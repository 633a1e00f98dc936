import numpy as np

from lossmon.engine.detectors.exploding_loss import ExplodingLoss
from lossmon.engine.detectors.not_converging import NotConverging
from lossmon.engine.detectors.stats.returns import RETURN_NAME, ReturnImproving
from tests.engine.detectors.series import alarms, feed, summary

# sb3-dqn-breakout-lr0005-md (healthy): stable-baselines3 DQN console tables, one record per
# table: train/loss and rollout/ep_rew_mean at the same time step.
SB3_STEPS = [15981, 24354, 32520, 41211, 49417, 58453, 68523, 80150, 94084, 109950, 128988, 152954, 178945, 205924,
             232332, 259181, 287070, 316694, 347708, 377970, 407897, 438051, 466662, 498151]
SB3_LOSS = [0.000102, 0.000147, 0.000249, 0.000347, 0.000219, 0.000156, 0.000739, 0.00388, 0.000396, 0.000444,
            0.000462, 0.0013, 0.000778, 0.000706, 0.000693, 0.00185, 0.000688, 0.0011, 0.00183, 0.000892, 0.000977,
            0.000565, 0.000967, 0.000705]
SB3_RETURN = [1.65, 2.04, 1.78, 1.95, 1.72, 2.25, 2.9, 4.01, 5.19, 6.48, 8.53, 12.8, 13.1, 13.9, 14.7, 13.7, 15.1, 15.9,
              16.6, 17.5, 16.5, 17.2, 16.9, 18.9]


def test_the_episode_return_is_named_as_rl_frameworks_log_it():
    for name in ("rollout/ep_rew_mean", "AverageEpRet", "episode_reward_mean", "eval/mean_reward", "episode_return"):
        assert RETURN_NAME.search(name), name
    for name in ("rewards/chosen", "rewards/margins", "loss", "val_accuracy", "train/value_loss"):
        assert not RETURN_NAME.search(name), name


def test_an_rl_loss_that_jumps_and_bounces_while_the_return_improves_is_information():
    for detector in (ExplodingLoss("train/loss"), NotConverging("train/loss")):
        found = feed(detector, SB3_LOSS, steps=SB3_STEPS, reward=SB3_RETURN)
        assert found and alarms(found) == []
        assert all("the episode return is improving" in f.message for f in found)
    # The same loss without a return, or with a return that does not improve, warns.
    assert [f.pathology for f in alarms(feed(ExplodingLoss("train/loss"), SB3_LOSS, steps=SB3_STEPS))] == ["exploding_loss"]
    flat = [1.7] * len(SB3_RETURN)
    assert alarms(feed(NotConverging("train/loss"), SB3_LOSS, steps=SB3_STEPS, reward=flat))
    # in any batches
    assert summary(feed(ExplodingLoss("train/loss"), SB3_LOSS, [3, 7, 8], steps=SB3_STEPS, reward=SB3_RETURN)) == summary(
        feed(ExplodingLoss("train/loss"), SB3_LOSS, steps=SB3_STEPS, reward=SB3_RETURN)
    )


def test_improving_means_clearly_above_the_first_values_even_when_they_are_negative():
    track = ReturnImproving()
    flags = track.flags(np.array([np.nan, -200.0, -200.0, -210.0, -190.0, -185.0, -170.0, -150.0]))
    assert flags.tolist() == [False, False, False, False, False, False, True, True]
