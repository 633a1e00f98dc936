"""Coverage: every line of a log lands in exactly one class, whatever the chunking."""

import random

import numpy as np
import pytest

from lossmon.engine import Monitor, check_file
from lossmon.engine.coverage import Coverage, classify, shape_of
from lossmon.engine.lines import LineBlock

# Lines from ../shared/real-logs/gpt-lab-diffusion-train.log (AkramjitS/gpt-lab-diffusion, train.log)
GLOG_FRAME = (
    "W0530 14:48:26.433000 2622492 site-packages/torch/_dynamo/convert_frame.py:1233]   "
    'File "/home/ass337/miniconda3/envs/feedback/lib/python3.11/site-packages/torch/_dynamo/convert_frame.py", line 1164, in __call__'
)
GLOG_CARETS = "W0530 14:48:26.433000 2622492 site-packages/torch/_dynamo/convert_frame.py:1233]            ^^^^^^^^^^^^^^^^^^^^^^^^^"
GLOG_HINT = 'W0530 14:48:26.433000 2622492 site-packages/torch/_dynamo/convert_frame.py:1233] Set TORCH_LOGS="+dynamo" and TORCHDYNAMO_VERBOSE=1 for more information'
VALIDATING = "Validating on 40960 tokens (10 steps with 4096 batch size)"
# tests/engine/formats/data/lightning_bar.log (a Lightning progress bar without metrics)
BARE_BAR = "Validation DataLoader 0: 100%|██████████| 2/2 [00:00<00:00, 30.00it/s]"


@pytest.mark.parametrize(
    "line, kind",
    [
        (GLOG_FRAME, "traceback"),
        (GLOG_CARETS, "traceback"),
        (GLOG_HINT, "warning"),
        (BARE_BAR, "progress"),
        (VALIDATING, "not_understood"),
        ("number of parameters: 123.59M", "not_understood"),
        ("`Trainer.fit` stopped: `max_epochs=5` reached.", "not_understood"),
        ("epoch,lr/pg0,metrics/mAP50(B),train/box_loss", "text"),  # a header: digits inside names only
        ("   ", "blank"),
    ],
)
def test_classify_real_lines(line, kind):
    assert classify(line) == kind


def test_shape_hides_numbers_and_ids():
    assert shape_of(VALIDATING) == "Validating on # tokens (# steps with # batch size)"
    assert shape_of("Saved checkpoint to exp/state_step002000.pt  ") == shape_of("Saved checkpoint to exp/state_step004000.pt")


def _class_counts(monitor):
    return dict(monitor.coverage.counts)


@pytest.mark.parametrize(
    "name",
    ["gpt-lab-diffusion-train.log", "llmc-main.log", "slm-lightning-metrics.csv", "whisper-trainer_state.json", "yolov8-fire-results.csv"],
)
def test_every_line_is_counted_once(real_logs, name):
    monitor = check_file(str(real_logs / name))
    counts = monitor.coverage.counts
    assert sum(counts.values()) == monitor.lines
    if not monitor.parser.whole_file:
        recorded = np.unique(np.concatenate([series.lines for series in monitor.store]))
        assert counts["records"] == len(recorded)


def test_gpt_lab_noise_is_not_called_not_understood(real_logs):
    coverage = check_file(str(real_logs / "gpt-lab-diffusion-train.log")).coverage
    assert coverage.counts["traceback"] > 3000  # torch._dynamo's glog-prefixed tracebacks
    assert coverage.not_understood_share < 0.01
    top = max(coverage.shapes.values(), key=lambda shape: shape.count)
    assert top.shape == "Validating on # tokens (# steps with # batch size)" and top.count == 8


def test_counts_do_not_depend_on_chunking(real_logs):
    data = (real_logs / "gpt-lab-diffusion-train.log").read_bytes()[:400_000]
    whole = Monitor()
    whole.feed(data)
    whole.finish()
    rng = random.Random(7)
    chunked = Monitor()
    position = 0
    while position < len(data):
        size = rng.randint(1, 20_000)
        chunked.feed(data[position : position + size])
        position += size
    chunked.finish()
    assert _class_counts(chunked) == _class_counts(whole)
    assert {k: (s.count, s.examples) for k, s in chunked.coverage.shapes.items()} == {
        k: (s.count, s.examples) for k, s in whole.coverage.shapes.items()
    }


