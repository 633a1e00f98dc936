"""YOLOv10's results.csv (THU-MIG/yolov10, an Ultralytics fork): its detector trains two heads,
one-to-many and one-to-one, and names each loss term by head without the word loss: train/box_om,
train/cls_om, train/dfl_om, train/box_oo, ... and the same val/* columns. Real rows:
tests/corpus/answer-sheet-yolov10-om-oo-results-csv-padded (403765727/Identify_answers_on_answer_sheet
runs/detect/train10/results.csv, header and first 3 rows, space-padded)."""

from parse_helpers import CORPUS, read

ROWS = b"".join(
    (CORPUS / "answer-sheet-yolov10-om-oo-results-csv-padded" / "results.csv").read_bytes().splitlines(keepends=True)[:4]
)


def test_head_suffixed_terms_are_losses_and_one_is_primary():
    monitor = read(ROWS)
    assert monitor.format_id == "ultralytics_csv"
    assert monitor.store.primary_train == "train/box_om"
    assert monitor.store.primary_val == "val/box_om"
    for name in ("train/cls_om", "train/dfl_oo", "val/cls_oo"):
        assert monitor.store[name].kind == "loss"
    assert monitor.store["train/cls_om"].values.tolist() == [4.3485, 3.8837, 2.3849]
    assert monitor.store["metrics/mAP50(B)"].kind == "metric"
