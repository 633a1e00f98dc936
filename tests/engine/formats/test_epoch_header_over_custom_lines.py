"""A Keras-shaped "Epoch e/E" header over a custom loop's own lines (formats.auto._share_header).

``print(f"Epoch {epoch}/{epochs}")`` then one ``name: value`` line per figure is how countless
PyTorch loops print an epoch. The Keras reader takes the header (it is Keras's too); the lines
under it are the generic reader's, which must see the header for their step: without it they were
counted one by one, the training loss at 1, 3, 5 ... and the validation loss at 3, 3, 7, 7, 11 ...,
its 7th epoch's value last of all.
"""

from parse_helpers import CORPUS, read, steps

# The first three epochs of TrinhThaiSonDHQT/Fetal-Head-Segmentation's
# notebooks/accuracy_focus/standard_u_net/standard_u-net_results.tsx (0bb457ea), as captured.
FETAL_HEAD = (
    "Epoch 1/100\n"
    "  Train Loss: 0.4920\n"
    "  Val Loss:   0.4283\n"
    "  Val Dice:   0.0000\n"
    "  Val IoU:    0.0000\n"
    "  Val PA:     0.9908\n"
    "  LR:         0.000100\n"
    "  \u2192 Saved best model (Dice: 0.0000)\n"
    "\n"
    "Epoch 2/100\n"
    "  Train Loss: 0.3629\n"
    "  Val Loss:   0.3524\n"
    "  Val Dice:   0.0000\n"
    "  Val IoU:    0.0000\n"
    "  Val PA:     0.9917\n"
    "  LR:         0.000100\n"
    "  \u2192 Saved best model (Dice: 0.0000)\n"
    "\n"
    "Epoch 3/100\n"
    "  Train Loss: 0.3273\n"
    "  Val Loss:   0.3449\n"
    "  Val Dice:   0.0007\n"
    "  Val IoU:    0.0004\n"
    "  Val PA:     0.9892\n"
    "  LR:         0.000100\n"
    "  \u2192 Saved best model (Dice: 0.0007)\n"
)


def test_lines_under_the_header_are_at_its_epoch():
    for chunk in (1 << 20, 37):
        monitor = read(FETAL_HEAD, chunk=chunk)
        assert (monitor.store.primary_train, monitor.store.primary_val) == ("Train Loss", "Val Loss")
        for name, values in {
            "Train Loss": [0.492, 0.3629, 0.3273],
            "Val Loss": [0.4283, 0.3524, 0.3449],
            "Val Dice": [0.0, 0.0, 0.0007],
            "Val IoU": [0.0, 0.0, 0.0004],
            "LR": [0.0001, 0.0001, 0.0001],
        }.items():
            assert steps(monitor, name) == [1.0, 2.0, 3.0], name
            assert monitor.store[name].values.tolist() == values, name


def test_the_whole_fetal_head_log_in_epoch_order():
    monitor = read((CORPUS / "fetal-head-unet-results-tsx-dice-zero" / "standard_u-net_results.tsx").read_bytes())
    assert steps(monitor, "Train Loss") == [float(epoch) for epoch in range(1, 16)]
    assert steps(monitor, "Val Loss") == [float(epoch) for epoch in range(1, 16)]
    # (the 7th epoch's 0.2433 stands 7th, not last)
    assert monitor.store["Val Loss"].values.tolist()[6:] == [
        0.2433, 0.2139, 0.2004, 0.1862, 0.1781, 0.1656, 0.1537, 0.1443, 0.1414,
    ]
    assert len(monitor.store["Val Dice"]) == 15


def test_the_pytorch_tutorial_phases_share_their_epoch():
    # Frees4/neurowoodhack train_log.txt: "Epoch 0/4", a rule, "train Loss: 1.0708 Acc: 0.4610",
    # "val Loss: 0.9804 Acc: 0.8707" (the transfer-learning tutorial's loop, CRLF)
    monitor = read((CORPUS / "pytorch-tutorial-epoch-train-val-loss-acc-blocks" / "train_log.txt").read_bytes())
    assert steps(monitor, "train Loss") == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert steps(monitor, "val Loss") == [0.0, 1.0, 2.0, 3.0, 4.0]
