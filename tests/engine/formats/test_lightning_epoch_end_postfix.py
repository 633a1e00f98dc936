"""A training loss Lightning logs only at the epoch's end (``on_step=False, on_epoch=True``) joins
the bar's postfix in the frame that ends the epoch, and every frame of the next epoch shows it
again. In Brain-Connectivity-GCN's finetune.log
(tests/corpus/brain-gcn-lightning-tqdm-cr-frames-prefix) ``train_loss`` was read once a frame
(95 points for 3 epochs): a name first shown at an epoch's last count is an epoch value, and only
a change of it is a new point, as for the validation values."""

from parse_helpers import CORPUS, read, steps

BAR = "|██████████|"
# (real frames of that log: epoch 0's end after validation, then the next epoch's bar)
_FRAMES = [
    "Epoch 0:  96%|█████████▋| 27/28 [00:04<00:00,  5.40it/s, v_num=28]",
    f"Epoch 0: 100%{BAR} 28/28 [00:05<00:00,  5.58it/s, v_num=28]",
    f"Epoch 0: 100%{BAR} 28/28 [00:05<00:00,  4.81it/s, v_num=28, val_loss=0.691, val_acc=0.495, val_auc=0.513]",
    f"Epoch 0: 100%{BAR} 28/28 [00:05<00:00,  4.81it/s, v_num=28, val_loss=0.691, val_acc=0.495, val_auc=0.513, train_loss=0.706, train_acc=0.492]",
    "Epoch 1:   0%|          | 0/28 [00:00<?, ?it/s, v_num=28, val_loss=0.691, val_acc=0.495, val_auc=0.513, train_loss=0.706, train_acc=0.492]",
    "Epoch 1:   4%|▎         | 1/28 [00:00<00:20,  1.33it/s, v_num=28, val_loss=0.691, val_acc=0.495, val_auc=0.513, train_loss=0.706, train_acc=0.492]",
    "Epoch 1:   7%|▋         | 2/28 [00:00<00:10,  2.48it/s, v_num=28, val_loss=0.691, val_acc=0.495, val_auc=0.513, train_loss=0.706, train_acc=0.492]",
    "Epoch 1:  11%|█         | 3/28 [00:00<00:07,  3.50it/s, v_num=28, val_loss=0.691, val_acc=0.495, val_auc=0.513, train_loss=0.706, train_acc=0.492]",
    f"Epoch 1: 100%{BAR} 28/28 [00:05<00:00,  4.71it/s, v_num=28, val_loss=0.703, val_acc=0.532, val_auc=0.504, train_loss=0.706, train_acc=0.492]",
    f"Epoch 1: 100%{BAR} 28/28 [00:05<00:00,  4.71it/s, v_num=28, val_loss=0.703, val_acc=0.532, val_auc=0.504, train_loss=0.700, train_acc=0.516]",
    "Epoch 2:   4%|▎         | 1/28 [00:00<00:20,  1.33it/s, v_num=28, val_loss=0.703, val_acc=0.532, val_auc=0.504, train_loss=0.700, train_acc=0.516]",
]
HEADER = "GPU available: True (cuda), used: True\n"


def test_an_epoch_end_train_loss_is_one_point_an_epoch():
    monitor = read(HEADER + "\r" + "\r".join(_FRAMES) + "\n")
    store = monitor.store
    assert monitor.format_id == "lightning_bar"
    assert store["train_loss"].values.tolist() == [0.706, 0.7]
    assert store["val_loss"].values.tolist() == [0.691, 0.703]
    assert steps(monitor, "train_loss") == [28, 56]


def test_a_step_loss_shown_from_the_first_count_stays_one_point_a_count():
    # the same bar with the loss shown at every count from the start: a running figure, each count read
    frames = [
        "Epoch 0:   4%|▎         | 1/28 [00:00<00:20,  1.31it/s, v_num=28, train_loss=0.720]",
        "Epoch 0:   7%|▋         | 2/28 [00:00<00:10,  2.41it/s, v_num=28, train_loss=0.720]",
        "Epoch 0:  11%|█         | 3/28 [00:00<00:07,  3.46it/s, v_num=28, train_loss=0.698]",
        f"Epoch 0: 100%{BAR} 28/28 [00:05<00:00,  5.58it/s, v_num=28, train_loss=0.701]",
    ]
    monitor = read(HEADER + "\n".join(frames) + "\n")
    assert monitor.store["train_loss"].values.tolist() == [0.72, 0.72, 0.698, 0.701]


def test_the_corpus_log_reads_three_epochs():
    monitor = read((CORPUS / "brain-gcn-lightning-tqdm-cr-frames-prefix" / "finetune.log").read_bytes())
    assert monitor.store["train_loss"].values.tolist() == [0.706, 0.7, 0.701]
    assert monitor.store["val_loss"].values.tolist() == [0.691, 0.703, 0.689]
