import re
from pathlib import Path

import numpy as np

from lossmon.engine import Monitor, check_file
from lossmon.engine.detectors.exploding_loss import ExplodingLoss
from tests.engine.detectors.series import alarms, decaying, feed, summary

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def detector():
    return ExplodingLoss("loss")


def test_a_healthy_decaying_loss_raises_nothing():
    assert alarms(feed(detector(), decaying(4000))) == []


def test_a_spike_that_recovers_at_once_is_a_warning_with_its_size():
    loss = decaying(3000)
    loss[1500] *= 20
    findings = feed(detector(), loss)
    assert summary(findings) == [("exploding_loss", "warn", 1501.0)]
    assert re.search(r"is (19|20|21)x above its running level at step 1501", findings[0].message)


def test_a_spike_that_stays_up_is_an_alert():
    loss = decaying(3000)
    loss[1500:1510] *= 20
    assert summary(feed(detector(), loss)) == [
        ("exploding_loss", "warn", 1501.0),
        ("exploding_loss", "alert", 1503.0),
    ]


def test_a_spike_after_a_small_outlier_is_judged_two_points_after_the_spike():
    # step-loss-equals-indented-val-frame-error, epoch 9 read on its own: a level of 0.008, a
    # small outlier 0.0155 (2x: no spike) opens an excursion, the spike 0.4099 and 0.2170 follow,
    # then 0.0098: back. It recovered 2 points after the spike; the small outlier before it
    # made the point right after the spike count as "2 points later" (an alert).
    loss = [0.0086, 0.0073, 0.0088, 0.0087, 0.0091, 0.0088, 0.0082, 0.0060, 0.0078, 0.0088, 0.0091, 0.0076,
            0.0067, 0.0084, 0.0083, 0.0081, 0.0108, 0.0069, 0.0085, 0.0076, 0.0092, 0.0087, 0.0088, 0.0155,
            0.4099, 0.2170, 0.0098, 0.0265, 0.5213, 0.0085, 0.0086, 0.0076, 0.0090, 0.0084, 0.0230, 0.0079,
            0.0095, 0.0077, 0.0060, 0.0070, 0.0094, 0.0085, 0.0079, 0.0086, 0.0063, 0.0070, 0.0086, 0.0076]
    findings = feed(detector(), loss)
    assert [f.severity for f in findings if f.step == 25.0] == ["warn"]
    assert not [f for f in findings if f.severity == "alert"]
    # Still up at the second point after the spike: an alert there, at step 27.
    stuck = loss[:26] + [0.2170, 0.2050, 0.1980] + loss[29:]
    assert ("exploding_loss", "alert", 27.0) in summary(feed(detector(), stuck))


def test_a_spike_clearly_smaller_than_one_the_run_recovered_from_is_info():
    loss = decaying(3000)
    loss[1200] *= 40
    loss[2000] *= 8
    loss[2500] *= 45  # as large as the first one: news again
    findings = feed(detector(), loss)
    assert summary(findings) == [
        ("exploding_loss", "warn", 1201.0),
        ("exploding_loss", "info", 2001.0),
        ("exploding_loss", "warn", 2501.0),
    ]
    assert re.search(r"already recovered from a (3[5-9]|4[0-5])x spike", findings[1].message)


def test_rare_moderate_bumps_are_not_spikes():
    loss = decaying(4000, noise=0.05)
    loss[::500] *= 1.6
    assert alarms(feed(detector(), loss)) == []


def test_a_threefold_jump_in_the_first_steps_is_explosive():
    # Measured against the median of the last values (4.5 before the 15), not the lowest one: the
    # jump to 10 is 2.5x that level, the climb to 15 is 3.3x.
    loss = np.array([5.0, 4.0, 3.25, 10.0, 15.0, 22.5, 30.0, 40.0])
    findings = feed(detector(), loss)
    assert summary(findings)[:2] == [("exploding_loss", "warn", 5.0), ("exploding_loss", "alert", 7.0)]
    assert "above its recent level" in findings[0].message
    # Batches (steps 20 apart), before there is a noise scale: the jump waits one point, still up
    # at step 120 (22.5): a warning there; not recovering: an alert.
    findings = feed(detector(), loss, steps=np.arange(20, 161, 20))
    assert summary(findings)[:2] == [("exploding_loss", "warn", 120.0), ("exploding_loss", "alert", 140.0)]
    assert "jumped 3.4x above its recent level at step 100, still up at step 120" in findings[0].message


