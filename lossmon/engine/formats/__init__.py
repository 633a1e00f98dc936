"""The known log formats, and the parser that detects them line by line with no configuration."""

from lossmon.engine.formats.auto import AutoParser, detect
from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pattern import PatternFormat, compile_pattern
from lossmon.engine.formats.registry import FALLBACK, FORMATS, FORMATS_BY_ID

__all__ = [
    "AutoParser", "FALLBACK", "FORMATS", "FORMATS_BY_ID", "Format", "LineParser",
    "PatternFormat", "compile_pattern", "detect",
]
