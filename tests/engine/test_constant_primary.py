"""A primary training loss that holds one value (issue 12, class A): the primary is chosen when the
series appear, before any of them shows what it does. DreamerV2 logs its KL term clamped at its
free-bits floor (rssm.kl_loss: max(kl, free)), so kl_loss is 1.0 record after record, and as the
shortest of the loss names it was chosen over the world model's, the actor's and the critic's.
A component that has held one value for CONSTANT_RECORDS records gives way, once and for good, to
a loss of its split that moves; a name that says it is the run's loss never does."""

import json
from pathlib import Path

import pytest

from lossmon.engine import check_file
from lossmon.engine.naming import choose_primary, names_the_overall_loss
from lossmon.engine.store import CONSTANT_RECORDS, SeriesStore
from tests.engine.formats.parse_helpers import read

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _dreamerv2_records(count: int) -> str:
    # The keys of DreamerV2's metrics.jsonl (danijar/dreamerv2 agent.py: the world model's
    # f"{name}_loss" terms, model_kl, prior_ent, post_ent; common/tfutils.py Optimizer: model_loss,
    # actor_loss, critic_loss and their grad norms); the numbers are this test's.
    lines = []
    for n in range(count):
        lines.append(json.dumps({
            "step": 5000 * (n + 1), "kl_loss": 1.0, "image_loss": 11000.0 - 100 * n, "reward_loss": 1.2 - 0.01 * n,
            "discount_loss": 0.3 - 0.001 * n, "model_kl": 0.8 + 0.01 * n, "prior_ent": 30.0 - 0.1 * n,
            "model_loss": 11002.5 - 100 * n, "model_grad_norm": 600.0 + n, "actor_loss": -2.0 - 0.1 * n,
            "critic_loss": 0.9 - 0.01 * n,
        }))
    return "\n".join(lines) + "\n"


def test_dreamerv2_world_model_loss_is_the_primary():
    store = read(_dreamerv2_records(12)).store
    assert store.primary_train == "model_loss"


# A PPO trainer's record (a public RL trainer's docs: "[step=0 tag=code] policy_loss=-0.0813,
# kl_loss=0.0000, clip_ratio=0.0000, entropy=0.4185, lr=1.00e-06"), its KL term off: kl_loss
# 0.0000 at every step beside a policy loss that moves. The first record is the docs'; the later
# numbers are this test's.
def _ppo_lines(count: int, kl_from: int | None = None) -> str:
    policy = [-0.0813, 0.0198, -0.0066, 0.0241, -0.0127, 0.0093, -0.0402, 0.0311, 0.0017, -0.0205]
    return "".join(
        f"[step={n} tag=code] policy_loss={policy[n % len(policy)]:.4f}, "
        f"kl_loss={0.0 if kl_from is None or n < kl_from else 0.0001 * n:.4f}, clip_ratio=0.0000, "
        f"entropy=0.{4185 - n}, lr=1.00e-06\n"
        for n in range(count)
    )


def test_a_constant_component_gives_way_to_a_loss_that_moves():
    store = read(_ppo_lines(10)).store
    assert store.primary_train == "policy_loss"


@pytest.mark.parametrize("chunk", [1, 37, 1 << 20])
def test_the_choice_is_made_once_and_never_flips_back(chunk, monkeypatch):
    calls = []
    update = SeriesStore.update_primary

    def counted(self):
        calls.append(self.primary_train)
        return update(self)

    monkeypatch.setattr(SeriesStore, "update_primary", counted)
    # the KL term moves after step 20: the primary stays the policy loss
    monitor = read(_ppo_lines(60, kl_from=20), chunk=chunk)
    assert monitor.store.primary_train == "policy_loss"
    assert len(monitor.store["kl_loss"]) == 60
    # once when the series appear, once when the KL term is set aside: not per line
    assert len(calls) <= 3


def test_a_constant_loss_alone_stays_the_primary():
    # tests/corpus/airsim-rl-jsonl-nested-metrics-loss-zero: loss 0.0 at all 29 policy updates
    monitor = check_file(str(CORPUS / "airsim-rl-jsonl-nested-metrics-loss-zero" / "train.log"))
    assert monitor.store.primary_train == "metrics/loss"


def test_a_few_equal_values_at_the_start_are_no_constant():
    text = _ppo_lines(CONSTANT_RECORDS - 1) + _ppo_lines(10, kl_from=0)[-1]
    assert read(text).store.primary_train == "kl_loss"


def test_names_of_the_run_loss_are_never_set_aside():
    for name in ("loss", "train_loss", "total loss", "loss_total", "model_loss", "train/model_loss", "L"):
        assert names_the_overall_loss(name), name
    for name in ("kl_loss", "train/kl_loss", "policy_loss", "image_loss"):
        assert not names_the_overall_loss(name), name
    rows = [("kl_loss", "train", "loss", 1), ("model_loss", "train", "loss", 1), ("actor_loss", "train", "loss", 1)]
    assert choose_primary(rows)[0] == "model_loss"


def test_a_component_that_is_nan_from_the_start_is_not_set_aside():
    text = "".join(
        f"[step={n} tag=code] policy_loss={0.01 * (n % 3):.4f}, kl_loss=nan, clip_ratio=0.0000\n" for n in range(10)
    )
    assert read(text).store.primary_train == "kl_loss"


def test_losses_that_all_hold_their_start_are_no_clamped_terms():
    # holdout19j's REDQ agent (corpus drl-redq-spinningup-progress-txt-lossq1, a Spinning Up
    # progress.txt): LossQ1, LossPi and LossAlpha read 0.0 in epochs 0-4, before its updates start,
    # then all move; none is a clamped term beside a loss that moved from its start
    monitor = check_file(str(CORPUS / "drl-redq-spinningup-progress-txt-lossq1" / "progress.txt"))
    assert monitor.store["LossQ1"].values.tolist()[:6] == [0.0, 0.0, 0.0, 0.0, 0.0, 30.63509]
    assert monitor.store.primary_train == "LossQ1"