def test_a_jump_from_the_first_value_alone_that_holds_is_a_warning_not_an_alert():
    """1nancy23's breast-cancer MLP (loss_train.txt, holdout21a; healthy): its first loss 0.2039,
    then 1.4-2.0 for a while before it falls to 0.01. Against one value alone the level that holds
    may be the run's own: warned, never 'not recovering'. A climb past two values still alerts."""
    first = [0.20388375222682953, 2.008802890777588, 1.448790431022644, 1.5613716840744019, 1.2673357725143433,
             1.726741909980774, 1.789962887763977, 1.4563212394714355, 1.7832303047180176, 1.4194096326828003]
    loss = np.concatenate((first, 1.4 * np.exp(-np.arange(60) / 12.0)))
    findings = feed(detector(), loss)
    assert [(f.severity, f.step) for f in alarms(findings) if f.pathology == "exploding_loss"] == [("warn", 2.0)]
    # the same jump after two values is judged against their median: still up, an alert
    findings = feed(detector(), np.concatenate(([0.21, 0.20], first[1:])))
    assert ("exploding_loss", "alert") in {(f.pathology, f.severity) for f in findings}


def test_one_early_batch_that_comes_straight_back_is_info():
    # A per-batch loss, every 20 iterations, before there is a noise scale: one batch 3.6x the
    # median of the 5 before it, then straight back down: the batch scatter, not a spike.
    loss = np.array([0.6, 0.55, 0.5, 0.52, 0.48, 0.5, 1.8, 0.5, 0.45, 0.44])
    found = feed(detector(), loss, steps=np.arange(0, 20 * len(loss), 20))
    assert summary(found) == [("exploding_loss", "info", 140.0)]
    assert "jumped 3.6x above its recent level at step 120, and straight back down at step 140" in found[0].message
    # The same jump held for one more point is a warning.
    held = loss.copy()
    held[7] = 1.7
    assert summary(feed(detector(), held, steps=np.arange(0, 20 * len(loss), 20)))[0] == ("exploding_loss", "warn", 140.0)
    # Points known to be batches by their logged epoch (all in epoch 0, one step apart) wait too;
    # one point per epoch (epoch means) warns at once.
    steps = np.arange(len(loss))
    assert summary(feed(detector(), loss, steps=steps, epoch=np.zeros(len(loss)))) == [("exploding_loss", "info", 7.0)]
    assert summary(feed(detector(), loss, steps=steps, epoch=steps))[0] == ("exploding_loss", "warn", 6.0)


def test_early_values_that_already_swing_widely_set_their_highest_as_the_bar():
    # resnet34-quickdraw-blog-post-output (healthy): Train Loss of a batch of 4, every 20
    # iterations; its first 20 points swing 0.38 -> 2.48, and the 20th (iteration 380) is 2.0808,
    # 3.5x the median of the 5 before but below their highest swing by far: nothing to report.
    loss = np.array([2.4557, 1.4652, 1.6796, 1.8647, 2.4778, 1.0885, 0.9346, 1.5834, 1.328, 0.3775,
                     1.658, 1.0215, 0.5347, 1.0238, 0.5277, 1.1599, 0.7087, 0.3795, 0.5875, 2.0808,
                     0.9968, 0.6797, 0.1967])
    assert feed(detector(), loss, steps=np.arange(0, 20 * len(loss), 20)) == []
    # session66-mnist-readme-test-logs (healthy): the last batch's loss printed once per epoch
    # (0.0014 to 0.22 in 15 epochs); 0.2223 at epoch 13 is 15x the median of the 5 before, but
    # those already spanned 77x (0.0014 to 0.11): it was an exploding_loss alert.
    last_batch = np.array([0.0637, 0.0308, 0.0728, 0.0197, 0.1134, 0.1606, 0.0151, 0.1103, 0.0026, 0.0150,
                           0.0014, 0.0190, 0.2223, 0.0564, 0.0822])
    steps = np.arange(1, len(last_batch) + 1)
    assert alarms(feed(detector(), last_batch, steps=steps, epoch=steps)) == []
    # A real explosion in such a series, 3x above its highest recent value, still warns at once.
    exploded = last_batch.copy()
    exploded[12:] = [0.5, 0.9, 1.6]
    assert summary(feed(detector(), exploded, steps=steps, epoch=steps))[0] == ("exploding_loss", "warn", 13.0)


