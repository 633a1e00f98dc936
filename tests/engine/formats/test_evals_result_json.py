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
