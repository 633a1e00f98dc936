"""The GPT training-script family: nanoGPT, llm.c (stdout and main.log) and modded-nanogpt."""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pairs import find_pairs
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

# nanoGPT: "iter 100: loss 4.8186, time 1537.05ms, mfu 14.52%" and
#          "step 250: train loss 2.3456, val loss 2.4012"
_NANOGPT_ITER = re.compile(rf"^iter (\d+): loss ({VALUE}), time [\d.]+ms(?:, mfu ({VALUE})%)?")
_NANOGPT_EVAL = re.compile(rf"^step (\d+): train loss ({VALUE}), val loss ({VALUE})")


def _spans(match: re.Match, names: dict[str, int]) -> tuple[dict[str, float], dict[str, tuple[int, int]]]:
    """(name → value, name → span) for the named groups of a match that took part."""
    metrics, spans = {}, {}
    for name, group in names.items():
        if match.group(group) is not None:
            metrics[name] = to_float(match.group(group))
            spans[name] = match.span(group)
    return metrics, spans


class NanoGPTParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _NANOGPT_ITER.match(text) or _NANOGPT_EVAL.match(text)
        if match is None:
            return False
        groups = {"loss": 2, "mfu": 3} if match.re is _NANOGPT_ITER else {"train loss": 2, "val loss": 3}
        metrics, spans = _spans(match, groups)
        self.emit(out, line, int(match.group(1)), metrics, spans, step_span=match.span(1))
        return True


class NanoGPT(Format):
    id = "nanogpt"
    title = "nanoGPT"
    example = "iter 100: loss 4.8186, time 1537.05ms, mfu 14.52%"
    anchor = r"^(?:iter \d+: loss \S+, time |step \d+: train loss \S+, val loss )"
    parser = NanoGPTParser


class StepThenPairsParser(LineParser):
    """Lines made of a step (group 1) and then ``name:value`` pairs (group 2)."""

    line_pattern: re.Pattern

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = self.line_pattern.match(text)
        if not match:
            return False
        found = find_pairs(match.group(2), offset=match.start(2))
        self.emit_pairs(out, line, int(match.group(1)), found, step_span=match.span(1))
        return True


class LlmcLogParser(StepThenPairsParser):
    # llm.c main.log: "s:249 trl:6.2079 lr:0.000214 norm:1.35", "s:250 tel:6.1710", "s:0 eval:0.2512"
    line_pattern = re.compile(r"^s:(\d+) ((?:trl|tel|eval):.*)$")


class LlmcLog(Format):
    id = "llmc_main_log"
    title = "llm.c main.log (trl = train loss, tel = val loss, eval = HellaSwag accuracy)"
    example = "s:249 trl:6.2079 lr:0.000214 norm:1.35"
    anchor = r"^s:\d+ (?:trl|tel|eval):"
    parser = LlmcLogParser


# llm.c stdout, C and Python trainers:
#   "step   10/18865 | loss 7.123456 (-0.53z)| norm 1.2345 (+0.12z)| lr 6.00e-04 | 312.45 ms | 48.3% bf16 MFU | 1678234 tok/s"
#   "step    1/10 | train loss 7.123456 | norm 1.2345 | lr 6.00e-04 | (312.45 ms | 1678234 tok/s)"
#   "val loss 3.281" (no step: it belongs to the step printed before it)
_LLMC_STEP = re.compile(r"^step\s+(\d+)/\d+ \|(.*)$")
_LLMC_FIELD = re.compile(
    rf"(?:^|\|)\s*+\(?(?:(?P<name>train loss|loss|norm|lr) (?P<value>{VALUE})"
    rf"|(?P<mfu>{VALUE})% \w+ MFU|(?P<toks>{VALUE}) tok/s)"
)
_LLMC_VAL = re.compile(rf"^val loss ({VALUE})\s*$")
_LLMC_HELLASWAG = re.compile(rf"^HellaSwag: \d+/\d+ = ({VALUE})\s*$")


class LlmcStdoutParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _LLMC_STEP.match(text)
        if match is None:
            val = _LLMC_VAL.match(text) or _LLMC_HELLASWAG.match(text)
            if val is None or self.last_step is None:
                return False
            name = "val loss" if val.re is _LLMC_VAL else "hellaswag"
            self.emit(out, line, self.last_step, {name: to_float(val.group(1))})
            return True
        metrics, spans = {}, {}
        for field in _LLMC_FIELD.finditer(text, match.start(2) - 1):
            for name, group in ((field.group("name"), "value"), ("mfu", "mfu"), ("tok/s", "toks")):
                if name and field.group(group) is not None:
                    key = "loss" if name == "train loss" else name
                    metrics[key] = to_float(field.group(group))
                    spans[key] = field.span(group)
                    break
        self.emit(out, line, int(match.group(1)), metrics, spans, step_span=match.span(1))
        return True


class LlmcStdout(Format):
    id = "llmc"
    title = "llm.c training output (train_gpt2.cu / train_gpt2.py)"
    example = "step   10/18865 | loss 7.123456 (-0.53z)| norm 1.2345 (+0.12z)| lr 6.00e-04 | 312.45 ms | 48.3% bf16 MFU | 1678234 tok/s"
    anchor = r"^step\s+\d+/\d+ \| (?:train )?loss "
    parser = LlmcStdoutParser


class ModdedNanoGPTParser(StepThenPairsParser):
    # modded-nanogpt: "step:2280/20000 train_loss:1.746651e+00 train_time:10103801ms step_avg:4431.49ms"
    line_pattern = re.compile(r"^step:(\d+)/\d+ (.*)$")


class ModdedNanoGPT(Format):
    id = "modded_nanogpt"
    title = "modded-nanogpt (its echoed source code is skipped)"
    example = "step:2280/20000 train_loss:1.746651e+00 train_time:10103801ms step_avg:4431.49ms"
    anchor = r"^step:\d+/\d+ (?:train_loss|val_loss|train_time):"
    parser = ModdedNanoGPTParser
