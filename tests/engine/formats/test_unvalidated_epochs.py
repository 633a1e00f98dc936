"""Ultralytics results.csv rows of epochs that were not validated (val=False): metrics/* and val/*
written as 0, only the last epoch validated (1katana/yolo_motion_prediction runs/detect/train7)."""

from parse_helpers import read, steps

HEADER = "epoch,time,train/box_loss,train/cls_loss,train/dfl_loss,metrics/precision(B),metrics/recall(B),metrics/mAP50(B),metrics/mAP50-95(B),val/box_loss,val/cls_loss,val/dfl_loss,lr/pg0,lr/pg1,lr/pg2"
# Epochs 1-39 wrote 0 in every validation column; epoch 40 validated.
ROWS = """1,170.453,1.51559,2.21441,1.43267,0,0,0,0,0,0,0,0.00332873,0.00332873,0.00332873
2,333.571,1.502,1.38507,1.41299,0,0,0,0,0,0,0,0.00649718,0.00649718,0.00649718
3,499.188,1.62529,1.43539,1.51564,0,0,0,0,0,0,0,0.00950062,0.00950062,0.00950062
4,666.33,1.67458,1.46386,1.58207,0,0,0,0,0,0,0,0.0092575,0.0092575,0.0092575
5,835.303,1.60254,1.31967,1.53196,0,0,0,0,0,0,0,0.00901,0.00901,0.00901
6,1004.2,1.55209,1.22332,1.49562,0,0,0,0,0,0,0,0.0087625,0.0087625,0.0087625
7,1171.86,1.51641,1.15265,1.46658,0,0,0,0,0,0,0,0.008515,0.008515,0.008515
8,1340.82,1.48253,1.10139,1.43976,0,0,0,0,0,0,0,0.0082675,0.0082675,0.0082675
9,1511,1.45627,1.05804,1.41493,0,0,0,0,0,0,0,0.00802,0.00802,0.00802
10,1680.66,1.43622,1.02536,1.40465,0,0,0,0,0,0,0,0.0077725,0.0077725,0.0077725
11,1849.06,1.41498,0.99655,1.38327,0,0,0,0,0,0,0,0.007525,0.007525,0.007525
12,2017.77,1.39671,0.9744,1.37102,0,0,0,0,0,0,0,0.0072775,0.0072775,0.0072775
13,2186.69,1.38063,0.95864,1.36225,0,0,0,0,0,0,0,0.00703,0.00703,0.00703
14,2361.71,1.36338,0.93871,1.34797,0,0,0,0,0,0,0,0.0067825,0.0067825,0.0067825
15,2531.76,1.34694,0.90677,1.33317,0,0,0,0,0,0,0,0.006535,0.006535,0.006535
40,6556.16,0.98916,0.46058,1.09657,0.95275,0.94353,0.96668,0.70816,1.03817,0.46284,1.14256,0.0003475,0.0003475,0.0003475
"""


def test_metrics_zeros_of_unvalidated_epochs_are_no_measurement():
    monitor = read(HEADER + "\n" + ROWS)
    assert monitor.format_id == "ultralytics_csv"
    assert steps(monitor, "metrics/precision(B)") == [40]
    assert steps(monitor, "metrics/mAP50(B)") == [40]
    assert len(monitor.store["val/box_loss"]) == 16  # the val/* zeros stay records (store._unmeasured)
    assert len(monitor.store["train/box_loss"]) == 16
    assert not [f for f in monitor.findings if f.pathology == "contradictory_metrics"]


def test_a_validated_epoch_with_zero_metrics_keeps_them():
    # The same row with real val losses: the metrics were measured, 0 is a value.
    row = "41,6700.1,0.98,0.45,1.09,0,0,0,0,1.03817,0.46284,1.14256,0.0003,0.0003,0.0003"
    monitor = read(HEADER + "\n" + ROWS + row + "\n")
    assert steps(monitor, "metrics/precision(B)") == [40, 41]
