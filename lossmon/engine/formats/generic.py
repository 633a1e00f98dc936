"""Any other log of ``name=value``, ``name: value``, ``name:value`` or ``name value`` pairs,
behind any logging prefix (removed before the line gets here).

Config dumps, argument tables and echoed source code also hold ``name = number`` text, so a line
shape (its tuple of names) only counts as metrics once it repeats with changing values: the
first occurrences are held back and released together when the shape is seen for the third
time with a value that changed. A shape that shares a name with an accepted shape, or that
prints its step under the same name as one, is accepted at once. A name is also accepted on its
own once it was seen on three lines with a changing value or step, whatever else those lines
held: ``step=N loss=X key_<random>=Y``, with another extra key on every line, is a new shape on
every line but still a loss series.

Context is carried across lines (issue 12, classes 3 and 6): the last step a line printed (a
header such as ``Training epoch: 3``, ``[step=1/2500,epoch=0]``, ``EPOCH 1 of 30`` or
``-----4------``) is the step of the lines after it that print none, so ``    train/loss=11.33``
under a header is a record at the header's step, and a step-less record stays at the last step
seen instead of being numbered 1, 2, 3. A line with a single metric needs such a step to count at
all; before any step, a line needs two metrics, except a held-out loss on a line of its own
(``validation loss: 10.95`` before ``step 0``), which waits for the step that comes.

The role of a line's values comes from its tag (:mod:`~lossmon.engine.formats.tags`):
``Valid Summary | ... Loss=0.22`` is ``Valid Summary/Loss``, and a header's tag (``Eval epoch:
4``) names the lines under it. A held-out line that shows its pass's progress (``Valid | Epoch 1
| 2/3 | Loss 0.22``) is a running figure, not a record. A held-out loss counts without repeating
first: evaluations are few. A tagged step-less line after the last step whose values already have
a point at that step (``final_int8_zlib_roundtrip val_loss:2.73`` after ``step:6130/20000
val_loss:2.72``) evaluates another model: it adds no points.
"""

from __future__ import annotations

import re
from collections import deque
from functools import lru_cache

import numpy as np

from lossmon.engine.formats.base import Format, LineParser, matches_at_least
from lossmon.engine.formats.listings import ListingRows, is_split_word, split_sizes
from lossmon.engine.formats.jsonl import dump_records
from lossmon.engine.formats.named_lists import NamedLists, printed_dict, same_line_list
from lossmon.engine.formats.pass_rows import PassRows
from lossmon.engine.formats.pairs import (
    FOREIGN_EPOCH_WORDS, FOREIGN_STEP_WORDS, HELD_OUT_WORDS, Pair, best_before, message_pairs,
)
from lossmon.engine.formats.tags import renamed, tag_phase, tag_prefix
from lossmon.engine.naming import bare_split, is_metric_name, kind_of, split_of
from lossmon.engine.records import RecordBuilder

# Names of the step a line prints, best first; without one, "epoch" steps the line.
STEP_NAMES = (
    "step", "global_step", "iteration", "iter", "it", "steps", "update", "num_updates", "Step", "Iter", "Iteration",
    *FOREIGN_STEP_WORDS,
    "i",  # a loop's index ("i=150  total=1.83  map=0.30", Julia's @printf): the last resort
)
_EPOCH_NAMES = frozenset(["epoch", *FOREIGN_EPOCH_WORDS])
_STEP_NAMES_LOWER = {name.lower(): rank for rank, name in enumerate(STEP_NAMES)}
# A line that is only a number between rules: a block header ("-----4------", "==== 12 ====").
# (The logging prefix may have taken the leading dashes: "0------" is left of "-----0------".)
_RULED_NUMBER = re.compile(r"\s*+(?:[-=*#~]{3,}+ *+)?(\d++) *+[-=*#~]{3,}+\s*+")
# A sentence that announces an epoch, all alone on its line: "Start of epoch 0" (Keras's guide to
# a training loop written from scratch, whose batches then print "at step 0, 100, ..." again in
# every epoch), "Starting epoch 3/10", "Beginning of epoch 2...": an epoch header, as "Epoch 3" is.
_EPOCH_ANNOUNCED = re.compile(
    r"[ \t=>*#-]*+(?i:start(?:ing)?+|begin(?:ning)?+|running)(?:[ ]of)?+(?:[ ]the)?+(?:[ ](?i:training|train))?+"
    r"[ ](?i:epoch)[ ]*+(?P<epoch>\d++)(?:[ ]*+/[ ]*+\d++)?+[ \t.:!=<*#-]*+"
)
# Julia's logging box: "┌ Info: <message>", "│   <field> = <value>" lines, "└ @ <module> <file>:<line>"
_JULIA_BOX = frozenset("┌│└")
_JULIA_TOP = re.compile(r"┌ (?:Debug|Info|Warning|Error): ?+(.*)")
_JULIA_FIELD = re.compile(r"│ {1,8}+(\S.{0,120}?) = (\S++)")
# A time unit right after a number ("34ms", "1s194ms", "2.5 s" is not: a blank comes first)
_DURATION_UNIT = re.compile(r"(?:ms|us|µs|s|min|h)(?![a-zA-Z])|s\d")
# The batch count of pytorch-cifar's progress_bar: " [=== 391/391 ===>]  Step: 75ms | Tot: 43s | Loss: ..."
# in a terminal's copy, "...Acc: 32.240% (16120/50000)\b\b...\b 391/391 " written to a file (not the
# "(correct/total)" of its accuracy)
_BAR_COUNT = re.compile(r"(?<![\d/(])(\d++)/(\d++)(?![\d/)])")
REPEATS_TO_ACCEPT = 3
MAX_HELD_SHAPES = 256
MAX_PAIRS = 200  # a line with more pairs is a dump (a config, a tensor), not a metrics line
MAX_TRACKED_NAMES = 4096  # names counted on their own (a bound: names may differ on every line)
MAX_HEADER_WORDS = 2  # a step line with more words before its step is a sentence, not a header
_WORDS = re.compile(r"[A-Za-z]{2,}")
MAX_BAR_RECORDS = 4096  # bar descriptions held until the next line that is no bar
BAR_CYCLES_TO_DECIDE = 3  # bars then lines of other names, this many times: the bars are the records
MAX_WAITING = 8  # step-less held-out losses kept until the first step
# "Epoch 10 Batch 100/781 Loss: 2.29": a batch counter beside the epoch makes a per-batch line
_BATCH_COUNTERS = frozenset(("batch", "batch_idx", "batch_id", "minibatch", "mini_batch"))
# "/2500" right after a count's value: the total it counts to (a leading batch counter's batches
# in the epoch, "[Batch 80/2500]"; a step's total, "Epoch 7/20")
_COUNT_TOTAL = re.compile(r"[ \t]*+/[ \t]*+(\d++)(?![\w.])")
_BATCH_LEAD_GLUE = re.compile(r"[\s\[(|:,;=*#~>-]*+")  # what may stand before it ("[Batch 80/2500] loss=...")
EPOCH_MEAN_PREFIX = "epoch/"  # an epoch's mean of a per-batch series: its own series
# "5403/20000 val_loss: ...": a line that starts with its step out of the total, maybe bracketed
# ("[3/100] loss: 0.52", "( 3/100) loss 0.52", as print(f"[{epoch}/{epochs}] loss: ...") writes it)
_LEAD_PROGRESS = re.compile(r"[ \t]*+(?:(\d++)/\d++(?=[ \t])|[\[(][ \t]*+(\d++)/[ \t]*+\d++[ \t]*+[\])](?=[ \t:]))")
# "[3] loss=0.52", "3) loss=0.52", "3: loss=0.52": a line that starts with a bare number, then its
# values (print(f"[{epoch}] loss={loss}")): the number is its step; in brackets, it may say how far
# the run is ("[1000 - 20.0%] loss = 1.3149", a seq2seq notebook's print)
_LEAD_NUMBER = re.compile(
    r"[ \t]*+(?:\[[ \t]*+(\d++)[ \t]*+(?:[-,|][ \t]*+\d{1,3}+(?:\.\d++)?+%[ \t]*+)?+\]|\((\d++)\)|(\d++)[.:)]?+)(?=[ \t])"
)
_LEAD_GLUE = re.compile(r"[ \t|:,;-]*+")
_LEAD_CHARS = frozenset(" \t[(0123456789")
_BOXED_PROGRESS = re.compile(r"\[[ \t]*+[A-Za-z]++[ \t]*+\|[ \t]*+(\d++)/\d++[ \t]*+\]")
# "[1,  2000] loss: 2.187": the epoch and the batch in it, bracketed before the values (PyTorch's
# CIFAR-10 tutorial, print(f'[{epoch + 1}, {i + 1:5d}] loss: ...'), and its countless copies)
_EPOCH_BATCH_LEAD = re.compile(r"[ \t]*+\[[ \t]*+(\d++)(?:/\d++)?+,[ \t]*+(\d++)(?:/\d++)?+[ \t]*+\]")
# "2/3" in a line: how far a pass has got (not part of a pair, not a date)
_PROGRESS = re.compile(r"(?<![\w./:-])(\d++)/(\d++)(?![\w./:-])")
# After an epoch's value, the batch of the epoch and the batches in it: "Epoch: [3][40/500]",
# "Epoch: [3]  [ 40/500]", "Train Epoch: 3 [1280/60000 (2%)]"
_EPOCH_BATCH = re.compile(r"\]?+[ \t]*+\[[ \t]*+(\d++)/(\d++)[ \t]*+(?:\([^)\]]{0,12}+\)[ \t]*+)?+\]")
# ... or in parentheses after it: "===> Epoch[1](10/200): Loss_D: 0.42" (pix2pix-pytorch's print)
_EPOCH_PAREN_BATCH = re.compile(r"\]?+[ \t]*+\([ \t]*+(\d++)/(\d++)[ \t]*+\)")
# ... or named, after a separator: "Epoch 000 | batch 0010/9565 (  0.1%)", "epoch 3, iter 40/500"
_EPOCH_NAMED_BATCH = re.compile(
    r"[ \t]*+[|,;]?+[ \t]*+(?i:batch|iter|iteration|step|it)[ \t]*+[:=]?+[ \t]*+(\d++)[ \t]*+/[ \t]*+(\d++)(?![\d.])"
)
# ... or bare between commas: "epoch: 0, 40/1875, acc: 6.25, loss: 2.3001" (a logging loop's
# batch out of the epoch's batches, unnamed). (Between pipes, "Train | Epoch 1 | 143/573 | 1.45
# it/sec | Loss 0.2343", flashy's running figures of a pass, the fraction is the pass's progress
# under the epoch's step: formats.pass_rows.)
_EPOCH_BARE_BATCH = re.compile(r"[ \t]*+,[ \t]*+(\d++)[ \t]*+/[ \t]*+(\d++)[ \t]*+(?=,)")
# ... or bare after blanks: "【train】 epoch:0 96/1965 loss:2.4924" (a BERT NER recipe's logging)
_EPOCH_SPACED_BATCH = re.compile(r"[ \t]++(\d++)/(\d++)(?=[ \t])")
_KERAS_ETA_FRAME = re.compile(r"[ \t]*+(?:- )?+ETA: [\d:]++s?+ - [A-Za-z_]")
_STEP_OR_EPOCH = frozenset((*_STEP_NAMES_LOWER, *_EPOCH_NAMES))
_BRACKET_TAG = re.compile(r"[ \t]*+\[([^\]\s|:]++)\]")  # one token between brackets
_TAG_TRIM = re.compile(r"[\s|\[\]()\-:,;=]++")
_ITEM_TAG = re.compile(r"[ \t]*+([^\W\d][\w.@-]{0,63}+):[ \t]*+")  # "base_550: " before a row's values
_GLUE_CHARS = " \t-|:[](),;=*#~>"


