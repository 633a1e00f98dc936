"""A logging prefix before a message that starts with its pass or its counter leaves that word
in the message: ``2024-05-01 12:00:00,123 - INFO - Validation - loss=4.08`` is a validation
record, ``... - INFO - Test: [0/242] ... Loss 3.53`` a test pass, ``... Epoch: [1][10/56]`` the
epoch and batch of the line, as they are without the prefix. The word was taken for a logger's
name ("name - ", timm's "name: [") and the record lost its split or its step."""

import pytest
from parse_helpers import CORPUS, read

from lossmon.engine.formats.prefixes import strip_prefix

# Real lines: tests/corpus/simple-nmt-mybk-rl-screen-output-md (simple-nmt's trainer).
_SIMPLE_NMT = [
    "Epoch 1 - |param|=6.01e+02 |g_param|=3.32e+05 loss=4.9263e+00 ppl=137.87",
    "Validation - loss=4.0864e+00 ppl=59.52 best_loss=inf best_ppl=inf",
    "Epoch 2 - |param|=6.01e+02 |g_param|=3.77e+05 loss=4.4177e+00 ppl=82.91",
    "Validation - loss=3.9483e+00 ppl=51.84 best_loss=4.0864e+00 best_ppl=59.52",
    "Epoch 3 - |param|=6.01e+02 |g_param|=3.40e+05 loss=4.3770e+00 ppl=79.60",
    "Validation - loss=3.8406e+00 ppl=46.55 best_loss=3.9483e+00 best_ppl=51.84",
    "Epoch 4 - |param|=6.01e+02 |g_param|=2.62e+05 loss=4.3506e+00 ppl=77.52",
    "Validation - loss=3.8642e+00 ppl=47.67 best_loss=3.8406e+00 best_ppl=46.55",
]
_PREFIXES = [
    "2024-05-01 12:00:00,123 - INFO - ",  # logging's "%(asctime)s - %(levelname)s - %(message)s"
    "[2024-05-01 12:00:00] ",
    "2024-05-01 12:00:00.123 | INFO     | __main__:train:42 - ",  # loguru
]


def _primaries(text: str) -> dict:
    store = read(text).store
    return {
        role: (name, store[name].steps.tolist(), store[name].values.tolist()) if name else None
        for role, name in (("train", store.primary_train), ("val", store.primary_val))
    }


@pytest.mark.parametrize("prefix", _PREFIXES)
def test_a_pass_word_after_a_prefix_stays(prefix):
    plain = "\n".join(_SIMPLE_NMT) + "\n"
    prefixed = "".join(prefix + line + "\n" for line in _SIMPLE_NMT)
    assert _primaries(prefixed) == _primaries(plain)
    assert _primaries(plain)["val"][2] == [4.0864, 3.9483, 3.8406, 3.8642]


@pytest.mark.parametrize("prefix", _PREFIXES)
def test_a_test_pass_and_an_epoch_counter_after_a_prefix_stay(prefix):
    # tests/corpus/ws-dan-sac-nohup-train-log: "Epoch: [0][10/250] ... Loss 12.6626 (12.3890)" and
    # "Test: [0/242] ... Loss 3.5332 (3.5332)" (pytorch/examples' ImageNet meters)
    lines = (CORPUS / "ws-dan-sac-nohup-train-log" / "train.log").read_text(encoding="utf-8").split("\n")
    plain = "\n".join(lines)
    prefixed = "\n".join(prefix + line if line.strip() else line for line in lines)
    assert _primaries(prefixed) == _primaries(plain)
    assert _primaries(plain)["val"][0] == "Test/Loss"


def test_a_logger_named_like_a_pass_is_still_a_logger():
    # a logger called "train" before its level, and timm's file handler's padded "train: [ INFO]"
    assert strip_prefix("2024-01-01 12:00:00,123 - train - INFO - step 10 loss=0.5") == "step 10 loss=0.5"
    assert strip_prefix("2025-01-02 03:04:05,678 -                train: [    INFO] - loss 3") == "loss 3"
