"""Line shapes the holdout3 sample found unread (issue 12), each from real lines."""

from parse_helpers import read

# SimGNN (benedekrozemberczki/SimGNN style): a bare loss line per epoch, blank lines between, an
# ASCII table of hyper-parameters at the top; no step anywhere in the log.
_SIMGNN = """+---------------------+------------------+
| Dropout             | 0.500            |
+---------------------+------------------+
| Epochs              | 500              |
+---------------------+------------------+
| Learning rate       | 0.001            |
+---------------------+------------------+

Model training.

Training Loss: 0.1345


Model evaluation.


Model test error: 0.61342
Training Loss: 0.1092


Model evaluation.


Model test error: 0.47339
Training Loss: 0.1051


Model evaluation.


Model test error: 0.39071
Training Loss: 0.0987
"""


def test_bare_loss_lines_in_a_log_without_steps_are_a_series():
    store = read(_SIMGNN).store
    assert store.primary_train == "Training Loss"
    assert store["Training Loss"].values.tolist() == [0.1345, 0.1092, 0.1051, 0.0987]
    assert "Learning rate" not in [s.name for s in store]


def test_a_setting_printed_once_is_no_series():
    store = read("Learning rate: 0.001\nDropout: 0.5\n\nModel training.\n").store
    assert not [s.name for s in store]


# A MAML script's Python logging ('%(asctime)s:%(levelname)s: %(message)s'): restarts, a meta
# batch loss per line, and an evaluation block whose losses repeat before any step is printed.
_MAML = """2020-03-08 21:18:11,876:INFO: Meta epoch 0...
2020-03-08 21:18:38,256:INFO: Meta batch loss: 234.57298278808594
2020-03-08 21:21:34,515:INFO: Meta epoch 0...
2020-03-08 21:21:40,107:INFO: Meta batch loss: 236.5811004638672
2020-03-08 21:35:54,637:INFO: Meta epoch 0...
2020-03-08 21:36:00,553:INFO: Meta batch loss: 237.7696990966797
2020-03-08 23:36:50,054:INFO: Average Evaluation Loss: 9.807043074945438
2020-03-08 23:36:50,054:INFO: Total eval loss: 12101.891154482671
2020-03-08 23:39:16,546:INFO: Average Evaluation Loss: 10.118842386713157
2020-03-08 23:39:16,546:INFO: Total eval loss: 12486.651505204036
2020-03-08 23:42:06,068:INFO: Average Evaluation Loss: 2224.666550721187
2020-03-08 23:42:06,068:INFO: Total eval loss: 2745238.5235899445
2020-03-08 23:45:01,476:INFO: Average Evaluation Loss: 41.5603833835877
2020-03-08 23:45:01,476:INFO: Total eval loss: 51285.51309534722
2020-03-08 23:49:58,040:INFO: Average Evaluation Loss: 2278.5573109473257
2020-03-08 23:49:58,041:INFO: Total eval loss: 2811739.721709
"""


def test_logging_prefix_without_blanks_and_step_less_losses():
    store = read(_MAML).store
    assert store.primary_train == "Meta batch loss"
    assert store["Meta batch loss"].values.tolist() == [234.57298278808594, 236.5811004638672, 237.7696990966797]
    # every evaluation is kept, not only the last few waiting for a step that never comes
    assert len(store["Average Evaluation Loss"]) == 5 and len(store["Total eval loss"]) == 5


# Column-aligned 'name=value' lines of a custom loop, after tqdm frames (one epoch only), and the
# same shape behind a logging prefix (gait recognition script, python logging).
_ALIGNED_ONE_EPOCH = (
    "Epoch 01/1\n\n"
    "  train:   0%|          | 0/211 [00:00<?, ?it/s]\r  train: 100%|##########| 211/211 [05:12<00:00,  1.48s/it]\n"
    "  Train  loss=0.7598  acc=0.5269\n"
    "  Val    loss=0.8240  acc=0.5000\n"
    "  \u2713 Saved best (val_acc=0.5000)\n"
)
_ALIGNED_LOGGED = """[2026-06-09 12:06:08] [INFO] [Epoch 000] Train  loss=0.2490  acc=0.9137  f1=0.7897  mae=0.0615
[2026-06-09 12:06:57] [INFO] [Epoch 000] Val    loss=0.2175  acc=0.9259  f1=0.8276  mae=0.0318  rmse=0.0477
[2026-06-09 12:13:25] [INFO] [Epoch 001] Train  loss=0.2064  acc=0.9305  f1=0.8383  mae=0.0418
[2026-06-09 12:14:09] [INFO] [Epoch 001] Val    loss=0.2000  acc=0.9337  f1=0.8538  mae=0.0277  rmse=0.0417
[2026-06-09 12:20:37] [INFO] [Epoch 002] Train  loss=0.2035  acc=0.9324  f1=0.8449  mae=0.0391
[2026-06-09 12:21:20] [INFO] [Epoch 002] Val    loss=0.1992  acc=0.9341  f1=0.8560  mae=0.0270  rmse=0.0409
"""


