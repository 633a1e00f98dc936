"""The held-out vs training role of a record (issue 12), on real lines of the corpus logs.

Trainers often print an evaluation under the training key and say so only in a tag; others print
bare split names as the loss, or evaluate other model variants after the last step. Sources:
bruce99kang/st-gcn and ByeByeChen/st-gcn-master-improved log.txt; crazy-winds/openmmlab-learn
homeworks/cifar10/work_dir/20230205_164050.log(.json); ApiaoSamaa/audio_sep train_log.txt
(dora/flashy); YoEv/Denoiser trainer.log; anice1/Tensorflow-Revision wandb output.log (Keras);
AGNDM/build-nanogpt log/log.txt; ethellight565/nanogpt-seis checkpoints/train.log;
CeciliaGuo331/nano-gpt log/train.log; Floatingice233/mmfrnet train_log.txt;
RAVDESS multimodal W&B output.log (corpus: ravdess-multimodal-per-batch-...).
"""

import pytest

from lossmon.engine.formats.tags import renamed, tag_prefix
from tests.engine.formats.parse_helpers import read, series, steps

CHUNKS = (1 << 20, 53)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_stgcn_eval_block_is_the_val_loss(chunk):
    monitor = read(
        "[04.29.20|17:36:01] Training epoch: 8\n"
        "[04.29.20|17:36:01] \tmean_loss: nan\n"
        "[04.29.20|17:36:01] Time consumption:\n"
        "[04.29.20|17:36:01] Done.\n"
        "[04.29.20|17:36:01] Training epoch: 9\n"
        "[04.29.20|17:36:02] \tmean_loss: nan\n"
        "[04.29.20|17:36:02] Time consumption:\n"
        "[04.29.20|17:36:02] Done.\n"
        "[04.29.20|17:36:02] The model has been saved as ./work_dir/recognition/kinetics_skeleton/ST_GCN/epoch10_model.pt.\n"
        "[04.29.20|17:36:02] Eval epoch: 9\n"
        "[04.29.20|17:36:02] \tmean_loss: 1.385941982269287\n"
        "[04.29.20|17:36:02] \tTop1: 18.64%\n"
        "[04.29.20|17:36:02] \tTop5: 100.00%\n"
        "[04.29.20|17:36:02] Done.\n"
        "[04.29.20|17:36:02] Training epoch: 10\n"
        "[04.29.20|17:36:03] \tmean_loss: nan\n",
        chunk=chunk,
    )
    assert monitor.store.primary_train == "mean_loss"
    assert monitor.store.primary_val == "Eval/mean_loss"
    assert steps(monitor, "mean_loss") == [8, 9, 10]
    assert steps(monitor, "Eval/mean_loss") == [9]
    assert monitor.store["Eval/mean_loss"].values.tolist() == [1.385941982269287]


@pytest.mark.parametrize("chunk", CHUNKS)
def test_mmcv_text_log_val_records(chunk):
    monitor = read(
        "2023-02-05 16:41:00,891 - mmcls - INFO - Epoch [1][150/196]\tlr: 6.975e-05, eta: 0:03:06, time: 0.049, data_time: 0.016, memory: 429, loss: 0.0006\n"
        "2023-02-05 16:41:01,677 - mmcls - INFO - Saving checkpoint at 1 epochs\n"
        "2023-02-05 16:41:06,450 - mmcls - INFO - Epoch [2][150/196]\tlr: 6.867e-05, eta: 0:02:05, time: 0.031, data_time: 0.014, memory: 429, loss: 0.0006\n"
        "2023-02-05 16:41:11,945 - mmcls - INFO - Epoch [3][150/196]\tlr: 6.676e-05, eta: 0:01:44, time: 0.031, data_time: 0.014, memory: 429, loss: 0.0005\n"
        "2023-02-05 16:41:21,151 - mmcls - INFO - Epoch(val) [4][40]\tloss: 0.2243\n"
        "2023-02-05 16:41:27,688 - mmcls - INFO - Epoch(val) [5][40]\taccuracy_top-1: 94.8200\n"
        "2023-02-05 16:41:47,004 - mmcls - INFO - Epoch(val) [8][40]\tloss: 0.2235\n",
        chunk=chunk,
    )
    assert monitor.store.primary_val == "val/loss"
    assert monitor.store["val/loss"].values.tolist() == [0.2243, 0.2235]
    assert monitor.store["loss"].values.tolist() == [0.0006, 0.0006, 0.0005]  # the val records stay out of it
    assert "val" not in series(monitor)  # "(val)" is a tag, not a value of 4


