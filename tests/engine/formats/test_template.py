"""The block fast path must read every line exactly as the slow path does."""

import math
import random
import re

import pytest

from parse_helpers import DATA, records, read

from lossmon.engine.formats import AutoParser
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder


def _same(fast, slow) -> bool:
    def norm(found):
        return [(line, step, {k: "nan" if math.isnan(v) else v for k, v in m.items()}) for line, step, m in found]

    return norm(fast) == norm(slow)


def perturbed(text: str, copies: int, seed: int = 0) -> str:
    """``copies`` of a log with its decimal numbers redrawn, so that shapes repeat with new values."""
    rng = random.Random(seed)

    def number(match: re.Match) -> str:
        fraction = match.group(0).split(".", 1)[1]
        return f"{rng.randint(0, 99)}.{''.join(rng.choice('0123456789') for _ in fraction)}"

    return "".join(re.sub(r"(?<![\w.])\d+\.\d+(?![\w.])", number, text) for _ in range(copies))


FIXTURES = sorted(path.name for path in DATA.iterdir())


@pytest.mark.parametrize("name", FIXTURES)
@pytest.mark.parametrize("chunk", [1 << 20, 1000, 97])
def test_fast_path_reads_like_the_slow_path(name, chunk):
    text = perturbed((DATA / name).read_text(encoding="utf-8"), 12)
    data = text.encode("utf-8")
    assert _same(records(data, True, chunk), records(data, False, chunk))


@pytest.mark.parametrize("prefix", ["[rank0]:", "[default3]:", "2024-01-01 12:00:00,123 - __main__ - INFO - "])
def test_fast_path_with_prefixes_and_frames(prefix):
    lines = []
    for step in range(1, 400):
        frame = f"\r 33%|███▎      | {step}/30 [00:00<00:00, 98.10it/s]\r" if step % 3 == 0 else ""
        lines.append(f"{prefix}{frame}step={step} loss={1 / step:.6f} lr=1e-4")
        if step % 50 == 0:
            lines.append(f"{prefix}step={step} val_loss={2 / step:.6f}")
            lines.append(f"{prefix}\rEpoch 1: 3%|█| 3/9 [00:00<00:00, v_num=1, train_loss={step}.5]\rstep={step} loss=0.5 lr=1e-4")
    data = ("\n".join(lines) + "\n").encode()
    fast = records(data, True, 4096)
    assert _same(fast, records(data, False, 4096))
    assert len(fast) == 399 + 7 + 7 * 2  # train, val, and the lines whose bar frame carries pairs
    assert [m["train_loss"] for _, _, m in fast if "train_loss" in m] == [s + 0.5 for s in range(50, 400, 50)]


def test_templates_are_used_on_a_long_log():
    data = "".join(f"{{'loss': {1 / s}, 'grad_norm': {s * 0.1}, 'learning_rate': 5e-05, 'epoch': {s / 100}}}\n" for s in range(1, 3000)).encode()
    splitter, parser, out = LineSplitter(), AutoParser(), RecordBuilder()
    parser.parse_block(splitter.feed(data), out)
    assert len(parser.templates) == 1
    assert parser.templates[0].hits > 2900
    batch = out.build()
    assert batch.lines.tolist() == list(range(1, 3000))
    assert batch.columns["loss"].values[-1] == 1 / 2999
    assert batch.steps.tolist() == list(range(1, 3000))


def test_a_value_the_template_does_not_cover_goes_to_the_slow_path():
    lines = [f"step={s} loss={1 / s} acc=0.5" for s in range(1, 50)]
    lines.append("step=50 loss=1,234.5 acc=0.5 extra=1")  # another shape entirely
    lines.append("step=51 loss=12,345 acc=0.5")  # thousands separator inside the template
    monitor = read("\n".join(lines) + "\n")
    assert monitor.store["loss"].values[-2:].tolist() == [1234.5, 12345.0]
    assert monitor.store["extra"].steps.tolist() == [50]