def test_one_lucky_batch_early_does_not_set_the_bar():
    # A short Lightning run: one batch at 0.0297, then ordinary ones 3.6x and 2.2x above it.
    loss = np.array([0.69, 0.35, 0.21, 0.14, 0.0297, 0.108, 0.066, 0.09, 0.07, 0.081, 0.06, 0.072, 0.05,
                     0.064, 0.055, 0.049, 0.058, 0.046, 0.051, 0.044, 0.047, 0.04, 0.043, 0.041, 0.038, 0.045,
                     0.039, 0.036])
    assert feed(detector(), loss) == []


def test_a_language_model_loss_far_above_chance_warns_even_in_warm_up():
    # Megatron, GPT-2 vocabulary: lm loss starts at 12.1 (about ln 50257 = 10.8) and reaches
    # 26.5 at iteration 30 while the lr still warms up.
    loss = np.array([12.1, 11.6, 26.5, 19.0, 11.0, 10.2, 9.6, 9.1])
    lr = np.array([1e-7, 2e-7, 3e-7, 4e-7, 5e-7, 6e-7, 7e-7, 8e-7])
    findings = feed(detector(), loss, steps=np.arange(10, 90, 10), lr=lr)
    assert summary(findings) == [("exploding_loss", "warn", 30.0)]
    assert "2.2x its chance level (12.1" in findings[0].message


def test_a_known_chance_level_is_used_and_a_loss_without_one_is_judged_by_its_spikes():
    found = feed(ExplodingLoss("loss", {"chance_level": 10.0}), [3.0, 2.9, 2.8, 21.0, 2.7])
    assert [f.severity for f in found if "chance level (10," in f.message] == ["warn"]
    # A detection loss in warm-up at a tiny lr: 0.47 -> 1.34 is batch-to-batch variation, under
    # 3x its recent level, and such a loss has no chance level.
    mmdet = [0.47, 0.62, 1.34, 0.81, 0.7, 0.66, 0.74, 0.58, 0.61, 0.55]
    assert feed(detector(), mmdet, lr=np.full(10, 4e-8)) == []


def test_a_slow_divergence_is_caught_by_the_cusum():
    loss = decaying(3000, noise=0.02)
    loss[1500:] *= np.exp(0.004 * np.arange(1500))
    found = summary(feed(detector(), loss))
    assert ("exploding_loss", "warn") in [(p, s) for p, s, _ in found]
    first_warn = min(step for _, s, step in found if s == "warn")
    assert 1500 < first_warn < 1800
    assert any(s == "alert" for _, s, _ in found)


def test_a_loss_that_rises_while_the_lr_warms_up_is_the_schedule():
    n, rng = 3000, np.random.default_rng(3)
    lr = np.minimum(1.0, np.arange(1, n + 1) / 400) * 1e-3
    level = np.concatenate((
        np.full(100, 3.0),
        np.linspace(3.0, 7.0, 300),  # the loss climbs while the lr warms up ...
        2.0 + 5.0 * np.exp(-np.arange(n - 400) / 300),  # ... then falls
    ))
    loss = level * np.exp(0.02 * rng.standard_normal(n))
    assert alarms(feed(detector(), loss, lr=lr)) == []
    without_lr = summary(feed(detector(), loss))
    assert "warn" in [s for _, s, _ in without_lr]  # without the lr, a 2.3x climb is suspicious