def test_mmcv_json_log_mode_val():
    monitor = read(
        '{"mode": "train", "epoch": 3, "iter": 150, "lr": 7e-05, "memory": 429, "data_time": 0.01383, "loss": 0.00052, "time": 0.03095}\n'
        '{"mode": "train", "epoch": 4, "iter": 150, "lr": 6e-05, "memory": 429, "data_time": 0.01397, "loss": 0.00056, "time": 0.031}\n'
        '{"mode": "val", "epoch": 4, "iter": 40, "lr": 6e-05, "memory": 429, "data_time": 0.05192, "loss": 0.22426, "time": 0.07116}\n'
        '{"mode": "val", "epoch": 5, "iter": 40, "lr": 6e-05, "accuracy_top-1": 94.82}\n'
    )
    assert monitor.store["loss"].values.tolist() == [0.00052, 0.00056]
    assert monitor.store["val/loss"].values.tolist() == [0.22426]
    assert monitor.store.primary_val == "val/loss"
    assert series(monitor)["val/accuracy_top-1"][:2] == ("val", "metric")


FLASHY = (
    "- Train | Epoch 1 | 429/573 | 1.47 it/sec | Loss 0.2075 | Reco 0.2049 | Grad 0.1001 | Penalty 257.955\n"
    "- Train | Epoch 1 | 572/573 | 1.48 it/sec | Loss 0.2019 | Reco 0.1994 | Grad 0.0963 | Penalty 247.226\n"
    "- Train Summary | Epoch 1 | Loss=0.2019 | Reco=0.1994 | Grad=0.0963 | Penalty=247.2265\n"
    "- ----------------------------------------------------------------------\n"
    "- Cross validation...\n"
    "- Valid | Epoch 1 | 1/3 | 0.31 it/sec | Loss 0.2213 | Reco 0.2213 | Nsdr 3.922\n"
    "- Valid | Epoch 1 | 2/3 | 0.37 it/sec | Loss 0.2224 | Reco 0.2224 | Nsdr 3.724\n"
    "- Valid | Epoch 1 | 1/3 | 0.32 it/sec | Loss 0.2519 | Reco 0.2519 | Nsdr 2.258\n"
    "- Valid | Epoch 1 | 2/3 | 0.38 it/sec | Loss 0.2510 | Reco 0.2510 | Nsdr 2.236\n"
    "- Valid Summary | Epoch 1 | Loss=0.2223 | Reco=0.2223 | Nsdr=2.727 | Best=0.2223 | Bname=ema_epoch_1 nalty=221.5717\n"
    "- New best valid loss 0.2223\n"
    "- Train | Epoch 2 | 143/573 | 1.47 it/sec | Loss 0.1825 | Reco 0.1803 | Grad 0.0848 | Penalty 214.215\n"
    "- Train | Epoch 2 | 286/573 | 1.48 it/sec | Loss 0.1795 | Reco 0.1774 | Grad 0.0819 | Penalty 214.089\n"
)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_flashy_summaries_and_running_validation(chunk):
    monitor = read(FLASHY, chunk=chunk)
    assert monitor.store.primary_train == "Loss"
    assert monitor.store["Loss"].values.tolist() == [0.2075, 0.2019, 0.1825, 0.1795]  # progress lines
    # the running figures of the validation pass are not records; its summary is
    assert monitor.store.primary_val == "Valid Summary/Loss"
    assert monitor.store["Valid Summary/Loss"].values.tolist() == [0.2223]


def test_denoiser_hydra_log_summary_lines():
    monitor = read(
        "[2024-11-25 16:32:43,472][denoiser.solver][INFO] - Train | Epoch 1 | 1/2 | 11.0 sec/it | Loss 5.77739\n"
        "[2024-11-25 16:33:05,890][denoiser.solver][INFO] - Train | Epoch 1 | 2/2 | 14.8 sec/it | Loss 5.52381\n"
        "[2024-11-25 16:33:05,895][denoiser.solver][INFO] - Train Summary | End of Epoch 1 | Time 44.50s | Train Loss 5.52381\n"
        "[2024-11-25 16:33:05,896][denoiser.solver][INFO] - Cross validation...\n"
        "[2024-11-25 16:33:11,841][denoiser.solver][INFO] - Valid | Epoch 1 | 5/25 | 1.0 it/sec | Loss 3.00488\n"
        "[2024-11-25 16:33:44,853][denoiser.solver][INFO] - Valid | Epoch 1 | 25/25 | 0.7 it/sec | Loss 3.00888\n"
        "[2024-11-25 16:33:44,854][denoiser.solver][INFO] - Valid Summary | End of Epoch 1 | Time 83.46s | Valid Loss 3.00888\n"
    )
    assert monitor.store.primary_train == "Loss"
    assert monitor.store["Loss"].values.tolist() == [5.77739, 5.52381]
    assert monitor.store.primary_val == "Valid Loss"
    assert monitor.store["Valid Loss"].values.tolist() == [3.00888]
    assert steps(monitor, "Valid Loss") == [1]
    assert not any("denoiser" in name or "INFO" in name for name in series(monitor))


