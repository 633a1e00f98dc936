"""Streaming: a detector's findings do not depend on how the points arrive (one run or many)."""

import numpy as np
import pytest

from lossmon.engine.detectors import DETECTORS
from tests.engine.detectors.series import decaying, feed, summary

N = 6000


def pathological_loss() -> np.ndarray:
    rng = np.random.default_rng(7)
    loss = decaying(N, noise=0.04)
    loss[1500] *= 30  # a spike that recovers
    loss[2500:2506] *= 12  # one that stays up
    loss[3000:3200] = np.nan
    loss[3300:] *= np.exp(0.5 * np.where(np.arange(N - 3300) % 2, 1, -1) * rng.random(N - 3300))
    return loss


def flat_then_converging() -> np.ndarray:
    rng = np.random.default_rng(5)
    level = np.concatenate((np.full(1500, 2.3), 0.5 + 1.8 * np.exp(-np.arange(N - 1500) / 200)))
    return level * np.exp(0.02 * rng.standard_normal(N))


def class_blocks() -> np.ndarray:
    position = np.arange(N) % 400
    return decaying(N, noise=0.03) * np.exp(np.array([0.08, -0.05, 0.03, -0.06])[position // 100])


def inputs(cls):
    rng = np.random.default_rng(3)
    loss = {"plateau": flat_then_converging, "stuck_periodic": class_blocks}.get(cls.pathology, pathological_loss)()
    grad = 0.4 * np.exp(0.15 * rng.standard_normal(N))
    grad[4000:4010] *= 200
    grad[5000:] *= 1e-4
    driver = {"train_loss": loss, "monitored": loss, "grad_norm": grad,
              "val_loss": np.exp(np.linspace(0, 0.5, N)), "classification_metric": np.where(np.arange(N) < 2000, 0.0, 0.5)}
    context = {"lr": np.minimum(1.0, np.arange(1, N + 1) / 500), "epoch": np.arange(N) / 400,
               "train_loss": np.linspace(2, 1, N), "grad_norm": grad,
               # a schedule variable held for 2500 points changes at point 2500, as the loss jumps
               "schedule": np.where(np.arange(N) == 2500, 2500.0, 0.0),
               # an RL episode return, logged with one decimal: it improves from about point 3000
               "reward": np.round(np.concatenate((np.full(3000, 1.0) + 0.1 * (np.arange(3000) % 3), np.linspace(1.5, 3, N - 3000))), 1),
               # a train accuracy at a one-class guess's 0.19 (read only under a name that says accuracy)
               "classification_metric": 0.19 + 0.001 * (np.arange(N) % 3),
               # a held-out task score (mAP, accuracy) that holds, then falls from point 6000
               "task_score": 0.7 + 0.02 * np.sin(np.arange(N) / 7.0) - np.where(np.arange(N) > 6000, (np.arange(N) - 6000) / 1e4, 0.0),
               # a sibling score (another F1 of the split) that learns from point 3000
               "sibling_score": np.where(np.arange(N) < 3000, 0.0, 0.6)}
    return driver[cls.driver], {role: context[role] for role in cls.context}


@pytest.mark.parametrize("cls", DETECTORS, ids=lambda c: c.pathology)
def test_same_findings_in_one_run_and_in_random_chunks(cls):
    values, context = inputs(cls)
    whole = summary(feed(cls("loss"), values, **context))
    assert whole, "the series should raise something, or the test shows nothing"
    rng = np.random.default_rng(11)
    for _ in range(3):
        cuts = sorted(set(rng.integers(1, N, size=int(rng.integers(5, 200))).tolist()))
        assert summary(feed(cls("loss"), values, cuts, **context)) == whole
    # As a slowly growing log is followed: one block's worth of points (or less) per call.
    for size in (7, 20):
        small = summary(feed(cls("loss"), values, list(range(size, N, size)), **context))
        if cls.pathology == "stuck_periodic":
            # Known: an epoch that ends exactly at a call's end is reported at the next call's
            # first point (the first point of the next epoch), one point late.
            assert [(p, s) for p, s, _ in small] == [(p, s) for p, s, _ in whole], size
            assert all(0 <= b[2] - a[2] <= 1 for a, b in zip(whole, small)), size
        else:
            assert small == whole, size
    single_points = list(range(1, 2000))  # as a log followed line by line
    assert summary(feed(cls("loss"), values[:2000], single_points, **{r: c[:2000] for r, c in context.items()})) == \
        summary(feed(cls("loss"), values[:2000], **{r: c[:2000] for r, c in context.items()}))
