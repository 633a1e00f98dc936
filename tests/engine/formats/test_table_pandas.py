"""CSV tables as pandas and str(tensor) write them (issue 12, holdout6). Lines from tests/corpus:
plantasia-keras-training-history-csv and dqn-bitcoin-logs-history-csv (``DataFrame.to_csv()`` of a
Keras history: an unnamed index column, ``\\r\\r\\n`` line ends in the first), and
unet-sngp-losses-csv-tensor-strings (cells holding ``str(torch.tensor)``)."""

import pytest
from parse_helpers import CORPUS, read, steps

from lossmon.engine.formats.table import cell_value, header_of

PLANTASIA = (
    b",accuracy,loss,val_accuracy,val_loss\r\r\n"
    b"0,0.30724069476127625,1.9463064670562744,0.6328125,1.2345123291015625\r\r\n"
    b"1,0.53125,1.5758024454116821,0.6484375,1.2185475826263428\r\r\n"
    b"2,0.6487280130386353,1.0870331525802612,0.765625,0.865381121635437\r\r\n"
)
DQN = (
    ",loss,lr,epsilon\n"
    "0,0.020461656153202057,0.009999992325901985,0.6561000000000001\n"
    "1,0.0009389627375639975,0.009999992325901985,0.38742048900000015\n"
    "7,9.297196811530739e-05,0.009999992325901985,0.0225283995449392\n"
)
UNET = (
    "Epoch,Train_loss,Val_loss\n"
    "1,\"tensor(3.1304, device='cuda:0', grad_fn=<DivBackward0>)\",\"tensor(2.9495, device='cuda:0')\"\n"
    "2,\"tensor(3.0639, device='cuda:0', grad_fn=<DivBackward0>)\",\"tensor(2.8784, device='cuda:0')\"\n"
)


@pytest.mark.parametrize("chunk", [1 << 20, 7])
def test_a_pandas_csv_with_its_unnamed_index_column(chunk):
    monitor = read(PLANTASIA, chunk=chunk)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", "val_loss")
    assert monitor.store["val_loss"].values.tolist() == [1.2345123291015625, 1.2185475826263428, 0.865381121635437]
    assert steps(monitor, "loss") == [0, 1, 2]  # the index: the only step the file has
    assert {s.name for s in monitor.store} == {"accuracy", "loss", "val_accuracy", "val_loss"}


def test_the_index_is_the_step_and_not_a_series():
    monitor = read(DQN)
    assert [s.name for s in monitor.store] == ["loss", "lr", "epsilon"]
    assert steps(monitor, "loss") == [0, 1, 7]
    assert monitor.store["loss"].values.tolist()[-1] == 9.297196811530739e-05


def test_the_index_named_on_a_second_round_trip():
    """read_csv then to_csv again names the old index "Unnamed: 0"; an epoch column, when there
    is one, stays the step."""
    monitor = read(DQN.replace(",loss,lr,epsilon", "Unnamed: 0,loss,lr,epsilon"))
    assert [s.name for s in monitor.store] == ["loss", "lr", "epsilon"]
    monitor = read("Unnamed: 0,epoch,loss\n0,1,0.5\n1,2,0.4\n")
    assert steps(monitor, "loss") == [1, 2]


@pytest.mark.parametrize("line", [", and then the loss went down", ",", ", loss", ",,loss"])
def test_a_line_opening_with_a_comma_is_no_header_unless_a_name_follows_at_once(line):
    assert header_of(line) is None


def test_cells_holding_the_repr_of_a_scalar():
    monitor = read(UNET)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("Train_loss", "Val_loss")
    assert monitor.store["Train_loss"].values.tolist() == [3.1304, 3.0639]
    assert monitor.store["Val_loss"].values.tolist() == [2.9495, 2.8784]


@pytest.mark.parametrize(
    "cell, value",
    [
        ("tensor(3.1304, device='cuda:0', grad_fn=<DivBackward0>)", 3.1304),
        ("tensor([0.52], device='cuda:0')", 0.52),
        ("tensor(nan, device='cuda:0')", float("nan")),
        ("np.float64(0.25)", 0.25),
        ("array(1.5e-03, dtype=float32)", 1.5e-03),
        ("tf.Tensor(0.75, shape=(), dtype=float32)", 0.75),
        ("2021-05-01", None),
        ("tensor([0.5, 0.6])", None),  # which of the values is the metric is not said
        ("f(0.5)", None),
    ],
)
def test_scalar_reprs(cell, value):
    got = cell_value(cell)
    assert (got is None and value is None) or got == value or (got != got and value != value)


def test_the_corpus_tables():
    for slug, name, train, val, count in [
        ("plantasia-keras-training-history-csv", "training_history.csv", "loss", "val_loss", 20),
        ("dqn-bitcoin-logs-history-csv", "history.csv", "loss", None, 8),
        ("unet-sngp-losses-csv-tensor-strings", "losses.csv", "Train_loss", "Val_loss", 100),
    ]:
        from lossmon.engine import check_file

        monitor = check_file(str(CORPUS / slug / name))
        assert (monitor.store.primary_train, monitor.store.primary_val) == (train, val), slug
        assert len(monitor.store[train]) == count


# PeppeSaccardi/cnn-with-pytorch output/losses.csv: DataFrame({"train": ..., "val": ...}).to_csv()
SPLIT_COLUMNS = ",train,val\n0,1.1410127187778853,1.096261190602125\n1,1.1232776059117884,1.0969484541099233\n"


def test_a_loss_file_whose_columns_are_named_by_their_split_alone():
    monitor = read(SPLIT_COLUMNS, path="output/losses.csv")
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train", "val")
    assert monitor.store["val"].values.tolist() == [1.096261190602125, 1.0969484541099233]
    assert steps(monitor, "train") == [0, 1]
    # the same header in a file named otherwise (a table of split sizes, say) names no loss
    assert len(read(",train,val\n0,27344,3039\n", path="output/sizes.csv").store) == 0
    assert header_of(",train,val") is None and header_of(",train,val", "losses.csv") == (",", ["", "train", "val"])