def test_keras_evaluate_lines_are_test_results():
    monitor = read(
        "Epoch 9/10\n"
        "1875/1875 [==============================] - 2s 1ms/step - loss: 0.3108 - accuracy: 0.8877 - val_loss: 0.3606 - val_accuracy: 0.8727\n"
        "Epoch 10/10\n"
        "1875/1875 [==============================] - 2s 1ms/step - loss: 0.3025 - accuracy: 0.8903 - val_loss: 0.3574 - val_accuracy: 0.8726\n"
        "\n"
        "313/313 [==============================] - 1s 3ms/step - loss: 0.2922 - accuracy: 0.8978\n"
        "\n"
        "313/313 [==============================] - 0s 857us/step - loss: 0.5952 - accuracy: 0.7926\n"
        "Epoch 1/10\n"
        "1875/1875 [==============================] - 3s 2ms/step - loss: 0.5109 - accuracy: 0.8193 - val_loss: 0.4110 - val_accuracy: 0.8531\n"
    )
    assert monitor.store["loss"].values.tolist() == [0.3108, 0.3025, 0.5109]
    assert monitor.store["test/loss"].values.tolist() == [0.2922, 0.5952]
    assert monitor.store.primary_val == "val_loss"


def test_bare_split_names_are_the_losses():
    # AGNDM/build-nanogpt log/log.txt: "STEP KIND VALUE"; hella is HellaSwag accuracy
    monitor = read("0 val 10.9310\n0 hella 0.2413\n0 train 10.934416\n1 train 10.883945\n2 train 10.789145\n3 train 10.651992\n")
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train", "val")
    assert steps(monitor, "val") == [0]
    assert steps(monitor, "train") == [0, 1, 2, 3]


def test_tagged_eval_line_with_bare_names():
    # ethellight565/nanogpt-seis checkpoints/train.log
    monitor = read(
        "[eval] iter 0: train 9.8508 val 9.8491 lr 7.50e-07\n"
        "[train] iter 10: loss 8.7390 11136 ms/iter\n"
        "[train] iter 20: loss 8.3995 98 ms/iter\n"
        "[train] iter 30: loss 8.0517 98 ms/iter\n"
        "[eval] iter 500: train 3.4484 val 3.4299 lr 3.00e-04\n"
    )
    assert monitor.store.primary_train == "loss"
    assert monitor.store.primary_val == "val"
    assert steps(monitor, "val") == [0, 500]
    assert monitor.store["val"].values.tolist() == [9.8491, 3.4299]


def test_step_less_val_loss_before_the_first_step():
    # CeciliaGuo331/nano-gpt log/train.log: the val loss is printed before "step 0"
    monitor = read(
        "=> calculated gradient accumulation steps: 32\n"
        "found 1 shards for split val\n"
        "validation loss: 10.9499\n"
        "HellaSwag accuracy: 2486/10042=0.2476\n"
        "step     0 | loss: 10.955003 | lr 8.3916e-07 | norm: 15.3438 | dt: 51661.39ms | tok/sec: 10148.55\n"
        "step     1 | loss: 10.902684 | lr 1.6783e-06 | norm: 14.8648 | dt: 4738.40ms | tok/sec: 110646.69\n"
    )
    assert monitor.store.primary_val == "validation loss"
    assert steps(monitor, "validation loss") == [0]  # the step that came, not the 32 of a sentence


def test_batch_lines_under_an_epoch_header_and_aligned_val_names():
    # Floatingice233/mmfrnet train_log.txt
    monitor = read(
        "Epoch 1/2 (lr=0.01000)\n"
        "  Batch 0/295, Loss: 0.6176\n"
        "  Batch 50/295, Loss: 0.0000\n"
        "  Batch 100/295, Loss: 0.0000\n"
        "  Batch 150/295, Loss: 0.0003\n"
        "  Train Loss: 0.0056, ACC: 1.0000, AUC: nan\n"
        "  Val   Loss: 0.0000, ACC: 1.0000, AUC: nan\n"
    )
    assert monitor.store.primary_train == "Loss"
    assert len(monitor.store["Loss"]) == 4
    assert monitor.store.primary_val == "Val Loss"  # the alignment blanks collapse: the name as the user reads it


