"""A Keras callback's message between an epoch's last progress frame and its final frame (issue 12,
Keras 2 and 3): the last batch's frame ("71/71 [===] - ETA: 0s - loss: ...") is printed, then the
epoch's callbacks speak ("Epoch 1: val_loss improved from inf to ..., saving model to ..."), then
the epoch's final frame with its validation values. The epoch is one record, the final frame's,
and the message adds no record and no series.

Real lines:
- Keras 3 (keras 3.3.3, tensorflow 2.16.1): 4bumuhammad/python-keras-multivariate-regression,
  README.md @08179b1675049fbd0de1822009e4c24c7d54d1fc ("Run - result", `python3 src/train.py`
  with ModelCheckpoint(verbose=1)), its first four epochs.
- Keras 2 (tf.keras, Colab): zachshallbetter/manga-ocr-rust, a markdown note quoting a fit with
  ModelCheckpoint ("# Text Detection", epochs 1, 9 and 10; the code index named its repository,
  not its path or commit).
"""

import pytest
from parse_helpers import read, steps

KERAS3_CHECKPOINT = """\
Epoch 1/100
1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 299ms/step - loss: 565.2684
Epoch 1: val_loss improved from inf to 344.13608, saving model to /Users/.../python-keras-multivariate-regression/models/multivariate_regression_model.keras
1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 365ms/step - loss: 565.2684 - val_loss: 344.1361
Epoch 2/100
1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 10ms/step - loss: 559.7963
Epoch 2: val_loss improved from 344.13608 to 340.82501, saving model to /Users/.../python-keras-multivariate-regression/models/multivariate_regression_model.keras
1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 26ms/step - loss: 559.7963 - val_loss: 340.8250
Epoch 3/100
1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 11ms/step - loss: 554.4055
Epoch 3: val_loss improved from 340.82501 to 337.51617, saving model to /Users/.../python-keras-multivariate-regression/models/multivariate_regression_model.keras
1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 27ms/step - loss: 554.4055 - val_loss: 337.5162
Epoch 4/100
1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 10ms/step - loss: 549.0969
Epoch 4: val_loss improved from 337.51617 to 334.26999, saving model to /Users/.../python-keras-multivariate-regression/models/multivariate_regression_model.keras
1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 27ms/step - loss: 549.0969 - val_loss: 334.2700
"""

KERAS2_CHECKPOINT = """\
Found 6519 images belonging to 83 classes.
Found 1587 images belonging to 83 classes.
Epoch 1/10
204/204 [==============================] - ETA: 0s - loss: 4.4155 - accuracy: 0.0291 
Epoch 1: val_loss improved from inf to 4.27837, saving model to /content/drive/MyDrive/projects/ML-manga-ocr-rust/data/tf_model/
204/204 [==============================] - 2637s 13s/step - loss: 4.4155 - accuracy: 0.0291 - val_loss: 4.2784 - val_accuracy: 0.0202
Epoch 9/10
204/204 [==============================] - ETA: 0s - loss: 3.5498 - accuracy: 0.1571
Epoch 9: val_loss improved from 3.81475 to 3.78763, saving model to /content/drive/MyDrive/projects/ML-manga-ocr-rust/data/tf_model/
204/204 [==============================] - 425s 2s/step - loss: 3.5498 - accuracy: 0.1571 - val_loss: 3.7876 - val_accuracy: 0.1342
Epoch 10/10
204/204 [==============================] - ETA: 0s - loss: 3.5092 - accuracy: 0.1671
Epoch 10: val_loss improved from 3.78763 to 3.71605, saving model to /content/drive/MyDrive/projects/ML-manga-ocr-rust/data/tf_model/
204/204 [==============================] - 415s 2s/step - loss: 3.5092 - accuracy: 0.1671 - val_loss: 3.7160 - val_accuracy: 0.1285
"""


@pytest.mark.parametrize("chunk", (1 << 20, 53))
def test_keras3_an_epoch_with_a_checkpoint_message_is_one_record(chunk):
    monitor = read(KERAS3_CHECKPOINT, chunk=chunk)
    store = monitor.store
    assert {series.name for series in store} == {"loss", "val_loss"}
    assert (store.primary_train, store.primary_val) == ("loss", "val_loss")
    assert store["loss"].values.tolist() == [565.2684, 559.7963, 554.4055, 549.0969]
    assert steps(monitor, "loss") == [1, 2, 3, 4]
    assert store["val_loss"].values.tolist() == [344.1361, 340.8250, 337.5162, 334.2700]
    assert steps(monitor, "val_loss") == [1, 2, 3, 4]


@pytest.mark.parametrize("chunk", (1 << 20, 71))
def test_keras2_the_eta_frame_before_a_checkpoint_message_is_no_second_record(chunk):
    monitor = read(KERAS2_CHECKPOINT, chunk=chunk)
    store = monitor.store
    assert {series.name for series in store} == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert store["loss"].values.tolist() == [4.4155, 3.5498, 3.5092]
    assert steps(monitor, "loss") == [204, 9 * 204, 10 * 204]
    assert store["val_loss"].values.tolist() == [4.2784, 3.7876, 3.7160]
    assert steps(monitor, "val_loss") == steps(monitor, "loss")


def test_keras2_a_message_run_into_the_final_frame_adds_nothing():
    # The same real lines in the order where the message follows the final frame with no newline
    # before it ("... - val_accuracy: 0.0202Epoch 1: val_loss improved ..."), then
    # ReduceLROnPlateau's message on a line of its own (tf.keras 2.x prints
    # f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {new_lr}.").
    lines = KERAS2_CHECKPOINT.splitlines(keepends=True)
    glued = "".join(lines[:3]) + lines[3] + lines[5].rstrip("\n") + lines[4]
    glued += "".join(lines[6:7]) + lines[7] + lines[9].rstrip("\n") + lines[8]
    glued += "\nEpoch 00009: ReduceLROnPlateau reducing learning rate to 0.00010000000474974513.\n"
    glued += "".join(lines[10:])
    monitor = read(glued)
    store = monitor.store
    assert {series.name for series in store} == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert store["val_loss"].values.tolist() == [4.2784, 3.7876, 3.7160]
    assert store["val_accuracy"].values.tolist() == [0.0202, 0.1342, 0.1285]
    assert store["loss"].values.tolist() == [4.4155, 3.5498, 3.5092]
    assert steps(monitor, "loss") == [204, 9 * 204, 10 * 204]


def test_the_last_frame_of_a_cut_log_is_no_record():
    # the run stopped during its last validation: its epochs end with a summary, so the last
    # batch's frame ("ETA: 0s") is a running figure of a summary that never came, as two sealed
    # samples' labellers counted it (garbage-xception, devan5622's Untitled92: tests/corpus)
    cut = KERAS2_CHECKPOINT[: KERAS2_CHECKPOINT.index("Epoch 10: val_loss")]
    monitor = read(cut)
    assert monitor.store["loss"].values.tolist() == [4.4155, 3.5498]
    assert len(monitor.store["val_loss"]) == 2
