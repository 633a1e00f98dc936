"""fairseq: simple (``key=value, ...``), pipes (``| key value |``), JSON, and legacy ≤0.8 lines.

The logger name carries the split: ``train_inner`` lines are the training curve (plain names),
``train`` lines are epoch averages (``train/…``), ``valid`` lines say their subset (``valid/…``).
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.jsonl import flatten, load_json
from lossmon.engine.formats.pairs import find_pairs
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

# The logger name before the message: "train_inner | " (fairseq's own logging format) or, under
# fairseq-hydra-train, "[train_inner][INFO] - " (hydra's "[time][logger][level] - " format, whose
# timestamp is cut as a logging prefix before the line gets here).
_LINE = re.compile(
    r"^(?:(?P<logger>train_inner|train|valid\w*) \| "
    r"|\[(?P<hydra>train_inner|train|valid\w*)\]\[(?:INFO|WARNING|DEBUG)\] - )?(?P<rest>(?:epoch \d+|\{).*)$"
)
_SIMPLE = re.compile(r"^epoch \d+:\s+\d+ / \d+ ")
_SUBSET = re.compile(r"\| (?:valid|test) on '(?P<subset>[^']+)' subset ")
_PIPE_FIELD = re.compile(rf"\| (?P<name>[A-Za-z_][\w./-]*) (?P<value>{VALUE})(?= \||\s*$)")
_STEP = "num_updates"


class FairseqParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _LINE.match(text)
        if match is None:
            return False
        logger, rest, offset = match.group("logger") or match.group("hydra"), match.group("rest"), match.start("rest")
        if rest.startswith("{"):
            stats = load_json(rest)
            if not isinstance(stats, dict):
                return False
            prefix = self._prefix(logger, stats.get("valid_subset"))
            if prefix and any(key.startswith(f"{logger}_") for key in stats):
                prefix = ""  # its JSON progress bar names the keys with their tag already: "valid_loss"
            return self._emit(out, line, prefix, flatten(stats), None)
        if _SIMPLE.match(rest):
            found = find_pairs(rest, offset=offset)
            return self._emit(out, line, "", {p.name: p.value for p in found}, {p.name: (p.start, p.end) for p in found})
        subset = _SUBSET.search(rest)
        prefix = self._prefix(logger or ("valid" if subset else "train"), subset.group("subset") if subset else None)
        found = {
            field.group("name"): (to_float(field.group("value")), field.span("value"))
            for field in _PIPE_FIELD.finditer(text, offset)
        }
        if not found:
            return False
        return self._emit(out, line, prefix, {k: v for k, (v, _) in found.items()}, {k: s for k, (_, s) in found.items()})

    @staticmethod
    def _prefix(logger: str | None, subset: str | None) -> str:
        if logger in (None, "train_inner"):
            return ""
        if logger.startswith("valid"):
            return f"{subset or 'valid'}/"
        return f"{logger}/"

    def _emit(self, out, line, prefix, metrics, spans) -> bool:
        step = metrics.pop(_STEP, None)
        step_span = spans.pop(_STEP, None) if spans else None
        named = {prefix + name: value for name, value in metrics.items()}
        named_spans = {prefix + name: span for name, span in spans.items()} if spans and step_span else None
        self.emit(out, line, step, named, named_spans, step_span=step_span)
        return True


class Fairseq(Format):
    id = "fairseq"
    title = "fairseq (simple, pipes, JSON and legacy progress lines)"
    example = (
        "2025-01-02 03:04:05 | INFO | train_inner | epoch 001:    100 / 1563 loss=9.876, nll_loss=9.845, "
        "ppl=919.67, wps=12345.6, ups=2.34, wpb=5234.5, bsz=128, num_updates=100, lr=1.25e-05, gnorm=1.234"
    )
    anchor = (
        r"^(?:(?:train_inner|train|valid\w*) \| |\[(?:train_inner|train|valid\w*)\]\[(?:INFO|WARNING|DEBUG)\] - )"
        r"(?:epoch \d{3}\b|\{\"epoch\": )"
        r"|^epoch \d{3}(?::\s+\d+ / \d+ \w+=| \| (?:loss|valid on) )"
    )
    parser = FairseqParser
