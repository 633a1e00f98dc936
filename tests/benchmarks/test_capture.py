"""The capture benchmark (benchmarks/capture.py) on a fixed handful of corpus logs, so that CI
guards it: every capture transform that applies to a log leaves its primary train/val series
exactly as the clean reading has them. The whole benchmark runs over every corpus log
(python -m benchmarks.capture); this selection covers its formats and its traps in seconds."""

import pytest

from benchmarks.capture import TRANSFORMS, TRANSFORMS_BY_NAME, Reading, compare, kind_of, read, tqdm_frame
from benchmarks.corpus import DEFAULT_CORPUS

# One log per shape the transforms stress (each a few KB to 40 KB):
SELECTION = [
    "accelerate-trl-qwen3-lora-alpaca-glued-tqdm",  # HF dicts glued after tqdm frames
    "hf-trl-qwen3-lora-nohup-glued-tqdm",  # the same under nohup
    "ranzcr-reid-baseline-logger-iteration-loss",  # logging prefix, plateaus that repeat a record
    "painn-workingsetup-11-md",  # two-line epochs, a val record repeated exactly
    "torchrl-ppo-hppo-mac-loguru-restarts",  # loguru lines, restarts
    "simple-nmt-mybk-rl-screen-output-md",  # "Validation - loss=..." lines
    "kedaxunfei-baseline-log-log-train-txt",  # "Epoch: [1][10/56]" AverageMeter lines
    "keras-imdb-fit-overfitting-cell",  # Keras fit output
    "keras-csvlogger-brats-unet",  # a CSV document: CRLF and NUL padding only
]


def _log(slug: str):
    label_dir = DEFAULT_CORPUS / slug
    (log,) = [p for p in label_dir.iterdir() if p.name != "label.json"]
    return log


@pytest.mark.parametrize("slug", SELECTION)
def test_every_capture_leaves_the_series_as_they_were(slug):
    log = _log(slug)
    data = log.read_bytes()
    clean = read(data, str(log))
    assert clean.train is not None
    kind = kind_of(log, clean)
    applied = [t for t in TRANSFORMS if kind in t.kinds]
    assert applied
    problems = []
    for transform in applied:
        captured = transform.apply(data)
        # it did something (a split: past a flush; CRLF: to a log not already CRLF)
        assert captured != data or len(data) <= 8192 or data.count(b"\r\n") == data.count(b"\n"), transform.name
        verdict, why = compare(clean, read(captured, str(log)))
        if verdict != "identical":
            problems.append(f"{transform.name}: {verdict}: {why}")
    assert problems == []


def test_tqdm_frames_are_tqdms():
    # tqdm 4.70.1's format_meter(n, 100, elapsed) for these n, as status_printer writes it
    assert tqdm_frame(45) == "\r 45%|████▌     | 45/100 [00:14<00:17,  3.21it/s]".encode()
    assert tqdm_frame(7) == "\r  7%|▋         | 7/100 [00:10<02:12,  1.43s/it]".encode()
    assert tqdm_frame(0) == "\r  0%|          | 0/100 [00:10<?, ?it/s]".encode()
    assert tqdm_frame(100) == "\r100%|██████████| 100/100 [00:20<00:00,  5.00it/s]".encode()


def test_the_split_puts_a_frame_at_each_flush():
    data = b"x" * 10000
    split = TRANSFORMS_BY_NAME["tqdm-split-4096"].apply(data)
    assert split.replace(tqdm_frame(0), b"").replace(tqdm_frame(1), b"") == data
    assert split.index(b"\r") == 4096


def test_crlf_leaves_crlf_alone():
    assert TRANSFORMS_BY_NAME["crlf"].apply(b"a 1\nb 2\r\nc") == b"a 1\r\nb 2\r\nc"


def test_compare_tells_lost_from_changed():
    import numpy as np

    def reading(steps, values, train="loss"):
        return Reading(train, None, "x", {train: (np.array(steps, float), np.array(values, float))}, frozenset({train}))

    clean = reading([1, 2], [0.5, np.nan])
    assert compare(clean, reading([1, 2], [0.5, np.nan])) == ("identical", "")
    assert compare(clean, reading([1], [0.5]))[0] == "lost"
    assert compare(clean, reading([1, 2, 3], [0.5, np.nan, 0.4]))[0] == "changed"
    assert compare(clean, reading([1, 3], [0.5, np.nan]))[0] == "changed"
    assert compare(clean, reading([1, 2], [0.5, np.nan], train="train"))[0] == "changed"
    assert compare(clean, Reading(None, None, None, {}, frozenset()))[0] == "lost"
