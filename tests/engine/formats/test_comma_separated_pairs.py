"""A metric's name and its value as separate comma-separated fields (issue 12, holdout6):
``epoch 1, phase train, step 10, loss_train, 0.838``, as ``print(..., name, value, sep=", ")``
writes them."""

from parse_helpers import read

from lossmon.engine.formats.pairs import message_pairs

# tests/corpus/mri-analysis-train-10-epochs (2-train_10_epochs.md, lines 8-24): a MONAI-style
# segmentation loop; the validation figures are "name: value" pairs under the epoch.
MRI = """\
epoch 1, phase train, total step 0
epoch 1, phase train, step 10, loss_train, 0.838
epoch 1, phase train, step 20, loss_train, 0.771
epoch 1, phase train, step 30, loss_train, 0.762
epoch 1, phase train, step 40, loss_train, 0.725
epoch 1, phase train, step 50, loss_train, 0.691
epoch 1, phase train, step 60, loss_train, 0.626
epoch 1, phase train, step 70, loss_train, 0.576
epoch 1, phase train, step 80, loss_train, 0.496
epoch 1, phase train, step 90, loss_train, 0.456
epoch 1, phase train, step 100, loss_train, 0.421
epoch 1, phase valid, total step 104
epoch 1 | val_accuracy: 0.0135
epoch 1 | val_loss: 0.6590334177017212
epoch 1 | val_dsc: 0.7392518295760285
Time:  2025-04-20 00:42:56.226535
epoch 2, phase train, total step 104
epoch 2, phase train, total step 0
epoch 2, phase train, step 10, loss_train, 0.838
epoch 2, phase train, step 20, loss_train, 0.771
epoch 2, phase train, step 30, loss_train, 0.762
epoch 2, phase train, step 40, loss_train, 0.725
epoch 2, phase train, step 50, loss_train, 0.691
epoch 2, phase train, step 60, loss_train, 0.626
"""


def test_a_name_field_then_its_value_field_is_a_pair():
    found = message_pairs("epoch 1, phase train, step 10, loss_train, 0.838")
    assert [(pair.name, pair.value) for pair in found] == [("epoch", 1), ("step", 10), ("loss_train", 0.838)]


def test_the_training_loss_beside_the_validation_pairs():
    monitor = read(MRI)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss_train", "val_loss")
    assert len(monitor.store["loss_train"]) == 16
    assert monitor.store["loss_train"].values.tolist()[:2] == [0.838, 0.771]
    assert len(monitor.store["val_loss"]) == 1


def test_only_a_metric_name_takes_the_next_field():
    # words that name no metric, a name glued to prose, two words: fields of a sentence or a list
    assert message_pairs("Saving checkpoint, 3 files") == []
    assert [p.name for p in message_pairs("epoch 1, phase train, total step 0")] == ["epoch", "step"]
    assert [p.name for p in message_pairs("step 10, colour, 0.838")] == ["step"]
    assert [p.name for p in message_pairs("step 10, train loss, 0.838")] == ["step"]


# tests/corpus/mip-tenso-nerf-csvish-step-loss-psnr-restarts (train_log.txt, lines 1-8): every
# field a name or its value, the step's too, and a comma after the last one.
NERF = """\
Step, 0, Loss, 0.12383358925580978, PSNR, 9.071615219116211, StepTime, 79.56466889381409, TrainTime, 79.56481885910034,
Step, 0, Loss, 0.11620533466339111, PSNR, 9.347738265991211, StepTime, 79.62433195114136, TrainTime, 79.62452793121338,
Step, 1, Loss, 0.11662912368774414, PSNR, 9.331929206848145, StepTime, 78.59686493873596, TrainTime, 158.2235028743744,
Step, 0, Loss, 0.14218074083328247, PSNR, 8.47159194946289, StepTime, 20.39872694015503, TrainTime, 20.398924112319946,
Step, 1, Loss, 0.10272073745727539, PSNR, 9.883419036865234, StepTime, 18.839205980300903, TrainTime, 39.23966598510742,
Step, 2, Loss, 0.12314523756504059, PSNR, 9.095824241638184, StepTime, 19.11420488357544, TrainTime, 58.35460186004639,
Step, 3, Loss, 0.13357006013393402, PSNR, 8.74290943145752, StepTime, 18.99688696861267, TrainTime, 77.35234808921814,
Step, 4, Loss, 0.15763895213603973, PSNR, 8.023364067077637, StepTime, 18.955957174301147, TrainTime, 96.30900311470032,
"""


def test_a_step_field_then_a_run_of_name_and_value_fields():
    found = message_pairs(NERF.splitlines()[2])
    assert [(pair.name, pair.value) for pair in found] == [
        ("Step", 1), ("Loss", 0.11662912368774414), ("PSNR", 9.331929206848145),
        ("StepTime", 78.59686493873596), ("TrainTime", 158.2235028743744),
    ]


def test_the_loss_of_name_and_value_fields_is_the_primary():
    monitor = read(NERF)
    assert monitor.store.primary_train == "Loss"
    assert monitor.store["Loss"].values.tolist()[-2:] == [0.13357006013393402, 0.15763895213603973]
    assert monitor.store["Loss"].steps.tolist()[-1] == 4


def test_a_run_of_fields_needs_a_metric_or_step_name_to_start_it():
    # a list of words and counts is no run: its first name names no metric and no step
    assert message_pairs("Saving, 3, files, 4,") == []
    assert message_pairs("colour, 0.5, PSNR, 9.07,") == []
    # a run continues only from the value right before it: "PSNR" after prose is no name
    assert [p.name for p in message_pairs("Loss, 0.12, then we saved, PSNR, 9.07")] == ["Loss"]