_BARE_TEST = frozenset(("test", "testing"))
# A bare "total" names a count, a time or the total loss: its value says which (_total_losses)
_TOTALS = frozenset(("total", "Total", "TOTAL"))
_FRACTION = re.compile(r"[.eE]")
_UNIT_AFTER = re.compile(r"[ \t]?+(?:[mµun]?s|m|min|mins|sec|secs|h|hrs|[kMG]i?B|%|it/s|s/it(?:er)?)(?![\w:=])")


# Markdown emphasis around names and values, in a run's console output laid out as markdown
# ("- **Train Loss:** 0.1956", "| *Time*: 00:15 |", "`loss`: 0.52"): decoration, not text. Only
# on a line with bold ("**"), so a lone "*" keeps its meaning elsewhere (" * MAE 56.231"); "__"
# is left alone: it is a Python name's ("def __init__(self, stride=1)" is code, not a record).
_MARKDOWN_EMPHASIS = re.compile(r"[*]++|`++")


def _markdown_unemphasized(text: str) -> str:
    """The text with its emphasis marks blanked, each by as many spaces: every value stays where
    the line has it (a template reads the lines like it by those places)."""
    return _MARKDOWN_EMPHASIS.sub(lambda mark: " " * len(mark.group()), text)


class KeyValueParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._accepted: set[tuple[str, ...]] = set()
        self._accepted_names: set[str] = set()
        self._held: dict[tuple[str, ...], list[tuple[int, float | None, dict, dict, tuple | None]]] = {}
        self._accepted_step_names: set[str] = set()
        self._context_step: float | None = None  # the last step a line printed
        self._context_seen: float | None = None  # that step when a line was last parsed
        self._context_since = 0  # the line it was first seen at (rows of a table come after it)
        self._name_counts: dict[str, tuple[int, float | None, float, bool]] = {}  # lines, first step, first value, changed
        self._context_from_header = True  # False: the context step was carried from a record line
        self._context_prefix: str | None = None  # the role a header gave the lines under it
        self._bar_total: int | None = None  # the batches of the training loop's progress_bar (_pass_of_bar)
        self._waiting: list[tuple[int, dict, dict]] = []  # held-out losses before any step
        self._bar_records: deque = deque()  # bar descriptions waiting for the next line
        self._last_description: str | None = None  # the last bar description read (see parse)
        self._last_count: str | None = None  # the count of the last bar drawn with a postfix
        self._bar_since_cycle = False  # a bar was held since the last line of other names
        self._bar_cycles = 0  # bars then a line of other names, counted (see _settle_bars)
        self._bars_are_records = False
        self._line_names: set[str] = set()  # names real lines log: bars that show them are no records
        self._fine_steps = False  # records were stepped finer than by epoch
        # Epoch-local step counters under epoch headers (see _global_step)
        self._header_epoch: float | None = None  # the epoch the last header line announced
        self._header_fresh = False  # a header line came after the last finely stepped record
        self._epoch_of_last: float | None = None  # that epoch at the last finely stepped record
        self._last_raw: float | None = None  # the step that record printed
        self._last_global = 0.0  # and the step it was given
        self._step_offset = 0.0  # added to the printed step
        self._count_x = 0  # training records of a log that prints no step: their step
        self._finer_lines: dict[str, int] = {}  # name → lines that logged it not stepped by the epoch
        self._stepped_held_out: set[str] = set()  # held-out losses printed on lines with their step
        self._step_total: float | None = None  # the total the last stepped line counted to ("Epoch 7/20": 20)
        self._step_total_names: frozenset[str] = frozenset()  # and the names that line printed
        self._in_optimizer = False  # inside a printed optimizer's settings (see _optimizer_setting)
        self._plain_names: set[str] = set()  # names printed outside a held-out group (_held_out_group)
        self._grouped_names: set[str] = set()  # names given the split of the group they stand in
        # names of the lines that print their epoch beside a step: a template of such lines hands
        # global_steps the epochs (they may count their steps per epoch)
        self.epoch_local_names: set[frozenset[str]] = set()
        # Phase banners ("=====training epoch 1=====", "=====validate epoch 1====="): the passes
        # announced so far, and the role the last held-out one gives the lines under it
        self._phases: set[str] = set()
        self._phase_role: str | None = None
        self._phase_names: dict[str, set[str]] = {"train": set(), "held_out": set()}  # names under each
        self._listing = ListingRows()  # rows that may be a listing's (formats.listings)
        self._pass_rows = PassRows()  # a held-out pass's batch lines, until its summary says what they are
        self._batch_lead_epoch: float | None = None  # the last epoch a line printed with no finer step
        # A held-out pass's title alone on its line ("Test Error: ", the PyTorch quickstart's): the
        # prefix it gives the values on the very next line, and that line's number
        self._title: tuple[str, int] | None = None
        self._named_lists = NamedLists()  # a metric's name alone on its line, its list on the next
        self._julia_title: str | None = None  # the message of the Julia log record whose fields follow
        self._same_line_lists: dict[str, tuple[int, float]] = {}  # a name's list on its line: (values read, first)

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if self._context_step != self._context_seen:  # (moved here or by a template's lines)
            self._context_seen, self._context_since = self._context_step, line
        if text[:1] in _JULIA_BOX:
            julia = self._julia_line(text)
            if julia is None:
                return True  # (the box's top or bottom line)
            text = julia
        if "**" in text:
            text = _markdown_unemphasized(text)
        if self._last_description is not None and "%|" not in text:
            self._last_description = None  # (a line between two draws: the next one is a new record)
        if self._in_optimizer or text.startswith("Parameter Group "):
            if self._optimizer_setting(text):
                return False
        if text[:1] in "{ \t" and "': [" in text and (printed := printed_dict(text)) is not None:
            # print(history.history): the run's lists as one dict (formats.jsonl.dump_records), with
            # a loss among them (a dataset's example, {'answer_start': [515, ...]}, is data), unless
            # the log read those series already (the fit's own lines came first: this repeats them)
            rows = dump_records(printed)
            names = {name for _, metrics in rows or () for name in metrics}
            if any(kind_of(name) == "loss" for name in names) and all(out.last_step(name) is None for name in names):
                for step, metrics in rows:
                    self.emit(out, line, step, metrics)
                return True
        if ": [" in text and (named := same_line_list(text, self._same_line_lists)) is not None:
            name, values, before = named  # "loss_log: [2.40, 1.78, ...]": a run's values
            self.emit_numbered(out, line, name, values, before)
            return True
        if _KERAS_ETA_FRAME.match(text) is not None:
            # a Keras frame whose bar went on the line before ("1/1 [=====]" then " - ETA: 0s - loss:
            # 3.0553", a fit run by hyperas): a running figure of the epoch, whose own line follows
            # (" - 0s 166ms/step - loss: 3.0553 - val_loss: ...")
            self.shape = None  # (no template of it)
            return True
        found = message_pairs(text)
        if found and "(" in text and "=" in text:
            found = _outside_calls(text, found)
        if found and any(_timed_step(text, pair) for pair in found):
            found = [pair for pair in found if not _timed_step(text, pair)]
        if not found and "poch" in text and (announced := _EPOCH_ANNOUNCED.fullmatch(text)) is not None:
            # (the pair stands for the whole sentence: no words before it, as in "Epoch 3")
            found = [Pair("epoch", float(announced.group("epoch")), *announced.span("epoch"), 0, announced.end("epoch"))]
        title, self._title = self._title, None
        if not found:
            if self._named_lists.read(self, text, line, out):
                return True  # "Training loss" on the line before: the run's values as one list
            if ":" in text and (held_out := _HELD_OUT_TITLE.fullmatch(text)) is not None:
                if (title_prefix := tag_prefix(held_out.group(1))) is not None:
                    self._title = (title_prefix, line)
                    return True
            if "-" in text or "=" in text or "*" in text or "#" in text or "~" in text:
                ruled = _RULED_NUMBER.fullmatch(text)
                if ruled is not None:
                    self._set_context(out, float(ruled.group(1)), None)
            return False
        if len(found) > MAX_PAIRS or (len(found) > 1 and (_settings_dump(text) or _sentence_between(text, found))):
            return False
        if _not_metrics(text) or (len(found) == 1 and _config_key(found[0].name) and _only_pairs(text, found)):
            return False
        # "train: 27344, valid: 3039, test: 7596": the examples of each split, maybe of a fold
        # ("FOLD 1/3   train=6224  test=3113")
        sized = found[1:] if len(found) > 2 and _RUN_COUNTER.fullmatch(found[0].name) else found
        if len(sized) > 1 and is_split_word(sized[0].name) and split_sizes(text, [(p.name, (p.start, p.end)) for p in sized]):
            return False
        if "otal" in text and any(pair.name in _TOTALS for pair in found):
            found = self._total_losses(text, found)
            if not found:
                return False
        if _pass_progress_tag(found[0].name) and text.startswith("/", found[0].end) and found[0].value.is_integer():
            found = found[1:]  # "Test: [10/200]": a pass and how far it got, the tag of the values after it
            if not found:
                return False
        bar = "%|" in text and _bar_description(text, found)
        if bar:
            # tqdm draws a description when it is set and again as its bar advances ("Epoch=0 |
            # Batch_id=3 | Loss=4.124037:   1%| | 3/341" then the same at 4/341): one record, not two
            description = text[found[0].at : found[-1].stop]
            if description == self._last_description:
                return True
            self._last_description = description
        if "%|" in text and not bar and (postfix := _BAR_POSTFIX.search(text)) is not None:
            # "Training (epoch 0 / 20):  45%|████ | 45/100 [00:10<00:12, 4.5it/s, loss=0.123]": the
            # bar's postfix, a running figure like a description (the percent is no metric)
            if found[-1].at >= postfix.end():
                found = [pair for pair in found if not text.startswith("%|", pair.end)]
                bar = True
                # and drawn again as the count moves on before the postfix is set anew ("train:
                # 16%| | 1/6 [..., loss=0.652]" then "train:  33%| | 2/6 [..., loss=0.652]", "...
                # 2/6 [..., loss=0.611]"): the same figure of the same bar drawn twice, one record,
                # as for a description. (Another bar, "Epoch 4/50" after "Epoch 3/50", is another.)
                figure = (
                    text[: postfix.start()].rstrip("0123456789 \t") + "\x00"
                    + text[next(pair.at for pair in found if pair.at >= postfix.end()) : found[-1].stop]
                )
                # But a figure set anew where the bar stands (the count unchanged, short of its
                # total) is the next record, though it reads as the last to the digits shown: a bar
                # over 400 epochs whose loss=32.1 is set at 1/400 after the draw of 1/400 that
                # carried epoch 0's loss=32.1 (set_postfix each epoch). At its total, a redraw is
                # the bar's close.
                count, total = postfix.group(1, 2)
                again = count == self._last_count and count != total
                self._last_count = count
                if figure == self._last_description and not again:
                    return True
                self._last_description = figure
        if self._bar_records and not bar and self._bar_records[-1][3][0] != line and not (
            len(found) == 1 and not _only_pairs(text, found)
        ):
            # (a lone number in a sentence, "Early stopping at epoch 4/30 (loss=0.0001)", is no
            # record below: it does not make the bars before it running figures of its own)
            self._settle_bars(out, _bar_settling_names(text, found))
        metrics = {pair.name: pair.value for pair in found}
        for pair in found:
            if text.startswith("%", pair.end) and bare_split(pair.name):
                # "Epoch: 001/050 | Train: 14.97% | Validation: 14.64%": a percentage is a
                # score measured on that split (an accuracy), never its loss
                out.set_attrs(pair.name, kind="metric")
        # (a step or an epoch both print is no name in common)
        raw_names = frozenset(map(_bar_name, metrics)) - _STEP_OR_EPOCH if bar else frozenset()
        spans = {pair.name: (pair.start, pair.end) for pair in found}
        step_name = _step_name(metrics)
        step = metrics.pop(step_name) if step_name else None
        step_span = spans.pop(step_name) if step_name else None
        fine = step_name is not None  # a step finer than the epoch ("Iteration: 100", "[3][40/500]")
        coarse = False  # an epoch, in a log that steps by something finer
        epoch_name = None
        if step_name is None:
            epoch_name = next((name for name in metrics if name.lower() in _EPOCH_NAMES), None)
            if epoch_name is not None:  # stepped by epoch: it stays a series too
                step_name, step, step_span = "epoch", metrics[epoch_name], spans[epoch_name]
                self._batch_lead_epoch = step  # (the epoch of the "Batch 80/2500" lines after it)
                after_epoch = next(pair.stop for pair in found if pair.name == epoch_name)
                batch = (
                    _EPOCH_BATCH.match(text, after_epoch) or _EPOCH_NAMED_BATCH.match(text, after_epoch)
                    or _EPOCH_PAREN_BATCH.match(text, after_epoch) or _EPOCH_BARE_BATCH.match(text, after_epoch)
                    or _EPOCH_SPACED_BATCH.match(text, after_epoch)
                )
                if batch is not None and step.is_integer() and step >= 0 and int(batch.group(1)) <= int(batch.group(2)):
                    # "Epoch: [3][40/500]", "Train Epoch: 3 [1280/60000 (2%)]": batch 40 of
                    # epoch 3 is step 3 * 500 + 40 (a count that runs on across epochs)
                    step = step * int(batch.group(2)) + int(batch.group(1))
                    step_span, fine = (step_span, batch.span(1), batch.span(2)), True
                elif self._fine_steps:
                    # "Epoch 3\tAcc: 0.90" among "Iteration: 1200\tLoss: ..." lines, "Epoch: [34]
                    # completed": the epoch is no step of theirs; the line stays at the last one
                    step_name, step, step_span, coarse = None, None, None, True
            elif (lead := _LEAD_PROGRESS.match(text)) is not None and lead.end() <= found[0].at:
                # "5403/20000 val_loss: 1.8785": the line starts with its step out of the total
                number = 1 if lead.group(1) is not None else 2
                step_name, step, step_span = "/", float(lead.group(number)), lead.span(number)
            elif (
                text[:1] in _LEAD_CHARS and (lead := _LEAD_NUMBER.match(text)) is not None and lead.end() <= found[0].at
                and _LEAD_GLUE.fullmatch(text, lead.end(), found[0].at) is not None
            ):
                # (only blanks or a separator between the number and the values: "13  [-1, 6]  1  2
                # models.common.Concat  [1]" is a row of a model summary, no record)
                number = next(k for k in (1, 2, 3) if lead.group(k) is not None)
                step_name, step, step_span = "/", float(lead.group(number)), lead.span(number)
            elif (boxed := _BOXED_PROGRESS.match(text)) is not None and boxed.end() <= found[0].at:
                # "[ Valid | 001/005 ] loss = 3.20382": a bracketed tag holds the epoch out of the total
                step_name, step, step_span = "/", float(boxed.group(1)), boxed.span(1)
            elif (
                len(found) > 1 and found[0].name.lower() in _BATCH_COUNTERS and found[0].value.is_integer()
                and found[0].value >= 0 and _BATCH_LEAD_GLUE.fullmatch(text, 0, found[0].at) is not None
                and (batch_total := _COUNT_TOTAL.match(text, found[0].stop)) is not None
            ):
                # "Batch 80/2500\t Loss 6.90 (6.50)" under "==> Epoch 1/1": the batch of the
                # epoch out of its batches (Video-Person-ReID and its kin print no epoch on the
                # line), so batch 80 of epoch 1 is step 1 * 2500 + 80, as "Epoch: [1][80/2500]"
                # would be. Read on the slow path (no step span): a template would not see the
                # header's epoch turn.
                batch = found[0]
                metrics.pop(batch.name)
                spans.pop(batch.name)
                step_name, step, fine = "/", batch.value, True
                epoch = self._batch_lead_epoch
                if epoch is not None and epoch >= 0 and epoch.is_integer():
                    step += epoch * int(batch_total.group(1))
            elif text[:1] in " \t[" and (lead := _EPOCH_BATCH_LEAD.match(text)) is not None and lead.end() <= found[0].at:
                # "[2,  2000] loss: 1.845": the batch counts again from the start of each epoch; the
                # steps run on across epochs as under an epoch header (_global_step). Read on the
                # slow path (no step span): a template would not see the epoch turn.
                self._header_epoch, self._header_fresh = float(lead.group(1)), True
                step_name, step = "/", self._global_step(float(lead.group(2)))
            elif len(found) == 1 and (trailing := _trailing_step(text, found[0])) is not None:
                # "Training/Total_Loss tensor(0.2969, device='cuda:0', grad_fn=<...>) 1": one value
                # and then its step, as print(tag, value, step) shows SummaryWriter.add_scalar's arguments
                step_name, step, step_span = "/", float(trailing.group(1)), trailing.span(1)
        if epoch_name is not None and all(pair.name.lower() in _STEP_OR_EPOCH for pair in found):
            self._header_epoch, self._header_fresh = metrics[epoch_name], True  # "Epoch 2/25 (device=cuda)"
        elif step is not None and step_name is not None and step_name.lower() in _STEP_NAMES_LOWER:
            epoch_key = next((name for name in metrics if name.lower() in _EPOCH_NAMES), None)
            if epoch_key is not None:
                # "[epoch: 2/200, iter: 0/489] total: 1.51": the line is its own epoch header
                self._header_epoch, self._header_fresh = metrics[epoch_key], True
                if len(self.epoch_local_names) < MAX_HELD_SHAPES:
                    vouched = self.vouched
                    self.epoch_local_names.add(frozenset(n for n in metrics if is_metric_name(n) or n in vouched))
            step = self._global_step(step)
        stepped_by = epoch_name if step_name == "epoch" or coarse else None if step_name == "/" else step_name
        if stepped_by is not None and best_before(text, next(pair.at for pair in found if pair.name == stepped_by)):
            return True  # "Best Epoch 0\tAcc: 0.9127": a recap of an earlier point, no new one
        names = tuple(name for name in metrics if is_metric_name(name) or name in self.vouched)
        if step is not None and not coarse:
            self._step_total = _stated_total(text, step_span, found)
            self._step_total_names = frozenset(names)
        # the tag: what stands before the first value that is not the step ("Valid | Epoch 1 | ")
        first = next((pair.at for pair in found if pair.name in names and pair.name.lower() not in _EPOCH_NAMES), len(text))
        tag = text[:first]
        if "est" in tag and _BEST_TAG.search(tag) is not None:
            return True  # "New best val: loss/total=1.9668": the best record so far, read already
        prefix = tag_prefix(_TAG_TRIM.sub(" ", tag).strip()) if tag and not tag.isspace() else None
        if prefix is None and title is not None and line == title[1] + 1:
            prefix = title[0]  # "Test Error: " then " Accuracy: 45.2%, Avg loss: 2.150231"
        if prefix is None and "| Tot: " in text and (count := _BAR_COUNT.search(text)) is not None:
            prefix = self._pass_of_bar(int(count.group(2)))
        if prefix is not None and tag.lstrip().startswith("[") and (bracket := _BRACKET_TAG.match(tag)) is not None:
            # "[Diff-Val(Test-Normal)] Epoch 001 (Deterministic): loss = 0.0072": the bracketed tag
            # names its pass as a whole, and the user finds it so: "Diff-Val(Test-Normal)/loss"
            prefix = bracket.group(1) + "/"
        context = self._context_step if coarse else step  # (a coarse header keeps the step, gives its role)
        if context is not None:
            header = all(pair.name.lower() in _STEP_OR_EPOCH for pair in found)
            if not header or len(_WORDS.findall(text, 0, found[0].at)) <= MAX_HEADER_WORDS:
                # a header ("Eval epoch: 4") gives the lines under it their step and their role;
                # a sentence ("=> calculated gradient accumulation steps: 32") gives neither
                self._set_context(out, context, prefix if header else None, header)
                if header and (phase := tag_phase(_TAG_TRIM.sub(" ", tag).strip())) is not None:
                    if phase not in self._phases and self._phases:
                        self.templates_stale = True  # the lines read so far may stand under the other pass too
                    self._phases.add(phase)
                    self._phase_role = prefix if phase == "held_out" else None
        if not names:
            return False
        if step is None and len(found) == 1 and _phase_header(found[0], text, found):
            # "Validation 1", "Train 2": the phase and epoch of the lines below, not a loss of 1
            self._set_context(out, found[0].value, tag_prefix(found[0].name))
            return True
        if all(name.lower() in _EPOCH_NAMES for name in names):
            return True  # a header ("Training epoch: 3", "[step=1/2500,epoch=0]"): its step is context
        if (
            step is None and len(names) < 2
            and (self._context_step is None or not (prefix or _only_pairs(text, found)))
            and not bar
        ):
            if self._context_step is None and _only_pairs(text, found):
                if _held_out_loss(names[0]):
                    if not any(names[0] in waiting for _, waiting, _ in self._waiting):
                        # "validation loss: 10.95" before the first step: it belongs to the step that comes
                        self._waiting.append((line, metrics, spans))
                        del self._waiting[:-MAX_WAITING]
                        return True
                    # printed again before any step: the log steps none of its lines, so these
                    # losses are numbered by their lines, as they come
                    self._release_waiting(out, None)
                # "Training Loss: 0.1345" alone on its line, in a log that prints no step at all:
                # a series once the shape repeats with a changing value (a setting printed once
                # never does), numbered by its lines
            else:
                return False  # one number in a sentence ("Checkpoint saved (loss 2.3)") is not a record
        if step is None and self._context_prefix is not None:
            prefix = prefix or self._context_prefix
        elif prefix is None and self._phase_role is not None and len(self._phases) == 2:
            # "=====validate epoch 1=====" then "Epoch 0 | avg_loss = 0.355", the very line the
            # training banner's pass printed: only the banner tells the passes apart
            prefix = self._phase_role
        if (
            step is None and prefix is None and not self._context_from_header and self._context_step is not None
            and names not in self._accepted and _evaluation_beside(names, self._accepted_names)
        ):
            # "Loss: 0.985, MeanIU: 0.4960, Best_mIoU: 0.5217" after "Epoch: [352/520] Iter:[490/495],
            # ... Loss: 1.47": no counter of its own, the training key beside an evaluation metric the
            # training lines never print (HRNet-Seg, PIDNet): the validation pass, another series
            prefix = "val/"
        batch_of_pass = pass_row = False
        if prefix is not None:
            if (
                step_name != "/" and (step is not None or self._context_step is not None) and _in_pass(text, found)
                and not prefix.lower().endswith(" summary/") and split_of(prefix) != "train"
            ):
                if not _running_average(text, found, names):
                    # "Valid | Epoch 1 | 2/3 | Loss 0.22": the running figure of a held-out pass;
                    # its result is the pass's summary line. (With no epoch on the line or above
                    # it, a fraction is the epoch itself: "[ Valid | 001/005 ] loss = 3.20382".)
                    # Unless the summary says they were each batch's loss (formats.pass_rows)
                    if self._pass_rows.batches is False:
                        return True
                    pass_row = self._pass_rows.batches is None
                # "Test: [10/200]  Loss 1.97e-03 (3.11e-02)": a batch of the pass and the
                # running average (PyTorch's ImageNet example and its kin print no summary of
                # the loss after the pass): each batch's value is a record, at the train step
                batch_of_pass = True
            metrics = {renamed(prefix, name): value for name, value in metrics.items()}
            spans = {renamed(prefix, name): span for name, span in spans.items()}
            names = tuple(renamed(prefix, name) for name in names)
        if not bar:
            if ((step_name == "epoch" and not fine) or coarse) and not any(
                pair.name.lower() in _BATCH_COUNTERS for pair in found
            ):
                if not self._finer_lines.keys().isdisjoint(names):
                    metrics, spans, names = self._epoch_means(metrics, spans, names)
            else:
                finer = self._finer_lines
                for name in names:
                    seen = finer.get(name)
                    if seen is None:
                        self._count_finer(name)
                    elif seen < REPEATS_TO_ACCEPT:
                        finer[name] = seen + 1
        if pass_row:
            self._pass_rows.hold(text, (line, step if step is not None else self._context_step, metrics, spans, None), names)
            self.shape = None
            return True
        if self._pass_rows.waiting() and any(_held_out_loss(name) for name in names):
            for record, held, _ in self._pass_rows.decide(text, metrics, spans):  # the pass's summary
                self._accept(held)
                self._emit(out, record)
        if prefix is None and (moved := self._held_out_group(out, found, names)):
            metrics = {moved.get(name, name): value for name, value in metrics.items()}
            spans = {moved.get(name, name): span for name, span in spans.items()}
            names = tuple(moved.get(name, name) for name in names)
        if any(_held_out_loss(name) for name in names) and (
            step_name is not None or prefix is not None or _only_pairs(text, found)
        ):
            # a held-out loss on its own line ("validation loss: 10.95", "0 val 10.9310") or with
            # its step ("Valid Summary | End of Epoch 1 | Valid Loss 3.01"): evaluations are few,
            # so they are not made to repeat before they count
            if names not in self._accepted and self._held:
                self._accept(names)
                self._release_mirror(out, names)
            else:
                self._accept(names)
        own_step = step
        if step is None:
            step = self._context_step  # under a header, or after the last stepped record
            if (
                step is not None and not self._context_from_header and not batch_of_pass
                and found[0].at >= first
                and (tag.strip(_GLUE_CHARS) or self._evaluation_after_run(text, found, names, prefix))
            ):
                # "final_int8_zlib_roundtrip val_loss:2.73" after the last step: an evaluation of
                # another model (quantized, EMA...), not new points of series that already have
                # one at that step
                if any(out.last_step(name) == step for name in names) or any(
                    held[1] == step and held[0] >= self._context_since for held in self._held.get(names, ())
                ):
                    # (or a row of a table of such evaluations, "Train -> R2: 0.91, RMSE: 0.72" then
                    # "COD_lab -> R2: 0.90, RMSE: 0.86": the same values of another item, held
                    # since the step last moved: no point of a curve)
                    return True
            if (
                step is not None and not self._context_from_header and not batch_of_pass
                and self._evaluation_after_last_step(text, found, names, step, prefix)
            ):
                return True
        if batch_of_pass and step_span is None:
            step_span = _AT_CONTEXT  # so the lines like it are read by a template, at the context step
        if step is None and not bar:
            step_span = self._count(names)  # (the step stays None: a count is no evidence of a series)
        record = (line, step, metrics, spans, step_span)
        if own_step is not None and len(self._stepped_held_out) < MAX_TRACKED_NAMES:
            self._stepped_held_out.update(name for name in names if _held_out_loss(name))
        self._fine_steps |= fine
        if bar:
            # a progress bar's description ("Train Loss: 34.50:  14%|█▍  | 1/7"): a running figure
            # when real lines log the same names, so it waits for the next line that is no bar
            if not self._line_names.isdisjoint(raw_names):
                return True
            if self._bars_are_records:
                return self._take(out, names, step_name, record)
            self._bar_since_cycle = True
            self._bar_records.append((raw_names, names, step_name, record))
            if len(self._bar_records) > MAX_BAR_RECORDS:
                self._take(out, *self._bar_records.popleft()[1:])
            return True
        # (rows of a run that may be a listing wait until it proves none: see formats.listings)
        listed = names
        if own_step is None and prefix is None and tag and (row_tag := _ITEM_TAG.fullmatch(tag)) is not None:
            # "base_550: mean=0.0018, std=0.0002, CV=0.0873": the row of an item (a data column)
            # in a table of them, each row named by its tag: a listing when the tags are all new
            listed = (row_tag.group(1), *names)
        items = self._listing.feed(line, listed, own_step, self._context_step, (names, step_name, record))
        taken = True
        for item in items:
            taken = self._take(out, *item)
        if not items or items[-1][2] is not record:
            self.shape = None  # (this line is held or dropped: no template of it)
        if len(self._phases) == 2 and self._logged_in_both_passes(found):
            self.shape = None  # (a template reads lines by their text: it cannot see the banner)
        if self._bar_total is not None and "| Tot: " in text:
            self.shape = None  # (nor the count of a progress_bar's pass)
        return taken

    def _evaluation_after_run(self, text: str, found, names: tuple[str, ...], prefix: str | None) -> bool:
        """A held-out loss alone on its line, no step of its own, that the run's stepped lines
        print ("Epoch  60 | Train Loss: 0.033192 | Test Loss: 0.017945", then "4b. Evaluating
        DeepFC3DOF at 1e-6 rad precision" and "  Test Loss: 0.017945"): the evaluation of the
        trained model after the run, no new point at the step the run ended on."""
        return (
            prefix is None and all(name in self._stepped_held_out for name in names)
            and _only_pairs(text, found)
        )

    def _evaluation_after_last_step(
        self, text: str, found, names: tuple[str, ...], step: float, prefix: str | None
    ) -> bool:
        """Values alone on their line, no step of their own, after the line whose step reached the
        total it counts to ("Epoch 20/20, Loss: 1.2409", then "Loss: 1.2825" and "Evaluating on
        test data..." and "Loss: 1.2867"): the run is over, so these evaluate the trained model,
        under the training series' bare name; no new points at the step the run ended on, where
        that line gave them theirs (emitted or held). Only names that line printed: "Validation
        accuracy: 0.49" after "iteration 1000 / 1000: loss 1.32" is the run's own evaluation, a
        point of its own."""
        return (
            prefix is None and step == self._step_total and self._step_total_names.issuperset(names)
            and _only_pairs(text, found)
        )

    def _logged_in_both_passes(self, found) -> bool:
        """Under phase banners: does a name of this line stand under the other pass's banner too
        (the same line then means two things, told apart by the banner alone)?"""
        phase = "held_out" if self._phase_role is not None else "train"
        mine, other = self._phase_names[phase], self._phase_names["train" if phase == "held_out" else "held_out"]
        raw = {pair.name for pair in found}
        if len(mine) < MAX_TRACKED_NAMES:
            mine.update(raw)
        return not other.isdisjoint(raw)

    def _total_losses(self, text: str, found):
        """The pairs without a "total" that is a count or a time ("Total: 2000", "total: 207ms",
        "Total: 0.0514 s/iter"). A "total" with a fraction and no unit, beside a step or a loss
        ("[epoch: 1/200, iter: 0/489] total: 1.640443", a loss dict's "{total 1.597E+00, ...}"),
        is the loss the run optimises: kept, and its name is a metric from then on."""
        others = [pair for pair in found if pair.name not in _TOTALS]
        beside = any(pair.name.lower() in _STEP_OR_EPOCH or kind_of(pair.name) == "loss" for pair in others)
        kept = []
        for pair in found:
            if pair.name not in _TOTALS:
                kept.append(pair)
            elif (
                beside and not pair.value.is_integer() and _FRACTION.search(text, pair.start, pair.end) is not None
                and _UNIT_AFTER.match(text, pair.end) is None
            ):
                self.vouched.add(pair.name)
                kept.append(pair)
        return kept

    def _optimizer_setting(self, text: str) -> bool:
        """True for a line of a printed torch optimizer: ``Adam (``, then ``Parameter Group 0``
        and one ``    eps: 1e-08`` / ``    lr: 0.001`` line per setting, then ``)``. Its numbers
        are settings: printed again at a restart, after steps, they would be read as points of
        the learning rate's series. Any other line ends the block (one cut short never hides the
        log)."""
        if text.startswith("Parameter Group "):
            self._in_optimizer = True
            return True
        if text.strip() == ")":
            self._in_optimizer = False
            return True
        if _OPTIMIZER_SETTING.match(text) is not None:
            return True
        self._in_optimizer = False
        return False

    def _held_out_group(self, out: RecordBuilder, found, names: tuple[str, ...]) -> dict[str, str]:
        """``validation accuracy: 0.4439 (272744 / 614400), iou (weighted): 0.1135, loss: 1.83``:
        a pair named by a held-out split and a metric opens a group, and the losses and metrics
        after it that say no split of their own are that split's too (the loss is the validation
        loss; a learning rate or a time is nobody's split). The
        series keeps its printed name; a name the log also prints outside such a group stays
        as its name says. But a loss printed already outside a group, read here in a group, is
        the held-out split's under the opener's prefix (``[Epoch 1] Validation accuracy:0.6213.
        Loss:1.497`` after ``[Epoch 1] Training accuracy: 0.5084. Loss: 25.142``: one name for the
        two passes). Returns those names' new names."""
        opener = next((k for k, pair in enumerate(found) if _opens_held_out(pair.name)), None)
        inside = () if opener is None else {
            pair.name for pair in found[opener + 1 :]
            if pair.name in names and _SPLIT_WORD.search(pair.name) is None and kind_of(pair.name) in ("loss", "metric")
        }
        split = split_of(found[opener].name) if inside else None
        plain, grouped = self._plain_names, self._grouped_names
        moved = {}
        if inside and (prefix := tag_prefix(found[opener].name.split()[0])) is not None:
            moved = {name: prefix + name for name in inside if name in plain and kind_of(name) == "loss"}
        for name in names:
            if name in moved:
                continue
            if name in inside:
                if name not in plain:
                    if len(grouped) < MAX_TRACKED_NAMES:
                        grouped.add(name)
                    out.set_attrs(name, split=split)  # (each time: its records may come in a later batch)
            else:
                if name in grouped and name not in plain:
                    out.set_attrs(name, split=split_of(name))  # printed outside a group too
                if len(plain) < MAX_TRACKED_NAMES:
                    plain.add(name)
        return moved

    def _count_finer(self, name: str) -> None:
        """A name first seen on a line not stepped by the epoch alone."""
        if name.lower() not in _EPOCH_NAMES and len(self._finer_lines) < MAX_TRACKED_NAMES:
            self._finer_lines[name] = 1  # (the epoch counter is on both kinds of lines: one series)

    def _epoch_means(self, metrics: dict, spans: dict, names: tuple[str, ...]):
        """``Epoch 1/5 | Loss: 1.9121`` after ``  Batch 10/215 | Loss: 2.2790`` lines: a line stepped
        by the epoch alone that logs a name the per-batch lines log is the epoch's mean, a series
        of its own (``epoch/Loss``), not one more point among the batches'."""
        batch_names = {
            name for name in names
            if self._finer_lines.get(name, 0) >= REPEATS_TO_ACCEPT and name in self._accepted_names
            and kind_of(name) != "lr"  # (the schedule's value at the epoch's end: no mean, one more point)
        }
        if not batch_names:
            return metrics, spans, names
        rename = {name: EPOCH_MEAN_PREFIX + name if name in batch_names else name for name in metrics}
        return (
            {rename[name]: value for name, value in metrics.items()},
            {rename.get(name, name): span for name, span in spans.items()},
            tuple(rename[name] for name in names),
        )

    def _settle_bars(self, out: RecordBuilder, raw_names: frozenset[str], end: bool = False) -> None:
        """A line that is no bar came after bar descriptions: when it logs their names, they were
        its running figures (dropped, and so are the later ones). A line that logs other names
        settles nothing (an "lr: 0.001" or "Validation accuracy: 0.6" line between the bars and
        the epoch's own line): the bars wait for a line that logs theirs, or for the end of the
        input, where they are the records."""
        shared = {name for held_names, *_ in self._bar_records for name in held_names if name in raw_names}
        if not shared and not end:
            if self._bar_since_cycle:
                # Bars, then lines of other names, again and again: no line logs the bars' names
                # (their only place), so they are the records, from here on as they come (a
                # follower shows them live, not at the end of the input).
                self._bar_since_cycle = False
                self._bar_cycles += 1
                if self._bar_cycles >= BAR_CYCLES_TO_DECIDE:
                    self._bars_are_records = True
                    end = True
            if not end:
                return
        self._line_names.update(shared)
        kept: deque = deque()
        while self._bar_records:
            held = self._bar_records.popleft()
            if not held[0].isdisjoint(self._line_names):
                continue  # a running figure of a line's names
            if end:
                self._take(out, *held[1:])
            else:
                kept.append(held)  # other names: still waiting for their own line
        self._bar_records = kept
        self.shape = None  # (a template is learned from the current line's own record only)

    def _take(self, out: RecordBuilder, names: tuple[str, ...], step_name: str | None, record) -> bool:
        step, metrics = record[1], record[2]
        if (
            names in self._accepted
            or self._accepted_names.intersection(names)
            or (step_name is not None and step_name in self._accepted_step_names)
        ):
            self._accept(names, step_name)
            for earlier in self._held.pop(names, ()):  # held before a kin shape was accepted
                self._emit(out, earlier)
            return self._emit(out, record)
        if self._count_names(names, step, metrics):
            self._accept(names, step_name)
            self._release_sharing(out)
            return self._emit(out, record)
        held = self._held.get(names)
        if held is None:
            if len(self._held) >= MAX_HELD_SHAPES:
                return False
            held = self._held[names] = []
        held.append(record)
        if len(held) >= REPEATS_TO_ACCEPT and _changing(held):
            self._accept(names, step_name)
            for record in self._held.pop(names):
                self._emit(out, record)
        elif len(held) > 8 * REPEATS_TO_ACCEPT:
            del held[: -REPEATS_TO_ACCEPT]  # a constant echo: keep only the latest few
        return True

    def _global_step(self, step: float) -> float:
        """The step of a record that prints its step, counted across epochs. A step counter that
        restarts every epoch under an epoch header (``Epoch 2/25 (device=cuda)`` then ``step
        00020: loss=0.0817`` after ``step 01160`` of epoch 1) is one run whose steps continue:
        the new epoch's steps follow the last one. A step that goes back under the header of the
        same or an earlier epoch (a second run appended to the file, a resumed run) is a restart
        and stays one: a new segment; so is one without a header before it."""
        epoch, fresh, before = self._header_epoch, self._header_fresh, self._epoch_of_last
        self._header_fresh = False
        if fresh and self._last_raw is not None and step < self._last_raw and epoch is not None and before is not None:
            if epoch == before + 1:
                self._step_offset = self._last_global + max(0.0, 1.0 - step)
            elif epoch <= before:
                self._step_offset = 0.0
        self._last_raw, self._epoch_of_last = step, epoch
        self._last_global = step + self._step_offset
        return self._last_global

    def epoch_column(self, names: list[str]) -> int | None:
        """Where a template's lines print their epoch beside their step, if they do (see
        :meth:`global_steps`)."""
        if frozenset(names) not in self.epoch_local_names:
            return None
        return next((k for k, name in enumerate(names) if name.lower() in _EPOCH_NAMES), None)

    def global_steps(self, steps, epochs=None):
        """:meth:`_global_step` for the steps a template read (its lines are alike: only the
        first can follow an epoch header). Lines that print their epoch beside the step
        (``epochs``) are each their own header: the step may count again from the start of each
        epoch (``[epoch: 2/200, iter: 0/489]``), read where it goes back (few places a run)."""
        if epochs is not None and len(steps):
            back = np.flatnonzero(np.diff(steps) < 0) + 1
            bounds = [0, *back.tolist(), len(steps)]
            result = np.array(steps, dtype=np.float64)
            for lo, hi in zip(bounds[:-1], bounds[1:]):
                self._header_epoch, self._header_fresh = float(epochs[lo]), True
                offset = self._global_step(float(steps[lo])) - float(steps[lo])
                result[lo:hi] += offset
                self._last_raw, self._epoch_of_last = float(steps[hi - 1]), float(epochs[hi - 1])
                self._header_epoch = self._epoch_of_last
                self._last_global = float(result[hi - 1])
            return result
        if self._header_epoch is None or not len(steps):
            return steps
        first = float(steps[0])
        offset = self._global_step(first) - first
        self._last_raw = float(steps[-1])
        self._last_global = self._last_raw + offset
        return steps + offset if offset else steps

    def _julia_line(self, text: str) -> str | None:
        """A line of Julia's logging box (``@info "Train Loss:" Flux.mse(ŷ, y)`` prints "┌ Info:
        Train Loss:", "│   Flux.mse(ŷ, y) = 0.36498135", "└ @ Main file.jl:17"): None for the top
        line (its message kept) and the bottom one; a field as "name = value", named by the message
        when the message names that metric ("Test Loss:" over "loss = 36.98", or over an expression),
        else by its own name ("Epoch:" over "epoch = 1"). Anything else is the text itself."""
        if (top := _JULIA_TOP.fullmatch(text)) is not None:
            self._julia_title = top.group(1).strip().rstrip(":").strip() or None
            return None
        if text.startswith("└ @ "):
            self._julia_title = None
            return None
        field = _JULIA_FIELD.fullmatch(text)
        if field is None:
            return text
        name, value, title = field.group(1), field.group(2), self._julia_title
        if title is not None and kind_of(title) in ("loss", "metric") and (
            not name.isidentifier() or kind_of(name) == kind_of(title)
        ):
            name = title
        return f"{name} = {value}"

    def _pass_of_bar(self, total: int) -> str | None:
        """The pass of a progress_bar line (pytorch-cifar's utils.py and its many copies) by the
        batches its bar counts: the training loop's, the first seen, names no pass; the test loop's
        other count is the held-out pass ("Loss: 1.979" under " 100/100 " after "Loss: 2.703" under
        " 391/391 ", both printed 'Loss: %.3f | Acc: %.3f%% (%d/%d)')."""
        if self._bar_total is None:
            self._bar_total = total
        return None if total == self._bar_total else "Test/"

    def _set_context(self, out: RecordBuilder, step: float, prefix: str | None, header: bool = True) -> None:
        self._context_step = step
        self._context_from_header = header
        self._context_prefix = prefix if header else None
        if self._waiting:
            self._release_waiting(out, step)

    def advance(self, steps, counter) -> None:
        """Lines a template read are stepped records too: later step-less lines carry their step."""
        super().advance(steps, counter)
        if len(steps) and counter is None:  # lines that print their step (a count is no context)
            self._context_step = float(steps[-1])
            self._context_from_header, self._context_prefix = False, None

    def _release_waiting(self, out: RecordBuilder, step: float | None) -> None:
        """Step-less held-out losses printed before the first step, at the step that came."""
        waiting, self._waiting = self._waiting, []
        for line, metrics, spans in waiting:
            self._accept(tuple(metrics))
            self._emit(out, (line, step, metrics, spans, None))

    def _count(self, names: tuple[str, ...]) -> "_Counted":
        """The step of a record in a log that prints none: a count of its training records, taken
        as the lines come (a held shape is released later); a held-out value printed after a
        training value is at that value's step ("Training Loss: 0.13" then "Model test error:
        0.61")."""
        if self._count_x and all(split_of(name) != "train" for name in names):
            return _Counted(float(self._count_x), False)
        self._count_x += 1
        return _Counted(float(self._count_x), True)

    def _emit(self, out: RecordBuilder, record) -> bool:
        line, step, metrics, spans, step_span = record
        lowered = {name.lower(): name for name in metrics}
        if "test" in lowered and ("learn" in lowered or (
            ("train" in lowered or "training" in lowered)
            and not any(kind_of(name) == "loss" and not bare_split(name) for name in metrics)
        )):
            # CatBoost's "learn: 2.42  test: 2.40", mltrainer's "Epoch 0 train 3.1638 test 2.3894":
            # beside the training objective named by its split alone, a bare "test" is the held-out
            # objective (alone it is as often an accuracy: naming.kind_of)
            out.set_attrs(lowered["test"], kind="loss")
        elif sum(bare_split(name) or name.lower() in _BARE_TEST for name in metrics) >= 2 and any(
            kind_of(name) == "loss" and not bare_split(name) for name in metrics
        ):
            # "Epoch: 001, Loss: 1.9463, Train: 0.2929, Val: 0.2220, Test: 0.2120" (PyG's examples,
            # some without "Train"): beside a loss named as one, the bare split words are one score
            # measured on each split (an accuracy), not their losses
            for name in metrics:
                if bare_split(name):
                    out.set_attrs(name, kind="metric")
        if step is None and not isinstance(step_span, _Counted):
            # (a bar's figure, a held-out loss that waited for a step that never came)
            step_span = self._count(tuple(metrics))
        if step_span is _AT_CONTEXT:
            self.emit(out, line, step, metrics, spans, counter=("_context_step", False))
        elif isinstance(step_span, _Counted):
            self.emit(out, line, step_span.x, metrics, spans, counter=("_count_x", step_span.advances))
        else:
            self.emit(out, line, step, metrics, spans, step_span=step_span)
        return True

    def finish(self, out: RecordBuilder) -> None:
        """End of input: a shape seen on two lines with a changing value is a short series, and
        so is a single line that prints its step and two losses (a run that crashed after its
        first eval: "step 0: train loss 12.65 BPC, val loss 12.65 BPC"; a first print of GAN
        losses: "(epoch: 1, iters: 20, ...) G_GAN: 2.283 G_L1: 33.917 D_real: ..."), or its step,
        a loss and the time it took (a run stopped after its first print), or its step and a loss
        its name calls the training loss (a run stopped after its first epoch: "[*] epoch:0 -
        train loss: 2.929"). A configuration line holds no step beside its losses' weights, nor a
        time."""
        for item in self._listing.end():
            self._take(out, *item)
        if self._waiting:
            self._release_waiting(out, None)
        if self._bar_records:
            self._settle_bars(out, frozenset(), end=True)
        for names, held in list(self._held.items()):
            if (
                len(held) == 1 and held[0][1] is not None and isinstance(held[0][4], tuple)
                and (_two_losses(names) or _timed_loss(names, held[0][2]) or _training_loss(names))
            ):
                self._accept(names)
                self._emit(out, self._held.pop(names)[0])
                continue
            if len(held) >= 2 and _changing(held, by_step=False):
                # (the same values at two steps: a dump printed again, at a restart, is no series)
                self._accept(names)
                for record in self._held.pop(names):
                    self._emit(out, record)

    def _count_names(self, names: tuple[str, ...], step: float | None, metrics: dict) -> bool:
        """Count each name on its own; True when one of them has become a series (three lines,
        and its value or the step changed)."""
        counts = self._name_counts
        accepted = False
        for name in names:
            value = metrics[name]
            seen = counts.get(name)
            if seen is None:
                if len(counts) < MAX_TRACKED_NAMES:
                    counts[name] = (1, step, value, False)
                continue
            lines, first_step, first_value, changed = seen
            changed = changed or step != first_step or not (value == first_value)
            counts[name] = (lines + 1, first_step, first_value, changed)
            accepted |= lines + 1 >= REPEATS_TO_ACCEPT and changed
        return accepted

    def _release_mirror(self, out: RecordBuilder, held_out: tuple[str, ...]) -> None:
        """The training line printed just before a held-out one with the same names but its split
        word ("  Train  loss=0.7598  acc=0.5269" above "  Val    loss=0.8240  acc=0.5000") is
        its training counterpart: a record, even when the run printed it once."""
        mirrored = _unsplit(held_out)
        for names in [names for names in self._held if _unsplit(names) == mirrored]:
            if all(split_of(name) == "train" for name in names):
                self._accept(names)
                for record in self._held.pop(names):
                    self._emit(out, record)

    def _release_sharing(self, out: RecordBuilder) -> None:
        """Held shapes that share a name with an accepted one are series too: release them."""
        for names in [names for names in self._held if self._accepted_names.intersection(names)]:
            self._accept(names)
            for record in self._held.pop(names):
                self._emit(out, record)

    def _accept(self, names: tuple[str, ...], step_name: str | None = None) -> None:
        if names not in self._accepted:
            self._accepted.add(names)
            self._accepted_names.update(names)
        if step_name is not None:
            self._accepted_step_names.add(step_name)