def test_aligned_names_collapse_their_blanks():
    store = read(_ALIGNED_LOGGED).store
    assert (store.primary_train, store.primary_val) == ("Train loss", "Val loss")
    assert store["Train loss"].values.tolist() == [0.2490, 0.2064, 0.2035]
    assert store["Val loss"].values.tolist() == [0.2175, 0.2000, 0.1992]


def test_a_one_epoch_train_line_is_read_beside_its_val_line():
    store = read(_ALIGNED_ONE_EPOCH).store
    assert (store.primary_train, store.primary_val) == ("Train loss", "Val loss")
    assert store["Train loss"].values.tolist() == [0.7598]
    assert store["Val loss"].values.tolist() == [0.8240]


def test_a_config_line_is_not_the_counterpart_of_a_val_line():
    store = read("Namespace(bs=64, loss=1, lr=0.0003, epochs=300)\nval_loss: 0.52\n").store
    assert "loss" not in [s.name for s in store]


# An image-classification framework's batch lines: comma-joined 'key:value' with a blank inside a
# key, after the argparse Namespace of the run (printed again at the second start).
_COLON_COMMA = (
    "Namespace(arcloss=True, bs=256, checkpoint=False, checkpoint_path='./pt/1.pt', embeddingdim=512, epochs=300, "
    "finetune_from=None, loss=1, lr=0.0003, model_ema=True, pathtrain='../TextureDataset/train', pathval='../TextureDataset/val')\n"
    "No checkpoint found at './premodels/fasternet_t0.pth'\n"
    "epoch:1/300,batch:1/16,lr:0.000100,train loss:6.16298,train acc:1.17%\n"
    "epoch:1/300,batch:2/16,lr:0.000100,train loss:5.79606,train acc:0.78%\n"
    "epoch:1/300,batch:3/16,lr:0.000100,train loss:5.92086,train acc:1.17%\n"
    "Namespace(arcloss=True, bs=64, checkpoint=False, checkpoint_path='./pt/1.pt', embeddingdim=512, epochs=300, "
    "finetune_from=None, loss=1, lr=0.0003, model_ema=True, pathtrain='../TextureDataset/train', pathval='../TextureDataset/val')\n"
    "epoch:1/300,batch:6/67,lr:0.000100,train loss:7.98696,train acc:1.56%\n"
)


def test_an_argument_namespace_is_no_record():
    store = read(_COLON_COMMA).store
    assert store.primary_train == "train loss"
    assert store["train loss"].values.tolist() == [6.16298, 5.79606, 5.92086, 7.98696]
    assert len(store["lr"]) == 4 and "loss" not in [s.name for s in store]


# A custom loop: tqdm's description shows the running loss of each batch, then one summary line
# per epoch logs the same name: the summary is the record, the bar frames are not.
def _maize_epoch(epoch: int, batches: list[float], summary: str) -> str:
    frames = ["\r  0%|          | 0/7 [00:00<?, ?step/s]"]
    for i, loss in enumerate(batches):
        frames.append(f"\rTrain Loss: {loss:.4f}:  {i * 14}%|#         | {i}/7 [00:0{i}<00:03,  1.60step/s]")
    return "".join(frames) + "\n" + summary + "\n"


_MAIZE = (
    "Total parameters: 9,587\n\n"
    + _maize_epoch(1, [34.5033, 34.0346, 34.5816], "[1/100] Train Loss: 32.7932, Valid Loss: 34.8707, Valid PCC: -0.3323")
    + "  \u2192 Best model saved (PCC: -0.3323)\n"
    + _maize_epoch(2, [27.5487, 25.6980, 24.1022], "[2/100] Train Loss: 23.2393, Valid Loss: 43.8521, Valid PCC: -0.3437")
    + _maize_epoch(3, [17.7644, 17.5915, 16.9020], "[3/100] Train Loss: 15.8951, Valid Loss: 79.5038, Valid PCC: -0.2451")
)


def test_bar_descriptions_are_no_records_when_lines_log_the_same_name():
    store = read(_MAIZE).store
    assert (store.primary_train, store.primary_val) == ("Train Loss", "Valid Loss")
    assert store["Train Loss"].values.tolist() == [32.7932, 23.2393, 15.8951]
    assert len(store["Valid Loss"]) == 3