def test_a_phase_and_its_number_is_a_header_not_a_loss():
    # RAVDESS multimodal W&B output.log: "Train 1", "Validation 1" announce the phase of an epoch
    monitor = read("Train 1\nValidation 1\nTrain 2\nLoss: 2.058387279510498\nLoss: 2.3354454040527344\nLoss: 2.1\n")
    found = series(monitor)
    assert "Validation" not in found and "Train" not in found
    assert monitor.store.primary_val is None


@pytest.mark.parametrize(
    "tag, prefix",
    [
        ("Eval", "Eval/"),
        ("Evaluation Epoch 0", "Evaluation/"),
        ("eval", "eval/"),
        ("Epoch(val) [4][40]", "val/"),
        ("Valid Summary Epoch 1", "Valid Summary/"),
        ("Train Summary Epoch 1", "Train Summary/"),
        ("Train Epoch 1 143/573", None),
        ("final_int8_zlib_roundtrip", None),
        ("the model was evaluated on the validation set and the numbers below are its results today", None),
    ],
)
def test_tag_prefix(tag, prefix):
    assert tag_prefix(tag) == prefix


def test_names_that_say_their_split_or_are_no_metric_keep_it():
    assert renamed("valid/", "Loss") == "valid/Loss"
    assert renamed("valid/", "Valid Loss") == "Valid Loss"
    assert renamed("val/", "lr") == "lr"
    assert renamed("val/", "time") == "time"


def test_keras_last_frame_then_final_line_of_an_epoch_stay_training():
    # Keras 2 verbose=1 draws the last batch once before validation ("ETA: 0s") and once after it
    # with the val metrics: both belong to the fit, not to an evaluate()
    monitor = read(
        "Epoch 1/2\n"
        "1875/1875 [==============================] - ETA: 0s - loss: 0.5109 - accuracy: 0.8193\n"
        "1875/1875 [==============================] - 3s 2ms/step - loss: 0.5109 - accuracy: 0.8193 - val_loss: 0.4110 - val_accuracy: 0.8531\n"
        "Epoch 2/2\n"
        "1875/1875 [==============================] - 3s 2ms/step - loss: 0.3894 - accuracy: 0.8601 - val_loss: 0.3871 - val_accuracy: 0.8615\n"
    )
    assert monitor.store["val_loss"].values.tolist() == [0.4110, 0.3871]
    assert not any(name.startswith("test/") for name in series(monitor))


@pytest.mark.parametrize("chunk", CHUNKS)
def test_an_evaluation_tag_before_the_step_keeps_its_spelling(chunk):
    # CSTA (Kabir5296/CSTA-CustomImplementation) logs/train.log: the held-out loss reuses the
    # training key, told apart only by "Evaluation" before the epoch; the series is named as the
    # user reads it in the log
    monitor = read(
        "INFO:root:total_params : 53137925\n"
        "INFO:root:Epoch 0 - Average Loss: 1.5552, Average Accuracy: 0.3203, Samples: 693\n"
        "INFO:root:Evaluation Epoch 0 - Average Loss: 1.5558, Average Accuracy: 0.3043, Samples: 115\n"
        "INFO:root:Epoch 1 - Average Loss: 1.5073, Average Accuracy: 0.3737, Samples: 693\n"
        "INFO:root:Evaluation Epoch 1 - Average Loss: 1.5212, Average Accuracy: 0.3130, Samples: 115\n"
        "INFO:root:Epoch 2 - Average Loss: 1.4546, Average Accuracy: 0.4646, Samples: 693\n"
        "INFO:root:Evaluation Epoch 2 - Average Loss: 1.4532, Average Accuracy: 0.4609, Samples: 115\n",
        chunk=chunk,
    )
    assert monitor.store.primary_train == "Average Loss"
    assert monitor.store.primary_val == "Evaluation/Average Loss"
    assert monitor.store["Average Loss"].values.tolist() == [1.5552, 1.5073, 1.4546]
    assert monitor.store["Evaluation/Average Loss"].values.tolist() == [1.5558, 1.5212, 1.4532]
    assert steps(monitor, "Evaluation/Average Loss") == [0, 1, 2]
    assert series(monitor)["Evaluation/Average Accuracy"][:2] == ("val", "metric")