def test_reset_forgets_the_spikes_the_run_recovered_from():
    loss = decaying(3000)
    loss[1200] *= 40
    d = detector()
    feed(d, loss)
    d.reset()
    d.clear()
    again = decaying(3000, seed=1)
    again[2000] *= 10
    assert summary(feed(d, again)) == [("exploding_loss", "warn", 2001.0)]


def test_non_finite_points_are_left_to_nan_or_inf():
    loss = decaying(1000)
    loss[500:505] = np.nan
    loss[600] = np.inf
    assert alarms(feed(detector(), loss)) == []


def test_a_noisy_loss_that_multiplies_step_after_step_is_an_alert():
    """A ramp that speeds up raises the noise-scaled bars as it goes (the spike scale learns the
    growing residuals); the runaway rule looks at the ratio to the best level alone."""
    rng = np.random.default_rng(4)
    loss = decaying(2000) * np.exp(rng.normal(0, 0.3, 2000))  # a jumpy loss
    loss[1900:] *= np.exp(0.08 * np.arange(100))  # x1.08 per step: 2,900x by the end
    findings = feed(detector(), loss)
    alerts = [f for f in findings if f.severity == "alert"]
    assert alerts and 1900 < alerts[0].step < 1950
    assert "running away" in alerts[0].message


def test_a_loss_that_wanders_a_few_times_its_best_is_not_running_away():
    rng = np.random.default_rng(5)
    wander = np.exp(np.cumsum(rng.normal(0, 0.05, 6000)).clip(-0.5, 1.5))  # up to ~4.5x
    findings = feed(detector(), 2.0 * wander)
    assert not [f for f in findings if "running away" in f.message]


def test_a_negative_loss_whose_magnitude_runs_away_is_explosive():
    loss = -3.4e4 * np.geomspace(1, 1900, 70)  # -3.4e4 at epoch 0 to -6.5e7 at epoch 69
    found = feed(detector(), loss)
    assert [f.severity for f in found] == ["warn", "alert"] and "running away below" in found[0].message
    # A negative loss that settles (a likelihood with a learned variance) is not.
    assert feed(detector(), -1.0 - 2.0 * (1 - np.exp(-np.arange(200) / 30.0))) == []
    # Nor a loss that crosses zero on its way down.
    assert alarms(feed(detector(), np.linspace(0.5, -0.2, 100))) == []


def test_a_jump_on_a_smooth_epoch_level_curve_is_explosive():
    # 182 epoch means falling smoothly; at epoch 105 one epoch is 5.4x its neighbours. The EWMA
    # level lags such a curve and the lag inflates the spike rule's scale: z stayed under 6.
    epochs = np.arange(182)
    loss = (0.25 + 0.9 * np.exp(-epochs / 40)) * np.exp(0.01 * np.random.default_rng(0).standard_normal(182))
    loss[104] *= 5.4
    found = feed(detector(), loss)
    assert {(f.severity, f.step) for f in found} == {("warn", 105.0)}
    assert any("the median of the 5 points before it" in f.message for f in found)
    # The YOLO mosaic step (train loss 1.22x at epoch 15) is not a jump.
    yolo = [1.6878, 1.267, 1.1897, 1.1894, 1.1611, 1.1062, 1.092, 1.0469, 1.0252, 1.0297, 0.98966, 1.0071,
            0.9805, 0.94457, 0.95768, 1.1683, 1.1087, 1.1318, 1.0672, 1.0636, 1.0257, 0.99607, 0.97763]
    assert feed(detector(), yolo) == []