# A record's step span when its step is the context step (a template reads its like at that step)
_AT_CONTEXT = "context"


class _Counted:
    """A record's step span when the log prints no step: its step in the count of training
    records, and whether the record advances the count (held-out values stay at it)."""

    __slots__ = ("x", "advances")

    def __init__(self, x: float, advances: bool) -> None:
        self.x, self.advances = x, advances

_GLUE = re.compile(r"[\s,;:|=\-*#~>]*+")  # (rules and arrows decorate: "******val_loss 5.19")
_OF_TOTAL = re.compile(r"/\d++(?![\w.])")
# Which of several runs a line is about: cross-validation folds, trials, seeds, federated clients
_RUN_COUNTER = re.compile(r"(?i:fold|run|trial|client|round|split|seed|repeat)")
# A meter's running average in parentheses after its value ("loss: 1.0058 (1.0332)"): the pair's own
_MEAN_AFTER = re.compile(r"[ \t]*+\([ \t]*+[-+]?+(?:\d++\.?+\d*+|\.\d++)(?:[eE][-+]?+\d++)?+[ \t]*+\)")
# A count out of its total after the values, in brackets ("loss: 2.303592  [   64/60000]", the
# PyTorch quickstart's train loop; "(640/60000)", "[64/60000 (0%)]"): how far the pass has come.
_TRAILING_COUNT = re.compile(r"[ \t]*+[\[(][ \t]*+\d++[ \t]*+/[ \t]*+\d++(?:[ \t]*+\([ \t]*+\d++%[ \t]*+\))?+[ \t]*+[\])][ \t]*+")
_HELD_OUT_ALTERNATIVES = "|".join(sorted(HELD_OUT_WORDS, key=lambda word: (-len(word), word)))
# A held-out pass's title with nothing after its colon: "Test Error: ", "Validation set:", "Eval:"
_HELD_OUT_TITLE = re.compile(rf"[ \t]*+((?i:{_HELD_OUT_ALTERNATIVES})(?:[ \t]++[A-Za-z]++)?+)[ \t]*+:[ \t]*+")
_SPLIT_TAG = re.compile(
    rf"[ \t]*+(?:\[[ \t]*+(?i:train|training|{_HELD_OUT_ALTERNATIVES})[ \t]*+\]"
    rf"|(?i:train|training|{_HELD_OUT_ALTERNATIVES})(?=[ \t]*+[|:\-]))"
)
_SPLIT_TAG_STARTS = frozenset(" \t[tTvVeEdD")


