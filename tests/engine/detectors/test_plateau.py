import math

import numpy as np

from lossmon.engine.detectors.plateau import Plateau
from tests.engine.detectors.series import alarms, decaying, feed, summary


def flat(n: int, level: float = math.log(10), noise: float = 0.01, seed: int = 0) -> np.ndarray:
    return level * np.exp(noise * np.random.default_rng(seed).standard_normal(n))


def test_a_dead_start_at_chance_level_warns_then_alerts():
    findings = feed(Plateau("loss"), flat(1500), lr=np.zeros(1500))
    # A short run at chance level speaks after 10 points; the block rule escalates at 1000.
    assert summary(findings) == [("plateau", "warn", 10.0), ("plateau", "alert", 1000.0)]
    assert "chance level for 10 classes" in findings[0].message
    assert "the learning rate is 0" in findings[0].message


def test_a_decaying_loss_is_not_a_plateau():
    assert feed(Plateau("loss"), decaying(6000, start=5.0, floor=1.0)) == []


def test_a_converged_loss_is_only_worth_knowing():
    rng = np.random.default_rng(4)
    loss = (1.0 + 4.0 * np.exp(-np.arange(4000) / 150)) * np.exp(0.02 * rng.standard_normal(4000))
    findings = feed(Plateau("loss"), loss)
    assert [f.severity for f in findings] == ["info"]
    assert "converged, or stuck" in findings[0].message


def test_a_flat_stretch_during_lr_warm_up_does_not_count():
    n = 1500
    lr = np.minimum(1.0, np.arange(1, n + 1) / 1000) * 1e-3
    loss = np.concatenate((flat(1000), 2.3 * np.exp(-np.arange(500) / 100)))
    assert alarms(feed(Plateau("loss"), loss, lr=lr)) == []


def test_a_resumed_run_starts_where_its_loss_already_was():
    steps = np.arange(5000, 6500, dtype=np.float64)
    assert alarms(feed(Plateau("loss"), flat(1500, level=1.2), steps=steps)) == []


def test_improvement_clears_the_dead_start():
    d = Plateau("loss")
    feed(d, flat(400))
    assert d.active is not None and d.active.severity == "warn"
    feed(d, 2.0 * np.exp(-np.arange(400) / 50))
    assert d.active is None


def test_a_converged_loss_that_climbs_away_is_no_longer_a_plateau():
    rng = np.random.default_rng(4)
    loss = (1.0 + 4.0 * np.exp(-np.arange(4000) / 150)) * np.exp(0.02 * rng.standard_normal(4000))
    loss[3000:] *= np.exp(np.arange(1000) / 1000)  # creeping up to 2.7x its best
    detector = Plateau("loss")
    findings = feed(detector, loss)
    assert [f.severity for f in findings] == ["info"] and findings[0].step < 3000
    assert detector.active is None  # climbing is not flat: the info badge went out


def test_a_short_epoch_level_dead_start_is_a_plateau_and_a_short_healthy_run_is_not():
    # 25 epochs of a loss at ln(2) that never moves (labels the model cannot see).
    found = feed(Plateau("loss"), flat(25, level=math.log(2), noise=0.005))
    assert summary(found) == [("plateau", "warn", 10.0)] and "chance level for 2 classes" in found[0].message
    # Off chance level, it takes 20 points.
    assert summary(feed(Plateau("loss"), flat(25, level=0.83, noise=0.005))) == [("plateau", "warn", 20.0)]
    epochs = np.arange(25)
    assert feed(Plateau("loss"), 0.4 + 1.5 * np.exp(-epochs / 5)) == []


def test_a_huge_flat_loss_names_no_chance_level():
    found = feed(Plateau("loss"), flat(25, level=6.5e7, noise=0.001))
    assert found and "chance" not in found[0].message


def test_a_short_dead_start_at_ln_1000_is_named_though_it_reads_a_little_low():
    # 6.90 is e^6.90 = 992 "classes": the nearest power of ten, 1000, is the chance level.
    rng = np.random.default_rng(1)
    loss = np.log(1000) * np.exp(0.005 * rng.standard_normal(16)) - 0.01
    found = alarms(feed(Plateau("loss"), loss))
    assert found and found[0].step <= 12
    assert "ln(1000)" in found[0].message


