"""explain: formats, series sources, and --pattern suggestions that really read their shape."""

import pytest

from lossmon.engine import check_file
from lossmon.engine.coverage import Shape
from lossmon.engine.explain import explain, suggest_pattern
from lossmon.engine.formats import compile_pattern

# Real line shapes: tests/engine/formats/data/nanogpt.log (nanoGPT's train.py) and a fork's tags.
NANOGPT = ["iter 100: loss 4.8186, time 1537.05ms, mfu 14.52%", "iter 110: loss 270.3931, time 1464.67ms, mfu 14.58%"]


def test_pattern_names_step_and_metrics_and_reads_every_example():
    shape = Shape("iter #: loss #, time #ms, mfu #%", 2, [(3, NANOGPT[0]), (4, NANOGPT[1])])
    source = suggest_pattern(shape)
    assert source is not None
    regex = compile_pattern(source).regex
    match = regex.search(NANOGPT[1])
    assert match.group("step") == "110" and float(match.group("loss")) == 270.3931


def test_prose_gets_no_pattern():
    line = "Validating on 40960 tokens (10 steps with 4096 batch size)"
    assert suggest_pattern(Shape("Validating on # tokens", 8, [(1, line), (2, line)])) is None


def test_ids_and_file_names_are_not_metric_names():
    line = 'W0530 14:48:26.433000 2622492 site-packages/torch/_dynamo/convert_frame.py:1233] WON\'T CONVERT forward model.py line 95'
    assert suggest_pattern(Shape("W#", 3, [(1, line)] * 3)) is None


def test_explain_real_log(real_logs):
    e = explain(check_file(str(real_logs / "gpt-lab-diffusion-train.log")))
    assert e.formats == [("modded_nanogpt", 5723, 12891, 7159)]
    sources = {s.name: s for s in e.series}
    assert sources["train_loss"].first_line == 5724
    assert sources["train_loss"].example.startswith("step:1/20000 train_loss:")
    assert sources["val_loss"].points == 8
    assert sum(e.counts.values()) == e.lines == 12891
