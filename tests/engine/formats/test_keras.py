from parse_helpers import CORPUS, assert_series, read, read_fixture, steps


def test_keras3_verbose1_backspaces_ansi_and_frames():
    monitor = read_fixture("keras3_verbose1.log")
    assert_series(
        monitor,
        {
            # the frames 1/313 and 100/313 are running figures of epoch 1, overtaken by its summary
            "accuracy": ("train", "metric", 2, 0.94),
            "loss": ("train", "loss", 2, 0.2),
            "val_accuracy": ("val", "metric", 2, 0.955),
            "val_loss": ("val", "loss", 2, 0.19),
        },
        primary=("loss", "val_loss"),
    )
    # step = (epoch - 1) * batches per epoch + batch
    assert steps(monitor, "loss") == [313, 626]
    assert monitor.store["loss"].values.tolist() == [0.2687, 0.2]
    # epoch summaries are no running means of an epoch (no sawtooth to discount)
    assert not monitor.store["loss"].attrs.get("epoch_running_average")


def test_keras3_verbose2_negative_values_in_sci_notation():
    monitor = read_fixture("keras3_verbose2.log")
    assert_series(
        monitor,
        {
            "accuracy": ("train", "metric", 2, 0.93),
            "loss": ("train", "loss", 2, 0.21),
            "val_accuracy": ("val", "metric", 2, 0.96),
            "val_loss": ("val", "loss", 2, -0.15),
        },
        primary=("loss", "val_loss"),
    )


def test_keras2_eta_frames_nan_and_tensorflow_noise():
    monitor = read_fixture("keras2.log")
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 3, 0.3),  # (not the ETA frame 100/313 of epoch 1)
            "accuracy": ("train", "metric", 3, 0.91),
            "val_loss": ("val", "loss", 3, 0.21),
            "val_accuracy": ("val", "metric", 3, 0.95),
        },
        primary=("loss", "val_loss"),
    )
    assert monitor.store["loss"].values[1] == 5.1909e-08
    assert monitor.store["val_loss"].values[1] == 1714719424512.0
    assert monitor.store["loss"].nonfinite == 1


# tests/corpus/keras1-mnist-checkpoint-readme-log/README.md (lines 18-23): Keras 1 printed
# ModelCheckpoint's message with no newline, so it runs into the last progress frame it
# interrupted; the epoch's record is its last line.
KERAS1_CHECKPOINT = (
    "33000/33600 [============================>.] - ETA: 0s - loss: 0.6032 - acc: 0.8142"
    "Epoch 00000: val_loss improved from inf to 0.14276, saving model to ./best_checkpoint\n"
    "33600/33600 [==============================] - 3s - loss: 0.5972 - acc: 0.8161 - val_loss: 0.1428 - val_acc: 0.9563\n"
    "33000/33600 [============================>.] - ETA: 0s - loss: 0.1953 - acc: 0.9426"
    "Epoch 00001: val_loss improved from 0.14276 to 0.09296, saving model to ./best_checkpoint\n"
    "33600/33600 [==============================] - 2s - loss: 0.1945 - acc: 0.9427 - val_loss: 0.0930 - val_acc: 0.9704\n"
    "32800/33600 [============================>.] - ETA: 0s - loss: 0.0306 - acc: 0.9904Epoch 00002: val_loss did not improve\n"
    "33600/33600 [==============================] - 2s - loss: 0.0306 - acc: 0.9904 - val_loss: 0.0647 - val_acc: 0.9832\n"
)


def test_a_frame_a_callback_message_ran_into_is_no_record():
    monitor = read(KERAS1_CHECKPOINT)
    assert monitor.store["loss"].values.tolist() == [0.5972, 0.1945, 0.0306]
    assert monitor.store["acc"].values.tolist() == [0.8161, 0.9427, 0.9904]
    assert monitor.store["val_loss"].values.tolist() == [0.1428, 0.093, 0.0647]
    assert steps(monitor, "loss") == [33600, 67200, 100800]


