from lossmon.engine.detectors.stats.task_score import TaskScoreTrack, task_score_names


def test_the_task_score_is_the_held_out_map50_95_first():
    # Ultralytics results.csv columns (dial-gauge-yolov8-results-csv-padded-prefix)
    yolo = [("metrics/precision(B)", "val"), ("metrics/recall(B)", "val"), ("metrics/mAP50(B)", "val"),
            ("metrics/mAP50-95(B)", "val")]
    assert task_score_names(yolo) == ["metrics/mAP50-95(B)"]
    # YOLOv5 results.csv columns (pallet-yolov5-exp8-results-csv), the 0.5 one listed first
    yolov5 = [("metrics/precision", "val"), ("metrics/recall", "val"), ("metrics/mAP_0.5", "val"),
              ("metrics/mAP_0.5:0.95", "val")]
    assert task_score_names(yolov5) == ["metrics/mAP_0.5:0.95"]
    # YOLOv5's console header and the two-digit spelling
    assert task_score_names([("mAP@.5", "val"), ("mAP@.5:.95", "val")]) == ["mAP@.5:.95"]
    assert task_score_names([("mAP@0.50", "val"), ("mAP@0.50:0.95", "val")]) == ["mAP@0.50:0.95"]
    # Keras: the held-out accuracy, never the train one
    assert task_score_names([("accuracy", "train"), ("val_accuracy", "val")]) == ["val_accuracy"]
    # precision or recall alone, an error rate, a train metric: no task score
    assert task_score_names([("val_precision", "val"), ("val_recall", "val")]) == []
    assert task_score_names([("val_error", "val"), ("top1", "train")]) == []


def test_a_score_within_its_noise_has_not_worsened_and_a_steady_fall_has():
    noisy = [0.60, 0.64, 0.61, 0.65, 0.62, 0.66, 0.63, 0.67, 0.62]
    track = TaskScoreTrack()
    for value in noisy:
        track.update(value)
    assert track.worsened(4.0) is False
    for value in (0.55, 0.50, 0.45, 0.40, 0.35):
        track.update(value)
    assert track.worsened(4.0) is True
    assert TaskScoreTrack().worsened(4.0) is None  # no score logged: nothing to say
