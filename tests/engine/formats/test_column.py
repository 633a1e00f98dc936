"""One column of numbers (issue 12, holdout6): a file that holds one metric, one value per line,
named by a one-token header or, with none, by the file's name. Lines from tests/corpus
(breaking-test-loss-csv-single-column: a one-column loss.csv; conactive-loss-txt-bare-numbers and
in104-loss-csv-bare-numbers: bare floats in loss.txt / loss.csv)."""

import pytest
from parse_helpers import CORPUS, steps

from lossmon.engine import Monitor, check_file
from lossmon.engine.formats.column import name_from_path

ONE_COLUMN_CSV = "loss\n0.35797476798407574\n0.3108355691836759\n0.30909985774265974\n0.3078203619528226\n"
BARE = "5.052910804748535\n4.527416706085205\n4.038218021392822\n3.5516674518585205\n3.1251983642578125\n"
BARE_FIXED = "70.771056\n69.868828\n69.287965\n68.698210\n68.165024\n67.689227\n"


def read_as(path: str, data: str | bytes, chunk: int = 1 << 20) -> Monitor:
    """A Monitor of a log at ``path`` (its name matters here) that has read ``data``."""
    if isinstance(data, str):
        data = data.encode()
    monitor = Monitor(path)
    for start in range(0, len(data), chunk):
        monitor.feed(data[start : start + chunk])
    monitor.finish()
    return monitor


@pytest.mark.parametrize("chunk", [1 << 20, 5])
def test_a_one_column_csv_is_the_series_its_header_names(chunk):
    monitor = read_as("results/anything.csv", ONE_COLUMN_CSV, chunk)
    assert monitor.format_id == "column"
    assert monitor.store.primary_train == "loss"
    assert monitor.store["loss"].values.tolist() == [0.35797476798407574, 0.3108355691836759, 0.30909985774265974, 0.3078203619528226]
    assert steps(monitor, "loss") == [1, 2, 3, 4]


@pytest.mark.parametrize("path", ["loss.txt", "runs/exp1/loss.csv", "/tmp/Train_loss.log", "val_loss.txt.gz"])
def test_bare_numbers_are_named_by_a_file_name_that_names_a_metric(path):
    monitor = read_as(path, BARE)
    name = name_from_path(path)
    assert name == path.rsplit("/", 1)[-1].split(".")[0]
    assert [s.name for s in monitor.store] == [name]
    assert monitor.store[name].values.tolist() == [5.052910804748535, 4.527416706085205, 4.038218021392822, 3.5516674518585205, 3.1251983642578125]


@pytest.mark.parametrize("path", ["train.txt", "ids.csv", "test.log", "-"])
def test_bare_numbers_in_a_file_named_otherwise_are_not_a_series(path):
    """train.txt of sample ids, a pipe: nothing says what the numbers are."""
    assert len(read_as(path, BARE_FIXED).store) == 0


def test_crlf_and_a_second_run_appended_under_its_own_header():
    data = ONE_COLUMN_CSV.replace("\n", "\r\n") + "loss\r\n0.5\r\n0.4\r\n"
    monitor = read_as("loss.csv", data)
    assert len(monitor.store["loss"]) == 6
    assert monitor.store["loss"].values.tolist()[-2:] == [0.5, 0.4]


def test_a_log_that_starts_with_a_title_word_is_read_as_usual():
    """A one-token line 1 that names no metric is no header; a sentence is no header either."""
    for first in ("Training", "Loss curve for run 3"):
        monitor = read_as("train.log", f"{first}\nstep 1 loss=0.52\nstep 2 loss=0.47\n3\n")
        assert [s.name for s in monitor.store] == ["loss"]
        assert steps(monitor, "loss") == [1, 2]
        assert monitor.format_id != "column"


