import pytest

from parse_helpers import read, steps

# The field guide's table of Python logging prefixes (one per row) before generic messages.
PREFIXES = [
    "INFO:__main__:",
    "01/02/2025 03:04:{s:02d} - INFO - __main__ - ",
    "2024-01-01 12:00:{s:02d},123 - __main__ - INFO - ",
    "[INFO|trainer.py:2134] 2025-01-02 03:04:{s:02d},678 >> ",
    "[2025-01-02 03:04:{s:02d},678] [INFO] [logging.py:128:log_dist] ",
    "2025-01-02 03:04:{s:02d} | INFO | __main__ | ",
    "2023/06/04 15:36:{s:02d} - mmengine - INFO - ",
    "2025-01-02 03:04:{s:02d},678 -                train: [    INFO] - ",
    "[titan] 2025-01-02 03:04:{s:02d},678 - root - INFO - ",
    "W0530 14:48:{s:02d}.433000 2622492 site-packages/train.py:12] ",
    "2022-03-30 03:18:{s:02d}.523272: I tensorflow/core/train.cc:369] ",
    "[INFO|2025-01-16 11:18:{s:02d}] llamafactory.train:157 >> ",
    "[rank0]:",
    "[default0]:",
]
# The generic message styles: name=value, name: value, name:value, name value.
STYLES = [
    "step={s} loss={loss} lr=0.0003",
    "step: {s}, loss: {loss}, lr: 0.0003",
    "step:{s} loss:{loss} lr:0.0003",
    "step {s} loss {loss} lr 0.0003",
    "step {s} loss={loss} lr=3e-4",
]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("style", STYLES)
def test_generic_styles_behind_every_logging_prefix(prefix, style):
    lines = []
    for s in range(10, 60, 10):
        lines.append((prefix + style).format(s=s, loss=3.0 - s / 100))
    monitor = read("\n".join(lines) + "\n")
    assert steps(monitor, "loss") == [10, 20, 30, 40, 50]
    assert monitor.store["loss"].values.tolist() == [2.9, 2.8, 2.7, 2.6, 2.5]
    assert monitor.store["lr"].kind == "lr"
    # The timestamp, level, logger name and file:line never become series.
    assert set(s.name for s in monitor.store) == {"loss", "lr"}
    assert monitor.store.primary_train == "loss"


def test_config_echo_and_prose_numbers_are_not_series():
    text = "\n".join(
        [
            "TrainingArguments(learning_rate=5e-05, weight_decay=0.0, num_train_epochs=3, warmup_steps=0)",
            "TrainingArguments(learning_rate=5e-05, weight_decay=0.0, num_train_epochs=3, warmup_steps=0)",
            "TrainingArguments(learning_rate=5e-05, weight_decay=0.0, num_train_epochs=3, warmup_steps=0)",
            "  lr .......................................... 0.0003",
            "Loaded 5 files in 3.2 seconds",
            "Loaded 7 files in 4.2 seconds",
            "Loaded 9 files in 5.2 seconds",
            "Saving checkpoint 100",
            "Saving checkpoint 200",
            "Saving checkpoint 300",
            "epoch = 3.0",
            "epoch = 3.0",
        ]
    )
    monitor = read(text + "\n")
    assert len(monitor.store) == 0


def test_a_shape_counts_once_it_repeats_with_changing_values():
    text = "loss=0.5 acc=0.1\nloss=0.4 acc=0.2\nloss=0.3 acc=0.3\n"
    monitor = read(text)
    assert steps(monitor, "loss") == [1, 2, 3]  # no step printed: the record index
    assert monitor.store["loss"].lines.tolist() == [1, 2, 3]


def test_prose_before_pairs_is_not_glued_to_the_name():
    text = "".join(f"Finished epoch. Train Loss: {2 - e / 10} Val Loss: {2.1 - e / 10} epoch {e}\n" for e in range(1, 4))
    monitor = read(text)
    assert {s.name: s.split for s in monitor.store} == {"Train Loss": "train", "Val Loss": "val", "epoch": "train"}
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("Train Loss", "Val Loss")


def test_rank_prefixed_duplicates_keep_the_first_rank():
    lines = []
    for s in (1, 2, 3):
        for rank in (0, 1):
            lines.append(f"[default{rank}]:step={s} loss={1 / s + rank} acc=0.5")
    monitor = read("\n".join(lines) + "\n")
    assert steps(monitor, "loss") == [1, 2, 3]
    assert monitor.store["loss"].values.tolist() == [1.0, 0.5, 1 / 3]


def test_tensor_prints_and_nan_glued_to_units():
    text = "".join(f"step {s} loss=tensor({v}, device='cuda:0') step_avg:nanms acc={s / 10}\n" for s, v in ((1, "2.5"), (2, "nan"), (3, "1.5")))
    monitor = read(text)
    assert steps(monitor, "loss") == [1, 2, 3]
    assert monitor.store["loss"].nonfinite == 1
    assert "step_avg" not in monitor.store


def test_a_line_without_a_step_is_stepped_by_its_epoch():
    text = "".join(f"epoch {e} loss {2 - e / 10} val_loss {2.1 - e / 10}\n" for e in range(1, 40))
    monitor = read(text)
    assert steps(monitor, "loss") == list(range(1, 40))
    assert steps(monitor, "epoch") == list(range(1, 40))  # and it is still a series
    assert monitor.store["epoch"].values.tolist() == list(range(1, 40))
    assert monitor.parser.templates  # read by a template after the first lines