_TRAIN_WORD = re.compile(r"(?i:train|training)[ _/.-]++(?=.)")


def _bar_settling_names(text: str, found) -> frozenset[str]:
    """The names a line that is no bar logs, as bars' names are matched to them; none for a line of
    a held-out pass by its tag: "Test set: Average loss: 0.0779, Accuracy: 9759/10000" after the
    bar "Loss=0.0556 Batch_id=468 Accuracy=90.76: 100%|...| 469/469" logs the test accuracy, not
    the bar's running training accuracy (it does not make the bar a running figure of its own)."""
    tag = text[: found[0].at]
    if tag and not tag.isspace() and (prefix := tag_prefix(_TAG_TRIM.sub(" ", tag).strip())) is not None:
        if split_of(prefix) != "train":
            return frozenset()
    return frozenset(_bar_name(pair.name) for pair in found)


@lru_cache(maxsize=1024)
def _bar_name(name: str) -> str:
    """A name as a bar and a line are matched: any case ("loss=" in a bar, "Loss:" on the line),
    without the training split word ("loss=0.919" in the bar, "Train Loss: 0.9780" on the
    epoch's line: the same training loss)."""
    name = name.lower()
    return _TRAIN_WORD.sub("", name, count=1) if name.startswith(("train", "training")) else name