# tests/corpus/keras1-mnist-checkpoint-readme-log/README.md: a README quoting a Keras 1 fit, its
# "Epoch e/E" headers turned into markdown headings; two epochs of another run quoted first.
KERAS1_README = CORPUS / "keras1-mnist-checkpoint-readme-log" / "README.md"


def test_epoch_headers_pasted_into_markdown_still_place_each_epoch():
    monitor = read(KERAS1_README.read_bytes())
    assert steps(monitor, "loss")[:4] == [16 * 33600, 9 * 33600, 1 * 33600, 2 * 33600]
    assert monitor.store["loss"].values.tolist()[:3] == [0.0219, 0.0475, 0.5972]
    assert len(monitor.store["loss"]) == 22
    # the quoted epochs are not the run's past: epoch 1 of the run after epoch 9 is no 12x jump
    pathologies = {finding.pathology for finding in monitor.findings}
    assert "exploding_loss" not in pathologies
    assert "overfitting" in pathologies


def test_a_quoted_header_counts_and_a_heading_with_more_text_does_not():
    monitor = read(
        "# Epoch 1/2 notes: the loss is odd\n"
        "> Epoch 2/2\n"
        "1000/1000 [==============================] - 2s - loss: 0.3100 - acc: 0.9000\n"
    )
    assert steps(monitor, "loss") == [2 * 1000]


# 11330344/Thesis-Project @0c9de6d Training.ipynb, its fit cell's last epochs (early stopping at 32
# of 50) and the evaluate() after it: a test set of as many batches as the training set's.
THESIS_EVALUATE = """\
Epoch 30/50
196/196 [==============================] - 3s 13ms/step - loss: 0.7627 - accuracy: 0.7125 - val_loss: 1.0738 - val_accuracy: 0.6007
Epoch 31/50
196/196 [==============================] - 3s 14ms/step - loss: 0.7370 - accuracy: 0.7201 - val_loss: 1.0938 - val_accuracy: 0.5903
Epoch 32/50
196/196 [==============================] - 2s 12ms/step - loss: 0.7149 - accuracy: 0.7320 - val_loss: 1.0864 - val_accuracy: 0.5973
196/196 [==============================] - 1s 3ms/step - loss: 1.0606 - accuracy: 0.5992
Accuracy on test set: 59.92%
"""


def test_an_evaluation_over_as_many_batches_after_the_epochs_record_is_a_test_result():
    monitor = read(THESIS_EVALUATE)
    assert list(monitor.store["loss"].values) == [0.7627, 0.7370, 0.7149]
    assert list(monitor.store["test/loss"].values) == [1.0606]
    assert monitor.store.primary_val == "val_loss"


# Allocco14/Osteoartritis @5d216c6 train_cnn.ipynb: a Keras 3 fit without validation data, its last
# epochs (ANSI-styled bars), then evaluate() on the test set and the notebook's own print of it.
OSTEO_NO_VAL = 'Epoch 8/10\n\x1b[1m18/18\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m5s\x1b[0m 273ms/step - accuracy: 0.8147 - loss: 0.4244\nEpoch 9/10\n\x1b[1m18/18\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m5s\x1b[0m 279ms/step - accuracy: 0.8332 - loss: 0.3648\nEpoch 10/10\n\x1b[1m18/18\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m5s\x1b[0m 273ms/step - accuracy: 0.8431 - loss: 0.3848\n\x1b[1m5/5\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m1s\x1b[0m 68ms/step - accuracy: 0.7662 - loss: 0.6852\nPrecisión en datos de prueba: 0.7659574747085571\n'


def test_an_evaluation_after_a_fit_without_validation_is_no_held_out_curve():
    monitor = read(OSTEO_NO_VAL)
    assert list(monitor.store["loss"].values) == [0.4244, 0.3648, 0.3848]
    assert list(monitor.store["test/loss"].values) == [0.6852]
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", None)


