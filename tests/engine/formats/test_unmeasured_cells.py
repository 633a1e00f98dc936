"""A held-out loss column of a table that writes 0 where nothing was measured: no points there
(tests/corpus/z-transformer-loss-csv-val-zero-placeholders, a Zig trainer's loss.csv whose rows
"before the first epoch ends read 0 because nothing has been measured yet"). A 0 the evidence
does not call a fill value stays a loss."""

from lossmon.engine.formats.unmeasured_cells import UnmeasuredZeros
from parse_helpers import CORPUS, read

# The real file, whole
LOSS_CSV = (
    "step,train_loss,val_loss,lr\n"
    "24,6.474011,0.000000,0.29888502\n"
    "49,6.059562,0.000000,0.24504843\n"
    "74,5.832430,0.000000,0.13857324\n"
    "99,5.686193,0.000000,0.03842629\n"
    "122,5.593455,5.154903,0.00006977\n"
)


def read_csv(text: str, chunk: int = 1 << 20):
    return read(text, chunk, path="loss.csv")


def test_zeros_before_the_first_evaluation_are_no_points():
    for chunk in (1 << 20, 31):
        store = read_csv(LOSS_CSV, chunk).store
        assert store["val_loss"].values.tolist() == [5.154903]
        assert store["val_loss"].steps.tolist() == [122.0]
        assert store["train_loss"].values.tolist() == [6.474011, 6.059562, 5.83243, 5.686193, 5.593455]
        assert (store.primary_train, store.primary_val) == ("train_loss", "val_loss")


def test_the_corpus_log():
    text = (CORPUS / "z-transformer-loss-csv-val-zero-placeholders" / "loss.csv").read_text()
    assert len(read_csv(text).store["val_loss"]) == 1


def test_zeros_between_evaluations_far_from_zero_are_no_points():
    rows = LOSS_CSV + "147,5.41,0.000000,0.0001\n172,5.30,5.01,0.0001\n"
    assert read_csv(rows).store["val_loss"].values.tolist() == [5.154903, 5.01]


def test_a_held_out_loss_that_comes_close_to_zero_keeps_its_zero():
    rows = "epoch,train_loss,val_loss\n1,0.52,0.31\n2,0.30,0.04\n3,0.21,0.000000\n4,0.15,0.000000\n"
    assert read_csv(rows).store["val_loss"].values.tolist() == [0.31, 0.04, 0.0, 0.0]


def test_a_zero_beside_a_training_loss_near_zero_stays():
    # a solved toy task: the held-out loss is 0 from its first evaluation, the training loss too
    rows = "epoch,train_loss,val_loss\n1,0.012,0.0\n2,0.004,0.0\n3,0.001,0.0\n"
    assert read_csv(rows).store["val_loss"].values.tolist() == [0.0, 0.0, 0.0]


def test_without_a_training_loss_there_is_no_evidence():
    zeros = UnmeasuredZeros(["step", "val_loss", "lr"])
    assert zeros.fill_cells([1.0, 0.0, 0.1]) == []


def test_a_kept_zero_makes_the_later_zeros_values():
    zeros = UnmeasuredZeros(["epoch", "train_loss", "val_loss"])
    assert zeros.fill_cells([1.0, 0.05, 0.0]) == []  # beside a training loss near 0: measured
    assert zeros.fill_cells([2.0, 0.9, 0.0]) == []  # the column has measured a 0 already


def test_minus_one_where_a_loss_was_not_logged_is_no_point():
    # protein-phylo-lightning-v61-minus-one-fill: "validation_loss,loss,reconstruction_loss,kl_loss,
    # epoch,step", every cell not logged in a row filled with -1.0 (500 validation rows, 40 train).
    path = CORPUS / "protein-phylo-lightning-v61-minus-one-fill" / "metrics.csv"
    rows = [line.split(",") for line in path.read_text().splitlines()[1:]]
    monitor = read_csv(path.read_text())
    for column, name in enumerate(("validation_loss", "loss", "reconstruction_loss", "kl_loss")):
        logged = [float(row[column]) for row in rows if row[column] != "-1.0"]
        assert list(monitor.store[name].values) == logged and len(logged) in (40, 500)


def test_a_loss_that_goes_negative_keeps_its_minus_one():
    fills = UnmeasuredZeros(["step", "loss"])
    assert [fills.fill_cells([1.0, value]) for value in (-0.42, -0.97, -1.0)] == [[], [], []]
    fills = UnmeasuredZeros(["step", "val_loss", "loss"])
    assert fills.fill_cells([1.0, 2.5, -1.0]) == [2] and fills.fill_cells([2.0, -1.0, 0.7]) == [1]
