"""A run's console output laid out as markdown (a README's "Model Training Log"): emphasis marks
around the names and values (``- **Train Loss:** 0.1956``, ``| *Time*: 00:15 |``) are decoration;
the pairs inside them are read as if the marks were not there. Before, the ``**`` between the
colon and the value hid every pair: the log read nothing.

A markdown table of three columns lost its header the same way (the logging prefix took its first
cell): console_table finds it on the whole line.

Real lines: tests/corpus/custom-nn-loop-mnist-markdown-training-log.
"""

import pytest
from parse_helpers import CORPUS, read

from lossmon.engine.formats.generic import _markdown_unemphasized
from lossmon.engine.formats.pairs import message_pairs

MNIST = (
    "# Model Training Log\n"
    "\n"
    "## Details\n"
    "- **Device:** CUDA\n"
    "\n"
    "### Epoch 1/10\n"
    "- **Training:** 100% |██████████| 938/938 | *Time*: 00:15 | *Speed*: 60.22it/s\n"
    "- **Train Loss:** 0.1956\n"
    "- **Test Accuracy:** 98.22%\n"
    "\n"
    "### Epoch 2/10\n"
    "- **Training:** 100% |██████████| 938/938 | *Time*: 00:15 | *Speed*: 61.15it/s\n"
    "- **Train Loss:** 0.0562\n"
    "- **Test Accuracy:** 98.41%\n"
    "\n"
    "### Epoch 3/10\n"
    "- **Training:** 100% |██████████| 938/938 | *Time*: 00:15 | *Speed*: 60.70it/s\n"
    "- **Train Loss:** 0.0374\n"
    "- **Test Accuracy:** 98.85%\n"
    "\n"
    "### Epoch 4/10\n"
    "- **Training:** 100% |██████████| 938/938 | *Time*: 00:15 | *Speed*: 59.53it/s\n"
    "- **Train Loss:** 0.0288\n"
    "- **Test Accuracy:** 99.07%\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 29))
def test_the_pairs_inside_bold_bullets_are_read(chunk):
    monitor = read(MNIST, chunk=chunk)
    assert monitor.store["Train Loss"].values.tolist() == [0.1956, 0.0562, 0.0374, 0.0288]
    assert monitor.store["Test Accuracy"].values.tolist() == [98.22, 98.41, 98.85, 99.07]
    assert monitor.store.primary_train == "Train Loss"


@pytest.mark.parametrize(
    ("line", "pairs"),
    [
        ("- **Train Loss:** 0.1956", {"Train Loss": 0.1956}),
        ("* **val_loss**: 0.61, `lr`: 0.001", {"val_loss": 0.61, "lr": 0.001}),
        ("**Epoch 3** | **loss**=0.52", {"Epoch": 3.0, "loss": 0.52}),
    ],
)
def test_emphasis_is_blanked_and_every_value_keeps_its_place(line, pairs):
    blanked = _markdown_unemphasized(line)
    assert len(blanked) == len(line)
    found = message_pairs(blanked)
    assert {pair.name: pair.value for pair in found} == pairs
    for pair in found:
        assert line[pair.start : pair.end] == blanked[pair.start : pair.end]


def test_a_python_name_between_double_underscores_is_no_emphasis():
    assert _markdown_unemphasized("**__init__** loss: 0.5") == "  __init__   loss: 0.5"


def test_the_whole_markdown_log_is_read():
    monitor = read((CORPUS / "custom-nn-loop-mnist-markdown-training-log" / "readme.md").read_bytes())
    assert len(monitor.store["Train Loss"]) == 10
    assert monitor.store.primary_train == "Train Loss"


def test_a_markdown_table_of_three_columns_is_read():
    # the logging prefix takes "| Epoch |" for one: the header is still found on the whole line
    table = (
        "| Epoch | Train Loss | Val Loss |\n"
        "|-------|------------|----------|\n"
        "| 1     | 0.1956     | 0.0712   |\n"
        "| 2     | 0.0562     | 0.0521   |\n"
        "| 3     | 0.0374     | 0.0433   |\n"
    )
    monitor = read(table)
    assert monitor.store["Train Loss"].values.tolist() == [0.1956, 0.0562, 0.0374]
    assert monitor.store["Val Loss"].steps.tolist() == [1, 2, 3]
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("Train Loss", "Val Loss")
