"""Console tables whose header names the values below it (issue 12, class 4), on real logs.

- data/table_awr.log: JKinx/awr output/log.txt (lines 1-8): a header of names padded with
  blanks, then rows of numbers, CRLF line ends.
- data/table_sb3.log: AlanXiangYuWu/REINFORCEMENT-LEARNING-homework3-4 train.log (lines 1-70):
  stable-baselines3 console tables, ``| train/ |`` sections, dashed rules.
- data/table_yolov8_cell.log: uzorcic/machinelearning yolov8_train_with_gpu.py (stream output of
  notebook cell 2, lines 71-90): Ultralytics' header, then rows ending in a full progress bar,
  validation header and rows between them.
"""

import pytest

from lossmon.engine.formats import detect
from tests.engine.formats.parse_helpers import CORPUS, DATA, read, series, steps


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_whitespace_table_rows_are_named_by_the_header(chunk):
    monitor = read((DATA / "table_awr.log").read_bytes(), chunk=chunk)
    found = series(monitor)
    assert steps(monitor, "Critic_Loss") == [0, 50, 100, 150, 200, 250, 300]
    assert monitor.store["Critic_Loss"].values.tolist()[0] == 0.010988221585171895
    assert monitor.store["Actor_Loss"].values.tolist()[0] == -0.5889755427141597
    assert "Iteration" not in found  # the step column
    assert found["Train_Return"][2] == 7


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_sb3_tables_are_one_record_each(chunk):
    monitor = read((DATA / "table_sb3.log").read_bytes(), chunk=chunk)
    assert monitor.store.primary_train == "train/loss"
    assert monitor.store["train/loss"].values.tolist() == [-0.0269, -0.0288, -0.0342]
    assert steps(monitor, "train/loss") == [19987456, 19988480, 19989504]  # time/total_timesteps
    assert steps(monitor, "rollout/ep_rew_mean") == steps(monitor, "train/loss")


def test_sb3_counters_are_no_series():
    # tests/corpus/sb3-ppo-console-tables-tail: "train/n_updates" climbs by 4 every table, like
    # "time/iterations": counts of what the run has done, no curve for a chart or a detector
    monitor = read((DATA / "table_sb3.log").read_bytes())
    names = {series.name for series in monitor.store}
    assert not names & {"train/n_updates", "time/iterations", "time/total_timesteps", "time/fps"}
    assert {"train/loss", "train/value_loss", "rollout/ep_rew_mean"} <= names


def test_a_timesteps_column_steps_the_rows_of_a_csv():
    # tests/corpus/ppo-exploration-progress-csv-appended-runs: a PPO progress.csv
    text = (
        "num_episodes,policy_gradient_loss,value_loss,ep_rew_mean,total_loss,total_time,total timesteps,entropy_loss\n"
        "68,0.1233182870267508,0.2503707557916641,-547.0026380735293,0.3594996579407332,4.035693883895874,5120,-1.4189385175704956\n"
        "140,0.07173722443299993,0.16028706962242723,-569.3925401,0.21783490917774542,8.69454312324524,10240,-1.4189385175704956\n"
    )
    monitor = read(text)
    assert steps(monitor, "total_loss") == [5120, 10240]
    assert not {series.name for series in monitor.store} & {"num_episodes", "total timesteps"}


# holdout19h's Colab notebook running chainer-gan-lib's train.py (corpus keras-gan-untitled34-ipynb-
# chainer-gan-interrupted): Chainer's PrintReport pads each cell to its column and leaves blank the
# columns not reported yet; each row starts with an erase sequence (ESC [J).
CHAINER_ROWS = (
    "loss_dis    loss_gen    inception_mean  inception_std  FID         loss_gp   \n"
    "\x1b[J103.341     223.106                                                            \n"
    "\x1b[J38.3037     317.521                                                            \n"
    "\x1b[J5.51364     223.415                                                            \n"
)


def test_a_row_that_leaves_cells_blank_is_read_by_where_its_numbers_stand():
    monitor = read(CHAINER_ROWS)
    assert monitor.store["loss_dis"].values.tolist() == [103.341, 38.3037, 5.51364]
    assert monitor.store["loss_gen"].values.tolist() == [223.106, 317.521, 223.415]
    assert {series.name for series in monitor.store} == {"loss_dis", "loss_gen"}
    # a row whose numbers stand under no column's name is no row of the table
    shifted = CHAINER_ROWS.replace("\x1b[J103.341     223.106", "\x1b[J  103.341   223.106")
    assert read(shifted).store["loss_dis"].values.tolist() == [38.3037, 5.51364]