def test_bar_descriptions_alone_are_the_records():
    log = "".join(_maize_epoch(e, [3.0 - e / 10, 2.9 - e / 10], "Epoch done.") for e in range(3))
    store = read(log).store
    assert store.primary_train == "Train Loss" and len(store["Train Loss"]) == 6


# Structured JSON logging of an RL trainer: the metrics nested under "metrics".
_NESTED_JSONL = "".join(
    f'{{"ts": "2025-11-18T11:00:{44 + step:02d}", "level": "INFO", "name": "rl.train", "msg": "policy_update", '
    f'"episode": 1, "step": {step}, "metrics": {{"lr": 0.0003, "loss": {loss}}}}}\n'
    for step, loss in ((1, 0.0), (2, 0.0), (3, 0.25))
)


def test_a_loss_nested_under_metrics_is_a_training_loss():
    store = read('{"ts": "2025-11-18T11:00:33", "level": "INFO", "msg": "episode_start", "episode": 1}\n' + _NESTED_JSONL).store
    assert (store.primary_train, store.primary_val) == ("metrics/loss", None)
    assert store["metrics/loss"].values.tolist() == [0.0, 0.0, 0.25]


# HRNet-Seg / PIDNet: train lines with their epoch and iteration, then the validation result with
# the same 'Loss' key, no counter, and the mean IoU.
_PIDNET = """Epoch: [352/520] Iter:[470/495], Time: 0.44, lr: [0.018000000000000000], Loss: 1.427413, Acc:0.782164, Semantic loss: 0.878960, IC loss: 0.548453
Epoch: [352/520] Iter:[480/495], Time: 0.44, lr: [0.017998043006880498], Loss: 1.426101, Acc:0.782612, Semantic loss: 0.877925, IC loss: 0.548176
Epoch: [352/520] Iter:[490/495], Time: 0.44, lr: [0.017996085990236760], Loss: 1.424722, Acc:0.782851, Semantic loss: 0.877016, IC loss: 0.547706
=> saving checkpoint to output/cityscapes/ictednet_small_city_traincheckpoint.pth.tar
Loss: 0.985, MeanIU:  0.4960, Best_mIoU:  0.5217
Epoch: [353/520] Iter:[0/495], Time: 4.87, lr: [0.017995107438400310], Loss: 1.491022, Acc:0.750011, Semantic loss: 0.921102, IC loss: 0.569920
"""


def test_a_validation_line_reusing_the_training_key_is_its_own_series():
    store = read(_PIDNET).store
    assert (store.primary_train, store.primary_val) == ("Loss", "val/Loss")
    assert store["Loss"].values.tolist() == [1.427413, 1.426101, 1.424722, 1.491022]
    assert store["val/Loss"].values.tolist() == [0.985]


def test_a_metric_logger_line_printed_once_is_a_record():
    # LAVIS (BLIP-2) MetricLogger: the run stopped after its first print
    log = (
        "Start training epoch 0, 10000 iters per inner epoch.\n"
        "Train: data epoch: [0]; inner epoch [0]  [    0/10000]  eta: 9:40:56  lr: 1.0000e-08  loss: 0.0004  "
        "time: 3.4856  data: 0.0000  max mem: 15132\n"
    )
    store = read(log).store
    assert store.primary_train == "loss" and store["loss"].values.tolist() == [0.0004]


def test_a_settings_line_printed_once_is_still_no_record():
    store = read("epoch: 0  lr: 0.001  loss: 0.5  batch_size: 32\n").store
    assert store.primary_train is None


# Python logging, a bracketed tag per pass: the validation tag names its data ("Test-Normal").
_BRACKET_TAGS = """2026-05-12 12:09:33,770 - INFO - [Train] Epoch 001: loss = 0.019304
2026-05-12 12:09:42,781 - INFO - [Diff-Val(Test-Normal)] Epoch 001 (Deterministic): loss = 0.007187
2026-05-12 12:12:33,486 - INFO - [Train] Epoch 002: loss = 0.007488
2026-05-12 12:12:41,640 - INFO - [Diff-Val(Test-Normal)] Epoch 002 (Deterministic): loss = 0.006093
2026-05-12 12:15:13,776 - INFO - [Train] Epoch 003: loss = 0.006596
2026-05-12 12:15:21,669 - INFO - [Diff-Val(Test-Normal)] Epoch 003 (Deterministic): loss = 0.005871
"""


def test_a_bracketed_tag_names_its_series_as_spelled_with_the_first_split_word():
    store = read(_BRACKET_TAGS).store
    assert (store.primary_train, store.primary_val) == ("loss", "Diff-Val(Test-Normal)/loss")
    assert store["Diff-Val(Test-Normal)/loss"].split == "val"
    assert store["loss"].values.tolist() == [0.019304, 0.007488, 0.006596]