def test_a_running_sum_of_batch_losses_that_flattens_is_no_plateau():
    # spacy-ner-cumulative-losses-dict-per-batch (healthy): spaCy's losses dict adds each batch's
    # loss, 172.9, 325.4, ... 634.8, 634.84, 634.87: the sum goes flat because the batch losses
    # fell to ~0.0001. The parser marks such a series ``running_sum``.
    increments = np.concatenate((np.geomspace(150.0, 1.0, 20), np.full(40, 1e-4)))
    total = np.cumsum(increments)
    assert alarms(feed(Plateau("loss", {"running_sum": True}), total)) == []
    # The same numbers as a plain loss series would be a flat start (a warning): the mark matters.
    assert alarms(feed(Plateau("loss"), np.full(60, total[-1])))
    attrs = {"running_sum": True}
    detector = Plateau("loss", attrs)
    feed(detector, total[:20])
    attrs["running_sum"] = False  # it fell without restarting: a per-epoch total after all
    assert alarms(feed(detector, np.full(40, 600.0)))


# deepspeed-rwkv-reward-model-wandb-output-log (healthy): the records of epochs 0-2 of output.log,
# "Epoch E, Loss: X" per batch (bf16 values), 21 batches per epoch, which is the step; the loss
# hovers at ~1.0 and starts to fall in epoch 2 (0.45-0.8 by epochs 4-5).
RWKV_EPOCHS = [0] * 21 + [1] * 21 + [2] * 21
RWKV_LOSS = [1.0078125, 0.9921875, 1.0, 1.0, 1.0078125, 1.03125, 1.0234375, 1.0, 1.0, 1.0, 1.03125, 1.0625,
             1.0234375, 0.98828125, 1.0234375, 1.0234375, 1.015625, 1.015625, 1.015625, 0.9609375, 0.96875,
             0.9609375, 0.96484375, 1.0, 1.015625, 1.0, 0.96875, 0.9921875, 1.0078125, 0.96484375, 0.9375,
             0.96484375, 1.0, 0.95703125, 1.0, 0.984375, 1.0078125, 0.97265625, 1.03125, 0.953125, 0.953125,
             1.0078125, 0.953125, 0.94921875, 0.90625, 0.9765625, 0.9921875, 0.9375, 1.0234375, 0.9296875,
             0.98828125, 0.9765625, 0.93359375, 0.9140625, 0.9609375, 0.94921875, 0.8046875, 0.87109375, 0.90625,
             0.94921875, 0.9453125, 0.8828125, 0.859375]
# pytorch-wordlm-nlpia2-rnn-tanh-diverged (labelled plateau or not_converging): "| epoch E | 200/2983
# batches | ... | loss X", epochs 1-3: far above chance (ln 33k = 10.4) and flat for every epoch.
WORDLM_EPOCHS = [1] * 14 + [2] * 14 + [3] * 14
WORDLM_LOSS = [17.74, 18.27, 18.02, 18.11, 18.44, 18.99, 18.35, 18.40, 18.69, 19.18, 18.79, 18.76, 18.80, 18.58, 19.46,
               19.14, 18.62, 19.00, 18.86, 18.50, 18.36, 18.49, 18.74, 18.58, 18.94, 18.83, 18.66, 19.14, 18.34, 18.50,
               18.93, 18.94, 18.01, 18.68, 18.71, 18.84, 18.62, 18.50, 19.26, 18.83, 18.73, 18.53]


def test_batches_that_share_a_step_are_one_step_of_a_short_run():
    # 20 batches of epoch 0 at ~1.0 are no flat stretch; by epoch 2 the loss has begun to fall.
    assert alarms(feed(Plateau("Loss"), RWKV_LOSS, steps=RWKV_EPOCHS, epoch=RWKV_EPOCHS)) == []
    assert alarms(feed(Plateau("Loss"), RWKV_LOSS, [5, 21, 30], steps=RWKV_EPOCHS, epoch=RWKV_EPOCHS)) == []
    # The first 21 values, one step each, are 21 points of a flat start: the steps are what matters.
    assert summary(alarms(feed(Plateau("Loss"), RWKV_LOSS[:21]))) == [("plateau", "warn", 20.0)]
    # A loss flat over three epochs of batches is a plateau, found once the third epoch starts.
    found = alarms(feed(Plateau("loss"), WORDLM_LOSS, steps=WORDLM_EPOCHS, epoch=WORDLM_EPOCHS))
    assert summary(found) == [("plateau", "warn", 3.0)]
    assert summary(alarms(feed(Plateau("loss"), WORDLM_LOSS, [10, 29], steps=WORDLM_EPOCHS, epoch=WORDLM_EPOCHS))) == summary(found)
