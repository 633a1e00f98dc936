"""Tables with a column per pass and a row per metric (lossmon.engine.formats.pass_columns).

- tests/corpus/allennlp-names-stdout-table-prefix (Mkamel104/Allennlp_4 output/stdout.log, lines
  122-135): AllenNLP 0.8's trainer table, "Training |  Validation" over "loss | 2.876 | 2.958".
- TENSORBOARD_WRITER: an AllenNLP 0.9 log quoted in a public README (search index file id
  27599787245): the same table from allennlp.training.tensorboard_writer, with an "N/A" cell.
- The header of a copy of the layout between pipes, and markdown's, from public files found by
  the same search ("            |   Training |  Validation", "|           |  Training |  Validation | Testing |").
"""

import pytest

from lossmon.engine.formats import detect
from lossmon.engine.formats.pass_columns import passes
from tests.engine.formats.parse_helpers import CORPUS, read, steps

ALLENNLP_08 = (
    "2019-04-15 22:54:21,104 - INFO - allennlp.training.trainer - Training\n"
    "2019-04-15 22:54:21,126 - INFO - allennlp.training.trainer - Validating\n"
    "2019-04-15 22:54:21,130 - INFO - allennlp.training.trainer -              Training |  Validation\n"
    "2019-04-15 22:54:21,130 - INFO - allennlp.training.trainer - loss     |     2.876  |     2.958\n"
    "2019-04-15 22:54:21,130 - INFO - allennlp.training.trainer - accuracy |     0.111  |     0.000\n"
    "2019-04-15 22:54:21,132 - INFO - allennlp.training.trainer - Best validation performance so far. Copying weights to './output/best.th'.\n"
    "2019-04-15 22:54:21,132 - INFO - allennlp.training.trainer - Epoch duration: 00:00:00\n"
    "2019-04-15 22:54:21,132 - INFO - allennlp.training.trainer - Estimated training time remaining: 0:00:06\n"
    "2019-04-15 22:54:21,132 - INFO - allennlp.training.trainer - Epoch 1/199\n"
    "2019-04-15 22:54:21,132 - INFO - allennlp.training.trainer - Peak CPU memory usage MB: 200.576\n"
    "2019-04-15 22:54:21,147 - INFO - allennlp.training.trainer - Training\n"
    "2019-04-15 22:54:21,170 - INFO - allennlp.training.trainer - Validating\n"
    "2019-04-15 22:54:21,173 - INFO - allennlp.training.trainer -              Training |  Validation\n"
    "2019-04-15 22:54:21,174 - INFO - allennlp.training.trainer - loss     |     2.780  |     3.020\n"
    "2019-04-15 22:54:21,174 - INFO - allennlp.training.trainer - accuracy |     0.333  |     0.000\n"
)

TENSORBOARD_WRITER = (
    "2019-10-15 12:46:03,515 - INFO - allennlp.training.tensorboard_writer -                   Training |  Validation\n"
    "2019-10-15 12:46:03,515 - INFO - allennlp.training.tensorboard_writer - cpu_memory_MB |  1919.684  |       N/A\n"
    "2019-10-15 12:46:03,516 - INFO - allennlp.training.tensorboard_writer - accuracy3     |     0.356  |     0.384\n"
    "2019-10-15 12:46:03,516 - INFO - allennlp.training.tensorboard_writer - accuracy      |     0.166  |     0.185\n"
    "2019-10-15 12:46:03,517 - INFO - allennlp.training.tensorboard_writer - loss          |     3.572  |     3.231\n"
    "2019-10-15 12:46:03,540 - INFO - allennlp.training.checkpointer - Best validation performance so far. Copying weights to './output/simple_tagger_without_nyms.json//best.th'.\n"
    "2019-10-15 12:46:03,546 - INFO - allennlp.training.trainer - Epoch duration: 0:00:39.848754\n"
    "2019-10-15 12:46:43,818 - INFO - allennlp.training.tensorboard_writer -                   Training |  Validation\n"
    "2019-10-15 12:46:43,818 - INFO - allennlp.training.tensorboard_writer - cpu_memory_MB |  2232.720  |       N/A\n"
    "2019-10-15 12:46:43,819 - INFO - allennlp.training.tensorboard_writer - accuracy3     |     0.449  |     0.598\n"
    "2019-10-15 12:46:43,819 - INFO - allennlp.training.tensorboard_writer - accuracy      |     0.251  |     0.368\n"
    "2019-10-15 12:46:43,820 - INFO - allennlp.training.tensorboard_writer - loss          |     3.023  |     2.489\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 71))
def test_each_table_is_one_record_of_both_passes(chunk):
    monitor = read(ALLENNLP_08, chunk=chunk)
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("loss", "Validation/loss")
    assert store["loss"].values.tolist() == [2.876, 2.780]
    assert store["Validation/loss"].values.tolist() == [2.958, 3.020]
    assert store["Validation/accuracy"].values.tolist() == [0.0, 0.0]
    assert steps(monitor, "loss") == steps(monitor, "Validation/loss") == [1, 2]  # one table per epoch


@pytest.mark.parametrize("chunk", (1 << 20, 53))
def test_a_pass_that_did_not_compute_a_metric_says_n_a(chunk):
    monitor = read(TENSORBOARD_WRITER, chunk=chunk)
    store = monitor.store
    assert store["loss"].values.tolist() == [3.572, 3.023]
    assert store["Validation/loss"].values.tolist() == [3.231, 2.489]
    assert store["accuracy3"].values.tolist() == [0.356, 0.449]
    assert "Validation/cpu_memory_MB" not in store


@pytest.mark.parametrize(
    "header, expected",
    (
        ("Training |  Validation", ["Training", "Validation"]),
        ("            |   Training |  Validation", ["Training", "Validation"]),
        ("|           |  Training |  Validation | Testing |", ["Training", "Validation", "Testing"]),
        ("|  RMSE   |  Training |  Validation |", None),  # a corner that names a metric: another table
        ("Training | Validation loss", None),
        ("Training", None),
    ),
)
def test_headers_name_passes_only(header, expected):
    assert passes(header) == expected
    assert (detect(header) is not None and detect(header).id == "pass_columns") == (expected is not None)


def test_the_whole_allennlp_log_is_read():
    monitor = read((CORPUS / "allennlp-names-stdout-table-prefix" / "stdout.log").read_bytes())
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("loss", "Validation/loss")
    assert len(store["loss"]) == len(store["Validation/loss"]) == 32  # grep -c 'trainer - loss  '
