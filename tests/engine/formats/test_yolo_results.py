"""YOLOv3/v5/v7 results.txt, a table without a header (issue 12, class 4), on real rows:
AmelNozieres/Mushrooms_YOLOv5 runs/train/exp/results.txt (YOLOv5) and mrshahabian/Soccer-Yolov7
runs/train/exp/results.txt (YOLOv7), first rows of each."""

import pytest

from lossmon.engine.formats import detect
from tests.engine.formats.parse_helpers import read, series, steps

YOLOV5 = (
    "      0/29     1.86G   0.09854   0.09318         0    0.1917        24       416         0         0  0.004895 0.0009547   0.09176   0.05526         0\n"
    "      1/29     1.93G   0.09296    0.1009         0    0.1939        37       416   0.04823   0.01505  0.007566  0.001351    0.0922   0.05528         0\n"
    "      2/29     1.93G    0.0913    0.1026         0    0.1939        39       416   0.05829   0.04946   0.01947  0.004119    0.0968   0.05152         0\n"
)
YOLOV7 = (
    "      0/54     12.8G   0.03604    0.2529         0    0.2889        19       640   0.04946   0.03419   0.00595  0.001898   0.03685  0.004025         0\n"
    "      1/54     12.5G   0.02545  0.001799         0   0.02725        19       640    0.3473     0.484    0.3314    0.1412   0.02462  0.003212         0\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 37))
def test_rows_are_named_by_the_trainer_column_layout(chunk):
    monitor = read(YOLOV5, chunk=chunk)
    assert monitor.store.primary_train == "box"
    assert monitor.store.primary_val == "val/box_loss"
    assert monitor.store["box"].values.tolist() == [0.09854, 0.09296, 0.0913]
    assert monitor.store["val/box_loss"].values.tolist() == [0.09176, 0.0922, 0.0968]
    assert monitor.store["metrics/mAP_0.5"].values.tolist() == [0.004895, 0.007566, 0.01947]
    assert steps(monitor, "box") == [0, 1, 2]  # the epoch of "e/E"
    found = series(monitor)
    assert found["val/obj_loss"][:2] == ("val", "loss")
    assert not {"gpu_mem", "labels", "img_size"} & set(found)  # memory and counts are not metrics


def test_yolov7_rows_read_the_same():
    monitor = read(YOLOV7)
    assert monitor.store["box"].values.tolist() == [0.03604, 0.02545]
    assert monitor.store["val/cls_loss"].values.tolist() == [0.0, 0.0]


@pytest.mark.parametrize(
    "text",
    [
        "      0/29     1.86G   0.09854   0.09318         0    0.1917        24       416         0",  # 9 cells: a console row
        "Epoch   gpu_mem       box       obj       cls     total    labels  img_size",
        "      3/99     4.57G   0.06259   0.06714   0.06037    0.1901        53       640    0.1047    0.5614     0.172    0.0604   0.05999   0.05282   0.05813 extra",
    ],
)
def test_other_lines_are_not_results_rows(text):
    fmt = detect(text)
    assert fmt is None or fmt.id != "yolo_results_txt"
