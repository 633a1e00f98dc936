"""`lossmon check --json` prints the same bytes whichever way its numbers and lines are read: the
fast conversion (fastnumbers) or float(), the fast template scans (a literal matched where it was
found, no frame-skipping prefix on blocks without \\r) or the reference findall, small or large
history blocks. On every demo log, real log, format fixture and corpus file (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lossmon.engine import check_file, history, numbers
from lossmon.engine.formats import template
from lossmon.report import json_report

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted(path for path in (ROOT / "tests" / "corpus").glob("*/*") if path.name != "label.json")
FIXTURES = sorted((ROOT / "tests" / "engine" / "formats" / "data").iterdir())
DEMO = sorted((ROOT / "demo_logs").iterdir())

# (fast conversion, fast scans, history block bytes), each compared with the reference way (neither)
# at the same block size: which records and findings are read does not depend on the block size,
# but the order of findings within the report follows the blocks (detectors run per block). Each fast
# path alone is compared on the demo, real and fixture logs (to say which one broke); both together
# on every file, the corpus too (the suite's time grows with the corpus: 1,824 logs).
WAYS = {
    "fast conversion": (True, False, 1 << 20),
    "fast scans": (False, True, 1 << 20),
    "both": (True, True, 1 << 20),  # (DEFAULT_BLOCK)
    "both, large blocks": (True, True, 8 << 20),
    "both, small blocks": (True, True, 64 << 10),
}
ALONE = ("fast conversion", "fast scans")  # one fast path at a time
CORPUS_SET = frozenset(CORPUS)
_REFERENCE: dict[tuple[str, int], str] = {}


def check_json(path: Path, way: tuple[bool, bool, int], monkeypatch) -> str:
    fast_conversion, fast_scans, block_bytes = way
    monkeypatch.setattr(numbers, "FAST_CONVERSION", fast_conversion)
    monkeypatch.setattr(template, "FAST_SCANS", fast_scans)
    # every literal matched where it was found, however often it occurs
    monkeypatch.setattr(template, "_BYTES_PER_RARE_MATCH", 1 << 40 if fast_scans else 0)
    monkeypatch.setattr(history, "BLOCK_BYTES", block_bytes)  # the history policy's read size
    return json.dumps(json_report([check_file(str(path))]), allow_nan=False)


def reference_json(path: Path, block_bytes: int, monkeypatch) -> str:
    key = (str(path), block_bytes)
    if key not in _REFERENCE:
        _REFERENCE[key] = check_json(path, (False, False, block_bytes), monkeypatch)
    return _REFERENCE[key]


def _files(real_logs_dir: Path | None) -> list[Path]:
    real = sorted(p for p in real_logs_dir.iterdir() if p.name != "README.md") if real_logs_dir else []
    return [*DEMO, *real, *FIXTURES, *CORPUS]


# The block size of the ways that do not name one
DEFAULT_BLOCK = 1 << 20


def _read_otherwise(path: Path, block_bytes: int) -> bool:
    """Is the file read in other blocks at ``block_bytes`` than at DEFAULT_BLOCK? A file no larger
    than the smaller of the two is one block either way: the same reading, already compared."""
    return block_bytes == DEFAULT_BLOCK or path.stat().st_size > min(block_bytes, DEFAULT_BLOCK)


@pytest.mark.parametrize("way", list(WAYS))
def test_check_json_is_byte_identical_whichever_way_it_is_read(way, real_logs, monkeypatch):
    assert len(CORPUS) >= 100 and DEMO and FIXTURES  # the files are there
    block_bytes = WAYS[way][2]
    files = [path for path in _files(real_logs) if _read_otherwise(path, block_bytes)]
    if way in ALONE:
        files = [path for path in files if path not in CORPUS_SET]
    assert files  # (64 KB blocks cut 119 corpus, demo and fixture logs; 8 MB blocks read the 1.5 MB shared gpt-lab log whole)
    different = []
    for path in files:
        if check_json(path, WAYS[way], monkeypatch) != reference_json(path, block_bytes, monkeypatch):
            different.append(path.relative_to(path.parents[1]))
    assert not different, f"{way}: {different}"
