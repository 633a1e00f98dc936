"""Which series play which role for the detectors (engine/detectors/roles.py)."""

from lossmon.engine.detectors.roles import resolve_roles
from tests.engine.formats.parse_helpers import read

# Real lines: BeObm/WormCount @79287d0 runs/detect/train37/results.csv, its first 16 epochs. The
# biases' lr (lr/pg0) is warmed down from 0.049 while the weights' (lr/pg1, lr/pg2) warm up; the
# val box loss rises 3.26 -> 4.96 meanwhile, and falls to 2.44 by epoch 100.
_ULTRALYTICS_WARMUP = [
    'epoch,time,train/box_loss,train/cls_loss,train/dfl_loss,metrics/precision(B),metrics/recall(B),metrics/mAP50(B),metrics/mAP50-95(B),val/box_loss,val/cls_loss,val/dfl_loss,lr/pg0,lr/pg1,lr/pg2',
    '1,4.0392,3.59851,2.46317,1.77454,0.0202,0.01634,0.01031,0.00404,3.25584,2.63783,1.49609,0.04902,2e-05,2e-05',
    '2,6.5018,3.50266,2.60732,1.77292,0.01737,0.01428,0.00886,0.00344,3.26653,2.663,1.50574,0.04755,4.99878e-05,4.99878e-05',
    '3,8.9234,3.54838,2.25991,1.73057,0.05881,0.08429,0.04183,0.01376,3.31264,1.37645,1.22201,0.0460799,7.99219e-05,7.99219e-05',
    '4,12.4851,2.88402,1.12368,1.33369,0.05213,0.0832,0.02939,0.00801,3.6749,1.56376,1.14873,0.0446098,0.000109758,0.000109758',
    '5,15.713,3.08726,0.89857,1.2628,0.02622,0.04283,0.01381,0.00378,3.70806,1.88443,1.13944,0.0431395,0.000139454,0.000139454',
    '6,19.0513,3.10181,0.85812,1.23885,0.02697,0.04407,0.01965,0.00459,3.86977,1.88166,1.12665,0.041669,0.000168964,0.000168964',
    '7,22.7675,3.16404,0.79615,1.24857,0.02563,0.04187,0.01715,0.00383,4.10839,1.25331,1.13874,0.0401982,0.000198246,0.000198246',
    '8,26.153,2.90289,0.75722,1.22913,0.07394,0.03515,0.02294,0.00541,4.09986,1.25712,1.14055,0.0387273,0.000227258,0.000227258',
    '9,29.3811,2.94404,0.74248,1.19305,0.02807,0.01675,0.00829,0.00251,4.54629,2.24845,1.17366,0.037256,0.000255957,0.000255957',
    '10,32.5153,2.84183,0.72981,1.22309,0.05179,0.02567,0.01378,0.00369,4.29379,2.25968,1.16699,0.0357843,0.0002843,0.0002843',
    '11,35.3946,2.72703,0.69089,1.19423,0.06727,0.03185,0.02172,0.00423,4.27514,2.00082,1.16928,0.0343122,0.000312247,0.000312247',
    '12,38.5468,2.78926,0.88109,1.1943,0.01205,0.00755,0.0039,0.00081,4.96115,2.16792,1.18866,0.0328398,0.000339758,0.000339758',
    '13,41.8387,3.07156,0.80851,1.17138,0.04045,0.02993,0.01319,0.00313,4.43017,2.78793,1.15162,0.0313668,0.000366791,0.000366791',
    '14,44.799,3.01733,0.83962,1.13508,0.04664,0.02718,0.01499,0.00397,4.4489,2.52185,1.15398,0.0298933,0.000393308,0.000393308',
    '15,47.8075,2.82152,0.75032,1.15598,0.06239,0.02856,0.01754,0.00465,4.31063,1.31062,1.14495,0.0284193,0.000419271,0.000419271',
    '16,51.3735,2.73231,0.73293,1.19735,0.17999,0.09871,0.06992,0.01806,3.43094,1.14527,1.09588,0.0269446,0.000444643,0.000444643',
]


def test_yolos_lr_is_its_weights_group_not_its_biases_warmed_down():
    monitor = read("\n".join(_ULTRALYTICS_WARMUP) + "\n", path="results.csv")
    assert resolve_roles(monitor.store)["lr"] == ["lr/pg1"]
    # the val loss rising while the weights' lr warms up is the schedule, not overfitting
    assert [finding for finding in monitor.findings if finding.pathology == "overfitting"] == []


def test_yolov5s_biases_lr_gives_way_to_its_weights_lr_and_other_lrs_are_kept():
    header = "epoch,train/box_loss,val/box_loss,x/lr0,x/lr1,x/lr2\n0,0.1,0.09,0.07,0.0003,0.0003\n"
    assert resolve_roles(read(header, path="results.csv").store)["lr"] == ["x/lr1"]
    assert resolve_roles(read("step,loss,lr\n1,2.0,0.1\n2,1.9,0.1\n").store)["lr"] == ["lr"]


def test_a_score_sibling_is_the_same_score_of_the_same_split_with_another_qualifier():
    from lossmon.engine.detectors.roles import score_siblings

    text = "".join(
        f"Epoch {e}  training loss:  {3.7 - 0.4 * e}  training ed f1:  {0.1 * e}  training ae f1:  0\n"
        f"dev ed f1:  {0.1 * e + 0.01}  dev ae f1:  0\n"
        f"f1_class0: {0.2 * e}, f1_class1: 0.0, val_acc: 0.5\n"
        for e in range(1, 5)
    )
    siblings = score_siblings(read(text).store)
    assert siblings["training ae f1"] == "training ed f1" and siblings["training ed f1"] == "training ae f1"
    assert siblings["dev ae f1"] == "dev ed f1"
    assert siblings["f1_class1"] == "f1_class0"
    assert "val_acc" not in siblings  # (no zero-means-nothing score)
