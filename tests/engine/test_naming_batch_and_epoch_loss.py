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


# akshit-salhotra/MNIST @2188cca logs/train_14.log: a VAE's python logging, its batch lines every 10
# iterations (the first and last few of each epoch kept here) and the summary of each of its 2 epochs.
VAE_TWO_EPOCHS = """\
2025-01-08 16:11:22 - INFO - epoch:0/50 iteration:0/1876 batch loss is :59014.1016
2025-01-08 16:11:22 - INFO - epoch:0/50 iteration:10/1876 batch loss is :11910.4980
2025-01-08 16:11:23 - INFO - epoch:0/50 iteration:20/1876 batch loss is :8973.0381
2025-01-08 16:11:23 - INFO - epoch:0/50 iteration:30/1876 batch loss is :8531.9404
2025-01-08 16:11:23 - INFO - epoch:0/50 iteration:40/1876 batch loss is :7762.3955
2025-01-08 16:11:24 - INFO - epoch:0/50 iteration:50/1876 batch loss is :7931.7969
2025-01-08 16:11:24 - INFO - epoch:0/50 iteration:60/1876 batch loss is :8402.3252
2025-01-08 16:11:25 - INFO - epoch:0/50 iteration:70/1876 batch loss is :8084.5991
2025-01-08 16:12:14 - INFO - epoch:0/50 iteration:1860/1876 batch loss is :6814.0352
2025-01-08 16:12:14 - INFO - epoch:0/50 iteration:1870/1876 batch loss is :7111.5718
2025-01-08 16:12:15 - INFO - Epoch:0/50 Loss is :7404.0215
2025-01-08 16:12:15 - INFO - average reconstruction loss is :7214.3188
2025-01-08 16:12:15 - INFO - average kl divergence is : 474.2311
2025-01-08 16:12:18 - INFO - VAL loss :7352.8345
2025-01-08 16:12:19 - INFO - epoch:1/50 iteration:0/1876 batch loss is :7609.2646
2025-01-08 16:12:19 - INFO - epoch:1/50 iteration:10/1876 batch loss is :7808.7788
2025-01-08 16:12:20 - INFO - epoch:1/50 iteration:20/1876 batch loss is :7893.8794
2025-01-08 16:12:20 - INFO - epoch:1/50 iteration:30/1876 batch loss is :7341.5439
2025-01-08 16:12:20 - INFO - epoch:1/50 iteration:40/1876 batch loss is :7167.6631
2025-01-08 16:12:20 - INFO - epoch:1/50 iteration:50/1876 batch loss is :7356.9590
2025-01-08 16:12:21 - INFO - epoch:1/50 iteration:60/1876 batch loss is :7588.2339
2025-01-08 16:12:21 - INFO - epoch:1/50 iteration:70/1876 batch loss is :6682.5596
2025-01-08 16:13:14 - INFO - epoch:1/50 iteration:1830/1876 batch loss is :7388.7681
2025-01-08 16:13:14 - INFO - epoch:1/50 iteration:1840/1876 batch loss is :8168.2622
2025-01-08 16:13:14 - INFO - epoch:1/50 iteration:1850/1876 batch loss is :7185.0649
2025-01-08 16:13:14 - INFO - epoch:1/50 iteration:1860/1876 batch loss is :7374.3198
2025-01-08 16:13:14 - INFO - epoch:1/50 iteration:1870/1876 batch loss is :7029.2295
2025-01-08 16:13:15 - INFO - Epoch:1/50 Loss is :7216.7192
2025-01-08 16:13:15 - INFO - average reconstruction loss is :7213.4551
2025-01-08 16:13:15 - INFO - average kl divergence is : 8.1421
"""


def test_a_few_epoch_summaries_give_way_to_the_batch_loss_they_summarise(tmp_path):
    log = tmp_path / "train_14.log"
    log.write_text(VAE_TWO_EPOCHS)
    store = check_file(str(log)).store
    assert len(store["Loss"]) == 2 and len(store["batch loss"]) == 23
    assert (store.primary_train, store.primary_val) == ("batch loss", "VAL loss")
    # with as many epochs as make a curve (10), the summary is the curve again (the convention above)
    more = "".join(f"2025-01-08 16:{14 + k}:15 - INFO - Epoch:{k}/50 Loss is :{7100 - k}.1\n" for k in range(2, 10))
    log.write_text(VAE_TWO_EPOCHS + more)
    assert check_file(str(log)).store.primary_train == "Loss"
