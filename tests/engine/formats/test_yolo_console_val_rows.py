"""The validation row Ultralytics/YOLOv5 print under each epoch's training row in a console
capture (lossmon/engine/formats/yolo_console_val_rows.py), on real logs.

- tests/corpus/visdrone-ultralytics-console-train-log-30-epochs: Goraniiii/VisDrone
  log/train_log.txt, Ultralytics 8.4.3 (a bar of ``━`` without pipes), 30 epochs, then two final
  validations of the best weights (per-class rows).
- data/table_yolov8_cell.log: Ultralytics 8.0 in a notebook cell (``Box(P R mAP50 mAP50-95)``).
- tests/corpus/yolov5-tutorial-coco128-train-cell: YOLOv5's tutorial notebook, cell 19 (``Labels``,
  ``P R mAP@.5 mAP@.5:.95``, 0-based epochs).
"""

import pytest

from tests.engine.formats.parse_helpers import CORPUS, DATA, read, steps

VISDRONE = CORPUS / "visdrone-ultralytics-console-train-log-30-epochs" / "train_log.txt"


@pytest.mark.parametrize("chunk", (1 << 20, 97))
def test_each_epochs_all_row_is_a_validation_record_at_that_epoch(chunk):
    monitor = read(VISDRONE.read_bytes(), chunk=chunk)
    store = monitor.store
    assert store.primary_train == "box_loss"
    assert steps(monitor, "box_loss") == list(range(1, 31))
    # '                   all        548      31295      0.216      0.238      0.177     0.0917' (epoch 1)
    # '                   all        548      31295      0.444      0.354      0.355        0.2' (epoch 30;
    # the final validations print 0.441 0.355 ... and 0.444 0.354 0.356 ...: not read)
    for name, first, last in (
        ("metrics/precision(B)", 0.216, 0.444),
        ("metrics/recall(B)", 0.238, 0.354),
        ("metrics/mAP50(B)", 0.177, 0.355),
        ("metrics/mAP50-95(B)", 0.0917, 0.2),
    ):
        assert store[name].split == "val"
        assert steps(monitor, name) == list(range(1, 31))  # the final validations add no point
        values = store[name].values.tolist()
        assert (values[0], values[-1]) == (first, last)
    # the images and instances counts are no metrics, and the training rows are unchanged
    assert not {s.name for s in monitor.store} & {"Images", "Instances(B)", "metrics/Images", "metrics/Instances"}
    assert len(store["cls_loss"]) == 30


def test_ultralytics_8_0_cell():
    monitor = read((DATA / "table_yolov8_cell.log").read_bytes())
    assert steps(monitor, "metrics/mAP50-95(B)") == [1, 2, 3]
    assert monitor.store["metrics/mAP50-95(B)"].values.tolist() == [0.291, 0.312, 0.321]
    assert monitor.store["metrics/precision(B)"].values.tolist() == [0.385, 0.53, 0.566]


def test_yolov5_header_with_labels_and_map_at():
    # '               Class     Images     Labels          P          R     mAP@.5 mAP@.5:.95: 100% 4/4 ...'
    # '                 all        128        929      0.696      0.562      0.644      0.419'
    path = CORPUS / "yolov5-tutorial-coco128-train-cell" / "cell-19-output.log"
    monitor = read(path.read_bytes())
    assert steps(monitor, "metrics/mAP_0.5:0.95") == steps(monitor, "box") == [0, 1, 2]
    assert monitor.store["metrics/mAP_0.5"].values.tolist()[0] == 0.644
    assert monitor.store["metrics/precision"].values.tolist()[0] == 0.696


def test_an_all_row_without_a_training_row_before_it_is_not_read():
    # a validation run on its own ('yolo val'): no epoch to put it at
    text = (
        "                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95): 100% 18/18 7.1it/s 2.5s\n"
        "                   all        548      31295      0.216      0.238      0.177     0.0917\n"
    )
    monitor = read(text)
    assert not [s.name for s in monitor.store if s.name.startswith("metrics/")]


# A segmentation run prints a Mask group after the Box group: Ultralytics 8.3.74, YOLO11x-seg,
# epoch 1 of 20 (a public capture of `python3 train_custom.py`, search index file id 29769866910;
# its repository is not named by the index).
SEGMENT_EPOCH = (
    "      Epoch    GPU_mem   box_loss   seg_loss   cls_loss   dfl_loss  Instances       Size\n"
    "       1/20      10.2G     0.7562      1.111      1.379      1.216         15        640: 100%|██████████| 1608/1608 [07:54<00:00,  3.39it/s]\n"
    "                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95)     Mask(P          R      mAP50  mAP50-95): 100%|██████████| 34/34 [00:07<00:00,  4.54it/s]\n"
    "                   all        535        601      0.531      0.781      0.658      0.525      0.532      0.781      0.663      0.539\n"
)


def test_a_segmentation_header_names_its_box_and_mask_groups():
    monitor = read(SEGMENT_EPOCH)
    found = {s.name: s.values.tolist() for s in monitor.store if s.name.startswith("metrics/")}
    assert found == {
        "metrics/precision(B)": [0.531], "metrics/recall(B)": [0.781],
        "metrics/mAP50(B)": [0.658], "metrics/mAP50-95(B)": [0.525],
        "metrics/precision(M)": [0.532], "metrics/recall(M)": [0.781],
        "metrics/mAP50(M)": [0.663], "metrics/mAP50-95(M)": [0.539],
    }
    assert steps(monitor, "metrics/mAP50-95(M)") == steps(monitor, "seg_loss") == [1]
