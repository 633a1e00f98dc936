"""The GPT training-script family: nanoGPT, llm.c's main.log and modded-nanogpt."""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pairs import pairs
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

# nanoGPT: "iter 100: loss 4.8186, time 1537.05ms, mfu 14.52%" and
#          "step 250: train loss 2.3456, val loss 2.4012"
_NANOGPT_ITER = re.compile(rf"^iter (\d+): loss ({VALUE}), time [\d.]+ms(?:, mfu ({VALUE})%)?")
_NANOGPT_EVAL = re.compile(rf"^step (\d+): train loss ({VALUE}), val loss ({VALUE})")


class NanoGPTParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _NANOGPT_ITER.match(text)
        if match:
            step, loss, mfu = match.groups()
            metrics = {"loss": to_float(loss)}
            if mfu is not None and to_float(mfu) != -100.0:  # -100% is the "not measured yet" sentinel
                metrics["mfu"] = to_float(mfu)
            return self.emit(out, line, int(step), metrics)
        match = _NANOGPT_EVAL.match(text)
        if match:
            step, train, val = match.groups()
            return self.emit(out, line, int(step), {"train loss": to_float(train), "val loss": to_float(val)})
        return False


class NanoGPT(Format):
    id = "nanogpt"
    title = "nanoGPT"
    example = "iter 100: loss 4.8186, time 1537.05ms, mfu 14.52%"
    anchor = r"^(?:iter \d+: loss \S+, time |step \d+: train loss \S+, val loss )"
    parser = NanoGPTParser


# llm.c main.log: "s:249 trl:6.2079 lr:0.000214 norm:1.35", "s:250 tel:6.1710", "s:0 eval:0.2512"
_LLMC_LINE = re.compile(r"^s:(\d+) ((?:trl|tel|eval):.*)$")


class LlmcLogParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _LLMC_LINE.match(text)
        if not match:
            return False
        return self.emit(out, line, int(match.group(1)), pairs(match.group(2)))


class LlmcLog(Format):
    id = "llmc_main_log"
    title = "llm.c main.log (trl/tel/eval)"
    example = "s:249 trl:6.2079 lr:0.000214 norm:1.35"
    anchor = r"^s:\d+ (?:trl|tel|eval):"
    parser = LlmcLogParser


# modded-nanogpt: "step:2280/20000 train_loss:1.746651e+00 train_time:10103801ms step_avg:4431.49ms"
_MODDED_LINE = re.compile(r"^step:(\d+)/\d+ (.*)$")


class ModdedNanoGPTParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _MODDED_LINE.match(text)
        if not match:
            return False
        return self.emit(out, line, int(match.group(1)), pairs(match.group(2))) or True


class ModdedNanoGPT(Format):
    id = "modded_nanogpt"
    title = "modded-nanogpt"
    example = "step:2280/20000 train_loss:1.746651e+00 train_time:10103801ms step_avg:4431.49ms"
    anchor = r"^step:\d+/\d+ (?:train_loss|val_loss|train_time):"
    parser = ModdedNanoGPTParser