def test_a_late_record_takes_its_line_back():
    coverage = Coverage()
    block = LineBlock.from_lines(1, ["[step=1/2500,epoch=0]", "    CrossEntropyLoss=11.33"])
    coverage.observe(block, np.empty(0, np.int64), {}, {})
    assert coverage.counts["not_understood"] == 1
    assert coverage.shapes["CrossEntropyLoss=#"].metric_like == 1
    # the parser emits the record of line 2 only when the next header arrives
    later = LineBlock.from_lines(3, ["[step=2/2500,epoch=0]"])
    coverage.observe(later, np.array([2]), {"olmo": 1}, {})
    assert coverage.counts["records"] == 1
    assert coverage.counts["not_understood"] == 0
    assert coverage.counts["step_marker"] == 2  # the headers, lines 1 and 3
    assert not coverage.shapes
    assert coverage.formats["olmo"].first_line == 2


# Header lines of real logs in tests/corpus whose only numbers count epochs, steps or folds.
@pytest.mark.parametrize(
    "line",
    [
        "Epoch 2/30",  # Keras fit (demo_logs/contradictory_metrics.log)
        "#### Epoch 0/99",  # icelandman-resnet18-numbers-...
        "======================training epoch 1======================",  # svm-smo-checkpoints-log
        "[03.24.23|09:56:11] Training epoch: 0",  # stgcn-kinetics-cpu-nan-restart...
        "======== Epoch 1 / 100 ========",  # finbert-stock-news-average-loss...
        "========== fold: 0 training ==========",  # kaggle-pppm-folds-avg-train-...
        "epoch   1",  # bilstm-cn-lm-epoch-loss-resumed
        "2025-12-27 22:11:58.1\thost-name-03:0\tolmo.train:979\tINFO\t[step=1/2500,epoch=0]",  # OLMo
    ],
)
def test_a_line_that_only_counts_steps_is_a_step_marker(line):
    assert classify(line) == "step_marker"


@pytest.mark.parametrize(
    "line",
    [
        "Epoch 3 loss 0.52",  # a record lossmon failed to read is never a marker
        "Batch    80 of    88. Elapsed: 0:00:47.",  # finbert: the elapsed time is a number of its own
        "resnet-50 - Epoch 0/49",  # resnet-18-34-50-training-log: "50" may be data
    ],
)
def test_a_line_with_other_numbers_is_not_a_step_marker(line):
    assert classify(line) == "not_understood"


@pytest.mark.parametrize(
    "line, metric_like",
    [
        ("test accuracy: 20.78%, (512570/2466133)", True),  # bilstm-cn-lm-epoch-loss-resumed
        ("|    loss             | 0.000102 |", True),  # sb3-dqn-breakout-lr0005-md
        ("- Valid | Epoch 1 | 1/3 | 0.31 it/sec | Loss 0.2213 | Reco 0.2213 | Nsdr 3.922", True),  # flashy
        ("Prec@1   0 0.000 (0.000)\tPrec@5   0 4.167 (4.167)", True),  # ws-dan-sac-nohup-train-log
        ("Validation consumes 0.02 second", False),  # svm-smo-checkpoints-log
        ("          [-1., -1., -1.,  ..., -1., -1., -1.],", False),  # dcgan-mnist-tensor-dumps
        ("logits shape: torch.Size([64, 100])", False),  # gafseg-fedavg-clients-bare-l...
        ("Epoch Time(s): 8.7072", False),  # graphsage-dgl-step-pipe-loss
        ("│    │    └─BatchNorm2d: 3-2             [1, 64, 64, 64]           128", False),  # era-v4-resnet50
        ("Model summary: 225 layers, 3157200 parameters, 3157184 gradients, 8.9 GFLOPs", False),  # ultralytics
    ],
)
def test_unread_lines_that_name_a_metric_are_counted_when_their_shape_recurs(line, metric_like):
    coverage = Coverage()
    coverage.observe(LineBlock.from_lines(1, [line]), np.empty(0, np.int64), {}, {})
    assert coverage.counts["not_understood"] == 1
    assert coverage.recurring_metric_lines() == 0  # seen once: a config line, a final summary
    coverage.observe(LineBlock.from_lines(2, [line]), np.empty(0, np.int64), {}, {})
    assert coverage.recurring_metric_lines() == 2 * metric_like
