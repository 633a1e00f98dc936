import pytest

from lossmon.engine.formats.prefixes import split_rank, strip_prefix
from tests.engine.formats.parse_helpers import read, steps


@pytest.mark.parametrize(
    "line,message",
    [
        ("INFO:__main__:step 10 loss=0.5", "step 10 loss=0.5"),
        ("01/02/2025 03:04:05 - INFO - __main__ - step=1", "step=1"),
        ("2024-01-01 12:00:00,123 - __main__ - INFO - step 10 loss=0.5", "step 10 loss=0.5"),
        ("[INFO|trainer.py:2134] 2025-01-02 03:04:05,678 >> ***** Running training *****", "***** Running training *****"),
        ("[2025-01-02 03:04:05,678] [INFO] [logging.py:128:log_dist] [Rank 0] step=10", "step=10"),
        ("2025-01-02 03:04:05 | INFO | train_inner | epoch 001:", "train_inner | epoch 001:"),
        ("2023/06/04 15:36:29 - mmengine - INFO - Epoch(train)", "Epoch(train)"),
        ("07/03 13:04:17 - mmengine - INFO - Epoch(train)", "Epoch(train)"),
        ("2025-01-02 03:04:05,678 -                train: [    INFO] - Train: 0 [", "Train: 0 ["),
        ("[titan] 2025-01-02 03:04:05,678 - root - INFO - step: 10", "step: 10"),
        ("W0530 14:48:26.433000 2622492 site-packages/torch/x.py:1233] Traceback", "Traceback"),
        ("2022-03-30 03:18:30.523272: I tensorflow/cuda_dnn.cc:369] Loaded cuDNN", "Loaded cuDNN"),
        ("[INFO|2025-01-16 11:18:07] llamafactory.data.loader:157 >> Loading", "Loading"),
        (" [2025-01-02 03:04:05.678901] iteration      100/  500000 |", "iteration      100/  500000 |"),
        ("s:249 trl:6.2", "s:249 trl:6.2"),
        ("step:0/20344 val_loss:22.6137", "step:0/20344 val_loss:22.6137"),
        ("INFORMATION: x=1", "INFORMATION: x=1"),
        # hydra's default format (denoiser, fairseq-hydra-train): [time][logger][LEVEL] - message
        ("[2024-11-25 16:33:44,854][denoiser.solver][INFO] - Valid Summary | End of Epoch 1", "Valid Summary | End of Epoch 1"),
        # (fairseq's logger names carry the split: they stay, as in its own format above)
        ("[2021-05-11 10:11:12,345][train_inner][INFO] - {\"epoch\": 1}", "[train_inner][INFO] - {\"epoch\": 1}"),
        ("[2021-05-11 10:11:12,345][valid][INFO] - {\"epoch\": 1}", "[valid][INFO] - {\"epoch\": 1}"),
        # a split tag before "|" is part of the message (dora/flashy), not a logger name
        ("- Valid | Epoch 1 | 1/3 | 0.31 it/sec | Loss 0.2213", "Valid | Epoch 1 | 1/3 | 0.31 it/sec | Loss 0.2213"),
        ("- Train | Epoch 1 | 143/573 | 1.45 it/sec | Loss 0.2343", "Train | Epoch 1 | 143/573 | 1.45 it/sec | Loss 0.2343"),
        # a one-letter level and a source location with a path and function, in brackets (ezpz)
        (
            "[2025-12-31 12:15:32,154227][I][examples/vit:445:train_fn] iter=10 loss=7.111572 dt=0.744444",
            "iter=10 loss=7.111572 dt=0.744444",
        ),
        ("[2025-12-31 12:14:34,032988][I][examples/vit:355:train_fn] Model size: nparams=0.91 B", "Model size: nparams=0.91 B"),
        ("[2024-03-01 10:00:00,001][W][train.py:12:<module>] step=3", "step=3"),
        # "{time} | {level} | {function}:{line} | " (era-v4 ResNet-50 Lightning callbacks)
        (
            "2025-11-01 20:13:52 |     INFO | on_validation_epoch_end:413 | 📊 EPOCH 1 VAL   - Loss: 5.9321",
            "📊 EPOCH 1 VAL   - Loss: 5.9321",
        ),
        ("2025-11-01 20:09:45 |     INFO | _log_model_info:188 |    Total Parameters: 25,576,264", "Total Parameters: 25,576,264"),
        # "%(asctime)s | %(name)s | %(levelname)s | %(filename)s:%(funcName)s:%(lineno)d | %(message)s"
        # (adityaas/gt-ice-demo cifar10.log, holdout21e: the PyTorch CIFAR-10 tutorial's print, logged)
        (
            "2021-10-22 14:16:29,451 | root | INFO | cifar10_tutorial.py:<module>:213 | [1,  2000] loss: 2.190",
            "[1,  2000] loss: 2.190",
        ),
        # a counter before a pipe is the record, not a location
        ("2025-11-01 20:09:45 |     INFO | step:188 | loss: 2.5", "step:188 | loss: 2.5"),
        ("2025-11-01 20:09:45 | root | INFO | step:188 | loss: 2.5", "step:188 | loss: 2.5"),
        ("  iter:20 | loss 2.5", "iter:20 | loss 2.5"),
        # a lone dash before a number is its sign; a run of dashes is a rule (pointnet's epochs)
        ("-1.5", "-1.5"),
        ("-.5 -0.25", "-.5 -0.25"),
        ("-inf", "-inf"),
        ("- loss: 0.5", "loss: 0.5"),
        ("-----0------", "0------"),
        # print(time.ctime(), ...) and a level before the time in one bracket
        ("Wed May  1 10:00:01 2024 step 10 loss 0.5", "step 10 loss 0.5"),
        ("Tue Jun 11 09:59:58 2024: step 10, loss: 0.5", "step 10, loss: 0.5"),
        ("[INFO 2024-05-01 10:00:01,123] step 10 loss 0.5", "step 10 loss 0.5"),
        ("Wednesday: loss 0.5", "Wednesday: loss 0.5"),
        # a 12-hour clock after the date, as the logging HOWTO's datefmt writes it (holdout19b's MXNet
        # car-recognition log): "PM" is no metric
        ("16/06/2019 06:09:48 PM: INFO: Epoch[0] Train-cross-entropy=5.184241", "Epoch[0] Train-cross-entropy=5.184241"),
        ("06/16/2019 06:08:20 AM INFO step 10 loss 0.5", "step 10 loss 0.5"),
        # "%(asctime)s - %(name)s - %(funcName)s - %(levelname)s: %(message)s" (holdout19f's pulse
        # reconstruction log): the function's field goes too; a table row's label stays (AllenNLP)
        ("12-09-2024 23:48:52 - __main__ - <module> - INFO: Validation Loss: 0.0000092019", "Validation Loss: 0.0000092019"),
        ("2019-04-15 22:54:21,130 - INFO - allennlp.training.trainer - accuracy |     0.111  |     0.000",
         "accuracy |     0.111  |     0.000"),
        ("INFO:root:loss:0.5 acc:0.9", "loss:0.5 acc:0.9"),  # basicConfig's one logger field, then the message
    ],
)
def test_logging_prefixes_are_stripped(line, message):
    assert strip_prefix(line) == message