@pytest.mark.parametrize(
    "text",
    [
        "Loaded the model in 3 seconds",
        "| epoch   1 |   200/ 2983 batches | lr 20.0000 | ms/batch 11.43 | loss 17.74 |",  # many cells
    ],
)
def test_what_is_not_a_console_table(text):
    fmt = detect(text)
    assert fmt is None or fmt.id not in ("console_table", "boxed_table")


@pytest.mark.parametrize("chunk", (1 << 20, 53))
def test_yolo_console_rows_end_in_their_progress_bar(chunk):
    monitor = read((DATA / "table_yolov8_cell.log").read_bytes(), chunk=chunk)
    assert monitor.store.primary_train == "box_loss"
    assert steps(monitor, "box_loss") == [1, 2, 3]
    assert monitor.store["box_loss"].values.tolist() == [1.503, 1.406, 1.333]
    assert monitor.store["GPU_mem"].values.tolist() == [11.2, 11.3, 10.3]
    # the validation rows ("all 128 929 ...") have no header of their own here: never read as epochs
    assert len(monitor.store["cls_loss"]) == 3


def test_a_row_whose_bar_is_not_full_is_progress_not_a_record():
    # the same row as a terminal shows it mid-epoch, then complete (YOLOv5 with \r frames)
    text = (
        "     Epoch   gpu_mem       box       obj       cls    labels  img_size\n"
        "     0/149     5.05G   0.06401   0.03310         0         0      1280:  50%|#####     | 107/213 [03:10<03:10,  1.79s/it]"
        "\r     0/149     5.05G   0.06383   0.03304         0         0      1280: 100%|##########| 213/213 [06:21<00:00,  1.79s/it]\n"
    )
    monitor = read(text)
    assert monitor.store["box"].values.tolist() == [0.06383]
    assert monitor.store.primary_train == "box"


# spaCy v3's `spacy train` table, as recorded in a public repository's README (izardy/ner):
# a fixed-width header whose names hold blanks, '#' the step, rows of as many numbers.
SPACY_TRAIN = """\
=========================== Initializing pipeline ===========================
✔ Initialized pipeline

============================= Training pipeline =============================
ℹ Pipeline: ['transformer', 'ner']
ℹ Initial learn rate: 0.0
E    #       LOSS TRANS...  LOSS NER  ENTS_F  ENTS_P  ENTS_R  SCORE 
---  ------  -------------  --------  ------  ------  ------  ------
  0       0        1027.60   2028.92    0.00    0.00    0.01    0.00
  0     200      225652.63  77443.33   17.55   20.90   15.12    0.18
  0     400       34799.92  12790.88   69.73   69.77   69.69    0.70
  0     600       16755.79   9699.92   74.23   69.75   79.32    0.74
  1     800        5509.15   8061.05   77.48   72.91   82.65    0.77
  1    1000        5524.08   8379.61   78.38   72.42   85.41    0.78
"""


def test_spacy_train_table_with_blanks_in_its_names():
    from parse_helpers import read, steps

    monitor = read(SPACY_TRAIN)
    assert monitor.format_id == "console_table"
    assert monitor.store.primary_train == "LOSS NER"
    assert steps(monitor, "LOSS NER") == [0, 200, 400, 600, 800, 1000]
    assert monitor.store["LOSS TRANS..."].values.tolist()[:2] == [1027.60, 225652.63]
    assert monitor.store["SCORE"].kind == "metric"


def test_data_lines_two_blanks_apart_are_no_header():
    from lossmon.engine.formats.console_table import _header

    assert _header("[11/16 02:58:32] d2.utils.events INFO:  eta: 3:30:43  iter: 19  total_loss: 156.1") is None
    assert _header("# Iteration    Wall_Time    Samples    Train_Return    Critic_Loss") is None
    assert _header("---  ------  -------------  --------  ------") is None


