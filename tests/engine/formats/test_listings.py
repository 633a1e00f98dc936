"""Listings are no series (issue 12, class 7: junk series): a feature-importance table, a
TensorFlow variable listing, rows that each name a new item with its number. Read as pairs, each
row was a series of one point (``user_id``, ``generator/g_bn0/beta``) and a column the rows share
(``bytes``) a series of sizes.

Real lines:
- tests/corpus/catboost-wandb-output-log-learn-test (minzai0116/pro-recsys-bookratingprediction-recsys-06
  wandb/latest-run/files/output.log): CatBoost's iterations, then its pandas table of the top 10
  feature importances.
- tests/corpus/dcgan-tf1-mnist-oom-crash-then-ln2 (XBisATrouble/DCGAN-NPU nohup.out): TF1's
  ``show_all_variables`` table, then the training lines.
- tests/corpus/minitorch-tqdm-postfix-only-loss-glued-timing: three timing lines ("Forward: 5.13",
  "Backward: ...", "Opt.step: ...") that come again at every step: no listing.
"""

import pytest

from lossmon.engine.formats.listings import LISTING_ROWS, ListingRows
from tests.engine.formats.parse_helpers import CORPUS, read, records, series

CHUNKS = (1 << 20, 61)  # whole blocks (templates) and small blocks (the slow path)


def _lines(slug: str, name: str, first: int, last: int) -> bytes:
    """Lines first..last (1-based) of a corpus log, verbatim."""
    return b"".join((CORPUS / slug / name).read_bytes().splitlines(keepends=True)[first - 1 : last])


_CATBOOST = _lines("catboost-wandb-output-log-learn-test", "output.log", 7, 40)
_TF_VARIABLES = _lines("dcgan-tf1-mnist-oom-crash-then-ln2", "nohup.out", 184, 258)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_feature_importance_table_gives_no_series(chunk):
    monitor = read(_CATBOOST, chunk=chunk)
    assert set(series(monitor)) == {"learn", "test", "best"}
    assert len(monitor.store["learn"]) == 11
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("learn", "test")


def test_the_same_table_alone_gives_nothing():
    table = b"".join(_CATBOOST.splitlines(keepends=True)[18:29])
    assert table.startswith(b"             feature  importance")
    assert set(series(read(table))) == set()


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_tensorflow_variable_listing_gives_no_series(chunk):
    monitor = read(_TF_VARIABLES, chunk=chunk)
    assert set(series(monitor)) == {"Epoch", "d_loss", "g_loss"}
    assert len(monitor.store["d_loss"]) == 40
    assert records(_TF_VARIABLES, fast=True) == records(_TF_VARIABLES, fast=False)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_timings_that_come_again_are_no_listing(chunk):
    log = _lines("minitorch-tqdm-postfix-only-loss-glued-timing", "nohup.out", 60, 120)
    monitor = read(log, chunk=chunk)
    forward = monitor.store["Forward"]
    assert forward.values.tolist()[0] == 5.1380510330200195  # the first block of three is kept


def test_one_metric_per_line_blocks_are_no_listing():
    # named by metric words: a block of one metric per line, not a list of items
    log = "".join(f"loss: {3 - k / 10}\nacc: {k / 10}\nval_loss: {3.1 - k / 10}\nval_acc: {k / 11}\n" for k in range(6))
    found = series(read(log))
    assert {name: found[name][2] for name in found} == {"loss": 6, "acc": 6, "val_loss": 6, "val_acc": 6}


def test_rows_under_a_step_header_are_no_listing():
    # OLMo's one metric per line under "[step=N]": stepped by the header
    log = "".join(
        f"[step={k}/10]\n    throughput/device/tokens_per_second={900 + k}\n    System/Peak GPU Memory (MB)={60 + k}\n"
        f"    throughput/total_tokens={k * 100}\n    optim/learning_rate_group0={k / 1000}\n    train/CrossEntropyLoss={3 - k / 10}\n"
        for k in range(1, 6)
    )
    found = series(read(log))
    assert found["train/CrossEntropyLoss"][2] == 5
    assert found["System/Peak GPU Memory (MB)"][2] == 5


def test_a_short_run_of_new_names_is_handed_on():
    rows = ListingRows()
    taken = []
    for line, name in enumerate(["Forward", "Backward", "Opt.step"], start=1):
        taken += rows.feed(line, (name,), None, None, name)
    taken += rows.feed(4, ("Forward",), None, None, "again")
    assert taken == ["Forward", "Backward", "Opt.step", "again"]


def test_a_run_of_new_item_names_is_dropped_whole():
    rows = ListingRows()
    taken = []
    names = [f"feature_{k}" for k in range(LISTING_ROWS + 3)]
    for line, name in enumerate(names):
        taken += rows.feed(line, (name,), float(line), None, name)  # a row index: 0, 1, 2...
    taken += rows.feed(len(names), ("loss",), 100.0, None, "loss")
    taken += rows.end()
    assert taken == ["loss"]


def test_a_run_breaks_on_a_gap_a_step_that_does_not_count_up_or_other_columns():
    for feeds in (
        [(1, ("a_1",), None), (3, ("a_2",), None), (4, ("a_3",), None), (6, ("a_4",), None)],  # gaps
        [(1, ("a_1",), 5.0), (2, ("a_2",), 7.0), (3, ("a_3",), 9.0), (4, ("a_4",), 11.0)],  # steps
        [(1, ("a_1", "x")), (2, ("a_2", "y")), (3, ("a_3", "z")), (4, ("a_4", "w"))],  # a config dump
    ):
        rows, taken = ListingRows(), []
        for line, names, *step in feeds:
            taken += rows.feed(line, names, step[0] if step else None, None, names[0])
        taken += rows.end()
        assert taken == ["a_1", "a_2", "a_3", "a_4"]


