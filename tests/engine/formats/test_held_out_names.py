"""The held-out loss under a test name (issue 12, class 5): DETR and DeiT log test_loss once per
epoch, and it is the validation loss when no val* series exists."""

from parse_helpers import read

# Real lines: Hey-myfriends/ECG-arrhythmia-detection-based-on-DETR @ba7d0345 outputs/log.txt (each
# line keeps its first keys and its test_* keys; the per-decoder-layer components are cut).
_DETR = [
    '{"epoch": 0, "n_params": 8970324, "train_loss": 12.655796698866219, "train_lr": 0.0010000000000000007, "train_loss_ce": 0.8790932412805228, "test_loss": 13.675707065697873, "test_loss_ce": 0.8436683235746442, "test_class_error": 87.34429839163116}',
    '{"epoch": 1, "n_params": 8970324, "train_loss": 8.036086028197715, "train_lr": 0.0010000000000000007, "train_loss_ce": 0.554885837538489, "test_loss": 15.084413788535379, "test_loss_ce": 0.8107786359209003, "test_class_error": 10.11858067368016}',
]


def test_test_loss_is_the_val_loss_when_no_val_series_exists():
    monitor = read("\n".join(_DETR) + "\n")
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train_loss", "test_loss")
    assert monitor.store["test_loss"].values.tolist() == [13.675707065697873, 15.084413788535379]


def test_a_val_series_is_still_preferred_to_test_loss():
    lines = [line[:-1] + f', "val_loss": {2.5 - i / 10}}}' for i, line in enumerate(_DETR)]
    monitor = read("\n".join(lines) + "\n")
    assert monitor.store.primary_val == "val_loss"


# Real lines: tests/corpus/pytorch-mnist-ai-roadmap-training-log (PyTorch's MNIST example).
_MNIST = (
    "Train Epoch: 1 [58880/60000 (98%)]\tLoss: 0.077626\n"
    "Train Epoch: 1 [59520/60000 (99%)]\tLoss: 0.105217\n"
    "\n"
    "Test set: Average loss: 0.0451, Accuracy: 9839/10000 (98%)\n"
    "\n"
    "Train Epoch: 2 [0/60000 (0%)]\tLoss: 0.014535\n"
    "Train Epoch: 2 [640/60000 (1%)]\tLoss: 0.013715\n"
    "Train Epoch: 2 [1280/60000 (2%)]\tLoss: 0.098803\n"
)


def test_the_mnist_examples_test_set_average_loss_is_the_held_out_loss_as_it_reads():
    """The tag is "Test set" (the user reads "Test set: Average loss"); the series is the
    held-out loss, at the train step it follows; the train steps count samples across epochs."""
    monitor = read(_MNIST)
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("Loss", "Test set/Average loss")
    assert store["Test set/Average loss"].split == "test" and store["Test set/Average loss"].kind == "loss"
    assert store["Loss"].steps.tolist() == [118880, 119520, 120000, 120640, 121280]
    assert store["Test set/Average loss"].steps.tolist() == [119520]