# Headers whose names hold a blank, columns two or more blanks apart (issue 12): the rows say
# which reading of the header is right (one number per fixed-width column).
INDIAN_CURRENCY = CORPUS / "indian-currency-recognition-train-log" / "train.log"
# fastai v1's fit_one_cycle table as its lesson 1 printed it (quoted in public course notes): a
# time in brackets after each row, under no column.
FASTAI_V1 = (
    "Total time: 01:10\n"
    "epoch  train loss  valid loss  error_rate\n"
    "1      1.175709    0.318438    0.099800    (00:18)\n"
    "2      0.492309    0.229078    0.075183    (00:17)\n"
    "3      0.336315    0.211106    0.067199    (00:17)\n"
    "4      0.233666    0.191813    0.057219    (00:17)\n"
)
# A results table from a project's report: a rule under the header, a text column last.
STATUS_COLUMN = (
    "Epoch    Train Loss    Val Loss    Val MAE    LR          Status\n"
    "-----    ----------    --------    -------    --          ------\n"
    "1        8.234         8.107       10.52      4.00e-4     Initial\n"
    "5        5.123         5.289       6.81       4.00e-4     Rapid descent\n"
    "10       4.012         4.573       5.23       4.00e-4     Converging\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 37))
def test_header_names_with_blanks_name_the_columns_of_the_rows(chunk):
    monitor = read(INDIAN_CURRENCY.read_bytes(), chunk=chunk)
    found = series(monitor)
    # run 1: "train acc    va_acc  train_loss  val_loss"; run 2: "train loss   va_loss  train_acc   val_acc"
    assert monitor.store["train acc"].values.tolist()[:2] == [1.257679, 0.570601]
    assert monitor.store["val_loss"].values.tolist()[-1] == 0.516667
    assert monitor.store["train loss"].values.tolist()[:2] == [1.24804, 0.600895]
    assert {name: found[name][2] for name in ("train_loss", "val_loss", "train loss", "va_loss", "val_acc")} == dict.fromkeys(
        ("train_loss", "val_loss", "train loss", "va_loss", "val_acc"), 10
    )
    assert "train" not in found and "acc" not in found and "loss" not in found


def test_a_note_after_a_row_is_no_value():
    monitor = read(FASTAI_V1)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train loss", "valid loss")
    assert steps(monitor, "valid loss") == [1, 2, 3, 4]
    assert monitor.store["error_rate"].values.tolist() == [0.0998, 0.075183, 0.067199, 0.057219]


def test_a_text_column_ends_the_values_of_a_row():
    monitor = read(STATUS_COLUMN)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("Train Loss", "Val Loss")
    assert steps(monitor, "Val Loss") == [1, 5, 10]
    assert monitor.store["LR"].values.tolist() == [4e-4] * 3
    assert set(series(monitor)) == {"Train Loss", "Val Loss", "Val MAE", "LR"}


# Hugging Face Trainer's notebook progress table as text (quoted in public READMEs): columns two
# blanks apart; before the first training log, the training loss reads "No log".
HF_TABLE = (
    "[7026/7026 22:38, Epoch 3/3]\n"
    "Epoch  Training Loss  Validation Loss  Accuracy  F1        Precision  Recall\n"
    "1      0.268000       0.314208         0.880218  0.874572  0.881939   0.880218\n"
    "2      0.226700       0.228042         0.899114  0.898462  0.906322   0.899114\n"
    "3      0.215800       0.221393         0.898900  0.899785  0.910784   0.898900\n"
)
HF_TABLE_NO_LOG = (
    "    =====  =============  ===============  ======\n"
    "    Epoch  Training Loss  Validation Loss  Accuracy\n"
    "    =====  =============  ===============  ======\n"
    "    1\t    No log\t    1.155628\t0.499000\n"
    "    2\t    No log\t    0.994618\t0.574000\n"
    "    3\t    No log\t    1.026123\t0.590000\n"
    "    =====  =============  ===============  ======\n"
)


def test_hugging_face_notebook_table_as_text():
    monitor = read(HF_TABLE)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("Training Loss", "Validation Loss")
    assert steps(monitor, "Validation Loss") == [1, 2, 3]
    assert monitor.store["Recall"].values.tolist() == [0.880218, 0.899114, 0.8989]


def test_no_log_is_a_missing_cell():
    monitor = read(HF_TABLE_NO_LOG)
    assert "Training Loss" not in monitor.store
    assert monitor.store["Validation Loss"].values.tolist() == [1.155628, 0.994618, 1.026123]
    assert steps(monitor, "Accuracy") == [1, 2, 3]


# A script's own table between pipes, a rule under its header (a real console print).
PIPE_TABLE = (
    "| Epoch | Train Loss | Train Acc (%) | Val Loss   | Val Acc (%) | Learning Rate |\n"
    "---------------------------------------------------------------------------------\n"
    "| 1     | 1.0658     | 57.58         | 0.9513     | 66.59       | 5.00e-04       |\n"
    "| 2     | 0.9789     | 62.38         | 0.9218     | 66.93       | 5.00e-04       |\n"
    "| 3     | 0.9537     | 63.42         | 0.9476     | 65.59       | 5.00e-04       |\n"
)


def test_a_table_between_pipes():
    monitor = read(PIPE_TABLE)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("Train Loss", "Val Loss")
    assert steps(monitor, "Val Loss") == [1, 2, 3]
    assert monitor.store["Val Acc (%)"].values.tolist() == [66.59, 66.93, 65.59]
    assert monitor.store["Learning Rate"].kind == "lr"


# tests/corpus/ezpz-vit-fsdp-docs-output/vit.md (lines 250, 447, 577-578): a sentence of the docs
# whose "accumulated" held "acc", then the run's own logging lines, whose first cells are a date
# and a time.
EZPZ_DOC = (
    "model is evaluated and per-batch eval metrics are accumulated and\n"
    "[2025-12-31 12:13:01,324304][I][ezpz/launch:396:launch] ----[🍋 ezpz.launch][started][2025-12-31-121301]----\n"
    "[2025-12-31 12:15:32,154227][I][examples/vit:445:train_fn] iter=10 loss=7.111572 dt=0.744444\n"
    "[2025-12-31 12:15:33,015905][I][examples/vit:445:train_fn] iter=11 loss=7.032715 dt=0.702058\n"
)


def test_prose_is_no_header_and_a_date_is_no_cell():
    assert detect("model is evaluated and per-batch eval metrics are accumulated and") is None
    monitor = read(EZPZ_DOC)
    assert set(series(monitor)) == {"loss", "dt"}
    assert steps(monitor, "loss") == [10, 11]


# tests/corpus/era-v4-resnet50-readme-logs/README-logs.md (lines 14-17, 122-125): the run's table,
# then a schedule table whose cells are ranges and sizes, not numbers.
ERA_TABLES = (
    "| Epoch | Train Loss | Train Acc | Val Loss | Val Acc |\n"
    "|-------|-----------|-----------|----------|---------|\n"
    "| 1 | 6.4731 | 1.74% | 5.9321 | 4.10% |\n"
    "| 2 | 6.0129 | 4.36% | 5.5839 | 6.11% |\n"
    "\n"
    "| Epoch Range | Resolution | Augmentation |\n"
    "|-------------|-----------|--------------|\n"
    "| 0-10 | 128px | Train augmentations |\n"
    "| 11-85 | 224px | Train augmentations |\n"
)


def test_a_range_is_no_cell():
    monitor = read(ERA_TABLES)
    assert steps(monitor, "Train Loss") == [1, 2]
    assert monitor.store["Val Loss"].values.tolist() == [5.9321, 5.5839]


# tests/corpus/rpi-ludwig-titanic-cell-9 (RPI-DATA/course-intro-ml-app, Ludwig v0.1.1 notebook
# cell 9): one tabulate "fancy_grid" table per epoch, metric columns and one row per pass.
LUDWIG = (
    "Epoch   1\n"
    "Training: 100% 5/5 [00:00<00:00, 10.08it/s]\n"
    "Evaluation train: 100% 5/5 [00:00<00:00, 110.90it/s]\n"
    "Evaluation vali : 100% 1/1 [00:00<00:00, 614.91it/s]\n"
    "Evaluation test : 100% 2/2 [00:00<00:00, 729.38it/s]\n"
    "Took 0.5719s\n"
    "╒════════════╤════════╤════════════╕\n"
    "│ Survived   │   loss │   accuracy │\n"
    "╞════════════╪════════╪════════════╡\n"
    "│ train      │ 7.9026 │     0.3968 │\n"
    "├────────────┼────────┼────────────┤\n"
    "│ vali       │ 7.5711 │     0.3827 │\n"
    "├────────────┼────────┼────────────┤\n"
    "│ test       │ 8.8524 │     0.3667 │\n"
    "╘════════════╧════════╧════════════╛\n"
    "Validation loss on combined improved, model saved\n"
    "\n"
    "\n"
    "Epoch   2\n"
    "Training: 100% 5/5 [00:00<00:00, 276.59it/s]\n"
    "Evaluation train: 100% 5/5 [00:00<00:00, 732.60it/s]\n"
    "Evaluation vali : 100% 1/1 [00:00<00:00, 755.87it/s]\n"
    "Evaluation test : 100% 2/2 [00:00<00:00, 843.92it/s]\n"
    "Took 0.3235s\n"
    "╒════════════╤════════╤════════════╕\n"
    "│ Survived   │   loss │   accuracy │\n"
    "╞════════════╪════════╪════════════╡\n"
    "│ train      │ 7.6934 │     0.3968 │\n"
    "├────────────┼────────┼────────────┤\n"
    "│ vali       │ 7.3628 │     0.3827 │\n"
    "├────────────┼────────┼────────────┤\n"
    "│ test       │ 8.6174 │     0.3667 │\n"
    "╘════════════╧════════╧════════════╛\n"
    "Validation loss on combined improved, model saved\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 83))
def test_rows_named_by_their_pass_under_metric_columns(chunk):
    monitor = read(LUDWIG, chunk=chunk)
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("loss", "vali/loss")
    assert store["loss"].values.tolist() == [7.9026, 7.6934]
    assert store["vali/loss"].values.tolist() == [7.5711, 7.3628]
    assert store["test/loss"].values.tolist() == [8.8524, 8.6174]
    assert store["vali/accuracy"].split == "val" and store["test/loss"].split == "test"
    assert steps(monitor, "loss") == steps(monitor, "vali/loss") == [1, 2]  # one table per epoch
    assert "Survived" not in store  # the corner cell names the output, no column of values


def test_the_whole_ludwig_cell_is_read():
    monitor = read((CORPUS / "rpi-ludwig-titanic-cell-9" / "cell-9-output.log").read_bytes())
    assert len(monitor.store["loss"]) == len(monitor.store["vali/loss"]) == 49


# tests/corpus/aincome-autotrade8-colab-md-ppo2-tables (HamaruKi0303/AIncome AutoTrade8.md, lines
# 325-354): stable-baselines (v2) PPO2 tables in a Colab notebook exported to markdown, where
# every output line is indented four blanks and a "0" the cell printed stands between tables.
PPO2_INDENTED = (
    "    0\n"
    "    ----------------------------------------\n"
    "    | approxkl           | 5.552556e-06    |\n"
    "    | clipfrac           | 0.0             |\n"
    "    | episode_reward     | [-632.99996714] |\n"
    "    | explained_variance | 2.81e-05        |\n"
    "    | fps                | 231             |\n"
    "    | n_updates          | 449             |\n"
    "    | policy_entropy     | 0.69281244      |\n"
    "    | policy_loss        | -0.00014998415  |\n"
    "    | serial_timesteps   | 57472           |\n"
    "    | time_elapsed       | 301             |\n"
    "    | total_timesteps    | 57472           |\n"
    "    | value_loss         | 401.4166        |\n"
    "    ----------------------------------------\n"
    "    0\n"
    "    ----------------------------------------\n"
    "    | approxkl           | 0.00045888976   |\n"
    "    | clipfrac           | 0.0             |\n"
    "    | episode_reward     | [-643.29997808] |\n"
    "    | explained_variance | 2.68e-06        |\n"
    "    | fps                | 228             |\n"
    "    | n_updates          | 450             |\n"
    "    | policy_entropy     | 0.69295144      |\n"
    "    | policy_loss        | -0.0013548336   |\n"
    "    | serial_timesteps   | 57600           |\n"
    "    | time_elapsed       | 301             |\n"
    "    | total_timesteps    | 57600           |\n"
    "    | value_loss         | 1238.9834       |\n"
    "    ----------------------------------------\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 67))
def test_indented_boxed_tables_are_read_from_their_first_pipe(chunk):
    monitor = read(PPO2_INDENTED, chunk=chunk)
    store = monitor.store
    assert store["value_loss"].values.tolist() == [401.4166, 1238.9834]
    assert store["policy_loss"].values.tolist() == [-0.00014998415, -0.0013548336]
    assert store["episode_reward"].values.tolist() == [-632.99996714, -643.29997808]
    assert steps(monitor, "value_loss") == [57472, 57600]  # total_timesteps


def test_the_whole_ppo2_markdown_export_is_read():
    monitor = read((CORPUS / "aincome-autotrade8-colab-md-ppo2-tables" / "AutoTrade8.md").read_bytes())
    assert monitor.store.primary_train in ("value_loss", "policy_loss")
    assert len(monitor.store["value_loss"]) == 35  # grep -c '| value_loss '


# ACV-Pedestrian-detection/Pedestrian-detection @199b969 yolov5.ipynb: its YOLOv5 train.py
# output as the notebook saved it: each epoch's row cut after "640: 1", its bar lost.
YOLOV5_NOTEBOOK_ROWS = '      Epoch    GPU_mem   box_loss   obj_loss   cls_loss  Instances       Size\n       0/49      3.73G      0.113    0.03838          0         90        640: 1\n                 Class     Images  Instances          P          R      mAP50   \n                   all        342       2156      0.497      0.349      0.355       0.12\n\n      Epoch    GPU_mem   box_loss   obj_loss   cls_loss  Instances       Size\n       1/49      3.73G    0.09282    0.03422          0         90        640: 1\n'


def test_a_row_whose_bar_was_cut_after_its_first_digit_is_the_epochs_row():
    monitor = read(YOLOV5_NOTEBOOK_ROWS)
    assert list(monitor.store["box_loss"].values) == [0.113, 0.09282]
    assert list(monitor.store["obj_loss"].values) == [0.03838, 0.03422]


def test_a_printed_list_under_a_classification_reports_header_is_no_row():
    # holdout20c's malaria notebook: Keras fit output, then sklearn's classification_report (its
    # header names metrics; its rows have a label more than the header's columns, so none is read)
    # and the confusion matrix's repr, whose "[432, 868]], dtype=int64)" gave precision 432 and
    # recall 868
    text = (
        "Epoch 1/2\n"
        "10/10 [====] - 5s - loss: 0.9 - accuracy: 0.5 - val_loss: 0.8 - val_accuracy: 0.5\n"
        "Epoch 2/2\n"
        "10/10 [====] - 5s - loss: 0.7 - accuracy: 0.6 - val_loss: 0.7 - val_accuracy: 0.55\n"
        "              precision    recall  f1-score   support\n\n"
        "           0       0.60      0.49      0.54      1300\n"
        "           1       0.57      0.67      0.61      1300\n\n"
        "    accuracy                           0.58      2600\n"
        "   macro avg       0.58      0.58      0.58      2600\n"
        "weighted avg       0.58      0.58      0.58      2600\n\n"
        "array([[643, 657],\n"
        "       [432, 868]], dtype=int64)\n"
    )
    monitor = read(text)
    assert "precision" not in monitor.store and "recall" not in monitor.store
    assert len(monitor.store["loss"]) == 2 and len(monitor.store["val_loss"]) == 2


def test_a_dataframe_shown_in_a_notebook_is_read_by_its_index_and_its_blocks_of_columns():
    # holdout20l's self-distillation notebook: the run's metrics as a DataFrame, too wide for the
    # console (pandas wraps it: the first block's header ends in "\"), cut to its first and last rows
    text = (
        "    accuracy_score  balanced_accuracy  roc_score  precision    recall  \\\n"
        "0         0.706097           0.701868   0.701868   0.722720  0.706097   \n"
        "1         0.659719           0.729410   0.729410   0.800247  0.659719   \n"
        "..             ...                ...        ...        ...       ...   \n"
        "99        0.865034           0.847540   0.847540   0.864023  0.865034   \n"
        "\n"
        "        loss  \n"
        "0   0.893526  \n"
        "1   0.795971  \n"
        "..       ...  \n"
        "99  0.297490  \n"
        "\n"
        "[100 rows x 6 columns]\n"
    )
    monitor = read(text)
    assert list(monitor.store["loss"].values) == [0.893526, 0.795971, 0.297490]
    assert steps(monitor, "loss") == [0, 1, 99]
    # the block without a loss is scores, not read; it is not read one column off either (its
    # index as accuracy_score, a "\\" column)
    assert "accuracy_score" not in monitor.store and "\\" not in monitor.store
    # a DataFrame of data with a score column is no run's history
    data = "   review_id  score  length\n0        101    4.5     120\n1        102    3.0      80\n2        103    5.0     200\n"
    assert "score" not in read(data).store


def test_a_dataframe_of_the_history_after_the_fit_is_no_new_record():
    # ner-21003698's Untitled38 notebook (corpus): "pd.DataFrame(history.history)" shown after the
    # Keras fit whose epochs were read already
    text = (
        "Epoch 1/2\n1875/1875 [==============================] - 9s 5ms/step - loss: 0.1928 - accuracy: 0.9558"
        " - val_loss: 0.0738 - val_accuracy: 0.9794\n"
        "Epoch 2/2\n1875/1875 [==============================] - 9s 5ms/step - loss: 0.0541 - accuracy: 0.9841"
        " - val_loss: 0.0528 - val_accuracy: 0.9841\n"
        "       loss  accuracy  val_loss  val_accuracy\n"
        "0  0.192777  0.955776  0.073770      0.979355\n"
        "1  0.054140  0.984102  0.052813      0.984090\n"
    )
    monitor = read(text)
    assert list(monitor.store["loss"].values) == [0.1928, 0.0541]
    # and sklearn's classification_report (its rows are classes) is none either
    report = "              precision    recall  f1-score   support\n\n           0       0.60      0.49      0.54      1300\n"
    assert "precision" not in read(text + report).store


# wang-jun-jjie's adversarial-training resnet50.log (holdout23b): python logging ("[%(asctime)s] -
# %(message)s") of a table printed row by row; the header and every row behind the prefix.
LOGGED_TABLE = """\
[2021/08/26 00:24:06] - Epoch  Seconds    Train Loss  Train Acc    Test Loss  Test Acc
[2021/08/26 00:27:39] -     0    213.1      323.6521    29.1143     273.6146   43.3750
[2021/08/26 00:31:01] -     1    201.5      249.7475    45.5276     250.3185   46.9167
[2021/08/26 00:34:22] -     2    201.3      219.5072    52.5079     206.4008   58.7083
[2021/08/26 00:37:45] -     3    202.5      192.9105    58.7437     187.6277   63.5417
[2021/08/26 04:59:21] - Total train time: 275.2504 minutes
"""


def test_a_table_printed_behind_a_logging_prefix_is_read():
    store = read(LOGGED_TABLE).store
    assert store["Train Loss"].values.tolist() == [323.6521, 249.7475, 219.5072, 192.9105]
    assert store["Test Loss"].steps.tolist() == [0.0, 1.0, 2.0, 3.0]
    assert (store.primary_train, store.primary_val) == ("Train Loss", "Test Loss")


# ysntrkc/flower-classification efficientnet.log (holdout24d): logging's "(%(asctime)s
# %(levelname)s) - %(funcName)s: %(message)s", so the header comes from main() and the rows from
# train(), each behind its function's name.
FIELDED_TABLE = """\
(2023-06-04 21:56:27.126 INFO) - get_data_loader: Train data: 15000 -- Validation data: 5000 -- Test data: 2355
(2023-06-04 21:56:27.231 INFO) - main:     Epoch | Train loss | Train accuracy | Validation loss | Validation accuracy | Test loss | Test accuracy | Time (seconds)
(2023-06-04 21:57:07.772 INFO) - train: 1   / 200 |   0.762602 |       0.761533 |        0.477896 |            0.858400 |  0.480726 |      0.852654 |          39.35
(2023-06-04 21:57:44.180 INFO) - train: 2   / 200 |   0.518469 |       0.840600 |        0.451717 |            0.869200 |  0.472678 |      0.854777 |          36.41
(2023-06-04 21:58:15.676 INFO) - train: 3   / 200 |   0.436564 |       0.866133 |        0.404969 |            0.881600 |  0.461219 |      0.867516 |          31.49
"""


def test_a_table_behind_a_logging_field_reads_its_rows_behind_it():
    store = read(FIELDED_TABLE).store
    assert store["Train loss"].values.tolist() == [0.762602, 0.518469, 0.436564]
    assert store["Validation loss"].steps.tolist() == [1.0, 2.0, 3.0]
    assert (store.primary_train, store.primary_val) == ("Train loss", "Validation loss")