_SPLIT_WORD = re.compile(r"(?i:(?<![a-z])(?:train|training|val|valid|validation|eval|evaluation|test)(?![a-z]))[ _/.-]*+")


@lru_cache(maxsize=1024)
def _unsplit(names: tuple[str, ...]) -> frozenset[str]:
    """The names without their split words ("Train loss", "val_loss", "Val/loss" are "loss")."""
    return frozenset(_SPLIT_WORD.sub("", name).strip(" _/.-").lower() for name in names)


# A setting whose value is no number: a flag, a path, a name ("arcloss=True", "pathval='../val'",
# "'optimizer': 'adam'", "finetune_from=None"). A quoted number is a value formatted for print
# ("geo acc={'acc@1km': '0.51%', ...}", f"{acc:.2%}"): a metric, not a setting.
_QUOTED_NUMBER = r"""[-+]?+(?:\d++\.?+\d*+|\.\d++)(?:[eE][-+]?+\d++)?+%?+"""
_SETTING = re.compile(
    rf"""[\w.'"]++[ \t]*+[=:][ \t]*+(?:True|False|None|'(?!{_QUOTED_NUMBER}')[^',]*+'|"(?!{_QUOTED_NUMBER}")[^",]*+")"""
)
MIN_SETTINGS = 2


