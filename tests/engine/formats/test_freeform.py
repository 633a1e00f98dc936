"""Free-form ``name value`` text (issue 12, class 2), read from real lines.

Each line below is copied verbatim from a committed log (the repository and path are named next
to it); the numbers are theirs.
"""

import pytest

from lossmon.engine.formats.pairs import message_pairs
from tests.engine.formats.parse_helpers import read as monitor_of, steps


def read(text):
    return {pair.name: pair.value for pair in message_pairs(text)}


@pytest.mark.parametrize(
    "line,expected",
    [
        # AadiSrivastava05/Llama-port train.log: "N/ M" progress, unit-first "15.77 steps/s"
        (
            "step     1/ 1000 | loss 3.3660 | avg50 3.3660 |  15.77 steps/s | elapsed   0.00m | eta   1.06m",
            {"step": 1.0, "loss": 3.366, "avg50": 3.366, "elapsed": 0.0, "eta": 1.06},
        ),
        # Pratic2001/Qwen3-Non-MOE train.out: "113.4k tok/s" has its unit after the number
        (
            "step   47710 | loss 13.8450 | lr 1.79e-04 | grad 0.768 | 37.5k tok/s | mfu 37.67%",
            {"step": 47710.0, "loss": 13.845, "lr": 1.79e-04, "grad": 0.768, "mfu": 37.67},
        ),
        ("  [eval] step   48500 | val_loss 4.0286", {"step": 48500.0, "val_loss": 4.0286}),
        # 2434512834/haigpt log/train.log (after its logging prefix): "of" joins a progress, [x] a value
        (
            "batch 4 of epoch 1, loss 9.53123664855957, batch_acc 0.0, lr [6.4999999999999995e-09]",
            {"batch": 4.0, "epoch": 1.0, "loss": 9.53123664855957, "batch_acc": 0.0, "lr": 6.4999999999999995e-09},
        ),
        # AkshayReddyGujjula/UnDiffused-AI train.log: two-word name after a split, "(263s)" ignored
        (
            "epoch  1  loss 0.5922  val AUROC 0.9142  acc 0.837  (263s)",
            {"epoch": 1.0, "loss": 0.5922, "val AUROC": 0.9142, "acc": 0.837},
        ),
        # pypi-data/pypi-mirror-359 nlpia2 .../checkpoint_notes/model_RNN_TANH_...md (pytorch word_language_model)
        (
            "| epoch   1 |   200/ 2983 batches | lr 20.0000 | ms/batch 11.43 | loss 17.74 | ppl 50880577.49",
            {"epoch": 1.0, "lr": 20.0, "ms/batch": 11.43, "loss": 17.74, "ppl": 50880577.49},
        ),
        # ethellight565/nanogpt-seis checkpoints/train.log: a tag before, "11136 ms/iter" after
        ("[train] iter 10: loss 8.7390 11136 ms/iter", {"iter": 10.0, "loss": 8.739}),
        ("[eval] iter 500: train 3.4484 val 3.4299 lr 3.00e-04", {"iter": 500.0, "train": 3.4484, "val": 3.4299, "lr": 3.0e-04}),
        # Anastasiia-prog/CNN resnet34.ipynb (a notebook's loop): the criterion's class name, then the pass
        ("CrossEntropyLoss train 2.0216763933768145", {"CrossEntropyLoss train": 2.0216763933768145}),
        ("CrossEntropyLoss validation 3.063478202767711", {"CrossEntropyLoss validation": 3.063478202767711}),
        # 2014Vee/ssd-pytorch train.log: a warning glued after the record does not cost its step
        (
            "iter 10 || Loss: 10.4773 || /usr/idip/idip/liuping/code/ssd.pytorch/utils/augmentations.py:238: "
            "VisibleDeprecationWarning: Creating an ndarray from ragged nested sequences",
            {"iter": 10.0, "Loss": 10.4773},
        ),
    ],
)
def test_free_form_lines_are_read(line, expected):
    assert read(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        # prose with numbers, from the same logs' surroundings and the README of a training script
        "Loaded 5 files in 3.2 seconds",
        "Running 3 epochs with lr 0.001",
        "We trained for 10 epochs and the loss was 0.5",
        "  trainable params: 7.10M of 22.06M",  # AkshayReddyGujjula/UnDiffused-AI train.log: one "name: value"
    ],
)
def test_prose_gives_no_free_form_pairs(line):
    assert set(read(line)) <= {"params"}


def test_a_free_form_log_keeps_every_record_at_its_step():
    # Pratic2001/Qwen3-Non-MOE train.out (first and last training lines around a resume)
    text = (
        "Total tokens (planned)  : 3,276,800,000\n"
        "\n"
        "step   47700 | loss 1.4684 | lr 1.79e-04 | grad 0.075 | 113.4k tok/s | mfu 114.07%\n"
        "step   47710 | loss 13.8450 | lr 1.79e-04 | grad 0.768 | 37.5k tok/s | mfu 37.67%\n"
        "step   47720 | loss 13.9949 | lr 1.79e-04 | grad 0.732 | 37.4k tok/s | mfu 37.60%\n"
        "step   47730 | loss 14.4119 | lr 1.79e-04 | grad 0.728 | 37.4k tok/s | mfu 37.56%\n"
        "step   47740 | loss 14.4393 | lr 1.79e-04 | grad 0.738 | 37.4k tok/s | mfu 37.58%\n"
    )
    for chunk in (1 << 20, 7):  # templates (whole blocks) and the slow path (a line per block)
        monitor = monitor_of(text, chunk=chunk)
        assert steps(monitor, "loss") == [47700, 47710, 47720, 47730, 47740]
        assert monitor.store["loss"].values.tolist() == [1.4684, 13.845, 13.9949, 14.4119, 14.4393]
        assert {s.name for s in monitor.store} == {"loss", "lr", "grad", "mfu"}