# Tables of items and settings, read by the console-table formats --------------------------------


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_table_of_predictions_gives_no_series(chunk):
    # EasyOCR's "Ground Truth | Prediction | Confidence Score & T/F" after each validation: rows of
    # words, and rows that happen to be digits ("1851 | 1031 | 0.8874\tFalse"), are items
    log = _lines("easyocr-finetune-iter-train-valid-loss-overfit", "log_train.txt", 1, 60)
    assert b"1851                      | 1031" in log and b"3                         | 3 " in log
    found = series(read(log, chunk=chunk))
    assert not {"Ground Truth", "Prediction", "Confidence Score & T/F"} & set(found)
    assert {"Train loss", "Valid loss", "Current_accuracy"} <= set(found)


def test_an_items_table_is_known_again_when_its_header_comes_back():
    header = "Ground Truth              | Prediction                | Confidence Score & T/F\n"
    log = (
        f"[1/9] Train loss: 0.5, Valid loss: 0.6\n{header}SAGA | SAGA | 0.98\tTrue\n"
        f"[2/9] Train loss: 0.4, Valid loss: 0.5\n{header}3 | 3 | 1.0000\tTrue\n"
        f"[3/9] Train loss: 0.3, Valid loss: 0.4\n"
    )
    assert set(series(read(log))) == {"Train loss", "Valid loss"}


def test_a_row_of_words_after_rows_of_numbers_is_only_that_row():
    # Ultralytics: the validation's "all 128 929 ..." under the training header's rows
    log = "".join(
        f"      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size\n"
        f"      {k}/3      2.61G      1.{k}      1.5      1.2        {200 + k}        640\n"
        f"                   all        128        929      0.6{k}      0.5       0.6       0.4\n"
        for k in (1, 2, 3)
    )
    assert series(read(log))["box_loss"][2] == 3


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_settings_table_gives_no_series(chunk):
    # SimGNN prints its arguments with texttable, then one loss per line
    log = _lines("simgnn-training-loss-model-test-error-500-epochs", "training.log", 1, 80)
    assert b"| Dropout             | 0.500            |" in log
    found = series(read(log, chunk=chunk))
    assert set(found) == {"Training Loss", "Model test error"}


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_count_per_category_gives_no_series(chunk):
    # detectron2's "| category | #instances |" table of the data set, then its training lines
    log = _lines("detectron2-tx2dl-maskrcnn-console-log-crlf", "R50-FPN_log.py", 330, 360)
    assert b"|  balloon   | 255          |" in log
    found = series(read(log, chunk=chunk))
    assert "balloon" not in found
    assert found["total_loss"][2] == 4


def test_stable_baselines_tables_are_still_read():
    table = (
        "-----------------------------\n| rollout/          |       |\n|    ep_rew_mean    | {r}  |\n"
        "| train/            |       |\n|    loss           | {l}  |\n|    n_updates      | {n}  |\n"
        "-----------------------------\n"
    )
    log = "".join(table.format(r=0.1 * k, l=1 - 0.1 * k, n=10 * k) for k in range(1, 5))
    found = series(read(log))
    assert found["train/loss"][2] == 4 and found["rollout/ep_rew_mean"][2] == 4


# Counts of examples per split ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "train: 27344, valid: 3039, test: 7596",  # maize-tqdm-desc-train-loss-epoch-summary
        "Treino: 1594 | Val: 199 | Teste: 200",  # gpt2-sft-portuguese-ep-step-train-val-loss
        "2026-03-03 15:30:11,876 | INFO | Train: 22500 | Val: 2500 | Test: 25000",  # pytorch-imdb-lstm-pipe-separated-log
        "{'train': 40058, 'test': 12032}",  # resnet-18-34-50-training-log-md
        # thousands grouped by commas (dmrs-mlp-mixer-ssl-training-log-tr-va-abbrev)
        "23:36:02 | INFO     |   Train:  81,920  Val: 10,240  Test: 10,240",
    ],
)
def test_the_sizes_of_the_splits_are_no_losses(line):
    log = f"{line}\n" + "".join(f"epoch {k}: loss 0.{9 - k}\n" for k in range(5))
    assert set(series(read(log))) == {"epoch", "loss"}


def test_the_sizes_of_the_splits_of_each_fold_are_no_losses():
    # holdout26a's mistydragon7 bilstm.log: 3 folds of a cross-validation, each announced with its
    # splits' sizes ('test' x3 was its val loss; the log has none)
    log = "".join(
        f"11:19:06 [INFO] bilstm: FOLD {fold}/3   train=622{fold}  test=311{fold}\n"
        + "".join(f"11:19:47 [INFO] src.bilstm: BiLSTM ep= {e:2d} train_loss=0.{9 - e}996 acc=0.7681\n" for e in range(1, 6))
        for fold in range(1, 4)
    )
    assert "test" not in series(read(log)) and series(read(log))["train_loss"][2] == 15


def test_a_loss_per_split_is_still_read():
    log = "".join(f"Overall Summary | Epoch {k} | Train 5.{k}2381 | Valid 3.{k}0888\n" for k in range(1, 4))
    found = series(read(log))
    assert found["Train"][2] == 3 and found["Valid"][2] == 3