def _settings_dump(text: str) -> bool:
    """True for a configuration printed at start (``Namespace(arcloss=True, bs=256, ..., loss=1,
    lr=0.0003, pathval='../val')``, a dict of hyper-parameters): settings that are no numbers
    stand among its pairs, which a metrics line never holds; its numbers are settings too."""
    if "'" not in text and '"' not in text and "True" not in text and "False" not in text and "None" not in text:
        return False
    return matches_at_least(_SETTING, text, MIN_SETTINGS)


_OPTIMIZER_SETTING = re.compile(r"[ \t]*+[a-z_][a-z_0-9]*+: [^:]*+$")  # "    weight_decay: 0", "    betas: (0.9, 0.999)"
# A line of a printed torch module ("(fc1): Linear(in_features=768, out_features=3072, bias=True)",
# "(0): ROIAlign(output_size=(7, 7), spatial_scale=0.25, sampling_ratio=0, aligned=True)"): its
# numbers are a layer's arguments. An options table that shows each option's default
# ("load_iter: 0    [default: 0]", pix2pix/CycleGAN's print_options; argparse's "(default: 0.1)").
_MODULE_CHILD = re.compile(r"[ \t]*+\([\w.]++\): [A-Za-z_][\w.]*+\(")
_DEFAULT_SHOWN = re.compile(r"[\[(]default: ")
# Echoed Python source (a blog post or notebook that shows its code beside its output): a
# function's or a class's signature with its defaults ("def __init__(self, stride: int = 1, padding=1):").
_SIGNATURE = re.compile(r"[ \t]*+(?:async[ \t]++)?+(?:def|class)[ \t]++[A-Za-z_]\w*+[(:]")
# A printed Python config (mmcv/mmengine's "Config:" dump): a call's keyword argument alone on its
# line, a comma after it ("                pos_iou_thr=0.7,", "            nms_pre=2000,"; the
# parser sees the line without its indent).
_KEYWORD_ARGUMENT_LINE = re.compile(r"[ \t]*+[A-Za-z_]\w*+=[^\s,=()]++,[ \t]*+\Z")
# mmcv's summary of how each parameter was initialised ("NormalInit: mean=0, std=0.01, bias=0",
# "XavierInit: gain=1, distribution=uniform, bias=0", "KaimingInit: a=0, mode=fan_out, ..."): settings.
_INIT_SUMMARY = re.compile(r"[A-Z][A-Za-z]*+(?<=Init): ")


