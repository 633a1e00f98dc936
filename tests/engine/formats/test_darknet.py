"""Darknet's training output (issue 12, generalization audit): AlexeyAB/darknet's detector.c prints
"\\n %d: %f, %f avg loss, %f rate, %lf seconds, %d images, %f hours left\\n" per iteration and
pjreddie's "%ld: %f, %f avg, %f rate, %lf seconds, %d images\\n"; values stand before their names.
The detection layers' lines between them (yolo_layer.c's "v3 (%s loss, Normalizer: ...) Region %d
Avg (IOU: %f), count: %d, class_loss = %f, ...", region_layer.c's "Region %d Avg IOU: %f, Class:
%f, Obj: %f, ...") are diagnostics, no records: read as pairs, the normalizer's "obj: 1.00" and
"cls: 1.00" were flat losses."""

import pytest
from parse_helpers import read, records

_LAYERS_V4 = (
    " v3 (iou loss, Normalizer: (iou: 0.07, obj: 1.00, cls: 1.00) Region 139 Avg (IOU: 0.000000), count: 1, "
    "class_loss = 1104.681152, iou_loss = 0.000000, total_loss = 1104.681152 \n"
    " v3 (iou loss, Normalizer: (iou: 0.07, obj: 1.00, cls: 1.00) Region 161 Avg (IOU: 0.303447), count: 3, "
    "class_loss = 68.887428, iou_loss = 5.632317, total_loss = 74.519745 \n"
    " total_bbox = 3, rewritten_bbox = 0.000000 % \n"
)
_LAYERS_V2 = "Region 82 Avg IOU: 0.304720, Class: 0.499548, Obj: 0.499867, No Obj: 0.500342, .5R: 0.200000, .75R: 0.000000,  count: 10\n"
LOSSES = [484.863281, 442.126251, 402.126251, 362.126251, 322.126251, 301.5, 288.25, 270.0]


def _log(layers: str, avg: str) -> str:
    text, average = "", LOSSES[0]
    for iteration, loss in enumerate(LOSSES, 1):
        average = 0.9 * average + 0.1 * loss
        text += layers + f"\n {iteration}: {loss:f}, {average:f} {avg}, 0.000001 rate, 3.087425 seconds, {64 * iteration} images"
        text += ", 34.384115 hours left\nLoaded: 0.000040 seconds\n" if avg == "avg loss" else "\n"
    return text


@pytest.mark.parametrize("layers, avg", [(_LAYERS_V4, "avg loss"), (_LAYERS_V2, "avg")])
@pytest.mark.parametrize("chunk", [1 << 20, 97])
def test_each_iteration_is_a_record_and_the_layers_lines_none(layers, avg, chunk):
    store = read(_log(layers, avg), chunk=chunk).store
    assert [series.name for series in store] == ["batch loss", avg, "learning rate"]
    # the loss the line names, which darknet's chart draws (pjreddie's "avg" names no loss)
    assert store.primary_train == ("avg loss" if avg == "avg loss" else "batch loss")
    assert store["batch loss"].values.tolist() == LOSSES
    assert store["batch loss"].steps.tolist() == [float(n) for n in range(1, 9)]
    assert store[avg].values.tolist()[-1] == pytest.approx(0.9 * store[avg].values.tolist()[-2] + 0.1 * LOSSES[-1], abs=1e-5)


def test_the_template_reads_what_the_slow_path_reads():
    data = _log(_LAYERS_V4, "avg loss").encode() * 3
    assert records(data, fast=True, chunk=1000) == records(data, fast=False)
