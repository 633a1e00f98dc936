"""A progress bar with metrics in its postfix and a record glued right after its "]" (the capture lost
the line end between them): the record is read. Real lines: lucca-costa/MiniCRA-PCN @1f26276
output/logs/train.log (every 5th epoch's 'Train Loss' line is glued to its bar, with no \\r)."""

from parse_helpers import read

REAL = """Epoch 1/200 - Corruption Rate: 30.00%
Epoch 1/200: 100%|██████████| 62/62 [03:29<00:00,  3.37s/it, loss=0.111484, avg_loss=0.179592]
Epoch 1 - Train Loss: 0.179592 - Time: 209.1s - LR: 0.000100

Epoch 2/200 - Corruption Rate: 30.60%
Epoch 2/200: 100%|██████████| 62/62 [03:27<00:00,  3.35s/it, loss=0.093230, avg_loss=0.104044]
Epoch 2 - Train Loss: 0.104044 - Time: 207.9s - LR: 0.000100
✓ Saved checkpoint

Epoch 3/200 - Corruption Rate: 31.20%
Epoch 3/200: 100%|██████████| 62/62 [03:27<00:00,  3.35s/it, loss=0.073624, avg_loss=0.088877]
Epoch 3 - Train Loss: 0.088877 - Time: 207.6s - LR: 0.000100

Epoch 4/200 - Corruption Rate: 31.80%
Epoch 4/200: 100%|██████████| 62/62 [03:27<00:00,  3.34s/it, loss=0.076291, avg_loss=0.080605]
Epoch 4 - Train Loss: 0.080605 - Time: 207.2s - LR: 0.000100
✓ Saved checkpoint

Epoch 5/200 - Corruption Rate: 32.40%
Epoch 5/200: 100%|██████████| 62/62 [03:27<00:00,  3.34s/it, loss=0.076464, avg_loss=0.074996]Epoch 5 - Train Loss: 0.074996 - Time: 207.2s - LR: 0.000100

Validation Loss: 0.191757
✓ Saved best model (val_loss: 0.191757)

Epoch 6/200 - Corruption Rate: 33.00%
Epoch 6/200: 100%|██████████| 62/62 [03:27<00:00,  3.35s/it, loss=0.067918, avg_loss=0.070400]
Epoch 6 - Train Loss: 0.070400 - Time: 207.7s - LR: 0.000100
"""


def test_record_glued_after_a_postfix_bar_is_read():
    monitor = read(REAL)
    assert monitor.store["Train Loss"].values.tolist() == [0.179592, 0.104044, 0.088877, 0.080605, 0.074996, 0.0704]
    assert monitor.store["Validation Loss"].values.tolist() == [0.191757]