def test_rank_prefixes():
    assert split_rank("[rank0]:[W417 18:58:22.016887355 ProcessGroupNCCL.cpp:5188] x") == ("0", 8)
    assert split_rank("[default3]:step=1") == ("3", 11)
    assert split_rank("[Rank 0] step=1") == (None, 0)  # DeepSpeed's, part of the logging prefix
    assert split_rank("step=1") == (None, 0)


def test_a_bracketed_source_location_gives_no_metric():
    """ezpz's "[time][I][examples/vit:445:train_fn]" prefix: iter is the step, and neither the
    line number 445 nor the date becomes a series."""
    log = (
        "[2025-12-31 12:14:34,032988][I][examples/vit:355:train_fn] Model size: nparams=0.91 B\n"
        "[2025-12-31 12:15:32,154227][I][examples/vit:445:train_fn] iter=10 loss=7.111572 dt=0.744444 "
        "loss/mean=7.036184 loss/max=7.148438\n"
        "[2025-12-31 12:15:33,015905][I][examples/vit:445:train_fn] iter=11 loss=7.032715 dt=0.702058 "
        "loss/mean=7.011394 loss/max=7.086426\n"
    )
    monitor = read(log)
    names = {s.name for s in monitor.store}
    assert "loss" in names and not any("vit" in name or "I]" in name for name in names), names
    assert monitor.store.primary_train == "loss"
    assert steps(monitor, "loss") == [10, 11]


def test_split_tags_after_a_location_field_name_the_split():
    """era-v4's Lightning callbacks: with the "on_train_epoch_end:383 | " field stripped, the tag
    before the values names their split, and the line number is no series."""
    log = (
        "2025-11-01 20:13:52 |     INFO | on_validation_epoch_end:413 | 📊 EPOCH 1 VAL   - Loss: 5.9321, Acc: 4.10%, F1: N/A\n"
        "2025-11-01 20:13:53 |     INFO | on_train_epoch_end:383 | 📈 EPOCH 1 TRAIN - Loss: 6.4731, Acc: 1.74%, F1: N/A\n"
        "2025-11-01 20:18:31 |     INFO | on_validation_epoch_end:413 | 📊 EPOCH 2 VAL   - Loss: 5.5839, Acc: 6.11%, F1: N/A\n"
        "2025-11-01 20:18:31 |     INFO | on_train_epoch_end:383 | 📈 EPOCH 2 TRAIN - Loss: 6.0129, Acc: 4.36%, F1: N/A\n"
    )
    monitor = read(log)
    assert not any("epoch_end" in s.name for s in monitor.store)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("Loss", "VAL/Loss")
    assert monitor.store["VAL/Loss"].values.tolist() == [5.9321, 5.5839]


