"""``<how> <metric> at step N: value`` (issue 12): a metric named by its words before "at step"
(as printed; a leading "Training" before two or more words is the pass, not the metric), its step
the number after it. The class is read by pairs.at_step_pairs, with "Cost after iteration N: v"
(tests/engine/formats/test_metric_after_its_step.py).

Real lines: tests/corpus/rotate-fb15k-train-log-txt (KnowledgeGraphEmbedding's log_metrics,
``logging.info('%s %s at step %d: %f' % (mode, metric, step, metrics[metric]))``: "Training
average loss at step 100: 1.286299", "Valid MRR at step 0: 0.003928"). The same sentence as
TensorFlow's word2vec_basic.py prints it (``print('Average loss at step ', step, ': ',
average_loss)``: blanks around the step and the colon) and as the Udacity deep-learning notebooks
print it (``print('Minibatch loss at step %d: %f' % (step, l))``).
"""

import pytest
from parse_helpers import CORPUS, read, steps

ROTATE = CORPUS / "rotate-fb15k-train-log-txt" / "train.log.txt"

KGE = """\
2025-12-03 18:59:44,251 INFO     learning_rate = 0
2025-12-03 18:59:45,604 INFO     Training average positive_sample_loss at step 0: 3.194196
2025-12-03 18:59:45,604 INFO     Training average negative_sample_loss at step 0: 0.052769
2025-12-03 18:59:45,604 INFO     Training average loss at step 0: 1.623482
2025-12-03 18:59:45,604 INFO     Evaluating on Valid Dataset...
2025-12-03 18:59:46,189 INFO     Evaluating the model... (0/6250)
2025-12-03 19:02:01,701 INFO     Valid MRR at step 0: 0.003928
2025-12-03 19:02:01,701 INFO     Valid MR at step 0: 7084.905200
2025-12-03 19:02:01,701 INFO     Valid HITS@1 at step 0: 0.002820
2025-12-03 19:02:06,356 INFO     Training average positive_sample_loss at step 100: 2.324408
2025-12-03 19:02:06,356 INFO     Training average negative_sample_loss at step 100: 0.248190
2025-12-03 19:02:06,356 INFO     Training average loss at step 100: 1.286299
2025-12-03 19:02:10,713 INFO     Training average positive_sample_loss at step 200: 1.074994
2025-12-03 19:02:10,714 INFO     Training average negative_sample_loss at step 200: 0.585836
2025-12-03 19:02:10,714 INFO     Training average loss at step 200: 0.830415
"""


@pytest.mark.parametrize("chunk", (1 << 20, 89))
def test_a_metric_at_its_step_on_lines_of_its_own(chunk):
    monitor = read(KGE, chunk=chunk)
    store = monitor.store
    assert store.primary_train == "average loss"
    assert store["average loss"].values.tolist() == [1.623482, 1.286299, 0.830415]
    assert steps(monitor, "average loss") == [0, 100, 200]
    assert steps(monitor, "average positive_sample_loss") == [0, 100, 200]
    assert store.primary_val is None  # (MRR, MR and HITS are no losses)


def test_the_whole_kge_log():
    monitor = read(ROTATE.read_bytes())
    store = monitor.store
    assert (store.primary_train, len(store["average loss"])) == ("average loss", 138)
    assert store["Valid MRR"].values.tolist() == [0.003928, 0.729632]
    assert steps(monitor, "Valid MRR") == [0, 10000]
    assert store["Valid HITS@1"].split == "val"
    assert store.primary_val is None  # (MRR, MR and HITS are no losses)
    assert store["average loss"].values[-1] == 0.092014


WORD2VEC = """\
Initialized
Average loss at step  0 :  288.173339844
Nearest to than: paraguayan, cheer, brightly, oakland,
Average loss at step  2000 :  113.739018
Average loss at step  4000 :  52.7262561
"""

UDACITY = """\
Initialized
Minibatch loss at step 0: 3446.947266
Minibatch accuracy: 8.6%
Validation accuracy: 22.8%
Minibatch loss at step 500: 21.306847
Minibatch accuracy: 78.1%
Validation accuracy: 78.0%
"""


def test_blanks_around_the_step_and_the_colon():
    monitor = read(WORD2VEC)
    assert monitor.store["Average loss"].values.tolist() == [288.173339844, 113.739018, 52.7262561]
    assert steps(monitor, "Average loss") == [0, 2000, 4000]


def test_the_loss_at_its_step_beside_lines_of_plain_pairs():
    monitor = read(UDACITY)
    assert steps(monitor, "Minibatch loss") == [0, 500]
    assert monitor.store.primary_train == "Minibatch loss"
    assert monitor.store["Validation accuracy"].values.tolist() == [22.8, 78.0]


def test_held_out_and_training_values_of_one_metric_stay_two_series():
    monitor = read(
        "Training loss at step 100: 0.52\nValid loss at step 100: 0.61\n"
        "Training loss at step 200: 0.48\nValid loss at step 200: 0.60\n"
    )
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("Training loss", "Valid loss")
    assert store["Training loss"].values.tolist() == [0.52, 0.48]
    assert store["Valid loss"].values.tolist() == [0.61, 0.60]


def test_a_sentence_that_names_no_number_gives_no_series():
    monitor = read(
        "Saved checkpoint at step 100: /ckpt/model-100.pt\nloss: 0.5 step: 100\n"
        "Saved checkpoint at step 200: /ckpt/model-200.pt\nloss: 0.4 step: 200\n"
    )
    assert {series.name for series in monitor.store} == {"loss"}


