from parse_helpers import read

# DAGsHub logger's metrics.csv, one row per (metric, value, step); real lines of
# tests/corpus/savtadepth-dvclive-long-csv-name-value-step-prefix (rows of the whole file's steps 0, 1 and
# 158, where the validation rows are; the header ends in "\n", its rows in "\r\n").
LONG_CSV = (
    "Name,Value,Timestamp,Step\n"
    '"train_loss",1.1338625,1613824468871,0\r\n'
    '"raw_loss",1.1338636,1613824468871,0\r\n'
    '"wd_0",0.01,1613824468871,0\r\n'
    '"sqr_mom_0",0.99,1613824468871,0\r\n'
    '"lr_0",4e-06,1613824468871,0\r\n'
    '"mom_0",0.95,1613824468871,0\r\n'
    '"eps_0",1e-05,1613824468871,0\r\n'
    '"train_loss",1.0740391,1613824469794,1\r\n'
    '"raw_loss",1.015413,1613824469794,1\r\n'
    '"wd_0",0.01,1613824469794,1\r\n'
    '"lr_0",4.009559427763895e-06,1613824469794,1\r\n'
    '"train_loss",0.46952456,1613824610573,158\r\n'
    '"raw_loss",0.15426601,1613824610573,158\r\n'
    '"valid_loss",0.363145112991333,1613824627496,158\r\n'
    '"_rmse",0.602615237236023,1613824627496,158\r\n'
    '"epoch",1,1613824627496,158\r\n'
)


def test_a_long_table_reads_each_row_into_the_series_its_name_cell_names():
    store = read(LONG_CSV).store
    assert (store.primary_train, store.primary_val) == ("train_loss", "valid_loss")
    assert store["train_loss"].values.tolist() == [1.1338625, 1.0740391, 0.46952456]
    assert store["train_loss"].steps.tolist() == [0, 1, 158]
    assert store["raw_loss"].values.tolist() == [1.1338636, 1.015413, 0.15426601]
    assert store["valid_loss"].steps.tolist() == [158]
    assert store["lr_0"].kind == "lr"
    # the value and timestamp columns are no series of their own
    assert not {"Value", "Timestamp", "Name"} & {series.name for series in store}


def test_a_row_short_of_its_name_cell_is_skipped_not_a_parser_failure():
    # (the header in another order, as an export of a metric history may have it; a row cut short)
    monitor = read(
        "Step,Timestamp,Name,Value\n"
        "0,1613824468871,train_loss,1.1338625\n"
        "1,1613824469794\n"
        "2,1613824610573,train_loss,0.46952456\n"
    )
    assert monitor.store["train_loss"].values.tolist() == [1.1338625, 0.46952456]
    assert monitor.parser.root.line_errors == 0


def test_a_type_column_names_each_rows_series_and_its_lr_and_grad_norm_go_with_it():
    # vijay0019/GPT-From-Scratch training_metrics.csv (its first rows): train and val losses and a
    # HellaSwag accuracy in one long table, the train rows with their lr and grad norm
    monitor = read(
        "step,type,value,lr,norm,dt_ms,tokens_per_sec\n"
        "0,val,10.952211380004883,,,,\n"
        "0,hella,0.24756024696275641,,,,\n"
        "0,train,10.955028533935547,8.39160839160839e-07,15.346040725708008,69318.31741333008,7563.484221259793\n"
        "1,train,10.87525463104248,1.6783216783216785e-06,14.80148696899414,2091.1061763763428,250714.87478220154\n"
    )
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("train", "val")
    assert store["train"].values.tolist() == [10.955028533935547, 10.87525463104248]
    assert store["lr"].values.tolist() == [8.39160839160839e-07, 1.6783216783216785e-06]
    assert store["norm"].kind == "grad_norm"
    assert not {"dt_ms", "tokens_per_sec", "value", "type"} & {series.name for series in store}


# AngieS23/butterfly_classificator @93fcd5e results/epoch_metrics.csv (its first two epochs): the
# split in a column of its own, the value in "result".
BUTTERFLY = """\
mode,epoch,metric,result
training,0,loss,1.2030072312676505
training,0,accuracy,0.5236414670944214
training,0,f1,0.5204737782478333
training,0,precision,0.5189628601074219
training,0,recall,0.5236414670944214
validation,0,loss,1.0542260300029407
validation,0,accuracy,0.6796569228172302
validation,0,f1,0.6862491965293884
validation,0,precision,0.7215608358383179
validation,0,recall,0.6796569228172302
training,1,loss,1.0374766494450944
training,1,accuracy,0.7034227252006531
training,1,f1,0.7042869925498962
training,1,precision,0.7069016098976135
training,1,recall,0.7034227252006531
validation,1,loss,0.9782079295678572
validation,1,accuracy,0.7655889987945557
validation,1,f1,0.7648873925209045
validation,1,precision,0.7743813395500183
validation,1,recall,0.7655889987945557
"""


def test_a_split_column_puts_each_row_under_its_split():
    monitor = read(BUTTERFLY, path="epoch_metrics.csv")
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("training/loss", "validation/loss")
    assert list(monitor.store["validation/loss"].values) == [1.0542260300029407, float(BUTTERFLY.split("validation,1,loss,")[1].split()[0])]
    assert list(monitor.store["training/accuracy"].steps) == [0.0, 1.0]
