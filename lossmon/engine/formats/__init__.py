"""The known log formats, and the parser that detects them line by line with no configuration."""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.generic import KeyValue
from lossmon.engine.formats.gpt import LlmcLog, ModdedNanoGPT, NanoGPT
from lossmon.engine.formats.huggingface import HFDict, HFState
from lossmon.engine.formats.jsonl import JsonLines
from lossmon.engine.formats.keras import Keras
from lossmon.engine.formats.megatron import Megatron
from lossmon.engine.formats.table import Table
from lossmon.engine.lines import LineBlock, frames
from lossmon.engine.records import RecordBuilder

# Most specific first: the first anchor that finds a line names its format.
FORMATS: tuple[Format, ...] = (
    HFDict(),
    HFState(),
    ModdedNanoGPT(),
    LlmcLog(),
    NanoGPT(),
    Megatron(),
    Keras(),
    JsonLines(),
    Table(),
    KeyValue(),
)
FORMATS_BY_ID: dict[str, Format] = {fmt.id: fmt for fmt in FORMATS}
FALLBACK = KeyValue.id

_ANCHORS = re.compile("|".join(f"(?P<f{i}>{fmt.anchor})" for i, fmt in enumerate(FORMATS)))


def detect(text: str) -> Format | None:
    """The format whose anchor finds this line, if any."""
    match = _ANCHORS.search(text)
    if match is None:
        return None
    fmt = FORMATS[int(match.lastgroup[1:])]
    return fmt if fmt.recognises(text) else None


class AutoParser:
    """Parses a log whatever its format, and follows format changes part-way (concatenated runs,
    a job resumed with another trainer): each line goes to the current format's parser, and a
    line it does not take is matched against every format's anchor."""

    def __init__(self, format_id: str | None = None) -> None:
        self._parsers: dict[str, LineParser] = {}
        self.forced = FORMATS_BY_ID[format_id] if format_id else None
        self.current: LineParser | None = self._parser(self.forced) if self.forced else None
        self.record_counts: dict[str, int] = {}

    @property
    def format_id(self) -> str | None:
        """The format that produced the most records so far."""
        if not self.record_counts:
            return self.forced.id if self.forced else None
        return max(self.record_counts, key=self.record_counts.__getitem__)

    @property
    def whole_file(self) -> bool:
        return self.current is not None and self.current.format.whole_file

    def _parser(self, fmt: Format) -> LineParser:
        parser = self._parsers.get(fmt.id)
        if parser is None:
            parser = self._parsers[fmt.id] = fmt.new_parser()
        return parser

    def parse_block(self, block: LineBlock, out: RecordBuilder) -> None:
        line = block.first
        if not block.has_cr:
            for text in block.lines:
                if text:
                    self._parse_frame(text, line, out)
                line += 1
            return
        for text in block.lines:
            for frame in frames(text) if "\r" in text else (text,):
                self._parse_frame(frame, line, out)
            line += 1

    def _parse_frame(self, text: str, line: int, out: RecordBuilder) -> None:
        current = self.current
        if current is not None and current.parse(text, line, out):
            return
        if self.forced is None:
            fmt = detect(text)
            if fmt is not None and (current is None or fmt is not current.format):
                parser = self._parser(fmt)
                if parser.parse(text, line, out):
                    self.current = parser
                    return
        if self.forced is None and (current is None or current.format.id != FALLBACK):
            self._parser(FORMATS_BY_ID[FALLBACK]).parse(text, line, out)

    def finish(self, out: RecordBuilder) -> None:
        for parser in self._parsers.values():
            parser.finish(out)

    def rewind(self) -> None:
        for parser in self._parsers.values():
            parser.rewind()

    def count(self, formats: dict[str, int]) -> None:
        for format_id, n in formats.items():
            self.record_counts[format_id] = self.record_counts.get(format_id, 0) + n