def test_a_test_score_printed_after_the_fit_is_the_final_models_score_not_a_held_out_curve():
    # holdout20h's Untitled47 notebook (Keras 3 fit without validation, then evaluate() and its
    # print), and a Keras 2 notebook whose print follows the History repr in the saved outputs
    # (h18k's Untitled20): "Test Loss (MSE)" and "Test loss" are the final model's scores
    monitor = read(OSTEO_NO_VAL.replace("Precisión en datos de prueba", "Test Loss (MSE)"))
    assert list(monitor.store["Test Loss (MSE)"].values) == [0.7659574747085571]
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", None)
    glued = (
        "Epoch 1/2\n60000/60000 [==============================] - 157s 3ms/step - loss: 0.0362 - acc: 0.9891\n"
        "Epoch 2/2\n60000/60000 [==============================] - 157s 3ms/step - loss: 0.0262 - acc: 0.9921\n"
        "<keras.callbacks.History at 0x7fd18a6af4e0>Test loss:  0.02577142399067525 , accuracy: 0.991\n"
    )
    monitor = read(glued)
    assert list(monitor.store["Test loss"].values) == [0.02577142399067525]
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", None)


# Akanksharao24/9.Predictive-Modeling-and-Classification-of-Monkeypox-Virus-Outbreaks-Using-Machine-Learning
# @544b88e code/model.ipynb, its fit's first two epochs as the notebook reader joins its outputs:
# Keras 3's last frame of each epoch ("0s" left), ModelCheckpoint's HDF5 warning on stderr, then
# the epoch's final line with its validation values.
KERAS3_FRAME_WARNING_FINAL = "Epoch 1/5\n\x1b[1m100/100\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 1s/step - accuracy: 0.8237 - loss: 0.3763\nWARNING:absl:You are saving your model as an HDF5 file via `model.save()` or `keras.saving.save_model(model)`. This file format is considered legacy. We recommend using instead the native Keras format, e.g. `model.save('my_model.keras')` or `keras.saving.save_model(model, 'my_model.keras')`. \n\x1b[1m100/100\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m124s\x1b[0m 1s/step - accuracy: 0.8244 - loss: 0.3750 - val_accuracy: 0.9926 - val_loss: 0.0818\nEpoch 2/5\n\x1b[1m100/100\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m0s\x1b[0m 1s/step - accuracy: 0.9700 - loss: 0.0858\nWARNING:absl:You are saving your model as an HDF5 file via `model.save()` or `keras.saving.save_model(model)`. This file format is considered legacy. We recommend using instead the native Keras format, e.g. `model.save('my_model.keras')` or `keras.saving.save_model(model, 'my_model.keras')`. \n\x1b[1m100/100\x1b[0m \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m \x1b[1m114s\x1b[0m 1s/step - accuracy: 0.9700 - loss: 0.0858 - val_accuracy: 1.0000 - val_loss: 0.0110\n"


def test_a_keras3_frame_showing_time_left_is_overtaken_by_the_final_line_past_a_warning():
    monitor = read(KERAS3_FRAME_WARNING_FINAL)
    assert list(monitor.store["loss"].values) == [0.3750, 0.0858]
    assert list(monitor.store["val_loss"].values) == [0.0818, 0.0110]
    assert steps(monitor, "loss") == [100, 200]


# 00dbgpdnjs/OSSP @220d149 train.ipynb: the fit's last epochs, stopped inside epoch 32 (a frame of
# its running figures), then predict()'s bar in a later cell.
STOPPED_THEN_PREDICT = 'Epoch 31/200\n243/243 [==============================] - ETA: 0s - loss: 2.1698 - acc: 0.1935\nEpoch 31: val_acc did not improve from 0.38211\n243/243 [==============================] - 3s 12ms/step - loss: 2.1698 - acc: 0.1935 - val_loss: 2.1801 - val_acc: 0.1789 - lr: 0.0010\nEpoch 32/200\n228/243 [===========================>..] - ETA: 0s - loss: 2.1692 - acc: 0.1938\n9/9 [==============================] - 0s 5ms/step\n'


def test_a_fit_stopped_inside_an_epoch_keeps_its_running_figures_out_of_the_records():
    monitor = read(STOPPED_THEN_PREDICT)
    assert list(monitor.store["loss"].values) == [2.1698]
    assert list(monitor.store["val_loss"].values) == [2.1801]


def _notebook(slug: str):
    from lossmon.engine import check_file

    return check_file(str(next((CORPUS / slug).glob("*.ipynb"))))


