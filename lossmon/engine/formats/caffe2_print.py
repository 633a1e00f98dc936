"""Caffe2's Print operator (``net.Print(loss, [])``, ``to_file=1`` writes ``<blob>.log``): one line
per run of the net, the blob's name, its type and its dims, then its values,

    Tensor loss of type float. Dims: (): 2.35943

(caffe2/core/tensor.cc, TensorPrinter::MetaStr). A scalar blob (dims ``()`` or ``(1,)``) printed
once per iteration is a series under the blob's name, its step the count of its lines: Caffe2
prints no iteration, and blobs printed together (loss, accuracy) come once each per iteration.
A blob of more values is a tensor dump, no record. Lines of one name and a number only, so
without this format the generic reader, which wants a step or two metrics on a line, took none.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

MAX_BLOBS = 256  # blob names counted (a bound: a net prints few)
# The type is a C++ type name ("float", "int64_t", "caffe2::Tensor"); a blob name has no blank
_SCALAR = re.compile(rf"^Tensor (\S{{1,200}}+) of type [\w:<> ]{{1,64}}+\. Dims: \((?:1,)?+\): ({VALUE}),?+[ \t]*+$")
_ANY = re.compile(r"^Tensor \S{1,200}+ of type [\w:<> ]{1,64}+\. Dims: \([\d,]{0,64}+\): ")


class Caffe2PrintParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.printed: dict[str, int] = {}  # blob name -> its lines so far (its step)

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _SCALAR.match(text)
        if match is None:
            return _ANY.match(text) is not None  # a tensor's dump: this format's, no record
        name = match.group(1)
        count = self.printed.get(name)
        if count is None and len(self.printed) >= MAX_BLOBS:
            return True
        self.printed[name] = step = (count or 0) + 1
        self.emit(out, line, step, {name: to_float(match.group(2))})
        return True


class Caffe2Print(Format):
    id = "caffe2_print"
    title = "Caffe2 Print operator (TensorPrinter)"
    example = "Tensor loss of type float. Dims: (): 2.35943"
    anchor = r"^Tensor \S{1,200}+ of type [\w:<> ]{1,64}+\. Dims: \("
    parser = Caffe2PrintParser
