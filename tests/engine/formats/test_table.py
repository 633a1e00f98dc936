from parse_helpers import assert_series, read, read_fixture, series, steps

from lossmon.engine.formats.table import header_of


def test_lightning_csvlogger_sparse_rows_and_crlf():
    monitor = read_fixture("lightning_metrics.csv")
    assert monitor.format_id == "lightning_csv"
    assert_series(
        monitor,
        {
            "epoch": ("train", "other", 3, 0.0),
            "train_loss_step": ("train", "loss", 1, 8.620475769042969),
            "train_perplexity_step": ("train", "metric", 1, 5544.0234375),
            "val_epoch_perplexity": ("val", "metric", 1, 928.60546875),
            "val_loss": ("val", "loss", 1, 6.833683967590332),
            "val_perplexity": ("val", "metric", 1, 935.6399536132812),
            "train_epoch_perplexity": ("train", "metric", 1, 2080.531982421875),
            "train_loss_epoch": ("train", "loss", 1, 7.640378952026367),
            "train_perplexity_epoch": ("train", "metric", 1, 3753.686279296875),
        },
        primary=("train_loss_step", "val_loss"),
    )
    assert steps(monitor, "train_loss_step") == [49]
    assert "epoch_time" not in monitor.store


def test_real_lightning_metrics(real_logs):
    monitor = read((real_logs / "slm-lightning-metrics.csv").read_bytes())
    found = {s.name: (s.split, s.kind, len(s)) for s in monitor.store}
    assert found["train_loss_step"] == ("train", "loss", 2814)
    assert found["val_loss"] == ("val", "loss", 10)
    assert found["train_loss_epoch"] == ("train", "loss", 10)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train_loss_step", "val_loss")


def test_keras_csvlogger_na_cells():
    monitor = read_fixture("keras_csvlogger.csv")
    assert_series(
        monitor,
        {
            "epoch": ("train", "other", 3, 2.0),
            "accuracy": ("train", "metric", 3, 0.96),
            "loss": ("train", "loss", 3, 0.15),
            "val_accuracy": ("val", "metric", 2, 0.957099974155426),
            "val_loss": ("val", "loss", 2, 0.14499999582767487),
        },
        primary=("loss", "val_loss"),
    )
    assert steps(monitor, "loss") == [0, 1, 2]  # Keras' epoch column is 0-based


def test_ultralytics_new_results_csv_metrics_are_validation():
    monitor = read_fixture("yolo_results.csv")
    assert monitor.format_id == "ultralytics_csv"
    found = {s.name: (s.split, s.kind) for s in monitor.store}
    assert found["metrics/mAP50(B)"] == ("val", "metric")
    assert found["lr/pg0"] == ("train", "lr")
    assert "time" not in found
    assert monitor.store["lr/pg0"].last == 8.26832e-05
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train/box_loss", "val/box_loss")


def test_ultralytics_old_padded_results_csv(real_logs):
    monitor = read((real_logs / "yolov8-fire-results.csv").read_bytes())
    assert monitor.format_id == "ultralytics_csv"
    assert len(monitor.store["train/box_loss"]) == 25
    assert steps(monitor, "val/box_loss")[:2] == [0, 1]  # old format: 0-based epochs
    assert monitor.store["metrics/mAP50(B)"].split == "val"
    assert monitor.store["train/box_loss"].last == 0.93868


def test_tsv_and_semicolon_tables():
    for separator in ("\t", ";"):
        header = separator.join(["epoch", "train_loss", "eval_loss", "eval_top1", "lr"])
        rows = [separator.join(map(str, (e, 2.0 - e / 10, 2.1 - e / 10, 50 + e, 0.1))) for e in range(3)]
        monitor = read("\n".join([header, *rows]) + "\n")
        assert steps(monitor, "train_loss") == [0, 1, 2]
        assert monitor.store["eval_loss"].split == "val"
        assert monitor.store["eval_top1"].kind == "metric"


def test_rewritten_csv_rows_are_not_read_twice():
    from lossmon.engine import Monitor

    first = b"epoch,step,train_loss\n0,1,2.0\n0,2,1.9\n"
    monitor = Monitor("metrics.csv")
    monitor.feed(first)
    monitor.restart()  # Lightning rewrote the file with a new column
    monitor.feed(b"epoch,step,train_loss,val_loss\n0,1,2.0,\n0,2,1.9,\n0,3,1.8,1.95\n")
    monitor.finish()
    assert steps(monitor, "train_loss") == [1, 2, 3]
    assert steps(monitor, "val_loss") == [3]


# Real lines: Iagorrr04/FaceCar-YOLOv5 @fbe272b7 runs/train/exp/results.csv (its first rows).
# Its header pads every cell and names a column metrics/mAP_0.5:0.95 (a colon in a column name).
_YOLOV5_RESULTS = [
    '               epoch,      train/box_loss,      train/obj_loss,      train/cls_loss,   metrics/precision,      metrics/recall,     metrics/mAP_0.5,metrics/mAP_0.5:0.95,        val/box_loss,        val/obj_loss,        val/cls_loss,               x/lr0,               x/lr1,               x/lr2',
    '                   0,             0.11406,            0.046828,            0.061684,           0.0090008,            0.034137,           0.0075866,           0.0014705,             0.10086,            0.031012,            0.055059,              0.0021,              0.0021,              0.0811',
    '                   1,            0.095856,            0.047539,            0.051633,             0.53281,             0.16594,             0.10774,            0.033295,            0.090195,            0.022729,            0.046661,           0.0042574,           0.0042574,            0.061257',
    '                   2,             0.09391,            0.036939,            0.046072,              0.3296,             0.15124,            0.064909,            0.014666,            0.091843,            0.017787,            0.042116,           0.0063713,           0.0063713,            0.041371',
]


