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

import pytest
from parse_helpers import CORPUS, read, records, steps


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

CGCNN_MORE = (
    "Epoch: [3][0/18]\tTime 1.039 (1.039)\tData 0.019 (0.019)\tLoss 0.1282 (0.1282)\tMAE 18.342 (18.342)\n"
    "Epoch: [3][10/18]\tTime 1.094 (1.074)\tData 0.013 (0.014)\tLoss 0.1397 (0.1906)\tMAE 18.174 (19.785)\n"
    "Test: [0/6]\tTime 0.275 (0.275)\tLoss 0.1646 (0.1646)\tMAE 22.374 (22.374)\n"
    " * MAE 24.323\n"
    "Epoch: [4][0/18]\tTime 0.994 (0.994)\tData 0.020 (0.020)\tLoss 0.1196 (0.1196)\tMAE 18.796 (18.796)\n"
    "Epoch: [4][10/18]\tTime 0.956 (0.940)\tData 0.011 (0.012)\tLoss 0.2787 (0.1936)\tMAE 22.867 (20.017)\n"
    "Test: [0/6]\tTime 0.250 (0.250)\tLoss 0.2055 (0.2055)\tMAE 24.861 (24.861)\n"
    " * MAE 24.944\n"
    "Epoch: [5][0/18]\tTime 0.919 (0.919)\tData 0.016 (0.016)\tLoss 0.2905 (0.2905)\tMAE 28.985 (28.985)\n"
    "Epoch: [5][10/18]\tTime 0.951 (0.942)\tData 0.011 (0.011)\tLoss 0.1304 (0.1972)\tMAE 18.853 (20.666)\n"
    "Test: [0/6]\tTime 0.286 (0.286)\tLoss 0.2535 (0.2535)\tMAE 18.939 (18.939)\n"
    " * MAE 19.325\n"
    "Epoch: [6][0/18]\tTime 0.902 (0.902)\tData 0.017 (0.017)\tLoss 0.1282 (0.1282)\tMAE 17.604 (17.604)\n"
    "Epoch: [6][10/18]\tTime 0.993 (0.957)\tData 0.014 (0.013)\tLoss 0.1530 (0.1850)\tMAE 16.774 (18.120)\n"
    "Test: [0/6]\tTime 0.249 (0.249)\tLoss 0.0928 (0.0928)\tMAE 15.249 (15.249)\n"
    " * MAE 16.517\n"
    "Epoch: [7][0/18]\tTime 1.031 (1.031)\tData 0.022 (0.022)\tLoss 0.1257 (0.1257)\tMAE 17.711 (17.711)\n"
    "Epoch: [7][10/18]\tTime 0.882 (0.966)\tData 0.009 (0.013)\tLoss 0.2425 (0.1681)\tMAE 16.617 (17.349)\n"
    "Test: [0/6]\tTime 0.366 (0.366)\tLoss 0.1285 (0.1285)\tMAE 15.294 (15.294)\n"
    " * MAE 16.529\n"
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


def test_templates_read_them_as_the_slow_path_does():
    """Learned templates compute epoch * batches + batch and read a pass's batches at the train
    step, as the line-by-line path does, however the input is cut."""
    data = (CGCNN + CGCNN_MORE).encode()
    slow = records(data, fast=False)
    assert records(data) == slow and records(data, sizes=[97, 1000, 13]) == slow
    assert [step for _, step, metrics in slow if "Test/Loss" in metrics] == [10, 28, 46, 64, 82, 100, 118, 136]
    assert [step for _, step, metrics in slow if "Loss" in metrics][-2:] == [126, 136]


# holdout26d's ShangQingTu BERT classifier (log.txt): one meter a line, its value then its running
# average, behind a logging prefix and the pass's progress; and ws-dan's "cos_sim_loss  0.296
# (0.296)" lines between its epochs
CLASSIFY = (
    "2021-12-05 19:10:20,331 Classify INFO: progress: 0.01  loss: 1.0058 (1.0332)\n"
    "2021-12-05 19:10:21,639 Classify INFO: progress: 0.02  loss: 0.8679 (0.9302)\n"
    "2021-12-05 19:10:22,979 Classify INFO: progress: 0.03  loss: 0.8712 (0.9161)\n"
    "2021-12-05 19:10:24,295 Classify INFO: progress: 0.04  loss: 0.6940 (0.8749)\n"
    "2021-12-05 19:10:25,618 Classify INFO: progress: 0.05  loss: 0.6913 (0.8499)\n"
)


@pytest.mark.parametrize("chunk", [1 << 20, 13])
def test_one_meter_a_line_is_its_value_not_a_number_in_a_sentence(chunk):
    monitor = read(CLASSIFY, chunk=chunk)
    assert monitor.store.primary_train == "loss"
    assert monitor.store["loss"].values.tolist() == [1.0058, 0.8679, 0.8712, 0.6940, 0.6913]
    monitor = read("".join(f"cos_sim_loss  0.{k}96 (0.{k}90)\n" for k in range(2, 8)), chunk=chunk)
    assert monitor.store["cos_sim_loss"].values.tolist() == [0.296, 0.396, 0.496, 0.596, 0.696, 0.796]
    # a word in the brackets is a sentence's ("Checkpoint saved (loss 2.3)"), as before
    assert "loss" not in read("".join(f"loss: 0.{k}5 (best)\n" for k in range(2, 8)), chunk=chunk).store