# Coobiw/torch-like_numpy_MLP log/train.log (logging's "%(asctime)s - %(filename)s[line:%(lineno)d]
# - %(levelname)s: %(message)s"): the line number is no series.
FILENAME_LINE = (
    "2022-10-17 20:16:36,492 - train.py[line:123] - INFO: Train Epoch 1 --- train loss : 0.6283828736781677 --- train accuracy:0.8382666666666667\n"
    "2022-10-17 20:16:37,746 - train.py[line:145] - INFO: Test Epoch 1 --- test loss : 0.3568989852164526 --- test accuracy:0.9032\n"
    "2022-10-17 20:17:50,512 - train.py[line:123] - INFO: Train Epoch 2 --- train loss : 0.3349526039321038 --- train accuracy:0.9083166666666667\n"
    "2022-10-17 20:17:51,799 - train.py[line:145] - INFO: Test Epoch 2 --- test loss : 0.2918836657189479 --- test accuracy:0.92\n"
)


def test_a_filename_and_line_field_gives_no_metric():
    monitor = read(FILENAME_LINE)
    assert not [s.name for s in monitor.store if "line" in s.name or ".py" in s.name]
    assert monitor.store["train loss"].values.tolist() == [0.6283828736781677, 0.3349526039321038]
    assert monitor.store["test loss"].values.tolist() == [0.3568989852164526, 0.2918836657189479]


def test_a_twelve_hour_clock_is_part_of_the_timestamp():
    # DARTS' logging (datefmt '%m/%d %I:%M:%S %p'), as AI-Tech-Research-Lab/AsquaredM's output.log holds it
    assert strip_prefix("05/31 03:17:18 PM train 000 2.345711e+00 6.250000 54.687500") == "train 000 2.345711e+00 6.250000 54.687500"
    assert strip_prefix("05/31 03:20:36 PM epoch 1 lr 2.495858e-02") == "epoch 1 lr 2.495858e-02"
    assert strip_prefix("[11:02:09 AM] loss 2.3") == "loss 2.3"
    assert strip_prefix("12:00:01 PMX loss 2.3") == "PMX loss 2.3"  # a word, not the clock's


# astevens9234's Fashion-MNIST ResNet18 log (holdout23a): logging.basicConfig(format="%(name)s -
# %(levelname)s - %(message)s") around the PyTorch quickstart loop, no time in the prefix.
QUICKSTART = """\
root - INFO - Epoch 1
-------------------------------
root - INFO - loss: 2.300478  [  128/60000]
root - INFO - loss: 0.518049  [12928/60000]
root - INFO - loss: 0.345878  [25728/60000]
root - INFO - Test Error: 
 Accuracy: 87.8%, Avg loss: 0.343197 

root - INFO - Epoch 2
-------------------------------
root - INFO - loss: 0.249381  [  128/60000]
root - INFO - loss: 0.321498  [12928/60000]
root - INFO - loss: 0.290212  [25728/60000]
root - INFO - Test Error: 
 Accuracy: 88.8%, Avg loss: 0.310587 
"""


def test_a_logger_name_and_level_without_a_time_are_a_prefix():
    assert strip_prefix("root - INFO - loss: 2.300478  [  128/60000]") == "loss: 2.300478  [  128/60000]"
    assert strip_prefix("__main__ - WARNING - Epoch 1") == "Epoch 1"
    assert strip_prefix("train - loss=0.5") == "train - loss=0.5"  # no level: a pass's name
    store = read(QUICKSTART).store
    assert store["loss"].values.tolist() == [2.300478, 0.518049, 0.345878, 0.249381, 0.321498, 0.290212]
    assert (store.primary_train, store.primary_val) == ("loss", "Test/Avg loss")


def test_progress_dots_before_a_line_are_no_part_of_it():
    # tests/corpus/sunnerli-mlp-output-loss-master-loss: a TF script prints a dot per batch, no line end
    text = (
        "epoch:  2       master loss:  0.0\n"
        ".epoch:  0      generator loss:  8.59871e+06    master loss:  334329.0\n"
        "..epoch:  1     generator loss:  5.2419e+06     master loss:  129766.0\n"
        "..epoch:  2     generator loss:  3.26325e+06    master loss:  52596.6\n"
    )
    assert read(text).store["generator loss"].values.tolist() == [8.59871e06, 5.2419e06, 3.26325e06]
    assert strip_prefix("..epoch:  1     generator loss:  5.2419e+06") == "epoch:  1     generator loss:  5.2419e+06"
    assert strip_prefix(".5 loss") == ".5 loss"  # a number's point stays


def test_a_time_and_level_in_parentheses_are_a_prefix():
    # ysntrkc/flower-classification efficientnet.log (holdout24d): "(%(asctime)s %(levelname)s) - "
    line = "(2023-06-04 21:57:07.772 INFO) - train: 1   / 200 |   0.762602 |       0.761533 |        0.477896 |"
    assert strip_prefix(line).startswith("train: 1   / 200 |")
    assert strip_prefix("(see below) loss: 0.5") == "(see below) loss: 0.5"
