"""Context carried across lines (issue 12, classes 3, 6 and 7), on real logs.

Fixtures (verbatim prefixes of committed logs):
- data/context_olmo.log: AntonioLopardo/OLMo training.log (lines 50-80): a tab-separated logging
  prefix with a host and a source location, a ``[step=N/M,epoch=0]`` header, one indented metric
  per line under it.
- data/context_stgcn.log: ByeByeChen/st-gcn-master-improved output/log.txt (lines 4-20):
  ``Training epoch: N`` then a tab-indented ``mean_loss: X``.
- data/context_pointnet.log: 494935318/pointcloud_class log_train.txt (lines 1-15): a number
  between rules, then ``key: value`` lines whose keys have a space.
- data/context_fasterrcnn.log: KevinZH3/Faster-R-CNN-for-VOC2007- logs/train.log (lines 28-45):
  ``EPOCH 1 of 30``, then a logging prefix whose message is on the next line.
"""

import pytest

from lossmon.engine.formats.generic import KeyValue
from lossmon.engine.records import RecordBuilder
from tests.engine.formats.parse_helpers import DATA, read, read_fixture, series, steps

CHUNKS = (1 << 20, 97)  # whole blocks (templates) and small blocks (slow path, lines cut anywhere)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_olmo_metrics_under_a_step_header(chunk):
    monitor = read((DATA / "context_olmo.log").read_bytes(), chunk=chunk)
    found = series(monitor)
    assert steps(monitor, "train/CrossEntropyLoss") == [1, 2, 3, 4]
    assert monitor.store["train/CrossEntropyLoss"].values.tolist() == [2.998, 2.919, 3.022, 3.055]
    assert steps(monitor, "optim/total_grad_norm") == [1, 2, 3, 4]
    assert monitor.store.primary_train == "train/CrossEntropyLoss"
    # the host "quick-rain-shines-fin-03:0" and the source "olmo.train:979" are prefix, not metrics;
    # the header's epoch is the step's context, not a series
    assert not any("quick" in name or "olmo" in name or name == "epoch" for name in found)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_stgcn_value_on_the_line_after_its_epoch(chunk):
    monitor = read((DATA / "context_stgcn.log").read_bytes(), chunk=chunk)
    assert set(series(monitor)) == {"mean_loss"}
    assert steps(monitor, "mean_loss") == [0, 1, 2, 3]


@pytest.mark.parametrize("chunk", CHUNKS)
def test_pointnet_blocks_under_a_ruled_number(chunk):
    monitor = read((DATA / "context_pointnet.log").read_bytes(), chunk=chunk)
    assert set(series(monitor)) == {"train_mean loss", "train_accuracy", "test_mean loss", "test_accuracy"}
    assert steps(monitor, "train_mean loss") == [0, 1, 2]
    assert monitor.store["test_mean loss"].values.tolist() == [3.641826, 3.81078, 4.029254]


def test_fasterrcnn_record_after_an_empty_logging_message():
    monitor = read_fixture("context_fasterrcnn.log")
    assert set(series(monitor)) == {"EPOCH loss"}
    assert steps(monitor, "EPOCH loss") == [1, 2, 3, 4]


def feed(lines):
    parser, out = KeyValue().new_parser(), RecordBuilder()
    for number, text in enumerate(lines, 1):
        parser.parse(text, number, out)
    parser.finish(out)
    return list(out.build().records())


def test_a_step_less_record_stays_at_the_last_step():
    # Shape as in Pratic2001/Qwen3-Non-MOE train.out: a step-less record after stepped records is
    # not numbered 1, 2, 3; it stays at the last step.
    got = feed([
        "step 100 | loss 3.1 | lr 1e-4",
        "step 110 | loss 3.0 | lr 1e-4",
        "step 120 | loss 2.9 | lr 1e-4",
        "eval_loss: 2.97 eval_ppl: 19.5",
    ])
    assert [(step, metrics) for _, step, metrics in got][-1] == (120.0, {"eval_loss": 2.97, "eval_ppl": 19.5})