def test_a_short_epoch_level_run_that_climbs_steadily_warns_within_a_few_epochs():
    # Epoch means (2% noise) fall for 20 epochs, then climb 25% per epoch: the divergence and
    # runaway rules need 100 points, the spike rule's level follows the climb.
    rng = np.random.default_rng(0)
    loss = 0.7 + 1.3 * np.exp(-np.arange(40) / 5)
    loss[20:] = loss[19] * np.exp(0.25 * np.arange(1, 21))
    loss *= np.exp(0.02 * rng.standard_normal(40))
    found = [f for f in alarms(feed(ExplodingLoss("loss"), loss)) if "climbing" in f.message]
    assert found and 21 < found[0].step <= 30
    assert re.search(r"is \d+\.\dx its best level", found[0].message)


def test_a_noisy_burst_in_a_short_run_is_not_a_climb():
    # Per-batch noise that wanders (AR(1), 10% a point) goes up 2x for a few points and back.
    rng = np.random.default_rng(3)
    noise = np.zeros(300)
    for t in range(1, 300):
        noise[t] = 0.8 * noise[t - 1] + 0.1 * rng.standard_normal()
    loss = (0.5 + 2.0 * np.exp(-np.arange(300) / 20)) * np.exp(noise)
    loss[150:156] *= [1.3, 1.6, 2.0, 2.4, 2.0, 1.2]
    assert not [f for f in feed(ExplodingLoss("loss"), loss) if "climbing" in f.message]


def curriculum_log(with_k: bool) -> bytes:
    """A soil-moisture forecaster's epoch lines (the CrossForcing format): the loss falls to
    1.65e-4, then the curriculum steps K 1 -> 7 and the loss settles about 3x higher."""
    loss = [3.27e-2, 3.22e-2, 3.22e-2, 3.22e-2, 3.23e-2, 1.14e-2] + [1.65e-4 * (1 + 0.005 * (i % 3)) for i in range(6)]
    loss += [2.875e-3] + [5.0e-4 * (1 - 0.002 * i) for i in range(37)]
    lines = []
    for epoch, value in enumerate(loss):
        k = f"  K= {1 if epoch < 12 else 7}" if with_k else ""
        lines.append(f"epoch {epoch:3d}{k}  loss={value:.5e}  v1=0.0{130 + epoch % 7}  (5.0s)")
    return ("\n".join(lines) + "\n").encode()


def test_a_jump_when_a_logged_curriculum_variable_steps_is_a_new_stage_not_an_explosion():
    monitor = Monitor("train.log")
    monitor.feed(curriculum_log(with_k=True))
    monitor.finish()
    found = [f for f in monitor.findings if f.pathology == "exploding_loss"]
    assert [f.severity for f in found] and {f.severity for f in found} == {"info"}
    assert found[0].step == 12 and "schedule variable changed (step 12)" in found[0].message
    # Without K in the log, the same 17x jump is news: a warning.
    monitor = Monitor("train.log")
    monitor.feed(curriculum_log(with_k=False))
    monitor.finish()
    assert any(f.pathology == "exploding_loss" and f.severity == "warn" and f.step == 12 for f in monitor.findings)


def test_a_flat_loss_that_creeps_up_a_tenth_of_a_percent_is_no_climb():
    # The CrossForcing log's epoch losses (tests/corpus): after its curriculum step the loss sits
    # near 4.7e-4, 2.9x its best, with 0.3% noise; epochs 28-31 happen to rise 0.06% each.
    text = (CORPUS / "crossforcing-soil-moisture-plateau" / "train.log").read_text()
    loss = [float(x) for x in re.findall(r"loss=([0-9.e+-]+)", text)]
    found = [f for f in feed(ExplodingLoss("loss"), loss) if "climbing" in f.message]
    assert found == []


def test_a_counter_that_ticks_now_and_then_excuses_no_spike():
    # A whole-valued series that changed at the spike after holding 20 points, 800 points into the
    # run, is a counter ticking (cumulative successes, a replay buffer's size), not a new stage:
    # a stage holds its value for a tenth of the run so far.
    loss = decaying(1000, noise=0.02)
    loss[800] *= 20
    for held, severity in ((20.0, "warn"), (400.0, "info")):
        schedule = np.where(np.arange(1000) == 800, held, 0.0)
        found = [f for f in feed(ExplodingLoss("loss"), loss, schedule=schedule) if f.step == 801]
        assert found and found[0].severity == severity