# A call with keyword arguments, as echoed source code prints one: "nn.MaxPool2d(kernel_size=3,
# stride=2, padding=1)", "self.make_layer(ResBlock,128,nblk[1],stride = 2)" (a name right before
# its bracket, then a "name=" among the arguments).
_CALL = re.compile(r"(?<![\w.])[A-Za-z_][\w.]*+\((?=[^()]*?[A-Za-z_]\w*+[ \t]*+=(?!=))")


# After a line's one value: the rest of the scalar's repr it sat in ("tensor(0.2969, device='cuda:0',
# grad_fn=<DivBackward0>)", "tensor([0.52])"), then one blank and a bare integer that ends the line.
_REPR_REST = re.compile(r"(?:,[^()\r\n]{0,200}+)?+\]?+\)")
_TRAILING_STEP = re.compile(r" (\d{1,12}+)[ \t]*+\Z")


def _trailing_step(text: str, pair):
    """The match of the integer that ends a line holding nothing else but ``pair`` (the line's
    step, as ``print(tag, value, step)`` writes it: from the line's start, one blank between),
    or None. A report's aligned row ("    accuracy        0.94      1670", sklearn's
    classification_report: the integer is the support) is none."""
    if pair.at or "  " in text[: pair.start] or "\t" in text[: pair.start]:
        return None
    position = pair.stop
    if "(" in text[pair.at : pair.start]:  # the value sat in a scalar's repr
        rest = _REPR_REST.match(text, position)
        if rest is None:
            return None
        position = rest.end()
    return _TRAILING_STEP.match(text, position)


def _outside_calls(text: str, found):
    """The pairs that are not a call's keyword arguments: those are settings of the code that a
    log echoes (a blog post's source beside its output), whatever numbers they hold."""
    spans = []
    for call in _CALL.finditer(text):
        depth, end = 1, call.end()
        while end < len(text) and depth:
            depth += (text[end] == "(") - (text[end] == ")")
            end += 1
        spans.append((call.end(), end))
    if not spans:
        return found
    return [pair for pair in found if not any(start <= pair.at < end for start, end in spans)]


# A key in CONSTANT_CASE, as a configuration system names its settings (yacs, which detectron2,
# maskrcnn-benchmark and fast-reid print at start: "    NUM_CLASSES: 100", "  IMS_PER_BATCH: 64")
_CONSTANT_CASE = re.compile(r"[A-Z][A-Z0-9]*+(?:_[A-Z0-9]++)++")


def _config_key(name: str) -> bool:
    """True for a configuration's key alone on its line: CONSTANT_CASE that names no loss or
    metric (a threshold of one is a setting too: "BG_IOU_THRESHOLD: 0.5")."""
    return _CONSTANT_CASE.fullmatch(name) is not None and (kind_of(name) == "other" or "THRESH" in name)


# Words that make a sentence of the text around them; a metrics line holds none between its pairs.
_FUNCTION_WORD = re.compile(
    r"(?i)(?<![\w'])(?:the|a|an|is|was|are|were|be|been|this|that|these|those|which|who|of|to|and|or|but|for|"
    r"with|from|into|after|before|because|it|its|we|you|our|not|so|than|then|when|while|if|as|on|in|at|by)(?![\w'])"
)
SENTENCE_WORDS = 5


def _sentence_between(text: str, found) -> bool:
    """True when the pairs stand in a sentence: ``train_loss=nan starting epoch 12 — this is the
    root cause. The loss exploded to NaN, ... including the fake MRR=1.0000 at epoch 17`` (a note
    pasted into a log) names values, it is no record of them. A record's words stand before its
    pairs (a tag) or after them (a warning run into it), not between them."""
    words = 0
    for before, after in zip(found, found[1:]):
        if after.at - before.stop > 12:
            words += len(_FUNCTION_WORD.findall(text, before.stop, after.at))
            if words >= SENTENCE_WORDS:
                return True
    return False


def _not_metrics(text: str) -> bool:
    """True for a line whose numbers are settings by its shape: a module's repr, an option shown
    beside its default, a signature's defaults, a config's keyword argument, an init summary."""
    return (
        (text[:1] in " \t(" and _MODULE_CHILD.match(text) is not None)
        or ("default: " in text and _DEFAULT_SHOWN.search(text) is not None)
        or (("def " in text or "class " in text) and _SIGNATURE.match(text) is not None)
        or (text.rstrip().endswith(",") and _KEYWORD_ARGUMENT_LINE.match(text) is not None)
        or ("Init: " in text and _INIT_SUMMARY.match(text) is not None)
    )


