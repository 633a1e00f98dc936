"""PyTorch-native trainers: timm's train.py, torchtune and torchtitan."""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pairs import find_pairs
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

# timm: "Train: 0 [  50/1251 (  4%)]  Loss: 6.90 (6.91)  Time: ...  LR: 1.000e-03  Data: ..."
#       "Test: [  29/29]  Time: 0.041 (0.064)  Loss:  0.5951 (0.5882)  Acc@1: 81.2500 (87.5000)  Acc@5: ..."
_TIMM_TRAIN = re.compile(r"^Train: (\d+) \[\s*(\d+)/(\d+) \(\s*\d+%\)\]")
_TIMM_TEST = re.compile(r"^Test(?P<ema> \(EMA\))?: \[\s*(\d+)/(\d+)\]\s+Time:")
_TIMM_PAIR = re.compile(rf"(?P<name>Loss|LR|Acc@1|Acc@5):\s+(?P<now>{VALUE})(?:\s+\((?P<avg>{VALUE})\))?")
_TIMM_NAMES = {"Loss": "loss", "LR": "lr", "Acc@1": "top1", "Acc@5": "top5"}


class TimmParser(LineParser):
    """Train lines give the current value of each ``now (average)`` pair; a validation pass is
    one point, the averages of its last line, named like timm's summary.csv (``eval_loss``)."""

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _TIMM_TRAIN.match(text)
        if match is not None:
            epoch, done, total = (int(match.group(i)) for i in (1, 2, 3))
            metrics = {
                _TIMM_NAMES[pair.group("name")]: to_float(pair.group("now"))
                for pair in _TIMM_PAIR.finditer(text, match.end())
                if pair.group("name") in ("Loss", "LR")
            }
            self.emit(out, line, epoch * total + done, metrics)
            return True
        match = _TIMM_TEST.match(text)
        if match is None:
            return False
        if int(match.group(2)) != int(match.group(3)):
            return True  # a batch of the pass: only its end is a point
        prefix = "eval_ema_" if match.group("ema") else "eval_"
        metrics = {
            prefix + _TIMM_NAMES[pair.group("name")]: to_float(pair.group("avg") or pair.group("now"))
            for pair in _TIMM_PAIR.finditer(text, match.end())
            if pair.group("name") != "LR"
        }
        self.emit(out, line, self.last_step, metrics)
        return True


class Timm(Format):
    id = "timm"
    title = "timm train.py (current value of Loss, validation averages)"
    example = "Train: 0 [  50/1251 (  4%)]  Loss: 6.90 (6.91)  Time: 0.312s, 3282.05/s  (0.330s, 3103.03/s)  LR: 1.000e-03  Data: 0.012 (0.015)"
    # (timm writes "Time:": PyTorch's ImageNet example also prints "Test: [0/242]", then "Time 0.6")
    anchor = r"^(?:Train: \d+ \[\s*\d+/\d+ \(|Test(?: \(EMA\))?: \[\s*\d+/\d+\]\s+Time:)"
    parser = TimmParser


# torchtune: "Step 10 | loss:1.2345678806304932 lr:2e-05 tokens_per_second_per_gpu:1234.5 ..."
# and the tqdm description of its recipes: "1|10|Loss: 1.2346:   1%|   | 10/1000 [00:21<34:12,  2.07s/it]"
_TUNE_STEP = re.compile(r"^Step (\d+) \| ")
_TUNE_BAR = re.compile(rf"^\d+\|(\d+)\|Loss: ({VALUE}):")


class TorchtuneParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _TUNE_STEP.match(text)
        if match is not None:
            found = find_pairs(text[match.end() :], offset=match.end())
            self.emit_pairs(out, line, int(match.group(1)), found, step_span=match.span(1))
            return True
        match = _TUNE_BAR.match(text)
        if match is None:
            return False
        step = int(match.group(1))
        if self.last_step is None or step > self.last_step:  # the bar repeats a step many times
            self.emit(out, line, step, {"loss": to_float(match.group(2))})
        return True


class Torchtune(Format):
    id = "torchtune"
    title = "torchtune (DiskLogger/StdoutLogger lines and the recipe progress bar)"
    example = "Step 10 | loss:1.2345678806304932 lr:2e-05 tokens_per_second_per_gpu:1234.5678901234 peak_memory_active:14.2 "
    anchor = r"^Step \d+ \| \w+:|^\d+\|\d+\|Loss: "
    parser = TorchtuneParser


# torchtitan: "step: 10  loss:  7.91234  grad_norm:  1.2345  memory: 29.43GiB(31.00%)  tps: 12,346 ..."
_TITAN = re.compile(r"^(?P<val>validate )?step:\s*(\d+)\s+loss:")


class TorchtitanParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = _TITAN.match(text)
        if match is None:
            return False
        found = [pair for pair in find_pairs(text) if pair.name != "step"]
        prefix = "validation " if match.group("val") else ""
        self.emit_pairs(out, line, int(match.group(2)), found, step_span=match.span(2), prefix=prefix)
        return True


class Torchtitan(Format):
    id = "torchtitan"
    title = "torchtitan"
    example = "[titan] 2025-01-02 03:04:05,678 - root - INFO - step: 10  loss:  7.91234  grad_norm:  1.2345  memory: 29.43GiB(31.00%)  tps: 12,346  tflops: 1,234.57  mfu: 39.12%"
    anchor = r"^(?:validate )?step:\s*\d+\s+loss:\s+[-\d.naif]"
    parser = TorchtitanParser
