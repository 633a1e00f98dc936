"""Records of several kinds in one JSON-lines log (lossmon.engine.formats.record_kinds): a kind
that shares a loss or a metric with the kinds before it is another table, not more points of
their series; a kind that names a held-out split is that split; other kinds are left alone."""

from parse_helpers import CORPUS, read

from lossmon.engine.formats.record_kinds import RecordKinds, record_kind

# Real lines: tests/corpus/microvla-metrics-jsonl-appended-runs-horizon-evals (AvnehSBhatia/MicroVLA
# results/metrics.jsonl): one provenance record, train_epoch records, then horizon_curve records
# (the val_loss of one checkpoint at horizons 1-8, not a training curve). Notes shortened.
_MICROVLA = """\
{"ts": "2026-07-22T04:28:55+00:00", "git": "8cc7c66", "kind": "provenance", "note": "Dataset: Bridge V2 RLDS 4839 eps"}
{"ts": "2026-07-22T04:28:55+00:00", "git": "8cc7c66", "run_id": "pilot", "kind": "train_epoch", "stage": "A", "epoch": 1, "epochs": 3, "train_loss": 0.1125, "val_loss": 0.0558, "persistence": 0.0216, "margin_pct": -158.3, "duration_s": 606, "device": "cpu"}
{"ts": "2026-07-22T04:28:55+00:00", "git": "8cc7c66", "run_id": "run1-bridge+libero", "kind": "train_epoch", "stage": "A", "epoch": 1, "epochs": 4, "horizon": 1, "train_loss": 0.0104, "val_loss": 0.0084, "persistence": 0.0082, "margin_pct": -2.4, "duration_s": 641, "device": "mps"}
{"ts": "2026-07-22T04:28:55+00:00", "git": "8cc7c66", "run_id": "run1-bridge+libero", "kind": "train_epoch", "stage": "A", "epoch": 2, "epochs": 4, "horizon": 3, "train_loss": 0.0135, "val_loss": 0.0117, "persistence": 0.0132, "margin_pct": 11.4, "duration_s": 1110, "device": "mps"}
{"ts": "2026-07-22T04:29:03+00:00", "git": "8cc7c66", "run_id": "ep3-backup", "kind": "horizon_curve", "checkpoint": "full_stageA_ep3_backup.pt", "horizon": 1, "val_loss": 0.00712, "persistence": 0.00753, "margin_pct": 5.5, "n_episodes": 40}
{"ts": "2026-07-22T04:29:18+00:00", "git": "8cc7c66", "run_id": "ep3-backup", "kind": "horizon_curve", "checkpoint": "full_stageA_ep3_backup.pt", "horizon": 2, "val_loss": 0.00906, "persistence": 0.01013, "margin_pct": 10.6, "n_episodes": 40}
"""


def test_records_of_another_kind_are_another_table():
    """The horizon_curve records' val_loss was read as 2 more points of the epochs' val_loss."""
    store = read(_MICROVLA, path="metrics.jsonl").store
    assert store["val_loss"].values.tolist() == [0.0558, 0.0084, 0.0117]
    assert store["train_loss"].values.tolist() == [0.1125, 0.0104, 0.0135]
    assert store["horizon_curve/val_loss"].values.tolist() == [0.00712, 0.00906]
    assert len(store["persistence"]) == 3


def test_the_whole_microvla_log_reads_five_epoch_val_losses():
    monitor = read((CORPUS / "microvla-metrics-jsonl-appended-runs-horizon-evals" / "metrics.jsonl").read_bytes())
    assert len(monitor.store["val_loss"]) == len(monitor.store["train_loss"]) == 5
    assert len(monitor.store["horizon_curve/val_loss"]) == 7


# Real lines: tests/corpus/airsim-rl-jsonl-nested-metrics-loss-zero: a logger's "msg" names each
# record's event; the events share no loss or metric, so nothing is renamed.
_AIRSIM = """\
{"ts": "2025-11-18T11:00:33", "level": "INFO", "name": "rl.train", "msg": "episode_start", "episode": 1}
{"ts": "2025-11-18T11:00:44", "level": "INFO", "name": "rl.train", "msg": "policy_update", "episode": 1, "step": 1, "metrics": {"lr": 0.0003, "loss": 0.0}}
{"ts": "2025-11-18T11:00:46", "level": "INFO", "name": "rl.train", "msg": "policy_update", "episode": 1, "step": 2, "metrics": {"lr": 0.0003, "loss": 0.0}}
{"ts": "2025-11-18T11:00:47", "level": "INFO", "name": "rl.train", "msg": "policy_update", "episode": 1, "step": 3, "metrics": {"lr": 0.0003, "loss": 0.0}}
"""


def test_kinds_that_share_no_loss_keep_their_names():
    store = read(_AIRSIM).store
    assert {series.name for series in store} >= {"metrics/loss", "metrics/lr"}
    assert not any(series.name.startswith(("policy_update/", "episode_start/")) for series in store)


# The records two public training scripts append to their metrics JSONL (json.dumps({"kind":
# "eval", "step": 0, "loss": initial_eval, "objective": objective}) before the first step, then
# {"kind": "train", "step": step, "loss": ...}): the keys are theirs, the values stand in. The
# evaluation comes first, so its bare "loss" must not be taken for the training loss.
def test_a_kind_that_names_a_held_out_split_is_that_split():
    kinds = RecordKinds()
    assert kinds.prefix({"kind": "eval", "step": 0, "loss": 2.0, "objective": "sft"}, ["loss"]) == ("eval/", True)
    assert kinds.prefix({"kind": "train", "step": 1, "loss": 1.9}, ["loss"]) is None
    assert kinds.prefix({"kind": "eval", "step": 10, "loss": 1.8}, ["loss"]) == ("eval/", True)


def test_a_schedule_phase_is_no_kind():
    """tests/corpus/cwt-v56-train-jsonl: "phase": "phase_1_warmup" is where the schedule stands."""
    assert record_kind({"total_loss": 10.90215015411377, "phase": "phase_1_warmup", "total_steps": 20000}) is None


# A public MetricsLogger's records: step, "split": "train" | "test", loss, acc, lr (its docstring)
def test_a_split_field_names_a_split():
    kinds = RecordKinds()
    assert kinds.prefix({"step": 1, "split": "train", "loss": 1.0, "acc": 0.5}, ["loss", "acc"]) is None
    assert kinds.prefix({"step": 1, "split": "test", "loss": 1.2, "acc": 0.4}, ["loss", "acc"]) == ("test/", True)