def step_loss_frame_error() -> tuple[np.ndarray, np.ndarray]:
    """The train loss of that corpus log as lossmon reads it (its step counter restarts under each
    epoch header; the parser continues it)."""
    monitor = check_file(str(CORPUS / "step-loss-equals-indented-val-frame-error" / "train.log"))
    series = monitor.store[monitor.store.primary_train]
    return series.values.copy(), series.steps.copy()


def test_single_batches_in_a_heavy_tailed_per_batch_loss_are_its_tail_not_explosions():
    # step-loss-equals-indented-val-frame-error (healthy): a per-batch loss logged every 20 steps
    # settles at ~0.008 and keeps throwing single batches 6-60x up that fall straight back
    # (0.1775, 0.1672, then 0.336 at step 5520, 0.4688 at 8240, 0.5213 at 9860). With 3 or more
    # such batches at least half the spike's size (in log) in the last 200 points, one more is
    # the series' own tail: info, not a warning; none is an alert.
    loss, steps = step_loss_frame_error()
    found = feed(detector(), loss, steps=steps)
    first = [f for f in found if f.step == 5520.0]
    assert [f.severity for f in first] == ["info"]
    assert re.search(r"threw [3-9] single points [0-9.]+x or more up .* its usual tail", first[0].message)
    # The 54x (8240), 47x (9780) and 60x (9860) batches neither warn nor alert, nor does the
    # 3.1x jump at step 200 (1.3938, the 10th point, before there is a scale: 0.4184 at step 220).
    assert [(f.severity, f.step) for f in found if f.severity in ("warn", "alert")] == []
    assert ("info", 220.0) in [(f.severity, f.step) for f in found]
    # Chunking does not change the verdicts (the tail is counted in points, across chunks).
    assert summary(feed(detector(), loss, chunks=[100, 277, 278, 400], steps=steps)) == summary(found)


def test_a_tail_spike_that_does_not_come_back_is_still_an_alert():
    loss, steps = step_loss_frame_error()
    at = int(np.flatnonzero(steps == 5520.0)[0])
    loss[at + 1 : at + 4] = 0.3  # the 35x batch, then three more as bad
    found = summary(feed(detector(), loss, steps=steps))
    assert ("exploding_loss", "info", 5520.0) in found
    assert ("exploding_loss", "alert", float(steps[at + 2])) in found


def test_a_spike_in_gaussian_noise_as_wide_still_warns():
    # The same level and a noise of the same scale, but Gaussian: no batch 2x up before, so a
    # 35x batch is news (a warning at once), as in a run without a tail.
    rng = np.random.default_rng(3)
    loss = 0.008 * np.exp(0.25 * rng.standard_normal(600))
    loss[500] *= 35
    assert ("exploding_loss", "warn", 501.0) in summary(feed(detector(), loss))


def test_a_noisy_loss_fresh_out_of_the_warm_up_is_measured_against_its_whole_noise():
    # trl-dpo-nan-grad-norm-trainer-state (healthy): a DPO loss at ln 2 for its first steps, then
    # per-step noise of batch size 2 (0.16 .. 1.07 by step 27). The scale, an EW mean of |residual|
    # started at 0, read 2-3x low at step 29 unless debiased, and the ordinary 1.267 there
    # (2.4x the level) passed for a 6-sigma spike.
    monitor = check_file(str(CORPUS / "trl-dpo-nan-grad-norm-trainer-state" / "trainer_state.json"))
    series = monitor.store[monitor.store.primary_train]
    assert alarms(feed(detector(), series.values, steps=series.steps)) == []
    # A real spike at the same age of a quiet run still warns at once.
    loss = decaying(60, noise=0.03)
    loss[29] *= 8
    found = [f for f in feed(detector(), loss) if "running level" in f.message]
    assert summary(found) == [("exploding_loss", "warn", 30.0)]


