"""A message no format recognises, or that holds no pair, is searched once: the answers are the
same as searching every time, on the opening lines of every corpus file (issue 18: a warning repeated every
500 steps cost ~120 us a line)."""

from pathlib import Path

import pytest

from lossmon.engine.formats import auto, nothing_found, pairs
from lossmon.engine.formats.nothing_found import NothingFound

ROOT = Path(__file__).resolve().parents[3]
CORPUS = sorted(p for p in (ROOT / "tests" / "corpus").glob("*/*") if p.name != "label.json")
WARNING = ("/usr/local/lib/python3.10/dist-packages/torch/utils/checkpoint.py:464: UserWarning: "
           "torch.utils.checkpoint: the use_reentrant parameter should be passed explicitly.")


# Lines of each corpus file: its opening holds most of its shapes (headers, configuration, warnings,
# the first records); 100 of each, each text once (an answer depends on the text alone, and the
# second pass asks the remembered answer of every one), is 130k lines at 2,275 files: the suite's
# time grows with the corpus
LINES_PER_FILE = 100


def _lines():
    seen = {}
    for path in CORPUS:
        text = path.read_text(errors="replace")
        seen.update(dict.fromkeys(text.splitlines()[:LINES_PER_FILE]))
    return list(seen)


def test_remembered_answers_are_the_answers(monkeypatch):
    lines = list(_lines())
    assert len(lines) > 10_000
    for module, name in ((auto, "_UNDETECTED"), (pairs, "_NO_PAIRS")):
        monkeypatch.setattr(module, name, NothingFound())
    first = [repr((auto.detect(line, 7), pairs.message_pairs(line))) for line in lines]  # repr: NaN values
    assert len(auto._UNDETECTED) and len(pairs._NO_PAIRS)  # some were remembered
    again = [repr((auto.detect(line, 7), pairs.message_pairs(line))) for line in lines]
    assert again == first
    for module, name in ((auto, "_UNDETECTED"), (pairs, "_NO_PAIRS")):
        monkeypatch.setattr(module, name, NothingFound())
    fresh = []
    for line in lines:  # forgotten before each line: searched every time
        auto._UNDETECTED._texts.clear(), pairs._NO_PAIRS._texts.clear()
        fresh.append(repr((auto.detect(line, 7), pairs.message_pairs(line))))
    assert fresh == first


def test_a_repeated_warning_is_searched_once(monkeypatch):
    monkeypatch.setattr(pairs, "_NO_PAIRS", NothingFound())
    calls = []
    inner = pairs._message_pairs
    monkeypatch.setattr(pairs, "_message_pairs", lambda text: calls.append(text) or inner(text))
    assert [pairs.message_pairs(WARNING) for _ in range(5)] == [[]] * 5
    assert calls == [WARNING]
    assert pairs.message_pairs("loss: 0.5") and pairs.message_pairs("loss: 0.5")  # pairs: read each time
    assert calls == [WARNING, "loss: 0.5", "loss: 0.5"]


def test_a_first_line_only_format_is_not_remembered_as_undetected(monkeypatch):
    """A format recognised on line 1 only: None elsewhere, but not remembered as undetected."""
    monkeypatch.setattr(auto, "_UNDETECTED", NothingFound())
    first_only = [fmt for fmt in auto.FORMATS if fmt.first_line_only]
    if not first_only:
        pytest.skip("no first-line-only format registered")
    for line in _lines():
        fmt = auto.detect(line, 1)
        if fmt is not None and fmt.first_line_only:
            assert auto.detect(line, 5) is None and auto.detect(line, 1) is fmt
            return
    pytest.skip("no corpus line starts a first-line-only format")


def test_bounded(monkeypatch):
    monkeypatch.setattr(nothing_found, "MAX_TEXTS", 3)
    seen = NothingFound()
    seen.add("x" * (nothing_found.MAX_CHARS + 1))
    assert len(seen) == 0  # too long to keep
    for text in "abcd":
        seen.add(text)
    assert len(seen) <= 3 and "d" in seen
