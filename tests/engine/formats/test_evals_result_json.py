"""A boosting library's per-data-set history dumped with json (issue 12, holdout10a): LightGBM's
``evals_result_`` (``{"train": {"l2": [...]}, "valid": {"l2": [...]}}``) and XGBoost's
``evals_result()`` (``{"validation_0": {"rmse": [...]}}``). Each data set holds a dict of columns;
its columns are named by the set, as CatBoost's JSON log names them (``valid/l2``,
``validation_0/rmse``), one row per boosting round. Before, a member whose value was a dict of
columns was no column: the file read nothing.

Real lines: tests/corpus/quant-lgbm-train-history-json (131 rounds of l2 on train and valid).
"""

import json

import pytest
from parse_helpers import CORPUS, read, steps

LGBM = (
    '{\n  "train": {\n    "l2": [\n      0.002224015904004595,\n      0.002216240401854045,\n'
    '      0.0022089644255893943\n    ]\n  },\n  "valid": {\n    "l2": [\n      0.0018859688459418747,\n'
    '      0.001885681611014533,\n      0.0018855106980233906\n    ]\n  }\n}'
)


@pytest.mark.parametrize("chunk", (1 << 20, 17))
def test_each_data_set_names_its_columns(chunk):
    monitor = read(LGBM, chunk=chunk)
    assert monitor.store["train/l2"].values.tolist() == [0.002224015904004595, 0.002216240401854045, 0.0022089644255893943]
    assert monitor.store["valid/l2"].values.tolist() == [0.0018859688459418747, 0.001885681611014533, 0.0018855106980233906]
    assert steps(monitor, "valid/l2") == [0, 1, 2]
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train/l2", "valid/l2")


def test_an_xgboost_history_of_two_metrics_on_one_line():
    history = {"validation_0": {"rmse": [21.6, 17.1, 14.2], "mae": [15.0, 12.1, 10.3]}}
    monitor = read(json.dumps(history, indent=2))
    assert {series.name for series in monitor.store} == {"validation_0/rmse", "validation_0/mae"}
    assert monitor.store["validation_0/rmse"].values.tolist() == [21.6, 17.1, 14.2]


@pytest.mark.parametrize(
    "document",
    [
        {"train": {"l2": [0.1, 0.2, 0.3], "note": "a string"}},  # a member that is no column
        {"trial_params": {"lr": 0.1, "depth": 6}},  # settings: numbers, no columns
    ],
)
def test_a_dict_with_anything_but_columns_gives_no_rows(document):
    assert len(read(json.dumps(document, indent=2)).store) == 0


def test_the_whole_lightgbm_history_is_read():
    monitor = read((CORPUS / "quant-lgbm-train-history-json" / "train_history.json").read_bytes())
    assert len(monitor.store["train/l2"]) == len(monitor.store["valid/l2"]) == 131


# 0-SURYA-0/NueroVisionAI @c4db3c2 results/metrics.json (whole): the history's columns under
# "history", two summaries beside it
NUEROVISION = '{\n  "history": {\n    "train_loss": [\n      1.284572012594768,\n      0.7045721039601734,\n      0.48586413711309434,\n      0.3846375059975045,\n      0.2906829831536327,\n      0.43421480823840414,\n      0.3137378026332174,\n      0.23019320549709457\n    ],\n    "val_loss": [\n      1.3315864674250284,\n      1.0252765576044718,\n      0.7369747666517893,\n      0.7777900249138474,\n      0.8375691244999568,\n      2.073978061477343,\n      0.907374242519339,\n      0.5573083615923922\n    ],\n    "val_acc": [\n      0.8616666666666667,\n      0.9083333333333333,\n      0.955,\n      0.9516666666666667,\n      0.9366666666666666,\n      0.8466666666666667,\n      0.9383333333333334,\n      0.975\n    ],\n    "val_auc": [\n      0.9544777777777778,\n      0.9813833333333334,\n      0.9835111111111112,\n      0.9864055555555555,\n      0.9897777777777779,\n      0.9658666666666667,\n      0.988411111111111,\n      0.9913388888888889\n    ],\n    "val_f1": [\n      0.8725038402457757,\n      0.9139280125195619,\n      0.9552238805970149,\n      0.9520661157024793,\n      0.9328621908127207,\n      0.8666666666666667,\n      0.9347442680776014,\n      0.9745331069609507\n    ]\n  },\n  "best_val_auc": 0.9913388888888889,\n  "epochs_run": 8\n}'


def test_columns_under_history_keep_their_names():
    monitor = read(NUEROVISION, path="metrics.json")
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train_loss", "val_loss")
    assert len(monitor.store["train_loss"]) == 8 and len(monitor.store["val_auc"]) == 8