def test_a_tag_of_a_few_words_in_brackets_is_no_prose():
    # udbhav968-creator/SIH_PROJECT logs/finetune.txt: one architecture's runs tagged by its
    # name, then its refit tagged by two words; the refit's epochs were skipped as prose
    text = (
        "  [mobilenet_v3_large] epoch 12/40 loss 0.561 | val acc 0.897 macro-F1 0.838 | 17.6s\n"
        "  [mobilenet_v3_large] early stop at epoch 12 (best 2)\n"
        "  [mobilenet_v3_large refit] epoch  1/17 loss 1.120 | 22.3s\n"
        "  [mobilenet_v3_large refit] epoch  2/17 loss 0.737 | 17.8s\n"
        "  [mobilenet_v3_large refit] epoch  3/17 loss 0.668 | 17.9s\n"
    )
    for chunk in (1 << 20, 7):
        monitor = monitor_of(text, chunk=chunk)
        assert monitor.store["loss"].values.tolist() == [0.561, 1.12, 0.737, 0.668]
    assert read("  [mobilenet_v3_large refit] epoch  2/17 loss 0.737 | 17.8s") == {"epoch": 2.0, "loss": 0.737}
    assert read("[the best model] loss 0.5") == {}  # a sentence in brackets stays prose


# Runs of what the free-form reader, the console tables, the header rules and the logging fields
# take (words before numbers, fractions, tags, units, rules, boxed cells, tab fields).
_FREE_FORM_UNITS = ["a 1 ", "| a 1 ", "a b ", "1/ ", "1 of ", "[a] 1 ", "-", "a | 1 | ", "x:1\t", "a.b ",
                    "a_b 1 ms/s ", "Epoch[1] ", "[a b] 1 ", "[a b ", "a(1 ", "loss 1, ", "a  ", "-1-", "|  a  |  1  |"]


_SLOW_PATH = r"""
import sys
from lossmon.engine.formats import AutoParser
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder
for unit in sys.stdin.read().split("\0"):
    line = unit * (50_000 // len(unit))
    splitter, parser, out = LineSplitter(), AutoParser(fast=False), RecordBuilder()
    for tail in ("", " x", ": 1"):
        parser.parse_block(splitter.feed((line + tail + "\n").encode()), out)
    print("ok", flush=True)
"""


def test_long_free_form_runs_take_linear_time_in_a_subprocess():
    import subprocess
    import sys

    from tests.engine.formats.test_linear_time import ROOT

    done = subprocess.run(
        [sys.executable, "-c", _SLOW_PATH], input="\0".join(_FREE_FORM_UNITS), capture_output=True, text=True,
        timeout=120,  # generous: all of these take a few seconds on a slow machine when linear
        cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ok"] * len(_FREE_FORM_UNITS)


def test_a_tag_closed_before_its_number_names_nothing():
    # mmcv 1.x (tests/corpus/mmcls-cifar10-old-mmcv-text-log): "(val)" tags the line; [4][40] is
    # its epoch and iteration, not a value of a series "val"
    from lossmon.engine.formats.pairs import message_pairs

    names = [pair.name for pair in message_pairs("Epoch(val) [4][40]\tloss: 0.2243")]
    assert "val" not in names and "loss" in names


# nicky508/MADS-exam vae.log (holdout24b): mltrainer's report through loguru, the train and test
# losses named by their split alone, the metrics as str() of a list of formatted values.
MLTRAINER = """\
2024-06-20 11:13:19.941 | INFO     | mltrainer.trainer:report:191 - Epoch 0 train 3.1638 test 2.3894 metric ['2.3894']
2024-06-20 11:13:21.307 | INFO     | mltrainer.trainer:report:191 - Epoch 1 train 2.3496 test 2.3209 metric ['2.3209']
2024-06-20 11:13:22.566 | INFO     | mltrainer.trainer:report:191 - Epoch 2 train 2.2874 test 2.0562 metric ['2.0562']
"""


def test_a_quoted_number_in_a_list_is_a_value_and_a_bare_test_beside_train_is_its_loss():
    assert [(p.name, p.value) for p in message_pairs("Epoch 0 train 3.1638 test 2.3894 metric ['2.3894']")] == [
        ("Epoch", 0.0), ("train", 3.1638), ("test", 2.3894), ("metric", 2.3894)
    ]
    store = monitor_of(MLTRAINER).store
    assert (store.primary_train, store.primary_val) == ("train", "test")
    assert store["test"].values.tolist() == [2.3894, 2.3209, 2.0562]
