"""A console table reads the same when tqdm frames (with no description: another bar, on stderr)
are glued before its header and rows, or cut a row where a flush ended: under a table's header
only such bare meters go; the rows' own bars ("640: 100% 3/3 [...]") are the rows."""

import pytest
from parse_helpers import read

# Real lines: tests/corpus/yolov5-herpes-zoster-readme-details (YOLOv5 train.py console, Colab).
_REAL = """\
      Epoch    GPU_mem   box_loss   obj_loss   cls_loss  Instances       Size
      0/299      13.1G     0.1208    0.03183    0.04138         63        640: 100% 3/3 [00:05<00:00,  1.75s/it]
                 Class     Images  Instances          P          R      mAP50   mAP50-95: 100% 1/1 [00:01<00:00,  1.82s/it]
                   all         23         35    0.00118     0.0571    0.00113   0.000144

      Epoch    GPU_mem   box_loss   obj_loss   cls_loss  Instances       Size
      1/299      13.1G     0.1191    0.03165    0.04092         70        640: 100% 3/3 [00:01<00:00,  1.60it/s]
                 Class     Images  Instances          P          R      mAP50   mAP50-95: 100% 1/1 [00:01<00:00,  1.23s/it]
                   all         23         35    0.00151     0.0857    0.00103    0.00013

      Epoch    GPU_mem   box_loss   obj_loss   cls_loss  Instances       Size
      2/299      13.1G      0.117    0.02935    0.04073         73        640: 100% 3/3 [00:01<00:00,  1.73it/s]
                 Class     Images  Instances          P          R      mAP50   mAP50-95: 100% 1/1 [00:01<00:00,  1.27s/it]
                   all         23         35    0.00164     0.0857    0.00117   0.000159
""".split("\n")
_FRAME = "\r 45%|████▌     | 45/100 [00:14<00:17,  3.21it/s]"  # tqdm 4.x, as status_printer writes it


def _box(lines: list[str]) -> list[float]:
    return read("\n".join(lines)).store["box_loss"].values.tolist()


def test_clean():
    assert _box(_REAL) == [0.1208, 0.1191, 0.117]


def test_a_frame_glued_before_each_line():
    assert _box([_FRAME + line if line.strip() else line for line in _REAL]) == _box(_REAL)


@pytest.mark.parametrize("cut", ["13.", "0.03", "640: 10", "[00:0"])
def test_a_frame_cutting_the_rows(cut):
    lines = [line.replace(cut, cut + _FRAME, 1) if "/299" in line else line for line in _REAL]
    assert _box(lines) == _box(_REAL)


@pytest.mark.parametrize("label", ["[rank0]:", "[default0]:"])
def test_a_table_behind_a_launchers_label_keeps_its_rows(label):
    # the rank's own reader has the table in force: its rows' bars are the rows
    assert _box([label + line if line.strip() else line for line in _REAL]) == _box(_REAL)
    assert _box([label + _FRAME + line if line.strip() else line for line in _REAL]) == _box(_REAL)