# tests/corpus/mnist-classifier-tqdm-epoch-loss-zero (rosikand/mnist_classifier saved/log.txt, lines
# 1-6): the step in brackets between the metric and its colon, print(f"Training Loss (epoch {e}): ..."),
# each after its epoch's finished tqdm bar.
BAR = "███████████████████████████████████████████████████████"
BRACKETED_EPOCH = (
    f"Epoch 1: 100%|{BAR}| 9000/9000 [00:09<00:00, 908.88it/s]\n"
    "Training Loss (epoch 1): 0.0022757455059152216\n"
    f"Epoch 2: 100%|{BAR}| 9000/9000 [00:09<00:00, 913.36it/s]\n"
    "Training Loss (epoch 2): 0.0\n"
    f"Epoch 3: 100%|{BAR}| 9000/9000 [00:09<00:00, 912.38it/s]\n"
    "Training Loss (epoch 3): 0.0\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 77))
def test_a_metric_with_its_step_in_brackets(chunk):
    monitor = read(BRACKETED_EPOCH, chunk=chunk)
    store = monitor.store
    assert store.primary_train == "Training Loss"
    assert store["Training Loss"].values.tolist() == [0.0022757455059152216, 0.0, 0.0]
    assert steps(monitor, "Training Loss") == [1, 2, 3]


@pytest.mark.parametrize(
    "text, expected",
    (
        ("loss (step 200/1000) = 1.3", {"step": 200.0, "loss": 1.3}),
        ("Loss (avg): 0.3", {"Loss (avg)": 0.3}),  # a qualifier, no step
        ("Saved model (epoch 3): best.pt", {}),  # no value
    ),
)
def test_what_a_bracketed_step_is_and_is_not(text, expected):
    from lossmon.engine.formats.pairs import message_pairs

    assert {pair.name: pair.value for pair in message_pairs(text)} == expected


def test_the_whole_mnist_log():
    monitor = read((CORPUS / "mnist-classifier-tqdm-epoch-loss-zero" / "log.txt").read_bytes())
    store = monitor.store
    assert (store.primary_train, len(store["Training Loss"])) == ("Training Loss", 10)


# tests/corpus/kingusiu-dadrah-train-2-log-vae-batch-loss-repeats (train_2.log, lines 39-44): Keras's
# guide to a training loop written from scratch, print("Training loss (for one batch) at step %d:
# %.4f" % (step, float(loss_value))), and its copies: a bracketed qualifier between the metric's
# words and "at step".
FROM_SCRATCH = """\
Start of epoch 0

Training loss (for one batch) at step 0: 43567.3203125
Training loss (for one batch) at step 100: 21129.0859375
Training loss (for one batch) at step 200: 31222.275390625
Training loss (for one batch) at step 300: 19377.767578125
"""


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_a_qualifier_in_brackets_before_at_step(chunk):
    monitor = read(FROM_SCRATCH, chunk=chunk)
    name = "Training loss (for one batch)"
    assert monitor.store.primary_train == name
    assert monitor.store[name].values.tolist() == [43567.3203125, 21129.0859375, 31222.275390625, 19377.767578125]
    assert steps(monitor, name) == [0, 100, 200, 300]


@pytest.mark.parametrize(
    "text, expected",
    (
        ("step 3: Training loss (for one batch): 0.52", {"step": 3.0, "Training loss (for one batch)": 0.52}),
        ("Train loss (avg) at step 7: 1.5", {"step": 7.0, "Train loss (avg)": 1.5}),
    ),
)
def test_what_a_qualifier_of_several_words_qualifies(text, expected):
    from lossmon.engine.formats.pairs import message_pairs

    assert {pair.name: pair.value for pair in message_pairs(text)} == expected


def test_split_sizes_with_a_bracket_are_no_record():
    """tests/corpus/wellrack-keypoint-train-log-epoch-lines, line 3: a data set's split sizes, no
    metric's noun before the bracket: no qualified name, so the line stays unread."""
    monitor = read("[TRAIN] Train: 56, Val: 6, Test (held out): 6\n"
                   "Epoch 001/150 | train_loss=0.141221 | val_loss=0.133002\n")
    assert {series.name for series in monitor.store} == {"Epoch", "train_loss", "val_loss"}


def test_start_of_epoch_is_an_epoch_header_and_the_steps_run_on():
    """The same loop's "Start of epoch e" before each epoch, whose steps count again from 0: one
    run, its steps continuing across epochs (the whole log: 136 batches in one segment, not three)."""
    monitor = read((CORPUS / "kingusiu-dadrah-train-2-log-vae-batch-loss-repeats" / "train_2.log").read_bytes())
    name = "Training loss (for one batch)"
    assert len(monitor.store[name]) == 136
    assert monitor.store[name].segment_starts == [0]
    assert steps(monitor, name)[52:55] == [5200, 5201, 5301]  # epoch 0 ends at step 5200; epoch 1's step 0 follows


@pytest.mark.parametrize("text", ["Starting epoch 3/10", "==> Start of epoch 3", "Beginning of epoch 3...", "start of the training epoch 3:"])
def test_sentences_that_announce_an_epoch(text):
    monitor = read(f"{text}\nstep 100: loss=0.5\nstep 200: loss=0.4\n")
    assert monitor.store["loss"].values.tolist() == [0.5, 0.4]


def test_a_sentence_about_an_epoch_that_announces_none_is_no_header():
    monitor = read("Start of epoch 0 took 3.2 s\nloss: 0.5\nloss: 0.4\n")
    assert {series.name for series in monitor.store} == {"loss"}