def test_a_segment_that_continues_in_a_later_epoch_keeps_the_spike_rules_scale():
    # sdf-net-vit-pretrain-log-zh-step-loss (healthy): 'Epoch [8/100] Step [260/756] Loss: 0.1778'
    # every 20 steps, the step restarting each epoch (a new segment). Epoch 9's 10th batch, 0.2441,
    # is 3.1x the median of the 5 before it (0.0797) and 0.2042 follows; on a loss that scatters
    # 0.06-0.31 from batch to batch all through epoch 8, that is its usual noise.
    epoch8 = [0.1778, 0.1385, 0.1765, 0.1691, 0.2301, 0.1486, 0.1273, 0.1136, 0.1340, 0.1202, 0.1649, 0.2189,
              0.1138, 0.1478, 0.1232, 0.1888, 0.1415, 0.3054, 0.2146, 0.1576, 0.1516, 0.1550, 0.1403, 0.1780, 0.1935]
    epoch9 = [0.1417, 0.1156, 0.1423, 0.1946, 0.0638, 0.1144, 0.1378, 0.0797, 0.0745, 0.2441, 0.2042, 0.1588,
              0.1000, 0.1109, 0.1746]

    def run(second_epoch: float) -> list:
        found = detector()
        found_before = feed(found, epoch8, steps=np.arange(260, 760, 20), epoch=np.full(len(epoch8), 8.0))
        found.reset()  # the monitor's new segment: the step went back to 0
        return found_before + feed(found, epoch9, steps=np.arange(0, 300, 20), epoch=np.full(len(epoch9), second_epoch))

    assert alarms(run(9.0)) == []
    # A new segment at the first epoch is a new run: the early rule, with no scale, warns.
    assert summary(alarms(run(1.0))) == [("exploding_loss", "warn", 200.0)]


def test_a_lucky_median_of_a_loss_turned_wildly_noisy_is_no_level_to_climb_from():
    # ntm-baichenjia-save-log-txt (healthy): a Neural Turing Machine's loss sits at 5.5 (within
    # 2%) for 200 epochs, then, as it starts to learn, jumps between 0.2 and 5.3 from one point to
    # the next (0.788 and 0.598 in a row at epochs 279-280). The jitter of all the points so far
    # is still that of the smooth opening, but the recent points are anything but smooth: the
    # level of 4.59 at epoch 313 is no climb from a "best level" of 0.788.
    monitor = check_file(str(CORPUS / "ntm-baichenjia-save-log-txt" / "log.txt"))
    loss = monitor.store["Loss"].values[:330].copy()
    assert not [f for f in feed(ExplodingLoss("Loss"), loss) if "climbing" in f.message]
    # With the recent points' noise left out (a window too short to measure any), it warns.
    found = [f for f in feed(ExplodingLoss("Loss", short_recent=2), loss) if "climbing" in f.message]
    assert [(f.severity, f.step) for f in found] == [("warn", 313.0)]


def test_an_opening_overshoot_already_falling_back_is_not_an_alert():
    # galaxy-resnet50-train-loss-csv-bare-numbers-crlf-prefix (healthy): a per-batch loss written
    # one bare number a line; the first updates overshoot (1.63 -> 6.03 -> 17.1) and the loss falls
    # straight back (9.66, 4.29, 3.29 ...), below where it started by the 9th batch. Two points after
    # the jump it is still 5.9x up but already 1.8x down from its peak: recovering, not an alert.
    loss = [1.6288185119628906, 6.026689529418945, 17.138545989990234, 9.659672737121582, 4.29387092590332,
            3.2863337993621826, 2.6366682052612305, 2.0266690254211426, 1.5379801988601685, 1.4845664501190186,
            1.8232901096343994, 2.1064727306365967, 1.1849665641784668, 1.767518401145935, 1.1974713802337646,
            0.7706054449081421, 1.5698188543319702, 1.3823463916778564, 1.1587833166122437, 1.1235162019729614]
    findings = feed(detector(), loss)
    assert summary(findings)[:1] == [("exploding_loss", "warn", 2.0)]
    assert not [f for f in findings if f.severity == "alert"]
    # The same overshoot that stops falling and stays up is judged at the next point: an alert there.
    held = loss[:4] + [9.8, 10.1, 9.9, 10.3] + loss[8:]
    assert ("exploding_loss", "alert", 5.0) in summary(feed(detector(), held))
    # The whole corpus log: no alert.
    log = CORPUS / "galaxy-resnet50-train-loss-csv-bare-numbers-crlf-prefix" / "train_loss.csv"
    assert not [f for f in check_file(str(log)).findings if f.severity == "alert"]