def test_a_template_idle_for_a_while_is_dropped_and_learned_again():
    main = "".join(f"step={s} loss={1 / s} acc=0.5\n" for s in range(1, 2000))
    noise = "".join(f"Traceback line {i} with nothing to read\n" for i in range(40000))
    more = "".join(f"step={s} loss={1 / s} acc=0.5\n" for s in range(2000, 4000))
    again = main.replace("step=", "step=1") + noise + main.replace("step=", "step=2") + noise
    data = (main + noise + again + more).encode()  # the fourth time the shape is learned
    splitter, parser, out = LineSplitter(), AutoParser(), RecordBuilder()
    for start in range(0, len(data), 1 << 16):
        block = splitter.feed(data[start : start + (1 << 16)])
        if block is not None:
            parser.parse_block(block, out)
    assert len(parser.templates) == 1 and parser.templates[0].hits > 1900


def test_ever_new_line_shapes_keep_the_shape_count_bounded():
    # A metric named after its step gives every line a shape of its own; a regular line comes
    # every 16 lines, so 4 of them stand within a few dozen new shapes and are still learned.
    from lossmon.engine.formats.auto import MAX_SHAPES_COUNTED

    lines = []
    for s in range(1, 3 * MAX_SHAPES_COUNTED):
        lines.append(f"step={s} loss={1 / s} acc=0.5" if s % 16 == 0 else f"step={s} probe_{s}={s * 0.5}")
    data = ("\n".join(lines) + "\n").encode()
    splitter, parser, out = LineSplitter(), AutoParser(), RecordBuilder()
    parser.parse_block(splitter.feed(data), out)
    assert len(parser._shape_counts) <= MAX_SHAPES_COUNTED
    assert len(parser.templates) == 1 and parser.templates[0].hits > (3 * MAX_SHAPES_COUNTED) // 16 - 8
    assert _same(records(data, True, 4096), records(data, False, 4096))


def test_shapes_that_fail_to_compile_keep_the_compile_count_bounded(monkeypatch):
    # Every shape fails to compile here (one field allowed), and a new shape comes every four
    # lines: the record of compiled shapes forgets the least recently seen past the bound, while
    # a shape that keeps coming (the regular line) stays marked and is never compiled again.
    from lossmon.engine.formats import template
    from lossmon.engine.formats.auto import MAX_SHAPES_COUNTED

    monkeypatch.setattr(template, "MAX_FIELDS", 1)
    attempts: dict[tuple[str, ...], int] = {}
    real_init = template.Template.__init__

    def counted_init(self, parser, shape, *args):
        names = tuple(name for name, _, _ in shape.fields)
        attempts[names] = attempts.get(names, 0) + 1
        real_init(self, parser, shape, *args)

    monkeypatch.setattr(template.Template, "__init__", counted_init)
    lines = []
    for s in range(1, 8 * MAX_SHAPES_COUNTED):
        if s % 16 == 0:
            lines.append(f"step={s} loss={1 / s} acc=0.5")
        else:
            lines.append(f"step={s} loss={1 / s} probe_{s // 4}={s * 0.5}")
    data = ("\n".join(lines) + "\n").encode()
    splitter, parser, out = LineSplitter(), AutoParser(), RecordBuilder()
    parser.parse_block(splitter.feed(data), out)
    assert sum(attempts.values()) > MAX_SHAPES_COUNTED
    assert len(parser._compiles) <= MAX_SHAPES_COUNTED
    assert attempts[("loss", "acc")] == 1
    assert len(list(out.build().records())) == len(lines)


def test_offsets_of_bytes_found_a_slice_at_a_time_are_the_whole_blocks():
    """_offsets_of looks at a block in slices (small masks, issue 18): the same offsets as one
    mask over the block, across slice boundaries, for an empty block and a partial last slice."""
    import numpy as np

    from lossmon.engine.formats.template import _MASK_SLICE, _offsets_of

    rng = np.random.default_rng(7)
    for size in (0, 1, _MASK_SLICE - 1, _MASK_SLICE, _MASK_SLICE + 1, 3 * _MASK_SLICE + 17):
        array = rng.choice(np.frombuffer(b"ab=:\n\r", np.uint8), size)
        expected = np.flatnonzero((array == 61) | (array == 58))
        found = _offsets_of(array, 61, 58)
        assert found.dtype == expected.dtype and np.array_equal(found, expected)
        assert np.array_equal(_offsets_of(array, 10), np.flatnonzero(array == 10))
