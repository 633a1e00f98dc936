"""A train loss printed on batch lines and again as the epoch's mean: the epoch mean is primary
(tests/corpus/README.md: "the epoch summary is the primary series"). lossmon.engine.naming
.choose_primary, with the store's count of the epochs the batch lines cover."""

from lossmon.engine import check_file

# hier-demand-reconciliation-training-log-batch-and-epoch-loss (holdout11u), python logging.
HIER = """\
2026-02-09 20:30:06,057 - __main__ - INFO - Starting training for 100 epochs...
2026-02-09 20:30:06,330 - __main__ - INFO - Epoch 1, Batch 0, Loss: 126.0124
2026-02-09 20:30:06,553 - __main__ - INFO - Epoch 1, Batch 50, Loss: 13.1194
2026-02-09 20:30:06,761 - __main__ - INFO - Epoch 1, Batch 100, Loss: 13.7868
2026-02-09 20:30:07,942 - __main__ - INFO - Epoch 1: Train Loss: 18.0524, Val Loss: 17.1897
2026-02-09 20:30:07,942 - __main__ - INFO - New best validation loss: 17.1897
2026-02-09 20:30:08,062 - __main__ - INFO - Epoch 2, Batch 0, Loss: 14.9004
2026-02-09 20:30:08,266 - __main__ - INFO - Epoch 2, Batch 50, Loss: 13.7497
2026-02-09 20:30:08,470 - __main__ - INFO - Epoch 2, Batch 100, Loss: 13.8136
2026-02-09 20:30:09,672 - __main__ - INFO - Epoch 2: Train Loss: 13.2066, Val Loss: 15.3086
2026-02-09 20:30:09,672 - __main__ - INFO - New best validation loss: 15.3086
2026-02-09 20:30:09,800 - __main__ - INFO - Epoch 3, Batch 0, Loss: 13.6198
"""


def test_the_epoch_mean_is_primary_over_batch_lines_of_the_same_loss(tmp_path):
    log = tmp_path / "training.log"
    log.write_text(HIER)
    store = check_file(str(log)).store
    assert len(store["Loss"]) == 7 and len(store["Train Loss"]) == 2
    assert (store.primary_train, store.primary_val) == ("Train Loss", "Val Loss")


def test_the_whole_corpus_log_plateaus_on_its_epoch_mean():
    monitor = check_file("tests/corpus/hier-demand-reconciliation-training-log-batch-and-epoch-loss/training.log")
    assert monitor.store.primary_train == "Train Loss"
    assert ("plateau", "warn") in [(f.pathology, f.severity) for f in monitor.findings]


def test_a_one_epoch_run_keeps_its_batch_lines_as_the_curve():
    # denoiser-train-valid-summary-one-epoch: two 'Train | Epoch 1 | i/2 | ... | Loss' lines and
    # one 'Train Summary | End of Epoch 1 | ... | Train Loss 5.52381'
    store = check_file("tests/corpus/denoiser-train-valid-summary-one-epoch/trainer.log").store
    assert store.primary_train == "Loss"