def test_a_first_logged_batch_far_below_the_rest_sets_no_bar():
    # holdout20m's Rose loss_record (labelled healthy): a running mean of 50 batches divided by 50
    # at step 0 of each epoch, so the first record reads 0.044 where the next ones read 0.72, 0.47,
    # 0.46, 0.44 ...: no explosion at the second point (it alerted, "not recovering")
    loss = [0.044192328453063964, 0.7194285386800766, 0.473785942196846, 0.4571924924850464, 0.4387164098024368,
            0.4245, 0.4131, 0.4068, 0.3982, 0.3911, 0.3874, 0.3810]
    steps = 50.0 * np.arange(len(loss))
    assert alarms(feed(ExplodingLoss("Loss1"), loss, steps=steps, epoch=np.ones(len(loss)))) == []
    # a jump of two orders of magnitude from the first point is news all the same
    exploded = [1.2, 980.0, 2150.0, 2400.0, 2600.0, 2500.0]
    found = alarms(feed(ExplodingLoss("loss"), exploded, steps=10.0 * np.arange(1, 7), epoch=np.ones(6)))
    assert found and found[0].step <= 30.0


def test_the_batches_after_an_odd_first_one_are_measured_against_themselves():
    # holdout25c's alexnet.log (labelled healthy): '[epoch, step] train_loss' every 100 steps, the
    # first print at step 1 is one step's running loss over 100 (0.023); the next batches fall
    # from 2.277. Against the median of the two first (0.229), 2.145 read "9.4x up, not recovering"
    lines = """[1,     1] train_loss: 0.023  test_accuracy: 0.110
[1,   101] train_loss: 2.277  test_accuracy: 0.225
[1,   201] train_loss: 2.145  test_accuracy: 0.241
[1,   301] train_loss: 2.116  test_accuracy: 0.243
[1,   401] train_loss: 2.021  test_accuracy: 0.239
[1,   501] train_loss: 1.910  test_accuracy: 0.255""".splitlines()
    loss = [float(line.split("train_loss: ")[1].split()[0]) for line in lines]
    loss += [1.815 - 0.02 * k for k in range(20)]  # falling on, as the log does
    steps = 1.0 + 100.0 * np.arange(len(loss))
    assert alarms(feed(ExplodingLoss("train_loss"), loss, steps=steps, epoch=np.ones(len(loss)))) == []
    # the whole log: no finding at all
    log = CORPUS / "xmy0916-dlnetwork-alexnet-log-train-loss-test-accuracy" / "alexnet.log"
    assert check_file(str(log)).findings == []
    # A run resumed mid-way whose first logged loss is the level it goes on from: a loss 9.4x that
    # one that stays up is an explosion (qwen3-nonmoe-resume-explodes: step 47700 | loss 1.4684,
    # then 13.8450, 13.9949, 14.4119, ...)
    resumed = [1.4684, 13.8450, 13.9949, 14.4119, 14.3244, 13.9475, 14.8256, 14.1456, 14.7685]
    found = alarms(feed(ExplodingLoss("loss"), resumed, steps=47700.0 + 10 * np.arange(9), epoch=np.ones(9)))
    assert found and found[0].step <= 47730.0
