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
    assert coverage.counts["not_understood"] == 2
    # the parser emits the record of line 2 only when the next header arrives
    later = LineBlock.from_lines(3, ["[step=2/2500,epoch=0]"])
    coverage.observe(later, np.array([2]), {"olmo": 1}, {})
    assert coverage.counts["records"] == 1
    assert coverage.counts["not_understood"] == 2  # lines 1 and 3
    assert all(line != 2 for shape in coverage.shapes.values() for line, _ in shape.examples)
    assert coverage.formats["olmo"].first_line == 2


def test_shapes_are_bounded():
    coverage = Coverage()
    lines = [f"{'x' * (k % 200)} 7 {'y' * (k // 200)}" for k in range(2000)]
    coverage.observe(LineBlock.from_lines(1, lines), np.empty(0, np.int64), {}, {})
    assert len(coverage.shapes) <= 65
    assert sum(shape.count for shape in coverage.shapes.values()) == 2000


@pytest.mark.parametrize(
    "run, kind",
    [
        ("7" * 300_000, "not_understood"),  # a number: entered at its start only, one pass
        ("7" * 300_000 + "%|##| 3/9 [00:01<00:02]", "progress"),
        ("Module" * 50_000 + "Warning: step 3", "warning"),
        ("3/" * 150_000 + "4 [==>]", "progress"),
    ],
)
def test_a_line_of_one_long_run_is_classified_in_one_pass(run, kind):
    """The progress and warning patterns enter a run of digits or word characters at its start:
    a line under the 1 MB limit made of one such run took minutes (quadratic), the same class
    as at any length."""
    assert classify(f"x={run}") == kind


@pytest.mark.parametrize("chunk", [1 << 20, 4096, 999])
def test_a_line_handed_on_in_pieces_counts_once(chunk):
    """A line without line ends reaches the parser in pieces of whole records (lines.py), all under
    its number: tests/corpus/chebnet-no-newlines-step-loss-average-glued/train.log (AlexPop104/
    RGCNN_git train.log @df1bd01) is one line, 72 records."""
    from pathlib import Path

    data = (Path(__file__).resolve().parents[1] / "corpus" / "chebnet-no-newlines-step-loss-average-glued" / "train.log").read_bytes()
    monitor = Monitor("train.log")
    for start in range(0, len(data), chunk):
        monitor.feed(data[start : start + chunk])
    monitor.finish()
    assert monitor.records == 72
    assert monitor.coverage.lines == 1 and monitor.coverage.counts["records"] == 1
