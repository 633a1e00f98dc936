"""Per-epoch lists nested under run or model names in a JSON document (issue 12, holdout16e):
``{"config": {...}, "results": {"HistoMoE": {"train_losses": [...], "val_pccs": [...]},
"Baseline": {...}}}``. Before, only a top-level member could be a column (Keras' history) or a dict
of columns (evals_result): the lists a level deeper read nothing.

Real lines: tests/corpus/histomoe-results-log-json-two-models-train-losses (a GSoC proposal's
experiment, two models, 15 epochs each).
"""

import json

import pytest
from parse_helpers import CORPUS, read, steps

from lossmon.engine.formats.run_columns import run_columns

HISTOMOE = CORPUS / "histomoe-results-log-json-two-models-train-losses" / "log.json"

# The document's shape, with the first three epochs of each list (CRLF, as the file has them)
EXCERPT = (
    '{\r\n  "sample": "hest_data\\\\INT1",\r\n  "config": {\r\n    "n_hvg": 50,\r\n    "epochs": 15,\r\n'
    '    "lr": 0.001\r\n  },\r\n  "results": {\r\n    "HistoMoE": {\r\n'
    '      "best_val_pcc": -0.011350546963512897,\r\n      "final_val_pcc": -0.011350546963512897,\r\n'
    '      "train_losses": [\r\n        0.4888681173324585,\r\n        0.37891753315925597,\r\n'
    '        0.330438506603241\r\n      ],\r\n      "val_pccs": [\r\n        -0.018690163269639015,\r\n'
    '        -0.013223293237388134,\r\n        -0.016750475391745567\r\n      ]\r\n    },\r\n'
    '    "Baseline": {\r\n      "best_val_pcc": 0.01804046705365181,\r\n'
    '      "train_losses": [\r\n        0.4652673423290253,\r\n        0.3594603896141052,\r\n'
    '        0.3264338135719299\r\n      ],\r\n      "val_pccs": [\r\n        0.01804046705365181,\r\n'
    '        0.0074837179854512215,\r\n        0.004289331845939159\r\n      ]\r\n    }\r\n  }\r\n}'
)


@pytest.mark.parametrize("chunk", (1 << 20, 17))
def test_each_run_names_its_lists_by_their_path(chunk):
    monitor = read(EXCERPT, chunk=chunk, path="log.json")
    store = monitor.store
    assert [series.name for series in store] == [
        "results/HistoMoE/train_losses", "results/HistoMoE/val_pccs",
        "results/Baseline/train_losses", "results/Baseline/val_pccs",
    ]
    assert store["results/HistoMoE/train_losses"].values.tolist() == [0.4888681173324585, 0.37891753315925597, 0.330438506603241]
    assert store["results/Baseline/val_pccs"].values.tolist() == [0.01804046705365181, 0.0074837179854512215, 0.004289331845939159]
    assert steps(monitor, "results/HistoMoE/train_losses") == [0, 1, 2]
    # the summaries beside the lists are no points; the two runs' losses are alike: the first listed leads
    assert store.primary_train == "results/HistoMoE/train_losses"
    assert store.primary_val is None  # a correlation is no held-out loss


def test_the_whole_document_gives_both_models_fifteen_epochs():
    store = read(HISTOMOE.read_bytes(), path="log.json").store
    assert store.primary_train == "results/HistoMoE/train_losses"
    assert {series.name: len(series) for series in store} == {
        "results/HistoMoE/train_losses": 15, "results/HistoMoE/val_pccs": 15,
        "results/Baseline/train_losses": 15, "results/Baseline/val_pccs": 15,
    }
    assert store["results/Baseline/train_losses"].values[-1] == 0.2685884892940521


def test_runs_as_the_top_level_members():
    document = {
        "HistoMoE": {"best_val_pcc": -0.0113, "train_losses": [0.4888, 0.3789, 0.3304], "val_pccs": [-0.0186, -0.0132, -0.0167]},
        "Baseline": {"best_val_pcc": 0.0180, "train_losses": [0.4652, 0.3594, 0.3264], "val_pccs": [0.0180, 0.0074, 0.0042]},
    }
    store = read(json.dumps(document, indent=2), path="log.json").store
    assert [series.name for series in store] == [
        "HistoMoE/train_losses", "HistoMoE/val_pccs", "Baseline/train_losses", "Baseline/val_pccs"
    ]


def test_a_run_under_a_data_set_under_the_results():
    document = {"results": {"cora": {"gcn": {"best_epoch": 2, "train_loss": [1.9, 1.2, 0.8], "val_acc": [0.5, 0.7, 0.8]}}}}
    assert set(run_columns("results", document["results"])) == {"results/cora/gcn/train_loss", "results/cora/gcn/val_acc"}


@pytest.mark.parametrize(
    "document",
    [
        # a configuration's lists are settings, however they are named
        {"config": {"model": {"loss_weights": [1.0, 0.5, 0.5]}}},
        {"results": {"args": {"loss_weights": [1.0, 0.5, 0.5]}}},
        # lists that name no loss and no metric: sizes, not a history
        {"model": {"encoder": {"layers": [64, 128, 256], "kernel": [3, 3, 3]}}},
        # a loss's weights are settings, under whatever name
        {"model": {"loss_weights": [1.0, 0.5, 0.5], "dropout": 0.1}},
        {"setup": {"head": {"loss_weights": [1.0, 0.5, 0.5]}}},
        # a top member's own dict of columns with text beside it is no run of this kind
        {"train": {"l2": [0.1, 0.2, 0.3], "note": "a string"}},
    ],
)
def test_what_is_no_run_gives_no_series(document):
    assert len(read(json.dumps(document, indent=2), path="log.json").store) == 0
