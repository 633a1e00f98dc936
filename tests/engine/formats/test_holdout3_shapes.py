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
