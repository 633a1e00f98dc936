"""PyTorch's ImageNet example and the many scripts copied from it (issue 12): ``Epoch: [e][i/n]``
train lines and ``Test: [i/n]`` held-out lines of ``name value (running average)`` pairs.

- the step of a train line is batch i of epoch e, e * n + i, so epochs follow one another;
- a ``Test:``/``Val:`` line is held-out (``Test/Loss``), a record at the last train step, one
  per line printed (these scripts print no loss summary after the pass);
- a value is the current one, not the running average in brackets.

Real lines: tests/corpus/ws-dan-sac-nohup-train-log; a CGCNN fork's captured output (epochs of
18 batches, one test batch each); a Jetson Nano README quoting jetson-inference's train.py
(``Epoch: [34] completed`` between the passes); SalsaNext's trainer (``Update: 2.258e-01``, the
update ratio, before the epoch).
"""

from pathlib import Path

import pytest
from parse_helpers import read, steps

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

CGCNN = (
    "Epoch: [0][0/18]\tTime 6.750 (6.750)\tData 5.749 (5.749)\tLoss 3.3729 (3.3729)\tMAE 117.867 (117.867)\n"
    "Epoch: [0][10/18]\tTime 4.590 (5.257)\tData 3.603 (4.058)\tLoss 0.8073 (3.0405)\tMAE 48.669 (94.539)\n"
    "Test: [0/6]\tTime 4.679 (4.679)\tLoss 0.8847 (0.8847)\tMAE 57.510 (57.510)\n"
    " * MAE 56.231\n"
    "Epoch: [1][0/18]\tTime 0.972 (0.972)\tData 0.028 (0.028)\tLoss 0.8769 (0.8769)\tMAE 56.798 (56.798)\n"
    "Epoch: [1][10/18]\tTime 1.508 (1.101)\tData 0.021 (0.015)\tLoss 0.5600 (0.7736)\tMAE 44.885 (51.831)\n"
    "Test: [0/6]\tTime 0.250 (0.250)\tLoss 0.6272 (0.6272)\tMAE 37.322 (37.322)\n"
    " * MAE 32.684\n"
    "Epoch: [2][0/18]\tTime 1.069 (1.069)\tData 0.021 (0.021)\tLoss 0.5012 (0.5012)\tMAE 30.793 (30.793)\n"
    "Epoch: [2][10/18]\tTime 1.023 (1.170)\tData 0.014 (0.015)\tLoss 0.2106 (0.2784)\tMAE 23.562 (26.393)\n"
    "Test: [0/6]\tTime 0.277 (0.277)\tLoss 0.2270 (0.2270)\tMAE 19.917 (19.917)\n"
    " * MAE 20.963\n"
)

JETSON = (
    "Epoch: [34][170/200]  Time  0.051 ( 0.069)  Data  0.000 ( 0.014)  Loss 4.3249e-03 (5.2344e-02)  Acc@1 100.00 ( 98.17)  Acc@5 100.00 (100.00)\n"
    "Epoch: [34][180/200]  Time  0.069 ( 0.069)  Data  0.000 ( 0.014)  Loss 6.3234e-02 (5.3205e-02)  Acc@1 100.00 ( 98.14)  Acc@5 100.00 (100.00)\n"
    "Epoch: [34][190/200]  Time  0.118 ( 0.069)  Data  0.070 ( 0.014)  Loss 8.3400e-03 (5.7752e-02)  Acc@1 100.00 ( 97.97)  Acc@5 100.00 (100.00)\n"
    "Epoch: [34] completed, elapsed time 13.636 seconds\n"
    "Test: [  0/200]  Time  0.149 ( 0.149)  Loss 3.1504e-03 (3.1504e-03)  Acc@1 100.00 (100.00)  Acc@5 100.00 (100.00)\n"
    "Test: [ 10/200]  Time  0.135 ( 0.055)  Loss 1.9776e-03 (3.1130e-02)  Acc@1 100.00 (100.00)  Acc@5 100.00 (100.00)\n"
    "Test: [ 20/200]  Time  0.025 ( 0.071)  Loss 6.0938e-02 (2.4865e-02)  Acc@1 100.00 (100.00)  Acc@5 100.00 (100.00)\n"
    "Test: [ 30/200]  Time  0.024 ( 0.075)  Loss 7.4626e-03 (2.0990e-02)  Acc@1 100.00 (100.00)  Acc@5 100.00 (100.00)\n"
    " * Acc@1 99.561 Acc@5 100.000\n"
)

SALSANEXT = (
    "Lr: 4.182e-06 | Update: 2.258e-01 mean,4.181e-01 std | Epoch: [0][0/2391] | Time 6.548 (6.548) | Data 0.692 (0.692) | Loss 4.0624 (4.0624) | acc 0.050 (0.050) | IoU 0.015 (0.015) | [30 days, 1:16:33]\n"
    "Lr: 4.601e-05 | Update: 2.045e-02 mean,3.893e-02 std | Epoch: [0][10/2391] | Time 1.158 (1.655) | Data 0.036 (0.100) | Loss 4.1408 (4.1349) | acc 0.044 (0.046) | IoU 0.013 (0.013) | [7 days, 6:48:44]\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 53))
def test_train_batches_step_on_across_epochs_and_each_test_batch_is_a_held_out_record(chunk):
    monitor = read(CGCNN, chunk=chunk)
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("Loss", "Test/Loss")
    assert steps(monitor, "Loss") == [0, 10, 18, 28, 36, 46]
    assert store["Loss"].values.tolist() == [3.3729, 0.8073, 0.8769, 0.56, 0.5012, 0.2106]  # not the averages
    assert steps(monitor, "Test/Loss") == [10, 28, 46]  # the last train step before each pass
    assert store["Test/Loss"].values.tolist() == [0.8847, 0.6272, 0.227]
    assert store["Test/MAE"].split == "test" and store["MAE"].split == "train"


def test_every_batch_of_a_test_pass_counts_at_the_train_step_it_follows():
    monitor = read(JETSON)
    store = monitor.store
    assert steps(monitor, "Loss") == [6970, 6980, 6990]  # "Epoch: [34] completed" changes no step
    assert steps(monitor, "Test/Loss") == [6990] * 4
    assert store["Test/Loss"].values.tolist() == [3.1504e-03, 1.9776e-03, 6.0938e-02, 7.4626e-03]
    assert store.primary_val == "Test/Loss"


def test_a_fraction_under_a_step_word_is_no_step():
    monitor = read(SALSANEXT)
    assert steps(monitor, "Loss") == [0, 10]
    assert monitor.store["Loss"].values.tolist() == [4.0624, 4.1408]


def test_ws_dan_nohup_capture():
    monitor = read((CORPUS / "ws-dan-sac-nohup-train-log" / "train.log").read_bytes())
    assert steps(monitor, "Loss") == list(range(0, 250, 10))
    assert steps(monitor, "Test/Loss") == [240]
    assert monitor.store["Test/Loss"].values.tolist() == [3.5332]
