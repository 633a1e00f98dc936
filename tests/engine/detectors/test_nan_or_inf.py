import numpy as np

from lossmon.engine.detectors.nan_or_inf import NanOrInf
from tests.engine.detectors.series import feed, summary


def test_the_first_non_finite_loss_is_an_alert_naming_its_step_and_line():
    loss = np.array([2.0, 1.9, 1.8, np.nan, np.nan, 1.7])
    findings = feed(NanOrInf("loss"), loss)
    assert summary(findings) == [("nan_or_inf", "alert", 4.0)]
    assert findings[0].message == "loss is nan at step 4 (line 4)"


def test_infinite_grad_norm():
    findings = feed(NanOrInf("grad_norm"), [0.5, 0.4, np.inf])
    assert findings[0].message.startswith("grad_norm is inf at step 3")


def test_hugging_face_hides_the_nan_as_loss_zero_with_a_nan_grad_norm():
    findings = feed(NanOrInf("loss"), [0.9, 0.8, 0.0, 0.0], grad_norm=[1.0, 1.1, np.nan, np.nan])
    assert summary(findings) == [("nan_or_inf", "alert", 3.0)]
    assert "filtered out" in findings[0].message
    assert feed(NanOrInf("loss"), [0.9, 0.0], grad_norm=[1.0, 0.2]) == []  # a real zero loss


def test_megatron_counts_nan_iterations():
    findings = feed(NanOrInf("number of nan iterations"), [0, 0, 2, 0])
    assert summary(findings) == [("nan_or_inf", "alert", 3.0)]


def test_finite_values_raise_nothing_and_a_gone_nan_clears_the_badge():
    d = NanOrInf("loss")
    assert feed(d, np.linspace(3, 1, 100)) == []
    feed(d, [np.nan])
    assert d.active is not None
    feed(d, np.ones(25))
    assert d.active is None


def test_a_nan_grad_norm_with_a_finite_loss_is_a_skipped_step():
    grad = np.array([np.nan, 0.8, 0.7, np.nan, 0.6, 0.6])
    loss = np.array([0.69, 0.66, 0.6, 0.58, 0.5, 0.45])
    found = feed(NanOrInf("grad_norm"), grad, train_loss=loss, grad_norm=grad)
    assert [f.severity for f in found] == ["info"] and "loss scaler skipped" in found[0].message
    # Every step overflowing is no longer a skipped step.
    stuck = np.full(12, np.nan)
    found = feed(NanOrInf("grad_norm"), stuck, train_loss=np.full(12, 0.7), grad_norm=stuck)
    assert "alert" in [f.severity for f in found]
    # With the loss NaN too (or HF's filtered 0.0), it is an alert at once.
    found = feed(NanOrInf("grad_norm"), grad, train_loss=np.array([np.nan, 1, 1, 1, 1, 1.0]), grad_norm=grad)
    assert [f.severity for f in found if f.step == 1.0] == ["alert"]


def test_a_zero_loss_in_a_log_without_a_grad_norm_is_no_filtered_nan():
    # jsonl-epoch-train-loss-zero-warmup-chance-acc (holdout5a): two appended runs log
    # train_loss 0.0 (not computed) and the file has no grad norm at all; the alert said
    # "train_loss is 0 while grad_norm is nan: the NaN was filtered out of the loss".
    assert feed(NanOrInf("train_loss"), [0.0] * 11 + [2.05, 2.02, 1.98]) == []
    # Nor before the log's first grad norm; after a finite one, the signature counts (and
    # across chunks).
    loss, grad = [0.0, 0.9, 0.8, 0.0], [np.nan, 1.0, 1.1, np.nan]
    for chunks in (None, [1], [2, 3]):
        assert [(f.severity, f.step) for f in feed(NanOrInf("loss"), loss, chunks=chunks, grad_norm=grad)] == [("alert", 4.0)]


def test_a_loss_that_drops_to_exactly_zero_without_a_grad_norm_is_a_warning_that_names_both_causes():
    # llamafactory-loss-collapses-to-zero-trainer-log: loss 122.1416 at step 10, then exactly 0.0
    # for 36 records, no grad norm in the log: a masked loss or a filtered NaN, the log cannot tell.
    loss = [122.1416] + [0.0] * 36
    found = feed(NanOrInf("loss"), loss, chunks=[1, 5], steps=np.arange(10.0, 380.0, 10.0))
    assert [(f.severity, f.step) for f in found] == [("warn", 20.0)]
    assert "exactly 0 at step 20 (line 2) after 122.1" in found[0].message


def test_a_running_best_that_starts_at_inf_is_its_initial_value():
    # simplenmt-dsl-mybk-screen: 'Validation - loss=4.2695e+00 ppl=71.48 best_loss=inf best_ppl=inf'
    # on the first validation, best_loss=4.2695e+00 on the next: the best so far starts at +inf.
    assert feed(NanOrInf("Validation/best_loss"), [np.inf, 4.2695, 4.1191], chunks=[1]) == []
    # A best that turns inf after a finite value, or a NaN one, is a finding; so is a plain loss at inf.
    assert [f.step for f in feed(NanOrInf("best_loss"), [np.inf, 4.27, np.inf])] == [3.0]
    assert [f.step for f in feed(NanOrInf("best_loss"), [np.nan, 4.27])] == [1.0]
    assert [f.step for f in feed(NanOrInf("val_loss"), [np.inf, 4.27])] == [1.0]
