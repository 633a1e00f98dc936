"""Records glued into one line that lost its line ends (holdout5a
chebnet-no-newlines-step-loss-average-glued: 53,766 characters and no newline; per-batch numbers
run together, and each periodic record starts "step N / M (epoch ...):")."""

import re

import pytest

from parse_helpers import CORPUS, read

from lossmon.engine.formats.glued_records import glued_restart, split_glued

LOG = (CORPUS / "chebnet-no-newlines-step-loss-average-glued" / "train.log").read_bytes()
# The file's first two records, glued as they are, then one cut before its validation part
# whose loss_average runs into the next per-batch numbers.
HEAD = LOG[: LOG.index(b"step 45 / 4000")].decode()


def test_a_line_without_line_ends_is_read_record_by_record():
    monitor = read(LOG)
    expected = [float(value) for value in re.findall(rb"loss_average = (\d\.\d\de[-+]\d\d)", LOG)]
    assert len(expected) == 72
    assert monitor.store["loss_average"].values.tolist() == expected
    assert monitor.store["loss_average"].steps.tolist()[:3] == [15.0, 30.0, 45.0]
    assert monitor.store["learning_rate"].values.tolist()[0] == 1e-3


def test_a_number_glued_to_the_next_digits_keeps_its_exponent():
    glued = "step 45 / 4000 (epoch 0.23 / 20):  learning_rate = 1.00e-03, loss_average = 6.95e-025.83934970.467771924.5723180"
    monitor = read((HEAD + glued) * 2)  # long enough to be cut
    assert monitor.store["loss_average"].values.tolist() == [0.149, 0.0727, 0.0695] * 2


def test_lines_of_normal_length_and_json_are_never_cut():
    assert split_glued("step 1 loss 2.0 step 2 loss 1.9 step 3 loss 1.8") is None
    record = '{"step": 1, "loss": 2.0, "note": "' + "step 2 " * 500 + '"}'
    assert split_glued(record) is None
    assert split_glued("x" * 5000 + "step 1 loss 2.0") is None  # one head is no run of records


def test_a_unit_never_swallows_an_exponent():
    # read alone, the glued value is no number at all, never 6.95 in units of "e"
    monitor = read("step 1: loss_average = 6.95e-025.839\nstep 2: loss_average = 7.0e-02\nstep 3: loss_average = 6.8e-02\nstep 4: loss_average = 6.7e-02\n")
    assert 6.95 not in monitor.store["loss_average"].values.tolist()


def _records(monitor_sizes, limit):
    from lossmon.engine import Monitor

    monitor = Monitor("test.log")
    monitor.splitter.max_line_bytes = limit
    got, position, index = [], 0, 0
    while position < len(LOG):
        size = monitor_sizes[index % len(monitor_sizes)]
        update = monitor.feed(LOG[position : position + size])
        got += list(update.batch.records()) if update.batch is not None else []
        position, index = position + size, index + 1
    update = monitor.finish()
    got += list(update.batch.records()) if update.batch is not None else []
    assert monitor.splitter.cut_lines == 0
    return got


@pytest.mark.parametrize("sizes", [[1 << 20], [4096], [1, 700, 3000, 9001], [6000, 13]])
def test_a_glued_line_handed_on_in_pieces_gives_the_records_of_the_whole_line(sizes):
    """Past the line limit the splitter hands the line on in pieces cut before record heads;
    a piece after the first is cut into its records however short it is (the last piece holds
    what follows the last cut: one or two records)."""
    whole = _records([len(LOG)], 1 << 20)
    assert len(whole) == 72
    assert _records(sizes, 4096) == whole


# SuKiWSN/Metric-Linear train_log1.txt (holdout22b): main.py appends one line per epoch; a third
# run's first record was written right after the second run's last one, the line end lost.
APPENDED = """\
Precision: 0.9996, Loss: 0.0009
Precision: 0.9997, Loss: 0.0007
Precision: 0.9998, Loss: 0.0006Precision: 0.3886, Loss: 1.6153
"""


def test_a_record_glued_to_the_one_before_by_a_lost_line_end_is_a_record_of_its_own():
    store = read(APPENDED).store
    assert store["Loss"].values.tolist() == [0.0009, 0.0007, 0.0006, 1.6153]
    assert store["Precision"].values.tolist() == [0.9996, 0.9997, 0.9998, 0.3886]


def test_a_name_seen_again_without_a_value_glued_before_it_is_no_restart():
    assert glued_restart("Precision: 0.9998, Loss: 0.0006Precision: 0.3886, Loss: 1.6153") == 31
    assert glued_restart("loss: 0.52 loss_cls: 0.31 loss_bbox: 0.12") is None  # spaced: a component
    assert glued_restart("Epoch 3 loss 0.41 (Epoch 3 done)") is None
    assert glued_restart("step 100, lr 3e-4, loss 2.31") is None


# holdout28c's winterweel run5.log: four runs appended to one file, each run's closing test loss
# printed with no line end, so the next run's first epoch is glued to it
WINTERWEEL = (
    "epoch7 : Train Loss: 2.4468  Valid Loss 0.2671\r\n"
    "epoch8 : Train Loss: 2.4289  Valid Loss 0.2743\r\n"
    "test loss : 0.2653412625294964epoch1 : Train Loss: 8.9729  Valid Loss 0.2871\r\n"
    "epoch2 : Train Loss: 2.4646  Valid Loss 0.2726\r\n"
    "epoch3 : Train Loss: 2.4598  Valid Loss 0.2659\r\n"
)


@pytest.mark.parametrize("chunk", [1 << 20, 11])
def test_a_record_head_glued_to_a_closing_value_starts_the_next_run(chunk):
    message = "test loss : 0.2653412625294964epoch1 : Train Loss: 8.9729  Valid Loss 0.2871"
    assert message[glued_restart(message):].startswith("epoch1 : Train Loss")
    store = read(WINTERWEEL, chunk=chunk).store
    assert store["Train Loss"].values.tolist() == [2.4468, 2.4289, 8.9729, 2.4646, 2.4598]
    assert store["test loss"].values.tolist() == [0.2653412625294964]
    # a value that runs into a word that heads no record stays one record ("loss 0.5epochs")
    assert glued_restart("loss: 0.5epochs done") is None and glued_restart("lr 1e-05 epoch 3") is None
