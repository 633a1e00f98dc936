"""Reading fixture logs through the engine, for the format tests."""

from __future__ import annotations

from pathlib import Path

from lossmon.engine import Monitor
from lossmon.engine.formats import AutoParser
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import RecordBuilder

DATA = Path(__file__).resolve().parent / "data"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"  # the real-log corpus (tests/corpus)


def read(data: bytes | str, chunk: int = 1 << 20, path: str = "test.log", **options) -> Monitor:
    """A Monitor that has read ``data`` to its end, ``chunk`` bytes at a time (as the file ``path``)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    monitor = Monitor(path, **options)
    for start in range(0, len(data), chunk):
        monitor.feed(data[start : start + chunk])
    monitor.finish()
    return monitor


def read_fixture(name: str, **options) -> Monitor:
    return read((DATA / name).read_bytes(), **options)


def series(monitor: Monitor) -> dict[str, tuple[str, str, int, float]]:
    """name → (split, kind, count, last value) of every series."""
    return {s.name: (s.split, s.kind, len(s), float(s.last)) for s in monitor.store}


def records(
    data: bytes, fast: bool = True, chunk: int = 1 << 20, sizes: list[int] | None = None
) -> list[tuple[int, float, dict]]:
    """Every record the parser produces, as (line, step, {name: value}), in line order, from
    ``data`` fed in blocks of ``chunk`` bytes (or of ``sizes``, cycled)."""
    splitter, parser, out = LineSplitter(), AutoParser(fast=fast), RecordBuilder()
    found = []
    position, turn = 0, 0
    while position < len(data):
        size = sizes[turn % len(sizes)] if sizes else chunk
        block = splitter.feed(data[position : position + size])
        position, turn = position + size, turn + 1
        if block is not None:
            parser.parse_block(block, out)
            found.extend(out.build().records())
    block = splitter.flush()
    if block is not None:
        parser.parse_block(block, out)
    parser.finish(out)
    found.extend(out.build().records())
    return found


def assert_series(monitor: Monitor, expected: dict, primary: tuple[str | None, str | None] | None = None) -> None:
    """The monitor holds exactly these series: name → (split, kind, count, last value)."""
    found = series(monitor)
    assert set(found) == set(expected), f"series differ: extra {set(found) - set(expected)}, missing {set(expected) - set(found)}"
    for name, (split, kind, count, last) in expected.items():
        got = found[name]
        assert got[:3] == (split, kind, count), f"{name}: {got[:3]} != {(split, kind, count)}"
        assert (got[3] != got[3] and last != last) or got[3] == last, f"{name}: last {got[3]} != {last}"
    if primary is not None:
        assert (monitor.store.primary_train, monitor.store.primary_val) == primary


def steps(monitor: Monitor, name: str) -> list[float]:
    return monitor.store[name].steps.tolist()


# Real lines: AAssets/Qwen3-0.6B-Alpaca-LoRA @da06be4b train.log (a nohup capture of a TRL
# SFTTrainer run; the served text has no carriage returns, so frames follow each other directly
# and each dict is glued to the end of a frame). Cut to the last frames before each dict.
GLUED_TQDM_RECORDS = [
    "  0%|          | 8/4854 [00:12<2:15:47,  1.68s/it]  0%|          | 9/4854 [00:14<2:13:35,  1.65s/it]  0%|"
    "          | 10/4854 [00:16<2:14:42,  1.67s/it]                                                   "
    "{'loss': 1.5618, 'grad_norm': 1.2043813467025757, 'learning_rate': 9.981458590852905e-05, 'entropy': "
    "1.5958266109228134, 'num_tokens': 52034.0, 'mean_token_accuracy': 0.6513763800263405, 'epoch': 0.01}",
    "  0%|          | 19/4854 [00:30<2:08:56,  1.60s/it]  0%|          | 20/4854 [00:32<2:12:31,  1.64s/it]"
    "                                                   {'loss': 1.2588, 'grad_norm': 0.26526445150375366, "
    "'learning_rate': 9.960857025133911e-05, 'entropy': 1.3516502678394318, 'num_tokens': 103411.0, "
    "'mean_token_accuracy': 0.6785490036010742, 'epoch': 0.01}",
]
