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


# An MMDetection 2.x text log (tests/corpus/superclass-2024-mmdet-faster-rcnn-text-log-prefix and
# mmcls-cifar10-old-mmcv-text-log, real lines): its "Config:" dump spreads each dict(...) over lines,
# one keyword argument per line, and mmcv says how each parameter was initialised.
_MMCV_CONFIG_THEN_RECORDS = """2024-10-14 00:25:47,008 - mmdet - INFO - Config:
optimizer = dict(
    type='SGD',
    lr=7e-05,
    momentum=0.9,
    weight_decay=0.0003,
    paramwise_cfg=dict(norm_decay_mult=0))
    train_cfg=dict(
        rpn=dict(
            assigner=dict(
                type='MaxIoUAssigner',
                pos_iou_thr=0.7,
                neg_iou_thr=0.3,
                min_pos_iou=0.3,
                match_low_quality=True,
                ignore_iof_thr=-1),
            sampler=dict(
                type='RandomSampler',
                num=256,
                pos_fraction=0.5,
                neg_pos_ub=-1,
                add_gt_as_proposals=False),
rpn_head.rpn_conv.weight - torch.Size([256, 256, 3, 3]): 
NormalInit: mean=0, std=0.01, bias=0 

neck.lateral_convs.0.conv.weight - torch.Size([256, 256, 1, 1]): 
XavierInit: gain=1, distribution=uniform, bias=0 

2024-10-14 00:25:30,840 - mmdet - INFO - Epoch [1][50/3143]	lr: 2.473e-04, eta: 2:19:42, time: 0.267, data_time: 0.047, memory: 2239, loss_rpn_cls: 0.6795, loss_rpn_bbox: 0.0375, loss_cls: 0.5836, acc: 80.4277, loss_bbox: 0.0404, loss: 1.3409
2024-10-14 00:25:42,367 - mmdet - INFO - Epoch [1][100/3143]	lr: 4.970e-04, eta: 2:09:57, time: 0.231, data_time: 0.005, memory: 2345, loss_rpn_cls: 0.3632, loss_rpn_bbox: 0.0346, loss_cls: 0.1770, acc: 97.2148, loss_bbox: 0.0933, loss: 0.6681
"""


def test_a_printed_configs_keyword_arguments_and_init_summaries_are_no_records():
    store = read(_MMCV_CONFIG_THEN_RECORDS).store
    names = {series.name for series in store}
    assert not names & {"pos_iou_thr", "neg_iou_thr", "min_pos_iou", "num", "pos_fraction", "momentum", "mean", "std", "gain", "bias"}
    assert store["lr"].values.tolist() == [2.473e-04, 4.970e-04]  # not the config's lr=7e-05
    assert store.primary_train == "loss" and store["loss"].values.tolist() == [1.3409, 0.6681]
