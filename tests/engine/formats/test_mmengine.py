from parse_helpers import assert_series, read_fixture, steps


def test_mmengine_text_after_a_config_dump():
    monitor = read_fixture("mmengine.log")
    assert monitor.format_id == "mmengine"
    assert_series(
        monitor,
        {
            "lr": ("train", "lr", 4, 2.8e-07),
            "memory": ("train", "other", 4, 8725.0),
            "loss": ("train", "loss", 4, 0.5011),
            "loss_cls": ("train", "loss", 4, 0.3591),
            "loss_bbox": ("train", "loss", 4, 0.142),
            "coco/bbox_mAP": ("val", "metric", 1, 0.028),
            "coco/bbox_mAP_50": ("val", "metric", 1, 0.09),
            "coco/bbox_mAP_75": ("val", "metric", 1, 0.005),
            "coco/bbox_mAP_l": ("val", "metric", 1, 0.028),
            "d0.loss_cls": ("train", "loss", 1, 1.1676),
            "recall@thr=0.5": ("train", "metric", 1, 0.3889),
        },
        primary=("loss", None),
    )
    # Global iteration = (epoch - 1) * iterations per epoch + iteration; validation sits at the
    # end of its epoch. The -1.0000 mAPs (no small/medium objects) are placeholders.
    assert steps(monitor, "loss") == [1, 2, 6, 7]
    assert steps(monitor, "coco/bbox_mAP") == [6]
    assert "coco/bbox_mAP_s" not in monitor.store and "eta" not in monitor.store


def test_mmengine_scalars_json_validation_entries():
    monitor = read_fixture("mmengine_scalars.json")
    assert monitor.format_id == "mmengine_scalars"
    assert_series(
        monitor,
        {
            "lr": ("train", "lr", 2, 8e-08),
            "loss": ("train", "loss", 2, 0.4011),
            "loss_cls": ("train", "loss", 2, 0.2591),
            "loss_bbox": ("train", "loss", 2, 0.142),
            "epoch": ("train", "other", 2, 1.0),
            "memory": ("train", "other", 2, 8725.0),
            "coco/bbox_mAP": ("val", "metric", 1, 0.028),
            "coco/bbox_mAP_50": ("val", "metric", 1, 0.09),
            "coco/bbox_mAP_75": ("val", "metric", 1, 0.005),
            "coco/bbox_mAP_l": ("val", "metric", 1, 0.028),
        },
        primary=("loss", None),
    )
    assert steps(monitor, "coco/bbox_mAP") == [6]  # its own step is an epoch: placed at the last iteration