def test_the_corpus_columns_are_read_whole():
    for slug, name, count in [
        ("breaking-test-loss-csv-single-column", "loss.csv", 40),
        ("conactive-loss-txt-bare-numbers", "loss.txt", 2022),
        ("in104-loss-csv-bare-numbers", "loss.csv", 405),
    ]:
        monitor = check_file(str(CORPUS / slug / name))
        assert (monitor.store.primary_train, len(monitor.store["loss"])) == ("loss", count), slug
        assert len(monitor.store) == 1


def test_the_fast_path_reads_the_same_records_as_the_slow_one():
    data = (CORPUS / "in104-loss-csv-bare-numbers" / "loss.csv").read_bytes()
    whole = read_as("loss.csv", data)
    cut = read_as("loss.csv", data, chunk=97)
    assert whole.store["loss"].values.tolist() == cut.store["loss"].values.tolist()
    assert steps(whole, "loss") == steps(cut, "loss") == list(range(1, 406))


def test_a_list_saved_through_pandas_is_named_by_the_file():
    """pd.DataFrame(losses).to_csv("loss.csv") heads its one column "0" after the index's empty
    name; with index=False the header is "0" alone. Neither is a value, and the index is the step."""
    monitor = read_as("loss.csv", ",0\n0,0.35797476798407574\n1,0.3108355691836759\n2,0.30909985774265974\n")
    assert monitor.store["loss"].values.tolist() == [0.35797476798407574, 0.3108355691836759, 0.30909985774265974]
    assert steps(monitor, "loss") == [0, 1, 2]
    monitor = read_as("loss.csv", "0\n0.35797476798407574\n0.3108355691836759\n")
    assert monitor.store["loss"].values.tolist() == [0.35797476798407574, 0.3108355691836759]
    assert len(read_as("data.csv", ",0\n0,0.35\n1,0.31\n").store) == 0


def test_a_file_named_for_a_metric_whose_line_1_is_a_word_is_no_column():
    """pix2pix-like loss_log.txt opening with one word: later bare numbers are not its values."""
    monitor = read_as("loss_log.txt", "Training\nstep 1 loss=0.52\n3\nstep 2 loss=0.47\n")
    assert [s.name for s in monitor.store] == ["loss"]
    assert monitor.store["loss"].values.tolist() == [0.52, 0.47]


@pytest.mark.parametrize("chunk", [1 << 20, 3])
@pytest.mark.parametrize("path, data", [("elbo.csv", "elbo\n-1.5\n-2.25\n-inf\n"), ("loss.txt", "-0.75\n.5\n-3e-2\n-nan\n")])
def test_negative_values_keep_their_sign(path, data, chunk):
    """A lone "-" at a line's start is a sign, not a separator of the logging prefix: a column of
    ELBOs or negative log-likelihoods read as positive would turn a falling curve into a rising one
    (found by tests/engine/formats/test_properties.py: b"loss\\n-inf" read as +inf)."""
    import math

    monitor = read_as(path, data, chunk)
    values = monitor.store[path.split(".")[0]].values.tolist()
    expected = [-1.5, -2.25, -math.inf] if path == "elbo.csv" else [-0.75, 0.5, -0.03, math.nan]
    assert [("nan" if math.isnan(v) else v) for v in values] == [("nan" if math.isnan(v) else v) for v in expected]


def test_a_header_of_words_ending_in_the_metric_names_the_column_and_a_title_does_not(tmp_path):
    # NoeFlandre/fcnn-mnist train_metrics.csv (CRLF): "Train Loss" over one value per epoch
    path = tmp_path / "train_metrics.csv"
    path.write_bytes(b"Train Loss\r\n2.2003278554375494\r\n1.9704421704003552\r\n1.673619175516466\r\n")
    store = check_file(str(path)).store
    assert store.primary_train == "Train Loss"
    assert store["Train Loss"].values.tolist() == [2.2003278554375494, 1.9704421704003552, 1.673619175516466]
    # words that end in no metric's noun are a title over the values, not their name
    title = tmp_path / "notes.txt"
    title.write_text("Loss curve\n0.5\n0.4\n")
    assert not len(check_file(str(title)).store)


