"""A value printed as the repr of its scalar (issue 12): ``print("loss", loss)`` of a torch scalar
writes ``loss tensor(0.5234, device='cuda:0', grad_fn=<NllLossBackward0>)``, a one-element tensor
``tensor([0.5234])``, TensorFlow eager ``tf.Tensor(0.5234, shape=(), dtype=float32)``, JAX
``Array(0.5234, dtype=float32)``, and numpy 2 shows ``np.float64(0.91)`` for every numpy value in
a printed dict (a compute_metrics result). The number inside is the value, whatever the pair's form."""

import pytest
from parse_helpers import read

LOSSES = [2.3061, 1.9874, 1.7342, 1.6019, 1.5127]


def _values(text: str, name: str) -> list[float]:
    store = read(text).store
    assert name in store, [series.name for series in store]
    return store[name].values.tolist()


@pytest.mark.parametrize(
    "shape",
    [
        "epoch {epoch} loss tensor({loss}, device='cuda:0', grad_fn=<NllLossBackward0>)",
        "Epoch {epoch}, loss: tensor({loss}, device='cuda:0', grad_fn=<AddBackward0>)",
        "Epoch {epoch} train_loss: tensor([{loss}]) lr: 0.001",
        "step {epoch} loss tf.Tensor({loss}, shape=(), dtype=float32)",
        "Epoch {epoch}: loss=tf.Tensor({loss}, shape=(), dtype=float32)",
        "step {epoch}, loss: Array({loss}, dtype=float32)",
        "Epoch {epoch} | loss: np.float64({loss}) | acc: np.float64(0.9)",
        "epoch {epoch} | loss np.float32({loss}) | acc np.float32(0.9)",
    ],
)
def test_the_number_inside_a_scalar_repr_is_the_value(shape):
    text = "".join(shape.format(epoch=epoch, loss=loss) + "\n" for epoch, loss in enumerate(LOSSES, 1))
    name = "train_loss" if "train_loss" in shape else "loss"
    assert _values(text, name) == LOSSES
    assert read(text).store.primary_train == name


def test_a_printed_dict_of_numpy_scalars_keeps_its_eval_loss():
    # HF Trainer-style dicts where a custom compute_metrics returned numpy values
    lines = []
    for step, loss in enumerate(LOSSES, 1):
        lines.append(f"{{'loss': {loss}, 'grad_norm': 1.25, 'learning_rate': 2e-05, 'epoch': {step / 5}}}")
        lines.append(f"{{'eval_loss': np.float64({loss + 0.1:.4f}), 'eval_accuracy': np.float64(0.8{step}), 'epoch': {step / 5}}}")
    store = read("\n".join(lines) + "\n").store
    assert store["eval_loss"].values.tolist() == [round(loss + 0.1, 4) for loss in LOSSES]
    assert store["eval_accuracy"].values.tolist() == [0.81, 0.82, 0.83, 0.84, 0.85]
    assert (store.primary_train, store.primary_val) == ("loss", "eval_loss")


def test_a_dict_of_torch_scalars_is_read():
    text = "".join(
        f"{{'loss': tensor({loss}, device='cuda:0', grad_fn=<AddBackward0>), 'epoch': {epoch}}}\n"
        for epoch, loss in enumerate(LOSSES, 1)
    )
    assert _values(text, "loss") == LOSSES


def test_a_tensor_repr_in_prose_stays_prose():
    text = "".join(f"the batch gave tensor({loss}, device='cuda:0') after we tried again\n" for loss in LOSSES)
    assert not [series.name for series in read(text).store]