# Metrics only an evaluation pass computes (segmentation, detection, generation, ranking).
_EVALUATION_METRIC = re.compile(r"(?i:m_?iou|meaniu|iou|map|dice|bleu|rouge|auc|psnr|ssim|recall@|ndcg|cider)")


def _evaluation_beside(names: tuple[str, ...], accepted: set[str]) -> bool:
    """True when a line holds a loss the training lines print beside an evaluation metric they
    never print."""
    return any(name in accepted and kind_of(name) == "loss" for name in names) and any(
        name not in accepted and _EVALUATION_METRIC.search(name) is not None for name in names
    )


def _only_pairs(text: str, found) -> bool:
    """True when nothing but the pairs and glue stand in the text (a value line under a header),
    after a split's tag maybe ("[train] loss: 0.52", "val | loss=0.61": the pass the values are of)."""
    position = 0
    if text[:1] in _SPLIT_TAG_STARTS and (tag := _SPLIT_TAG.match(text)) is not None and tag.end() <= found[0].at:
        position = tag.end()
    for pair in found:
        if not _GLUE.fullmatch(text, position, pair.at):
            return False
        position = max(position, pair.stop)
        # "Batch 0/295": the total a count runs to; "loss: 1.0058 (1.0332)": a meter's average
        after = _OF_TOTAL.match(text, position) or _MEAN_AFTER.match(text, position)
        if after is not None:
            position = after.end()
    return _GLUE.fullmatch(text, position) is not None or _TRAILING_COUNT.fullmatch(text, position) is not None


# A tag that ends by calling what follows the best so far ("New best val:", "Best:", "best model -")
_BEST_TAG = re.compile(
    r"(?i)(?<![A-Za-z])best(?:[ _](?:val|valid|validation|eval|evaluation|test|model|score|result|results|so far))?"
    r"[\s:|\-=>\]]*+\Z"
)
# A held-out loss's name ends in the loss (glue-factory's "loss/total"), maybe then a bracket that
# says how it was measured: "Test Loss (MSE): 0.0117", "Test Loss (Normalized): 0.0117", printed
# once after training. (Not "Val Loss (best)": the best so far recaps an earlier value.)
_ENDS_IN_LOSS = re.compile(r"(?i:loss|loss(?:es)?/(?:total|sum))(?: ?+\((?!(?i:best|min|lowest)\))[^()]{1,32}+\))?+$")
_BARE_SPLITS = frozenset(("val", "valid", "validation"))
_PHASES = frozenset(("train", "training", "val", "valid", "validation", "eval", "evaluation", "test", "testing"))


@lru_cache(maxsize=1024)
def _pass_progress_tag(name: str) -> bool:
    """True for the name a pass's progress stands under ("Test" of "Test: [10/200]"): a split's word,
    or several joined by a dash or an underscore ("Test-VAL: [10/27]", a test pass on the
    validation set, as a copy of PyTorch's ImageNet example names it)."""
    return name.lower() in _PHASES or (
        len(name) <= 32 and all(word in _PHASES for word in _PASS_TAG_WORDS.split(name.lower()))
    )


_PASS_TAG_WORDS = re.compile(r"[-_]")


@lru_cache(maxsize=1024)
def _opens_held_out(name: str) -> bool:
    """A two-word name of a held-out split and a metric: "validation accuracy", "test acc"."""
    words = name.split()
    return len(words) == 2 and words[0].lower() in HELD_OUT_WORDS and kind_of(words[1]) in ("loss", "metric")


def _held_out_loss(name: str) -> bool:
    """A validation or test loss by its name ("val_loss", "Valid Loss", "val"), not a setting
    that mentions one ("val_loss_every")."""
    return split_of(name) != "train" and kind_of(name) == "loss" and (
        _ENDS_IN_LOSS.search(name) is not None or name.lower() in _BARE_SPLITS
    )


def _phase_header(pair, text: str, found) -> bool:
    return (
        pair.name.lower() in _PHASES and float(pair.value).is_integer() and pair.value >= 0
        and "." not in text[pair.start : pair.end] and _only_pairs(text, found)
    )


def _in_pass(text: str, found) -> bool:
    """True when the text shows how far a pass over batches has got ("| 2/3 |"), outside its pairs."""
    position = 0
    for pair in found:
        if _PROGRESS.search(text, position, pair.at):
            return True
        position = pair.stop
    return _PROGRESS.search(text, position) is not None


# "(3.0944)" after a value: the running average of the pass so far (an AverageMeter)
_AVERAGE_AFTER = re.compile(r"[ \t]*+\([ \t]*+[-+]?+\.?+\d")


def _running_average(text: str, found, names: tuple[str, ...]) -> bool:
    """True when the line's values are ``now (average)`` pairs: ``Loss 2.5770 (3.0944)``."""
    return any(pair.name in names and _AVERAGE_AFTER.match(text, pair.stop) for pair in found)


# A tqdm bar up to the bracket its postfix stands in: "45%|████ | 45/100 ["
_BAR_POSTFIX = re.compile(r"\d%\|[^|]*+\|[ \t]*+([\d.]++)[kMG]?+/([\d.?]++)[kMG]?+[ \t]*+\[")
_BAR_AFTER = re.compile(r"[:\s]*+\d{1,3}%\|")


def _bar_description(text: str, found) -> bool:
    """True when the pairs are a progress bar's description: nothing but them before the bar
    (``train loss: 0.5321: 100%|██████| 100/100 [00:22<00:00]``), data, not a sentence."""
    return _BAR_AFTER.match(text, found[-1].stop) is not None and _GLUE.fullmatch(text, 0, found[0].at) is not None


# A program's key for a step under a group, in its own spelling ("runtime.step", "trainer/global_step"),
# not a sentence's word glued to one ("strategically.Step 0/50")
_GROUPED_STEP_NAME = re.compile(r"[a-z][a-z0-9_./]*+")
_GROUPED_STEP_WORDS = frozenset(("step", "global_step", "iteration", "iter", "steps"))


def _stated_total(text: str, step_span, found) -> float | None:
    """The total a line prints its step out of ("Epoch 7/20, Loss: 1.31": 20), or None. None too
    when another counter on the line stands short of its own total ("[epoch: 2/200, iter:
    489/489]": the epoch's batches ran out, not the run)."""
    if step_span is None or not isinstance(step_span[0], int):
        return None  # (no step in the text, or the epoch and batch of "[3][40/500]")
    total = _COUNT_TOTAL.match(text, step_span[1])
    if total is None:
        return None
    for pair in found:
        if pair.end != step_span[1] and pair.name.lower() in _STEP_OR_EPOCH:
            other = _COUNT_TOTAL.match(text, pair.end)
            if other is not None and pair.value < int(other.group(1)):
                return None
    return float(total.group(1))


def _timed_step(text: str, pair) -> bool:
    """A step named with a time unit ("Step: 34ms | Tot: 3s829ms", pytorch-cifar's progress_bar): the
    time a step took, no step."""
    return pair.name.lower() in _STEP_OR_EPOCH and _DURATION_UNIT.match(text, pair.end) is not None


def _step_name(metrics: dict[str, float]) -> str | None:
    """The name of the step among a line's pairs (``step``, ``Iteration``, ``EPOCH`` is not one:
    the epoch steps a line only without a finer step). A step counts: "Update: 2.258e-01" is no
    step."""
    best = None
    for name in metrics:
        rank = _STEP_NAMES_LOWER.get(name.lower())
        if (
            rank is None and ("." in name or "/" in name)
            and (leaf := name.replace("/", ".").rpartition(".")[2]) in _GROUPED_STEP_WORDS
            and _GROUPED_STEP_NAME.fullmatch(name) is not None
        ):
            # a step under its group ("runtime.step=50, runtime.steptime=2.165, loss.cls_loss=45.38",
            # second.pytorch): after any step printed bare
            rank = _STEP_NAMES_LOWER[leaf] + len(_STEP_NAMES_LOWER)
        if rank is not None and (best is None or rank < best[0]) and metrics[name] >= 0 and metrics[name].is_integer():
            best = (rank, name)
    return best[1] if best else None


_NOT_A_LOSS_VALUE = re.compile(r"weight|coef|lambda|scale|ratio|alpha|beta|gamma|factor", re.I)


def _two_losses(names: tuple[str, ...]) -> bool:
    return sum(kind_of(name) == "loss" and _NOT_A_LOSS_VALUE.search(name) is None for name in names) >= 2


_TRAINING_NAMED = re.compile(r"(?i:(?<![a-z])train(?:ing)?(?![a-z]))")


def _training_loss(names: tuple[str, ...]) -> bool:
    """True for a line whose one value is a loss named as the training loss ("train loss",
    "Training_Loss"), not a setting about one ("train_loss_weight")."""
    values = [name for name in names if name.lower() not in _EPOCH_NAMES]  # (the epoch is the step)
    return (
        len(values) == 1 and kind_of(values[0]) == "loss" and _TRAINING_NAMED.search(values[0]) is not None
        and _NOT_A_LOSS_VALUE.search(values[0]) is None
    )


_TIMING = frozenset(("eta", "time", "data_time", "iter_time", "batch_time", "elapsed"))


def _timed_loss(names: tuple[str, ...], metrics: dict) -> bool:
    """True for a loss printed with the time its step took or the time left (a MetricLogger's
    ``Train: data epoch: [0] [0/10000]  eta: 9:40:56  lr: 1e-08  loss: 0.0004  time: 3.4856``):
    progress of a run, which a configuration never prints."""
    return any(kind_of(name) == "loss" for name in names) and any(name.lower() in _TIMING for name in metrics)


def _changing(held, by_step: bool = True) -> bool:
    """True when the held lines are a series: some value (or the step) changes."""
    first_step, first_metrics = held[0][1], held[0][2]
    return any((by_step and step != first_step) or metrics != first_metrics for _, step, metrics, _, _ in held[1:])


class KeyValue(Format):
    id = "key_value"
    title = "Generic name=value / name: value / name:value / name value lines"
    example = "2024-01-01 12:00:00,123 - __main__ - INFO - step=10 loss=0.5123 lr=0.0003"
    anchor = r"(?!)"  # never detected by anchor: it is the fallback for unrecognised lines
    parser = KeyValueParser