def test_a_yolov5_results_csv_with_padded_cells_and_a_colon_in_a_name():
    monitor = read("\n".join(_YOLOV5_RESULTS) + "\n")
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train/box_loss", "val/box_loss")
    assert len(monitor.store["metrics/mAP_0.5:0.95"]) == 3


# Real lines: JungHoRan/Video-object-detection @08973e8 runs/train/exp35/results.csv (a YOLOv5-OBB
# fork): its mAP columns are spelled "HBBmAP.5" and "HBBmAP.5:.95" (a colon before ".95"), and
# every loss of the run is nan.
_YOLOV5_OBB_NAN_RESULTS = [
    '               epoch,      train/box_loss,      train/obj_loss,      train/cls_loss,    train/theta_loss,   metrics/precision,      metrics/recall,    metrics/HBBmAP.5,metrics/HBBmAP.5:.95,        val/box_loss,        val/obj_loss,        val/cls_loss,      val/theta_loss,               x/lr0,               x/lr1,               x/lr2',
    '                   0,                 nan,                 nan,                 nan,                 nan,                   0,                   0,                   0,                   0,                 nan,                 nan,                 nan,                 nan,               9e-05,               9e-05,             0.09919',
    '                   1,                 nan,                 nan,                 nan,                 nan,                   0,                   0,                   0,                   0,                 nan,                 nan,                 nan,                 nan,          0.00017549,          0.00017549,            0.098275',
]


def test_a_yolov5_obb_results_csv_with_a_colon_before_a_fraction_in_a_name_and_nan_losses():
    monitor = read("\n".join(_YOLOV5_OBB_NAN_RESULTS) + "\n")
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train/box_loss", "val/box_loss")
    assert len(monitor.store["metrics/HBBmAP.5:.95"]) == 2
    assert {finding.pathology for finding in monitor.findings} == {"nan_or_inf"}


def test_a_tsv_with_a_trailing_tab_on_every_line_and_spaced_names():
    # PGNet (BADBADBADBOY/pgnet.pytorch) train_log.txt: every line ends with the separator
    monitor = read(
        "total loss\tscore loss\tborder loss\tdirec loss\tctc loss\t\n"
        "46.604204\t0.246368\t0.176002\t0.077165\t9.220934\t\n"
        "41.765572\t0.220951\t0.146288\t0.062297\t8.267207\t\n"
        "43.992933\t0.210161\t0.134040\t0.060427\t8.717661\t\n"
    )
    assert sorted(series(monitor)) == ["border loss", "ctc loss", "direc loss", "score loss", "total loss"]
    assert monitor.store["total loss"].values.tolist() == [46.604204, 41.765572, 43.992933]
    assert monitor.store["ctc loss"].values.tolist() == [9.220934, 8.267207, 8.717661]
    assert monitor.store.primary_train == "total loss"


def test_a_line_of_spaced_pairs_split_by_commas_is_no_header():
    # PaddlePaddle PredNet train.log: "Epoch 0, Step 25, ..." has commas and names but numbers
    # after blanks: it is a record, not the header of a CSV
    monitor = read(
        "Epoch 0, Step 25, total used time 7.178124904632568 (s), avg loss so far is 0.10979227721691132\n"
        "Epoch 0, Step 50, total used time 14.059857845306396 (s), avg loss so far is 0.08230332285165787\n"
        "Epoch 0, Step 75, total used time 20.90472412109375 (s), avg loss so far is 0.07053857296705246\n"
    )
    assert monitor.store["avg loss so far"].values.tolist() == [0.10979227721691132, 0.08230332285165787, 0.07053857296705246]
    assert steps(monitor, "avg loss so far") == [25, 50, 75]


# akshay100188/nlemon @636d889 results/loss_curve.csv (its first rows and those around the first
# evaluation): a split column names each row's split; the val row carries the run's lr too.
NLEMON = """\
step,split,loss,perplexity,lr,tokens,elapsed_s
1,train,9.084656,8818.9294,3.000000e-07,16384,0.5
20,train,8.568380,5262.5993,6.000000e-06,327680,4.7
480,train,3.899738,49.3895,1.440000e-04,7864320,276.6
500,train,3.767098,43.2544,1.500000e-04,8192000,292.4
500,val,3.689221,40.0137,1.500000e-04,8192000,299.8
520,train,3.743516,42.2463,1.560000e-04,8519680,312.9
"""


def test_a_split_column_puts_a_held_out_rows_losses_and_metrics_under_its_split():
    monitor = read(NLEMON, path="loss_curve.csv")
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", "val/loss")
    assert list(monitor.store["val/loss"].values) == [3.689221] and list(monitor.store["val/loss"].steps) == [500.0]
    assert len(monitor.store["loss"]) == 5 and len(monitor.store["val/perplexity"]) == 1
    assert "val/lr" not in monitor.store and len(monitor.store["lr"]) == 5


def test_columns_between_spaced_colons():
    # holdout20r's thesis losses.txt: a script's own file of columns, " : " between the cells, the
    # header's names padded ("loss           : train 1")
    text = (
        "e : batch : loss           : train 1 : train 5 \n"
        "1 : 50 : 245.1079020500183 : 0.0156 : 0.0684\n"
        "1 : 100 : 232.59947872161865 : 0.020900000000000002 : 0.0857\n"
        "2 : 50 : 219.30075979232788 : 0.044 : 0.1634\n"
    )
    monitor = read(text, path="losses.txt")
    assert list(monitor.store["loss"].values) == [245.1079020500183, 232.59947872161865, 219.30075979232788]
    # a logged line with such colons is no header (one name before a value)
    assert header_of("INFO : root : loss: 0.5") is None
