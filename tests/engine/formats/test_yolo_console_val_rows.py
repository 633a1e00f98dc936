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
# epoch 1 of 20 (a public capture of `python3 train_custom.py` in a Human-instance-segmentation-Yolo11
# project, search index file id 29769866910; the index names no repository).
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


# Ultralytics' YOLOv3 (and the first YOLOv5 releases) head the training rows with "GIoU obj cls
# total" and count "Targets" in the validation header, printing F1 too; a progress frame and the
# "Model Bias Summary" table may come between a row and its completed frame. Epochs 0-2 and 8 of a
# Colab capture in a README whose links point to csharpshooter/DeepLearning's
# CustomObjectDetectionUsingYoloV3 (search index file id 7995298212, offset 3200).
YOLOV3_EPOCHS = """\
     Epoch   gpu_mem      GIoU       obj       cls     total   targets  img_size
     0/299     7.38G      6.03      3.37         0       9.4         7       512: 100% 57/57 [00:39<00:00,  1.45it/s]
               Class    Images   Targets         P         R   mAP@0.5        F1: 100% 57/57 [00:17<00:00,  3.28it/s]
                 all       563       597         1   0.00168     0.244   0.00334

     Epoch   gpu_mem      GIoU       obj       cls     total   targets  img_size
     1/299     12.1G      4.25      1.79         0      6.04         5       512: 100% 57/57 [00:37<00:00,  1.52it/s]
               Class    Images   Targets         P         R   mAP@0.5        F1: 100% 57/57 [00:10<00:00,  5.29it/s]
                 all       563       597     0.184      0.76     0.469     0.296

     Epoch   gpu_mem      GIoU       obj       cls     total   targets  img_size
     2/299     12.1G      3.97      1.39         0      5.36         7       512: 100% 57/57 [00:37<00:00,  1.52it/s]
               Class    Images   Targets         P         R   mAP@0.5        F1: 100% 57/57 [00:13<00:00,  4.25it/s]
                 all       563       597     0.326     0.732     0.467     0.451

     Epoch   gpu_mem      GIoU       obj       cls     total   targets  img_size
     8/299     12.1G      3.16     0.958         0      4.12        17       512:  77% 44/57 [00:29<00:08,  1.52it/s]
Model Bias Summary:    layer        regression        objectness    classification
                          89      -0.09+/-0.20      -5.35+/-0.56       4.11+/-0.01 
                         101       0.09+/-0.23      -6.00+/-0.33       4.13+/-0.00 
                         113       0.17+/-0.29      -6.11+/-0.27       4.09+/-0.01 
     8/299     12.1G       3.1     0.966         0      4.07         4       512: 100% 57/57 [00:37<00:00,  1.52it/s]
               Class    Images   Targets         P         R   mAP@0.5        F1: 100% 57/57 [00:10<00:00,  5.46it/s]
                 all       563       597     0.904     0.799     0.828     0.848
"""


@pytest.mark.parametrize("chunk", (1 << 20, 89))
def test_yolov3_giou_rows_and_their_targets_validation_rows(chunk):
    monitor = read(YOLOV3_EPOCHS, chunk=chunk)
    store = monitor.store
    assert steps(monitor, "GIoU") == [0, 1, 2, 8]
    # the header was no table before (no metric word); "total" sums GIoU, obj and cls: the primary
    assert store.primary_train == "total"
    assert store["GIoU"].kind == store["total"].kind == "loss"
    assert store["total"].values.tolist() == [9.4, 6.04, 5.36, 4.07]  # the 77% frame is progress
    assert steps(monitor, "metrics/F1") == [0, 1, 2, 8]
    assert store["metrics/mAP@0.5"].values.tolist() == [0.244, 0.469, 0.467, 0.828]
    assert store["metrics/precision"].values.tolist() == [1.0, 0.184, 0.326, 0.904]