def test_post_run_evaluations_are_not_points_of_the_curve():
    # lolrazh/parameter-golf train.log and openai/parameter-golf experiments/*.log: after the last
    # "step:N/M val_loss:" the script evaluates other variants of the model (quantized, EMA) with
    # no step. They were read as more val_loss points at the last step (val 14 instead of 8); they
    # are not the val curve. (This test used to expect them at the last step: that was wrong.)
    got = feed([
        "step 100 | loss 3.1 | lr 1e-4",
        "step 110 | loss 3.0 | lr 1e-4",
        "step 120 | loss 2.9 | lr 1e-4",
        "  [eval] step 120 | val_loss 2.97",
        "final_int8_zlib_roundtrip val_loss:2.95 val_bpb:1.17",
        "pre-quantization post-ema val_loss:1.87671283 val_bpb:1.11149505 eval_time:2635ms",
    ])
    assert [(step, metrics) for _, step, metrics in got][-1] == (120.0, {"val_loss": 2.97})


@pytest.mark.parametrize("chunk", CHUNKS)
def test_post_run_evaluations_after_n_of_m_steps(chunk):
    # openai/parameter-golf experiments/exp4_vanilla_s1337.log (lines 100-133, shortened): the step
    # is the N of a leading "N/M"; the post-run evaluations add no val_loss points.
    monitor = read(
        "0/20000 val_loss: 6.9384 val_bpb: 4.1093\n"
        "1/20000 train_loss: 6.9392 train_time: 0.0m tok/s: 8673244\n"
        "2/20000 train_loss: 12.0620 train_time: 0.0m tok/s: 8606430\n"
        "3/20000 train_loss: 10.0730 train_time: 0.0m tok/s: 8514398\n"
        "500/20000 train_loss: 2.3214 train_time: 0.8m tok/s: 8220796\n"
        "4000/20000 train_loss: 1.9972 train_time: 7.2m tok/s: 7275019\n"
        "4000/20000 val_loss: 1.9641 val_bpb: 1.1632\n"
        "5403/20000 val_loss: 1.8785 val_bpb: 1.1126\n"
        "stopping_early: wallclock_cap train_time: 590106ms step: 5403/20000\n"
        "ema:applying EMA weights\n"
        "pre-quantization post-ema val_loss:1.87671283 val_bpb:1.11149505 eval_time:2635ms\n"
        "final_int6_roundtrip val_loss:1.89785129 val_bpb:1.12401444 eval_time:23389ms\n",
        chunk=chunk,
    )
    assert steps(monitor, "train_loss") == [1, 2, 3, 500, 4000]
    assert steps(monitor, "val_loss") == [0, 4000, 5403]
    assert monitor.store["val_loss"].values.tolist() == [6.9384, 1.9641, 1.8785]


def test_a_lone_number_in_a_sentence_is_no_record_even_under_a_header():
    # maxwell PINN log (hydra logging): the checkpoint note repeats a loss already logged
    got = feed([
        "epoch  500 | loss 1.2e-02 (pde 1.2e-02, bc 0) | lr 9.9e-04",
        "Checkpoint saved → outputs/ckpt_best.pt  (epoch 500, loss 1.2e-02)",
        "epoch  1000 | loss 1.1e-02 (pde 1.1e-02, bc 0) | lr 9.8e-04",
        "Gradient norm for non_linear_readout.linear_2.weight: 0.013013",
        "epoch  1500 | loss 1.0e-02 (pde 1.0e-02, bc 0) | lr 9.7e-04",
    ])
    assert [line for line, _, _ in got] == [1, 3, 5]


def test_a_logger_name_is_never_a_series():
    # AI-Zhpp/CMT output/log.txt (reid-strong-baseline): the logger name has no value of its own
    got = feed([
        "reid_baseline.train INFO: Start training",
    ])
    assert got == []
    monitor = read(
        "2024-01-05 17:11:51,638 reid_baseline.train INFO: Epoch[1] Iteration[50/436] Loss: 148.527, Acc: 0.012, Base Lr: 3.82e-05\n"
        "2024-01-05 17:12:24,028 reid_baseline.train INFO: Epoch[1] Iteration[100/436] Loss: 146.898, Acc: 0.034, Base Lr: 3.82e-05\n"
        "2024-01-05 17:12:56,530 reid_baseline.train INFO: Epoch[1] Iteration[150/436] Loss: 145.166, Acc: 0.055, Base Lr: 3.82e-05\n"
    )
    assert set(series(monitor)) == {"Epoch", "Loss", "Acc", "Base Lr"}
    assert steps(monitor, "Loss") == [50, 100, 150]