# hisham24/HeartSegmentation train_loss_history.txt: print(loss) of a TensorFlow scalar per epoch
TF_TENSORS = (
    "tf.Tensor(0.8734007, shape=(), dtype=float32)\n"
    "tf.Tensor(0.15846308, shape=(), dtype=float32)\n"
    "tf.Tensor(0.0995519, shape=(), dtype=float32)\n"
    "tf.Tensor(0.08696299, shape=(), dtype=float32)\n"
)


@pytest.mark.parametrize("chunk", [1 << 20, 7])
def test_a_scalar_repr_per_line_is_a_column_named_by_the_file(chunk):
    monitor = read_as("train_loss_history.txt", TF_TENSORS, chunk)
    assert monitor.format_id == "column"
    assert monitor.store["train_loss"].values.tolist() == [0.8734007, 0.15846308, 0.0995519, 0.08696299]
    assert steps(monitor, "train_loss") == [1, 2, 3, 4]
    # torch's and numpy's spellings
    torch = "tensor(0.5210, device='cuda:0')\ntensor(0.4870, device='cuda:0')\n"
    assert read_as("loss.txt", torch).store["loss"].values.tolist() == [0.521, 0.487]
    assert read_as("loss.txt", "np.float64(0.52)\nnp.float64(0.48)\n").store["loss"].values.tolist() == [0.52, 0.48]
    # in a file named otherwise, nothing says what they are
    assert len(read_as("outputs.txt", TF_TENSORS).store) == 0


def test_an_epoch_word_and_count_before_each_value_in_a_file_named_by_its_metric():
    # VishalIITB/Image_caption_generator_Course_project @142737e epoch_losses.txt (its first lines)
    lines = "Epoch 1: 3.7831545305817493\nEpoch 2: 3.163280901701554\nEpoch 3: 2.962302800317998\nEpoch 4: 2.838067044570983\n"
    monitor = read_as("epoch_losses.txt", lines)
    assert monitor.store.primary_train == "epoch_losses"
    assert list(monitor.store["epoch_losses"].values) == [3.7831545305817493, 3.163280901701554, 2.962302800317998, 2.838067044570983]
    assert steps(monitor, "epoch_losses") == [1, 2, 3, 4]
    # the same lines in a file whose name names nothing are not taken for a column
    assert read_as("notes.txt", lines).store.primary_train is None


def test_an_epoch_written_as_a_float_before_each_value():
    # holdout19a's SecurityLab-UCD/UniTSyncer results/epoch_losses.txt (corpus unitsyncer-epoch-losses-
    # two-appended-runs, its first 4 lines): a fine-tuning script writes "<epoch as float>: <loss>"
    lines = "1.0: 5.0878\n2.0: 5.0675\n1.0: 5.1475\n2.0: 5.0774\n"
    monitor = read_as("epoch_losses.txt", lines)
    assert list(monitor.store["epoch_losses"].values) == [5.0878, 5.0675, 5.1475, 5.0774]
    assert steps(monitor, "epoch_losses")[:2] == [1, 2]
    # a step that is no whole number is no epoch's count
    assert read_as("epoch_losses.txt", "1.5: 5.0878\n2.5: 5.0675\n").store.primary_train is None


def test_pandas_to_csv_of_step_value_pairs_in_a_file_named_by_its_metric():
    # blue88blue/RL_algorithms @a23df6f output/train_loss.csv (its first rows): the row's number,
    # then the step (a DQN's updates start at 540), then the loss
    lines = ",0,1\n0,540,0.12279941141605377\n1,541,0.06250566244125366\n2,542,0.06195906177163124\n3,543,0.11571687459945679\n"
    monitor = read_as("train_loss.csv", lines)
    assert monitor.store.primary_train == "train_loss"
    assert steps(monitor, "train_loss") == [540, 541, 542, 543]
    assert list(monitor.store["train_loss"].values)[:2] == [0.12279941141605377, 0.06250566244125366]
