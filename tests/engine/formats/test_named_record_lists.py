"""A JSON document whose records are a list under a name of the run's own (issue 12, holdout10b):
``{"history": [{"epoch": 1, "train_loss": 24.5, ...}, ...], "best_val_accuracy": 0.17}``, and
``{"metadata": {...}, "training_steps": [{"step": 1510, "loss": 3.07, ...}, ...`` still being written
(no closing bracket yet). Each entry is a record as soon as it closes, stepped by its step key
(else counted), as a top-level list's entries are; a list of numbers under a name stays a column.
Before, only trainer_state's ``log_history`` and CatBoost's ``iterations`` were record lists: both
files read nothing.

Real lines: tests/corpus/carnatic-raga-train-log-json, tests/corpus/iairo-slm-train-log-json-steps.
"""

import json

import pytest
from parse_helpers import CORPUS, read, steps

HISTORY = (
    '{\n  "history": [\n    {\n      "epoch": 1,\n      "train_loss": 24.496879,\n      "val_accuracy": 0.166976\n    },\n'
    '    {\n      "epoch": 2,\n      "train_loss": 2.76892,\n      "val_accuracy": 0.077922\n    },\n'
    '    {\n      "epoch": 3,\n      "train_loss": 2.713381,\n      "val_accuracy": 0.012987\n    }\n  ],\n'
    '  "best_val_accuracy": 0.166976\n}'
)

STILL_WRITING = (
    '{\n  "metadata": {\n    "version": "dev250M_final_full_4p65B_v1",\n    "gpu": "NVIDIA H100 NVL"\n  },\n'
    '  "training_steps": [\n'
    '    {\n      "step": 1510,\n      "total_steps": 8870,\n      "loss": 3.0716,\n      "ppl": 21.575\n    },\n'
    '    {\n      "step": 1520,\n      "total_steps": 8870,\n      "loss": 3.1187,\n      "ppl": 22.617\n    },\n'
)


@pytest.mark.parametrize("chunk", (1 << 20, 19))
def test_the_entries_of_a_named_list_are_records(chunk):
    monitor = read(HISTORY, chunk=chunk)
    assert monitor.store["train_loss"].values.tolist() == [24.496879, 2.76892, 2.713381]
    assert monitor.store.primary_train == "train_loss"
    assert "best_val_accuracy" not in monitor.store


def test_a_document_still_being_written_gives_every_entry_that_closed():
    monitor = read(STILL_WRITING)
    assert monitor.store["loss"].values.tolist() == [3.0716, 3.1187]
    assert steps(monitor, "loss") == [1510, 1520]
    assert "version" not in monitor.store and "total_steps" not in monitor.store


def test_a_named_list_of_numbers_stays_a_column():
    monitor = read(json.dumps({"loss": [0.9, 0.7, 0.5], "val_loss": [1.0, 0.8, 0.7]}, indent=2))
    assert monitor.store["loss"].values.tolist() == [0.9, 0.7, 0.5]
    assert monitor.store["val_loss"].values.tolist() == [1.0, 0.8, 0.7]


@pytest.mark.parametrize(
    ("directory", "name", "count"),
    [("carnatic-raga-train-log-json", "train_loss", 30), ("iairo-slm-train-log-json-steps", "loss", 72)],
)
def test_the_whole_documents_are_read(directory, name, count):
    monitor = read((CORPUS / directory / "train_log.json").read_bytes())
    assert len(monitor.store[name]) == count
    assert monitor.store.primary_train == name


def test_a_named_list_of_records_on_one_line():
    document = {"history": [{"epoch": e, "train_loss": 1 / e} for e in (1, 2, 3)], "best_val_accuracy": 0.9}
    monitor = read(json.dumps(document, indent=2).replace('\n      ', ' ').replace('\n    }', ' }'))
    assert monitor.store["train_loss"].values.tolist() == [1.0, 0.5, 1 / 3]
    monitor = read('{\n  "history": ' + json.dumps(document["history"]) + "\n}\n")
    assert monitor.store["train_loss"].values.tolist() == [1.0, 0.5, 1 / 3]