def test_a_second_fit_without_its_header_at_the_training_pace_is_an_epoch_not_an_evaluation():
    # h18k-antony-cifar10-keras-3-epochs: a Keras 3 fit of 3 epochs without validation (1563/1563
    # at 178ms/step), then a second fit of 1 epoch that printed no "Epoch" header (1563/1563, 310s
    # 164ms/step), then evaluate() on the test set (313/313, 17ms/step).
    monitor = _notebook("h18k-antony-cifar10-keras-3-epochs")
    assert list(monitor.store["loss"].values) == [2.1796, 1.6835, 1.5917, 1.5837]
    assert list(monitor.store["test/loss"].values) == [1.0174]


def test_a_keras2_eta_frame_is_overtaken_by_its_final_line_past_a_save_warning():
    # skin-cancer-efficientnetb0-ipynb-keras-checkpoint: each epoch prints "251/251 [===] - ETA:
    # 0s - loss: 4.0119", ModelCheckpoint's message, at epoch 1 an HDF5 UserWarning, then the
    # epoch's line with its validation values: 30 epochs, one record each.
    monitor = _notebook("skin-cancer-efficientnetb0-ipynb-keras-checkpoint")
    assert len(monitor.store["loss"]) == len(monitor.store["val_loss"]) == 30
    assert steps(monitor, "loss")[:2] == [251, 502]


def test_a_frame_whose_bar_went_on_the_line_before_is_a_running_figure():
    # holdout20o's regression_nn notebook (a fit run by hyperas): each bar on its own line, its
    # figures on the next, a backspace line between a frame and the epoch's own line
    text = (
        "Epoch 1/10000\n1/1 [==============================]\n - ETA: 0s - loss: 3.0553 - mae: 1.2728 - mse: 2.4667\n\x08\n"
        "1/1 [==============================]\n - 0s 166ms/step - loss: 3.0553 - mae: 1.2728 - mse: 2.4667 - val_loss: 5.5358"
        " - val_mae: 9.1821 - val_mse: 5.5358\n\n"
        "Epoch 2/10000\n1/1 [==============================]\n - ETA: 0s - loss: 2.1406 - mae: 0.9987 - mse: 1.5498\n\x08\n"
        "1/1 [==============================]\n - 0s 23ms/step - loss: 2.1406 - mae: 0.9987 - mse: 1.5498 - val_loss: 4.2"
        " - val_mae: 8.1 - val_mse: 4.2\n\n"
    )
    monitor = read(text)
    assert list(monitor.store["loss"].values) == [3.0553, 2.1406]
    assert list(monitor.store["val_loss"].values) == [5.5358, 4.2]


def test_a_final_line_saved_twice_is_one_record():
    # holdout20t's cifar10_keras notebook (Keras 3, six fits): each epoch's final line saved again
    # after the next header, then that header again; the last epoch's line twice in a row
    bar = "625/625 \u2501\u2501\u2501\u2501 {t}s 5ms/step - accuracy: {a} - loss: {l} - val_accuracy: {a} - val_loss: {v}\n"
    lines = [bar.format(t=4, a="0.1815", l="2.0473", v="2.0648"), bar.format(t=3, a="0.1845", l="2.0515", v="2.0558"),
             bar.format(t=3, a="0.1817", l="2.0496", v="2.0875")]
    text = "Epoch 1/3\n" + lines[0]
    for k in (1, 2):
        text += f"Epoch {k + 1}/3\n" + lines[k - 1] + f"Epoch {k + 1}/3\n" + lines[k]
    text += lines[2] + "Test Loss: 2.0700\n"
    monitor = read(text)
    assert list(monitor.store["loss"].values) == [2.0473, 2.0515, 2.0496]
    assert list(monitor.store["val_loss"].values) == [2.0648, 2.0558, 2.0875]
    # a run whose epochs print the same figures (a collapsed loss) keeps every one
    same = "".join(f"Epoch {k}/3\n" + bar.format(t=3, a="0.1000", l="nan", v="nan") for k in (1, 2, 3))
    assert len(read(same).store["loss"]) == 3
