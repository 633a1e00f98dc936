"""TF1 Estimator's evaluation results (issue 12): tf.estimator logs the training loss as
``INFO:tensorflow:loss = 1.23, step = 100 (45.6 sec)`` and each evaluation as ``INFO:tensorflow:Saving
dict for global step 1000: ..., global_step = 1000, loss = 0.93`` (the TF Object Detection API's
eval dict holds "Loss/total_loss" and "loss"). The evaluation's loss is the held-out loss; it was
three more points of the training loss."""

from parse_helpers import read


def test_the_saved_eval_dict_is_the_held_out_pass():
    lines = []
    for n in range(1, 31):
        lines.append(f"INFO:tensorflow:loss = {2 - n / 20:.4f}, step = {n * 100} (45.612 sec)")
        if n % 10 == 0:
            lines.append(
                f"INFO:tensorflow:Saving dict for global step {n * 100}: DetectionBoxes_Precision/mAP = 0.{n}, "
                f"Loss/classification_loss = 0.3, Loss/total_loss = {1.9 - n / 40:.4f}, global_step = {n * 100}, "
                f"learning_rate = 0.004, loss = {1.9 - n / 40:.4f}"
            )
    store = read("\n".join(lines) + "\n").store
    assert (store.primary_train, store.primary_val) == ("loss", "eval/loss")
    assert len(store["loss"]) == 30
    assert store["eval/loss"].steps.tolist() == [1000.0, 2000.0, 3000.0]
