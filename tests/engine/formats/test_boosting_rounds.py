"""Gradient-boosting round lines (issue 12, holdout6): ``[round]<TAB>set-metric:value`` (XGBoost)
and ``[round]<TAB>set's metric: value`` (LightGBM), from real captures."""

from parse_helpers import read, series

from lossmon.engine.formats.pairs import message_pairs
from lossmon.engine.naming import choose_primary

# XGBoost's native train() then the sklearn API's eval_set, as a README shows them
# (tests/corpus/xgboost-gpu-readme-rmse: the two runs one after the other, a warning between).
XGBOOST = """\
[0]\ttrain-rmse:21.60208
[1]\ttrain-rmse:19.55555
[2]\ttrain-rmse:17.71453
[3]\ttrain-rmse:16.06071
[15:20:06] WARNING: C:/Users/administrator/workspace/xgboost-win64_release_1.6.0/src/learner.cc:627:
[0]\tvalidation_0-rmse:17.06433
[1]\tvalidation_0-rmse:12.27140
[2]\tvalidation_0-rmse:8.92523
[3]\tvalidation_0-rmse:6.56554
"""

# LightGBM cross-validation folds in a hyper-parameter search (niudong1001/BDC2019
# stage2/result/result20.md): the round restarts at [20] for each fold, blanks pad the lines,
# and only the validation metric is logged.
LIGHTGBM = """\
 "num_threads": 4
}
[20]\tvalid's binary_logloss: 0.533323               
[40]\tvalid's binary_logloss: 0.53273                
[60]\tvalid's binary_logloss: 0.53259                
[80]\tvalid's binary_logloss: 0.532631               
[20]\tvalid's binary_logloss: 0.533842               
[40]\tvalid's binary_logloss: 0.533476               
[60]\tvalid's binary_logloss: 0.533426               
[80]\tvalid's binary_logloss: 0.533435               
Valid Loss, AUC: 0.533157 0.669853
"""


def test_xgboost_rounds_follow_the_objective_metric_as_the_losses():
    monitor = read(XGBOOST)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train-rmse", "validation_0-rmse")
    assert monitor.store["train-rmse"].steps.tolist() == [0, 1, 2, 3]
    assert monitor.store["validation_0-rmse"].values.tolist() == [17.06433, 12.2714, 8.92523, 6.56554]


def test_a_metric_is_the_loss_only_where_no_loss_is_logged():
    rows = [("train-rmse", "train", "metric", 10), ("eval-rmse", "val", "metric", 10)]
    assert choose_primary(rows) == ("train-rmse", "eval-rmse")
    # beside a loss, an error metric stays a metric (a Keras regression: loss, mae, val_mae)
    assert choose_primary([("loss", "train", "loss", 5), *rows]) == ("loss", None)
    # an accuracy-like score is no objective to follow
    assert choose_primary([("train-auc", "train", "metric", 10), ("eval-auc", "val", "metric", 10)]) == (None, None)
    # the held-out series is the same metric's: another metric on held-out data is not
    assert choose_primary([("train-rmse", "train", "metric", 10), ("eval-mae", "val", "metric", 10)]) == ("train-rmse", None)


def test_lightgbm_names_its_data_set_with_an_apostrophe():
    monitor = read(LIGHTGBM)
    assert monitor.store.primary_val == "valid's binary_logloss"
    assert series(monitor)["valid's binary_logloss"][:3] == ("val", "loss", 8)
    assert monitor.store["valid's binary_logloss"].steps.tolist() == [20, 40, 60, 80, 20, 40, 60, 80]
    assert not any(name.startswith("20/") for name in series(monitor))  # the round is no tag


def test_lightgbm_training_and_validation_on_one_line():
    found = message_pairs("[10]\ttraining's l2: 0.317\tvalid_1's l2: 0.402")
    assert [(pair.name, pair.value) for pair in found] == [("step", 10), ("training's l2", 0.317), ("valid_1's l2", 0.402)]
    lines = "".join(f"[{r}]\ttraining's l2: {0.5 - r / 1000:g}\tvalid_1's l2: {0.6 - r / 2000:g}\n" for r in range(10, 80, 10))
    monitor = read(lines)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("training's l2", "valid_1's l2")
    assert len(monitor.store["valid_1's l2"]) == 7


# An ML Zoomcamp homework notebook's printed text (al1net, holdout22d): a random forest's sweep
# prints its validation RMSE once, then per configuration (20 in all, no split word), then XGBoost's
# watchlist prints train-rmse beside val-rmse each 20 rounds (two fits, 6 rounds each shown).
SWEEP_THEN_WATCHLIST = (
    "RMSE: 0.4595777223092726\n"
    + "".join(f"n_estimators={n}, RMSE=0.{4600 - n}\n" for n in range(10, 200, 10))
    + "max_depth=10, mean RMSE=0.442\nmax_depth=15, mean RMSE=0.445\n"
    + "[0]\ttrain-rmse:1.81393\tval-rmse:1.85444\n[20]\ttrain-rmse:0.30923\tval-rmse:0.44191\n"
    "[40]\ttrain-rmse:0.27046\tval-rmse:0.43599\n[60]\ttrain-rmse:0.24754\tval-rmse:0.43548\n"
    "[80]\ttrain-rmse:0.22890\tval-rmse:0.43418\n[99]\ttrain-rmse:0.21390\tval-rmse:0.43376\n"
    "[0]\ttrain-rmse:2.28944\tval-rmse:2.34561\n[20]\ttrain-rmse:0.91008\tval-rmse:0.94062\n"
    "[40]\ttrain-rmse:0.44542\tval-rmse:0.49544\n[60]\ttrain-rmse:0.33847\tval-rmse:0.43175\n"
    "[80]\ttrain-rmse:0.31487\tval-rmse:0.42667\n[99]\ttrain-rmse:0.30419\tval-rmse:0.42623\n"
)


def test_a_watchlist_pair_is_the_curve_not_a_sweep_printed_more_often():
    store = read(SWEEP_THEN_WATCHLIST).store
    assert len(store["RMSE"]) == 20 and len(store["train-rmse"]) == 12
    assert (store.primary_train, store.primary_val) == ("train-rmse", "val-rmse")
