"""``name: value``, ``name=value``, ``name:value`` and ``name value`` pairs inside a message.

Every pair keeps the span of its value in the text, so a parser can hand the line's shape to
:mod:`lossmon.engine.formats.template` and have the next thousand lines like it read in one go.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from lossmon.engine.formats import freeform
from lossmon.engine.formats.nothing_found import NothingFound
from lossmon.engine.naming import FOREIGN_EPOCH_WORDS, FOREIGN_STEP_WORDS, NAME_SIGN, is_step_word, kind_of, step_unit
from lossmon.engine.numbers import UNIT, VALUE, VALUE_OPEN, to_float

# (The words that name a line's step, in any case, are naming's: is_step_word, step_unit. The
# foreign ones are imported here for generic's list of step names.)

# One word of a name: starts with a letter, may hold . / @ - ( ) [ ] inside, and ends on a letter,
# digit or closing bracket (so "epoch." in prose is not a name).
# (Written so that it never gives back: characters that may not end a name are taken only when
# one that may follows, so a long run of name characters costs one pass.)
WORD = rf"{NAME_SIGN}[^\W\d](?:[./@(\[-]*+[\w)\]]++)*+"  # (any script's letters: "Pérdida", "损失"; "-ELBO")
# Names of several words are only taken when they end with a metric noun ("lm loss",
# "grad norm", "learning rate", "train loss", "mean cost"), so prose before a pair is not glued to
# its name. An adjective stays in the name as printed: "mean cost" as "mean loss", "Avg loss".
# An error's abbreviation is such a noun too: "Train MSE: 0.049, Test MSE: 0.043" names two series.
_NOUN = (
    r"(?i:loss|cost|norm|rate|lr|acc|accuracy|scale|ppl|perplexity|error|score|reward|mfu|energy|mse|rmse|mae|f1|auc|precision|recall|iou|miou|dice|bleu"
    r"|pierdere|p[ée]rdida|perda|perte|perdita|verlust|verlies|потер[иья]|损失|損失|손실)"
)
# (Up to eight blanks between its words: "Val    loss=0.82" is aligned under "Train  loss=0.76";
# find_pairs collapses them, so both name their metric as the user reads it, "Val loss".)
# LightGBM names a value by its data set and metric: "valid_0's l2", "training's binary_logloss",
# "cv_agg's auc" (its _format_eval_result: f"{data}'s {metric}: {value:g}").
_POSSESSIVE = r"[^\W\d][\w-]*+'s[ ](?=[^\W\d])"
# An abbreviation qualifies the name after it, kept as printed: "avg. loss: 234.87", "dev. ppl: 3.2"
# (freeform.ABBREVIATIONS, the same words).
_ABBREVIATED = rf"(?i:{'|'.join(sorted(freeform.ABBREVIATIONS))})\.[ ](?=[^\W\d])"
# A name may start right after "[", "(", ")" or "]" ("(loss=0.3)"), which WORD may also hold: on a run
# like "g[g[g[..." every start would read to the end of the run, quadratic in its length. So the
# first word (up to a blank, ":" or "=") may be at most _MAX_FIRST_WORD characters: no real name is
# longer, and each start then costs a bounded look.
_MAX_FIRST_WORD = 160
_SHORT_FIRST_WORD = rf"(?=[^\s:=：]{{0,{_MAX_FIRST_WORD}}}+(?![^\s:=：]))"
# A loss tagged after the noun by the network or part it belongs to, in capitals: "loss G : 1.555
# loss D : 1.177" (the progressive GAN's "[%d : %6d] loss G : %.3f loss D : %.3f"), "Loss D: 0.67,
# loss G: 0.74", "loss KL: 0.3". The tag is short and capital, so a word after "loss" ("loss epoch:
# 3", "batch loss is") stays a name of its own.
_TAGGED_LOSS = r"(?i:loss)[ ]{1,8}+[A-Z][A-Z0-9_]{0,3}+(?![\w./@-])"
NAME = (
    rf"{_SHORT_FIRST_WORD}"
    rf"(?:(?:[^\W\d][\w-]*+[ ]{{1,8}}+){{1,3}}{_NOUN}(?![\w./@-])|{_TAGGED_LOSS}|{_POSSESSIVE}{WORD}|{_ABBREVIATED}{WORD}"
    rf"|{WORD})"
)

# (A period may end the sentence after the number, "val mse is 0.0242.", never another number.
# A unit never starts with an exponent: "6.95e-025.83" is a number glued to the next, not 6.95
# in units of "e".)
# Two periods and a blank end a value too: "Epoch: 1/30..  Training Loss: 0.512..  Test Loss: 0.432.."
# (the print of Udacity's PyTorch course and its many copies), and so does an ellipsis, three
# periods or more: "Epoch: 1/1000... Loss: -13.000004... Test Loss: -9.828203... time: 20.0min".
_END = rf"(?P<unit>(?![eE][-+]?\d){UNIT})['\")\]]?(?!\w|\.\w|\.\.++(?![ \t]|$))"
# A value may be wrapped in braces, as a logging call that mixes "{}" and "%" styles prints it
# ("epoch: {1/300}, step: {1/8250}, loss : {1.6534357}, lr : {0.0001000}"): the brace must close
# right after the number (or its "/total"), so a dict ("{30: 0.1}") gives no value to its name.
_BRACED_END = r"(?:/\d++)?+[ \t]*+\}"
# (A Chinese script's f-string often writes the full-width colon: "训练损失：0.52", "Epoch：3，Loss：0.41".)
# A dash glued to the name, then blanks, separates as a colon does: print('epoch- ', e, 'loss- ', l)
# writes "epoch-  0 loss-  2.299" (a dash before the digits would be the value's sign).
PAIR = re.compile(
    rf"(?<![\w./@-])(?P<name>{NAME})(?:[ \t]*+[:=：]|-(?=[ \t]))[ \t]*+(?:(?P<brace>\{{)|{VALUE_OPEN})[ \t]*+(?P<value>{VALUE})"
    rf"(?(brace){_BRACED_END}|{_END})"
)
# A dict or JSON object printed after its step, which the dict and JSON formats do not take ("epoch 3:
# {'accuracy': 0.84, 'f1': 0.88}", as accelerate's examples print their metrics; "Epoch 1 {"loss":
# 0.52}"): its keys are quoted. Searched only after a "{" on the same line with a number before it, so
# that the one-key-a-line body of a pretty-printed config ('  "attn_pdrop": 0.1,') gives nothing, nor
# does a run's closing summary ("eval_results= {'eval_loss': 0.03, ...}", the last evaluation again).
QUOTED_PAIR = re.compile(
    rf"(?<![\w./@-])(?P<quote>['\"])(?P<name>{NAME})(?P=quote)[ \t]*+:[ \t]*+{VALUE_OPEN}[ \t]*+(?P<value>{VALUE}){_END}"
)
_DICT_OPEN = re.compile(r"\{[ \t]*+['\"]")
_DIGIT = re.compile(r"\d")
# A name right after a rule of dashes ("----------val_loss: 5.19"), searched only in a line with one
_PAIR_AFTER_RULE = re.compile(PAIR.pattern.replace("(?<![\\w./@-])", "(?<=---)", 1))
SPACED_PAIR = re.compile(rf"(?<![\w./@-])(?P<name>{NAME})[ \t]++(?P<value>{VALUE}){_END}")
# What may stand between spaced pairs for a message to count as nothing but pairs: separators, a
# bracketed tag ("[train] iter 10: ..."), the total after a step ("step 1/ 1000 |"), and numbers
# with a unit but no name ("11136 ms/iter", "113.4k tok/s", "2 s"): clearly not prose, and not
# data either, so they are skipped rather than making the line count as prose.
_UNIT_ONLY = r"(?<![\w.])[-+]?+\d[\d.,]*+[kMG]?+[ ]?+(?:[A-Za-zµ]++/[A-Za-z]++|ms|us|s)(?![\w/])"
_GLUE = re.compile(rf"(?:[\s,;:|\-]++|\[[A-Za-z][\w ]{{0,30}}+\]|\d++(?=[ ]*+\|)|{_UNIT_ONLY})*+")


# A value the line calls the best so far is a summary, not a record of its series ("cea mai buna
# validare: 0.35", "mejor pérdida: 0.2", "best: 2.13"): its name keeps the word, a series of its own.
_BEST_BEFORE = re.compile(
    r"(?:^|[\s(\[|,;])(?P<best>best|lowest|mai bun[aă]|mejor|melhor|meilleure?|migliore|beste[rns]?|"
    r"最佳|最好|最优|最優|лучш(?:ий|ая|ее|ие))[ \t]++\Z",
    re.I,
)


def best_before(text: str, at: int) -> bool:
    """True when the word before ``at`` calls what follows the best ("Best Epoch 0  Acc: 0.91")."""
    return at > 0 and text[at - 1] in " \t" and _BEST_BEFORE.search(text, max(0, at - 24), at) is not None


# "avg loss so far is 0.1097", "val mse is 0.0242.", "current lr was 0.001", "avg loss so far =
# 0.1", "batch loss is :1.7668" (a colon after the verb): a name of up to five words before "is", "was" or " = ", standing after a number or a
# separator (never after a word: "... and the loss was 0.5" is a sentence), with no function word
# in it and a metric word (loss, lr, mse...) among them, so "the answer is 42" is no pair.
_IS_PAIR = re.compile(
    rf"(?<![\w./@-])(?<![A-Za-z_][ ])(?P<name>(?:[A-Za-z_][\w-]*+[ ]){{0,4}}?[A-Za-z_][\w-]*+)[ ]++(?:is|was|=)(?:[ ]*+:[ ]*+|[ ]++)"
    rf"{VALUE_OPEN}(?P<value>{VALUE}){_END}"
)
# (Whole words: "answer" holds "wer" but names no metric.)
_METRIC_WORD = re.compile(
    r"(?i:loss|losses|cost|lr|rate|norm|acc|accuracy|error|err|score|reward|mse|mae|rmse|ppl|perplexity|"
    r"f1|auc|auroc|bleu|wer|cer|iou|miou|dice|map|precision|recall|nll|psnr|ssim|entropy)"
)
_NAME_WORDS = re.compile(r"[ _-]")
_FUNCTION_WORDS = frozenset(
    "a an the and or of for to in at on by from with as is was are were be been our its this that".split()
)


# The function words that name nothing as a pair's whole name, lower-case (a sentence's words:
# prepositions, articles, conjunctions); "is" and "was" stand for the words before them
_NAMELESS = _FUNCTION_WORDS - frozenset("is was are were be been our its this that".split())


# Prepositions that say what a metric was measured on, after its words: "loss on training batch
# is 0.23" (the TF1 MNIST tutorial's "After %d training step(s), loss on training batch is %g."),
# "cross entropy on all data is 0.31", "accuracy on the test set is 0.97".
_MEASURED_ON = frozenset("on of over for in".split())


def _is_name(words: str) -> str | None:
    """The words before "is" as a name, if they hold a metric word and no function word, except
    one preposition after the metric word that says what it was measured on (then "the")."""
    split = words.split(" ")
    if len(split) > 1 and split[0].lower() == "the":
        # "epoch 3: the loss is 0.51", "The validation loss is 0.48": an article before the
        # metric's words starts the sentence; the name is what follows it (none when a function
        # word follows too: "the loss of the model is 0.3" stays prose)
        if any(word.lower() in _FUNCTION_WORDS for word in split[1:]):
            return None
        words = " ".join(split[1:])
        split = split[1:]
    head = words
    for k, word in enumerate(split):
        lower = word.lower()
        if lower in _FUNCTION_WORDS:
            tail = split[k + 1 :]
            if (
                k == 0 or lower not in _MEASURED_ON or not tail or tail[-1].lower() == "the"
                or any(later.lower() in _FUNCTION_WORDS and later.lower() != "the" for later in tail)
            ):
                return None
            head = " ".join(split[:k])
            break
    return words if any(_METRIC_WORD.fullmatch(word) for word in _NAME_WORDS.split(head)) else None


# "Evaluation Loss of the epoch:0.0321", "Average loss for this epoch: 0.52", "Mean loss over the
# whole epoch = 0.4": the words after the metric say what it summarises, and the one before the
# colon is a step word that names no number of its own here (read alone, "epoch" would take the loss
# for the epoch). The pair is named by the metric's words: "Evaluation Loss".
_FOR_THE_STEP = re.compile(
    rf"(?<![\w./@-])(?P<name>(?:[^\W\d][\w-]*+[ ]){{0,3}}?{_NOUN})[ ]++(?:of|for|over|in|during)[ ]++"
    r"(?i:the|this|that|each|every|current|whole|[ ])*+(?i:epoch|iteration|iter|step|batch|round)s?+"
    rf"[ \t]*+[:=][ \t]*+{VALUE_OPEN}[ \t]*+(?P<value>{VALUE}){_END}"
)


# "Cost after iteration 100: 0.693147" (the deeplearning.ai courses), "Average loss at step  2000 :
# 4.372" (TensorFlow's word2vec tutorial), "Loss after epoch 3: 0.52", "val_loss at epoch 3 = 0.61":
# a metric's words, the step it was measured at, then its value. (The words are checked as for
# "is" pairs: a metric word among them, no function word.) A bracketed qualifier may follow the
# words, part of the name: "Training loss (for one batch) at step 200: 31222.27" (Keras's guide to
# a training loop from scratch, and its copies).
_AT_STEP = re.compile(
    r"(?<![\w./@-])(?P<name>[^\W\d][\w@-]*+(?:[ ][^\W\d][\w@-]*+){0,3}?)(?P<qualifier>[ ]*+\([^\W\d][^()\d]{0,40}+\))?+"
    r"[ ]++(?i:after|at|for|in|on|during)[ ]++(?i:the[ ]++)?+(?P<word>(?i:epoch|step|iteration|iter|batch|update|round))[ \t]*+(?P<step>\d++)"
    rf"(?:[ \t]*+/[ \t]*+\d++)?+[ \t]*+[:=]?+[ \t]*+{VALUE_OPEN}(?P<value>{VALUE}){_END}"
)
_AT_STEP_WORDS = (" after ", " at ", " for ", " in ", " on ", " during ")
# The same step in brackets between the metric's words and the colon: "Training Loss (epoch 1):
# 0.0023" (print(f"Training Loss (epoch {epoch}): {loss}")), "loss (step 200/1000) = 1.3".
_BRACKETED_STEP = re.compile(
    r"(?<![\w./@-])(?P<name>[^\W\d][\w@-]*+(?:[ ][^\W\d][\w@-]*+){0,3}?)[ ]*+\([ \t]*+"
    r"(?P<word>(?i:epoch|step|iteration|iter|batch|update|round))[ \t]*+(?P<step>\d++)"
    rf"(?:[ \t]*+/[ \t]*+\d++)?+[ \t]*+\)[ \t]*+[:=][ \t]*+{VALUE_OPEN}(?P<value>{VALUE}){_END}"
)
_BRACKETED_STEP_ENDS = ("):", ") :", ")=", ") =")


HELD_OUT_WORDS = frozenset("val valid validation eval evaluation test testing dev".split())


def _ranking_name(words: str) -> str | None:
    """A metric without a metric word ("Valid MRR at step 0", "Valid HITS@1 at step 0": ranking
    metrics): one word, or one after a held-out split word; never a phrase ("Saved checkpoint")."""
    split = words.split(" ")
    if len(split) == 1 or (len(split) == 2 and split[0].lower() in HELD_OUT_WORDS):
        return words
    return None


def at_step_pairs(text: str) -> list[Pair]:
    """The step and the metric of ``metric after step N: value`` sentences (see ``_AT_STEP``) and
    of ``metric (step N): value`` (``_BRACKETED_STEP``)."""
    found: list[Pair] = []
    matches = list(_AT_STEP.finditer(text)) if any(word in text for word in _AT_STEP_WORDS) else []
    if any(end in text for end in _BRACKETED_STEP_ENDS):
        matches += _BRACKETED_STEP.finditer(text)
    for match in matches:
        name = _is_name(match.group("name")) or _ranking_name(match.group("name"))
        if name is not None and len(words := name.split(" ")) > 2 and words[0].lower() in ("training", "train"):
            # "Training average loss at step 100" (KGE's log_metrics: mode "Training average", metric
            # "loss"): a training word before two or more others says which pass, not the metric
            name = " ".join(words[1:])
        if name is not None and (qualifier := match.groupdict().get("qualifier")):
            name = f"{name} {qualifier.lstrip(' ')}"
        value = to_float(match.group("value"))
        if name is None or value is None:
            continue
        step_name = "epoch" if match.group("word").lower() == "epoch" else "step"
        found.append(Pair(step_name, float(match.group("step")), *match.span("step"), *match.span("word")))
        found.append(Pair(name, value, match.start("value"), match.end("value"), match.start("name"), match.end()))
    return found


def _with_at_step_pairs(found: list[Pair], more: list[Pair]) -> list[Pair]:
    """``found`` with the pairs of ``metric after step N: value`` sentences in place of whatever
    was read inside them ("epoch 3" alone, the value as a nameless number)."""
    spans = [(pair.at, pair.stop) for pair in more[1::2]]
    kept = [pair for pair in found if not any(at <= pair.start < stop for at, stop in spans)]
    names = {pair.name for pair in kept}
    return sorted(kept + [pair for pair in more if pair.name not in names], key=lambda pair: pair.start)


def for_the_step_pairs(text: str, offset: int = 0) -> list[Pair]:
    """``metric of the epoch: value`` pairs (see ``_FOR_THE_STEP``), in order."""
    found: list[Pair] = []
    for match in _FOR_THE_STEP.finditer(text):
        value = to_float(match.group("value"))
        if value is not None:
            found.append(Pair(match.group("name"), value, match.start("value") + offset, match.end("value") + offset,
                              match.start("name") + offset, match.end() + offset))
    return found


def is_pairs(text: str, offset: int = 0) -> list[Pair]:
    """``name is value`` pairs (see ``_IS_PAIR``), in order."""
    found: list[Pair] = []
    for match in _IS_PAIR.finditer(text):
        name = _is_name(match.group("name"))
        value = to_float(match.group("value"))
        if name is None or value is None:
            continue
        at = match.end("name") - len(name)
        found.append(Pair(name, value, match.start("value") + offset, match.end("value") + offset, at + offset, match.end() + offset))
    return found


class Pair(NamedTuple):
    name: str
    value: float
    start: int  # span of the number in the text
    end: int
    at: int = 0  # where the pair (its name) starts
    stop: int = 0  # where the pair (its unit or closing quote) ends


# The words a bracketed qualifier follows: up to three, right before its bracket (searched in a
# bounded window, so a long line costs no more).
_BEFORE_BRACKET = re.compile(r"(?<![\w./@-])((?:[^\W\d][\w./-]*+ ){0,2}[^\W\d][\w./-]*+) ?+\Z")
_BRACKETED_LOOKBACK = 64


# The words of a bracketed qualifier before its last word: "(for one " of "(for one batch)"
_QUALIFIER_WORDS = re.compile(r"\((?:[^\W\d][\w-]*+ ){0,3}+\Z")


_NOUN_BEFORE_BRACKET = re.compile(rf"{_NOUN}[ ]?+\Z")


def _qualifier_open(text: str, start: int) -> int:
    """Where the bracket opens whose last word (ending in ")") starts at ``start``: right before it
    ("(avg)"), or up to three words before right after a metric's noun ("loss (for one batch)",
    not the split sizes' "Test (held out): 6"); -1 when there is none."""
    if text[start - 1] == "(":
        return start - 1
    if text[start - 1] != " ":
        return -1
    words = _QUALIFIER_WORDS.search(text, max(0, start - 48), start)
    if words is None or _NOUN_BEFORE_BRACKET.search(text, max(0, words.start() - 24), words.start()) is None:
        return -1
    return words.start()


def find_pairs(text: str, pattern: re.Pattern = PAIR, offset: int = 0, repeats: list | None = None) -> list[Pair]:
    """Every pair in ``text`` in order (a repeated name keeps its first value). ``repeats``, when
    given, gets the later pairs of a name printed again with another value."""
    found: list[Pair] = []
    seen: set[str] = set()
    for match in pattern.finditer(text):
        name = match.group("name")
        value = to_float(match.group("value"))
        if value is None:
            continue
        if "  " in name:
            name = " ".join(name.split())  # alignment blanks: "Train  loss" is "Train loss"
        start = match.start()
        if name[-1] == ")" and start and "(" not in name and (opened := _qualifier_open(text, start)) >= 0:
            # "GPU Mem (GB): 12.81", "Loss (avg): 0.3", "Training loss (for one batch): 0.3": the
            # bracket qualifies the words before it, which name the value ("GB)" names nothing)
            before = _BEFORE_BRACKET.search(text, max(0, opened - _BRACKETED_LOOKBACK), opened)
            if before is None:
                continue
            name, start = f"{before.group(1)} {text[opened:start]}{name}", before.start(1)
        if start and text[start - 1] in " \t" and " " not in name:
            best = _BEST_BEFORE.search(text, max(0, start - 24), start)
            if best is not None:
                name = f"{best.group('best')} {name}"
        if name in seen:
            if repeats is not None:
                repeats.append(Pair(name, value, match.start("value") + offset, match.end("value") + offset,
                                    start + offset, match.end() + offset))
            continue
        seen.add(name)
        found.append(
            Pair(name, value, match.start("value") + offset, match.end("value") + offset,
                 start + offset, match.end() + offset)
        )
    return found


# A split word between two pairs of the same name: "Train: loss=0.5 | Val: loss=0.6" names two
# passes, not a list of items.
_SPLIT_BETWEEN = re.compile(r"(?i:(?<![a-z])(?:train|training|val|valid|validation|eval|evaluation|test|testing|dev)(?![a-z]))")
MAX_LIST_PAIRS = 200  # (a line with more pairs is a dump, read as no record: no list is looked for)
# The pair an item's values follow in a bracket: "video_148:1 (err=143.00)" (the item and its count)
_ITEM_THEN_BRACKET = re.compile(r"[ \t]*+[(\[]")


def _item_list_start(text: str, found: list[Pair], repeats: list[Pair]) -> int | None:
    """Where a list of items starts: ``Bad trackers (>3.0): video_148:1 (err=143.00),
    video_221:1 (err=108.00), ...`` prints the same name once per item, each time with the item's
    value, and names its items by ids that change from line to line. Its pairs are no metrics of
    the line: not one value of "err", and no series per id. None when no name is printed three
    times, or twice after items ("id:1 (err=...)"), or when a split word tells its places apart
    (two passes, not items: "Train: loss=0.5 | Val: loss=0.6")."""
    index = {pair.name: k for k, pair in enumerate(found)}  # (names in found are unique)
    times: dict[str, int] = {}
    second: dict[str, Pair] = {}
    for again in repeats:
        times[again.name] = times.get(again.name, 1) + 1
        second.setdefault(again.name, again)
    start = None
    for name, again in second.items():
        k = index[name]
        if times[name] < 3 and not _after_item(text, found, k):
            continue
        if _SPLIT_BETWEEN.search(text, found[k].stop, again.at) is not None:
            continue
        if start is None or k < start:
            start = k
    if start is None:
        return None
    return found[start - 1].at if _after_item(text, found, start) else found[start].at  # ("video_148:1" opens it)


_HELD_OUT_BETWEEN = re.compile(rf"(?i:(?<![a-z])({'|'.join(sorted(HELD_OUT_WORDS, key=len, reverse=True))})(?![a-z]))")


def _with_held_out_repeats(text: str, found: list[Pair], repeats: list[Pair]) -> list[Pair]:
    """``found`` and the repeated pairs a held-out split word stands before: "train: loss=0.52
    acc=0.81 | val: loss=0.61 acc=0.77" logs two passes under the same names, the second one's
    values are "val/loss" and "val/acc" (they were dropped as repeats)."""
    words = [(match.start(), match.group(1)) for match in _HELD_OUT_BETWEEN.finditer(text)]
    if not words:
        return found
    starts = [start for start, _ in words]
    stop_of = {pair.name: pair.stop for pair in found}
    names = set(stop_of)
    more = []
    for again in repeats:
        k = bisect_right(starts, again.at) - 1  # the last split word before the pair
        if k < 0 or starts[k] < stop_of[again.name]:
            continue  # none since the name's last value: a list, or the same pass again
        stop_of[again.name] = again.stop
        name = f"{words[k][1]}/{again.name}"
        if name not in names:
            names.add(name)
            more.append(again._replace(name=name))
    return sorted(found + more, key=lambda pair: pair.start) if more else found


def _after_item(text: str, found: list[Pair], k: int) -> bool:
    """True when the ``k``-th pair stands in a bracket right after another: "video_148:1 (err=143.00)"."""
    return k > 0 and _ITEM_THEN_BRACKET.fullmatch(text, found[k - 1].stop, found[k].at) is not None


def spaced_pairs(text: str, offset: int = 0) -> list[Pair]:
    """``name value`` pairs, only when the text is nothing else: prose with numbers is not data."""
    # The text must start (after glue) with a pair, or it is prose: one anchored match says so
    # before the whole text is searched. A name starts with a letter, never in glue, so the first
    # match a search finds would start exactly here.
    first = _GLUE.match(text).end()
    if first < len(text) and SPACED_PAIR.match(text, first) is None:
        return []
    found = find_pairs(text, SPACED_PAIR, offset)
    if not found:
        return found
    position = 0
    for match in SPACED_PAIR.finditer(text):
        if not _GLUE.fullmatch(text, position, match.start()):
            return []
        position = match.end()
    return found if _GLUE.fullmatch(text, position) else []


# A step printed bare before a tab at the start of the message: CatBoost's "100:\tlearn: 2.2",
# LightGBM's and XGBoost's "[10]\tvalid_0's l2: 0.3" (a tab, never a blank, so that a launcher's
# "0: " rank label is not taken for one).
_TAB_STEP = re.compile(r"\[?(\d++)(?::|\])\t")


# One or two "#" then a name or a blank, at the start of a message: a comment ("# loss: 0.3", a
# commented-out line of a YAML or Python config dump; "#lr=0.1"). A run of three or more is a
# banner that decorates what follows it ("#####val_loss 0.52", "##### Epoch 3 ##### loss: 0.4"),
# and "#3" is a number.
_COMMENT = re.compile(r"[ \t]*+#{1,2}+(?![#\d])")
# knitr (R Markdown) prefixes every line a chunk prints with "## ": "    ## step = 500: loss =
# 6.96e-05" in a rendered page. Such a line that opens with its step is a record, not a comment.
_KNITR_RECORD = re.compile(r"[ \t]*+## (?=(?i:step|steps|iter|iteration|epoch|global_step)\b[ \t]*+[:=]?+[ \t]*+\d)")


# A comment's mark, then a step word and its number: "#Epoch   1: Reconstruct Loss: 0.5263, ..."
_MARKED_STEP = re.compile(r"[ \t]*+#{1,2}+[ \t]*+(?i:steps?|iter|iteration|epoch|global_step)[ \t]*+[:=]?+[ \t]*+\d")


def _stepped_losses(text: str, found: list[Pair]) -> bool:
    """True for the pairs of a record behind a comment's mark: a step first, a loss after it
    ("#End of Epoch: 1  |  Train Loss: 0.750  |  Val Loss: 0.698", "#Epoch   1: Reconstruct Loss:
    0.5263", prints that open on "#"). A comment's settings ("# epochs: 10, lr: 0.001") name no loss."""
    if _MARKED_STEP.match(text) is not None:
        return any(kind_of(pair.name) == "loss" for pair in found)
    return (
        len(found) >= 2 and is_step_word(found[0].name) and found[0].value.is_integer()
        and any(kind_of(pair.name) == "loss" for pair in found[1:])
    )


# A step word glued to its number, a token of its own before the values: "Load file: None, EP0,
# avg_loss=0.0010" (print(f"EP{epoch}, avg_loss=...")), "Epoch12 | loss: 0.3", "iter1500/20000
# loss=0.2", "epoch_3, loss=0.5". Not inside a name or a path ("model_ep3", "epoch10.pth", "EP0-1").
_GLUED_STEP = re.compile(r"(?<![\w./@-])(?P<word>(?i:epoch|ep|iteration|iter|step))_?+(?P<number>\d++)(?:/\d++)?+(?![\w./@-])")
_GLUED_STEP_NAMES = {"ep": "epoch", "epoch": "epoch", "iteration": "iteration", "iter": "iter", "step": "step"}


def _with_glued_step(text: str, found: list[Pair]) -> list[Pair]:
    """``found`` with the glued step before its first pair (see ``_GLUED_STEP``), when the line
    prints no step of its own."""
    if any(is_step_word(pair.name) for pair in found):
        return found
    first = found[0]
    glued = _GLUED_STEP.search(text, 0, first.start)
    if glued is None:
        return found
    if glued.end() > first.at:
        # "Epoch5 loss: 0.3": a name of several words took the step as its first word
        if first.at != glued.start() or not first.name.startswith(f"{glued.group()} "):
            return found
        at = glued.end()
        while text[at] in " \t":
            at += 1
        found = [first._replace(name=first.name[len(glued.group()) :].lstrip(" "), at=at), *found[1:]]
    name = _GLUED_STEP_NAMES[glued.group("word").lower()]
    start, end = glued.span("number")
    return [Pair(name, float(glued.group("number")), start, end, glued.start(), glued.end()), *found]


_NO_PAIRS = NothingFound()  # messages that hold no pair (a warning the log repeats): read once
# A brace group of "name value" items: glue-factory's "[E 0 | it 0] loss {total 1.597E+00, last
# 9.226E-01, nll_pos 1.512E+00}" and "[Validation] {match_recall 6.318E-01, loss/total 1.967E+00}".
# The word before the brace names the group ("loss"): its items are "loss/total", "loss/last", as
# its validation dict spells the same values. (A body with ":", "=" or quotes is a dict or JSON,
# read by their own rules.)
_BRACE_GROUP = re.compile(r"(?:(?<![\w./@-])(?P<group>[^\W\d][\w./-]*+)[ \t]*+)?\{(?P<body>[^{}:='\"\n]++)\}")
_BRACE_ITEM = re.compile(rf"[ \t]*+(?P<name>{WORD})[ \t]++(?P<value>{VALUE})[ \t]*+\Z")


def brace_pairs(text: str) -> list[Pair]:
    """The items of the brace groups of ``text`` whose every item is ``name value`` (see
    ``_BRACE_GROUP``), in order."""
    found: list[Pair] = []
    for group in _BRACE_GROUP.finditer(text):
        name_of = f"{group.group('group')}/" if group.group("group") else ""
        items: list[Pair] = []
        start = group.start("body")
        for item in group.group("body").split(","):
            match = _BRACE_ITEM.match(item)
            value = to_float(match.group("value")) if match is not None else None
            if value is None:
                items = []
                break
            name = match.group("name")
            at = group.start() if not items else start + match.start("name")
            items.append(Pair(name_of + name, value, start + match.start("value"), start + match.end("value"), at,
                              start + match.end("value")))
            start += len(item) + 1
        if len(items) >= 2:
            found.extend(items)
    return found


# "After 1001 training step(s), loss on training batch is 0.232921.": the step a sentence opens
# with (the TF1 tutorials' print("After %d training step(s), ..." % step), "After 5 epochs, loss =
# 0.3"); only at the start of the message, before a separator.
_AFTER_STEPS = re.compile(
    r"[ \t]*+(?i:after)[ \t]++(?P<value>\d++)[ \t]++(?:(?i:training|train)[ \t]++)?+"
    r"(?P<word>(?i:step|iteration|iter|epoch|update|batch))(?:\(e?s\)|e?s)?+(?=[ \t]*+[,:;])"
)
_STEP_OF_WORD = {"epoch": "epoch"}  # (batches, iterations, updates: steps)


def _with_step_after(text: str, found: list[Pair]) -> list[Pair]:
    """``found`` with the step of "After N training step(s), ..." first, when the line names none."""
    after = _AFTER_STEPS.match(text)
    if after is None:
        return found
    rest = [pair for pair in found if pair.at >= after.end()]  # (none is read inside the phrase)
    if any(is_step_word(pair.name) for pair in rest):
        return rest
    start, end = after.span("value")
    step = Pair(_STEP_OF_WORD.get(after.group("word").lower(), "step"), float(after.group("value")), start, end,
                after.start("value"), after.end())
    return [step, *rest]


def message_pairs(text: str) -> list[Pair]:
    """The pairs of a free-form message: ``name: value`` / ``name=value`` anywhere, plus
    ``name value`` pairs when the message is clearly data (see
    :mod:`~lossmon.engine.formats.freeform`). A bare integer the message starts with
    (``5 train 10.93``) is returned as its ``step``. A comment holds none."""
    if text in _NO_PAIRS:
        return []
    found = _message_pairs(text)
    if found and "{" in text and "}" in text:
        found = [pair for pair in found if not _format_field(text, pair)]
    if found and any(pair.name in _NAMELESS for pair in found):
        # a sentence's word names nothing: "Validation loss decreased from : inf ----> 542.41".
        # ("is" stands for the words before it, "Epoch is: 1"; "OR", overall recall, is a name)
        found = [pair for pair in found if pair.name not in _NAMELESS]
    if not found:
        _NO_PAIRS.add(text)
    else:
        if text[:1] in " \taA":
            found = _with_step_after(text, found)
        if found[0].start > 2:
            found = _with_glued_step(text, found)
        if "(" in text:
            found = _with_split_suffixes(text, found)
    return found


# A replacement field of a format string, where a run logs its own source (modded-nanogpt's and
# parameter-golf's logs open with the script): "val_loss:{val_loss:.4f}" holds no value ".4".
_FIELD_BEFORE = re.compile(r"\{[\w.\[\]'\"]{1,60}+:[ ]*+\Z")
_SPEC_AFTER = re.compile(r"[a-zA-Z%]?+\}")


def _format_field(text: str, pair: Pair) -> bool:
    """Is the pair's value the format spec of a replacement field ("{loss:.4f}")?"""
    return (
        _SPEC_AFTER.match(text, pair.end) is not None
        and _FIELD_BEFORE.search(text, max(0, pair.start - 64), pair.start) is not None
    )


# A split's word in brackets right after a value says which pass the value is of: the PyTorch
# torchtext tutorial's "Loss: 0.0261(train)  |  Acc: 84.7%(train)", then "(valid)", "(test)".
_SPLIT_SUFFIX = re.compile(r"[ ]?+\((?P<split>(?i:train|training|val|valid|validation|eval|test|dev))\)")


def _with_split_suffixes(text: str, found: list[Pair]) -> list[Pair]:
    """``found`` with each value's bracketed split word joined to its name ("Loss(valid)"), so the
    passes' values are series of their own (a step word keeps its name)."""
    tagged = []
    for pair in found:
        suffix = _SPLIT_SUFFIX.match(text, pair.stop)
        if suffix is not None and not is_step_word(pair.name):
            pair = pair._replace(name=f"{pair.name}({suffix.group('split')})")
        tagged.append(pair)
    return tagged


# Two names and their two values set against each other: "average loss generator vs. discrim.:
# 2.854357 vs. 0.416896" (a GAN notebook's print per epoch): the first value is the first name's.
_VERSUS = re.compile(
    rf"(?P<a>[^\W\d][\w.-]{{0,30}}+(?:[ ][^\W\d][\w.-]{{0,30}}+){{0,3}}?)[ ]++vs\.?+[ ]++"
    rf"(?P<b>[^\W\d][\w-]{{0,30}}+)\.?+[ \t]*+:[ \t]*+(?P<x>{VALUE})[ ]++vs\.?+[ ]++(?P<y>{VALUE})"
)


# The step word before them, its count bracketed or not, spaced or not: "Epoch [1 / 20]", "epoch 3".
_STEP_BEFORE = re.compile(
    r"(?<![\w./@-])(?P<word>(?i:epoch|step|iteration|iter))[ \t]*+[\[(]?+[ \t]*+(?P<step>\d++)"
    r"(?:[ \t]*+/[ \t]*+\d++)?+[ \t]*+[\])]?+"
)


def versus_pairs(text: str) -> list[Pair]:
    """The two pairs of "a vs. b: x vs. y" (see ``_VERSUS``), after the step the line opens with,
    if any; or none."""
    match = _VERSUS.search(text)
    if match is None:
        return []
    x, y = to_float(match.group("x")), to_float(match.group("y"))
    if x is None or y is None:
        return []
    found = [
        Pair(match.group("a"), x, *match.span("x"), match.start("a"), match.end("x")),
        Pair(match.group("b"), y, *match.span("y"), match.start("b"), match.end("y")),
    ]
    step = _STEP_BEFORE.search(text, 0, match.start("a"))
    if step is not None:
        start, end = step.span("step")
        found.insert(0, Pair(step.group("word"), float(step.group("step")), start, end, step.start(), step.end()))
    return found


# Names glued to their values, nothing between them: "Epoch0/5 loss9.2023 perplexity9920.61" (a
# loop that prints "loss" + str(loss)). Read only when every token of the line is such a pair, a
# step word's count (maybe out of its total) or a metric's decimal number, and a loss is among them.
_GLUED_NAME, _GLUED_VALUE = r"[A-Za-z][A-Za-z_]*?", r"\d++(?:\.\d++)?+(?:[eE][-+]?+\d++)?+"
_GLUED = rf"{_GLUED_NAME}{_GLUED_VALUE}(?:/\d++)?+"  # (a step word's count may be out of its total)
_GLUED_TOKEN = re.compile(rf"(?P<name>{_GLUED_NAME})(?P<value>{_GLUED_VALUE})(?:/\d++)?+")
_GLUED_LINE = re.compile(rf"[ \t]*+{_GLUED}(?:[ \t]++{_GLUED})++[ \t]*+")


def glued_pairs(text: str) -> list[Pair]:
    """The pairs of a line of names glued to their values (see ``_GLUED``), or none."""
    if _GLUED_LINE.fullmatch(text) is None:
        return []
    found: list[Pair] = []
    for match in _GLUED_TOKEN.finditer(text):
        name, value = match.group("name"), match.group("value")
        measured = any(mark in value for mark in ".eE")  # (a count is written without either)
        if is_step_word(name):
            if measured:
                return []
        elif kind_of(name) not in ("loss", "metric", "lr") or not measured:
            return []
        found.append(Pair(name, float(value), *match.span("value"), match.start(), match.end()))
    return found if any(kind_of(pair.name) == "loss" for pair in found) else []


def _message_pairs(text: str) -> list[Pair]:
    if " vs" in text and (versus := versus_pairs(text)):
        return versus
    repeats: list[Pair] = []
    if "#" in text[:3] and _COMMENT.match(text) is not None and _KNITR_RECORD.match(text) is None:
        found = find_pairs(text, repeats=repeats)
        if not _stepped_losses(text, found):
            return []
    else:
        found = find_pairs(text, repeats=repeats)
    if repeats and len(found) <= MAX_LIST_PAIRS and (cut := _item_list_start(text, found, repeats)) is not None:
        found = [pair for pair in found if pair.at < cut]
        text = text[:cut]  # (what stands after is the list: no loose pair is read in it either)
    elif repeats and len(found) <= MAX_LIST_PAIRS:
        found = _with_held_out_repeats(text, found, repeats)
    if not found and "[" in text and (bracketed := bracket_pairs(text)):
        return bracketed
    if not found and (glued := glued_pairs(text)):
        return glued
    if "---" in text:
        found = _with_pairs_after_rules(found, find_pairs(text, _PAIR_AFTER_RULE))
    if " is " in text or " was " in text or " = " in text or " is:" in text:
        found = _with_is_pairs(found, is_pairs(text))
    if any(step_unit(pair.name) is not None for pair in found):
        found = _with_summary_pairs(found, for_the_step_pairs(text))
    if (
        any(word in text for word in _AT_STEP_WORDS) or any(end in text for end in _BRACKETED_STEP_ENDS)
    ) and (at_step := at_step_pairs(text)):
        return _with_at_step_pairs(found, at_step)
    if "{" in text and (braced := brace_pairs(text)):
        found = _with_pairs_after_rules(found, braced)
    if "{" in text and (opened := _DICT_OPEN.search(text)) is not None and _DIGIT.search(text, 0, opened.start()):
        found = _with_pairs_after_rules(found, find_pairs(text[opened.start() :], QUOTED_PAIR, opened.start()))
    if ("': " in text or '": ' in text) and found:
        found = _with_dict_items(text, found)
    if found and text[:1] in "0123456789[":
        lead = _TAB_STEP.match(text)
        if lead is not None and not any(is_step_word(pair.name) for pair in found):
            found.insert(0, Pair("step", float(lead.group(1)), lead.start(1), lead.end(1), lead.start(1), lead.end(1)))
    if not found and not freeform.may_hold_pairs(text):
        return found
    loose = freeform.read(text, 0, tuple((pair.at, pair.stop) for pair in found))
    if not freeform.confident(loose):
        return found
    names = {pair.name for pair in found}
    rest = [Pair(name, value, start, end, at, end) for name, value, start, end, at in loose.pairs if name not in names]
    if loose.lead is not None and not found and not any(is_step_word(name) for name, *_ in loose.pairs):
        value, start, end = loose.lead
        rest.append(Pair("step", value, start, end, start, end))
    if not rest:
        return found
    combined, seen, again = [], set(), []
    for pair in sorted(found + rest, key=lambda pair: pair.start):
        (again if pair.name in seen else combined).append(pair)
        seen.add(pair.name)
    # a name read twice as "name value" ("[train] loss 0.52 [test] loss 0.61"): the first is the
    # name's value, a later one after a held-out word is that pass's (it overwrote the first)
    return _with_held_out_repeats(text, combined, again) if again else combined


# "g[18.519,19.388]", "d1[0.693]": a name and its values in brackets, as the Keras GAN tutorials
# print their losses (">1, dA[1.526,0.768] dB[0.943,0.858] g[18.519,19.388]" (CycleGAN),
# ">1, d1[0.693] d2[0.690] g[66.235]" (pix2pix)); the line may start with its step (">1,").
_BRACKET_PAIR = re.compile(rf"(?<![\w./@-])(?P<name>[^\W\d][\w-]*+)\[(?P<values>{VALUE}(?:,[ ]?+{VALUE}){{0,7}}+)\]")
_BRACKET_VALUE = re.compile(VALUE)
_BRACKET_LEAD = re.compile(r"[ \t]*+>?+(\d++)[ \t]*+,")
_BRACKET_GLUE = re.compile(r"[\s,]*+")


def bracket_pairs(text: str) -> list[Pair]:
    """The ``name[v1,v2]`` pairs of a line that holds nothing else but its step: the first value
    keeps the name, the next ones are named by their index (``g``, ``g[1]``). Any other text on
    the line makes it no such line (a list in a sentence, ``torch.Size([16, 3])``)."""
    found: list[Pair] = []
    position = 0
    lead = _BRACKET_LEAD.match(text)
    if lead is not None:
        found.append(Pair("step", float(lead.group(1)), lead.start(1), lead.end(1), lead.start(1), lead.end(1)))
        position = lead.end()
    named = False
    for match in _BRACKET_PAIR.finditer(text, position):
        if not _BRACKET_GLUE.fullmatch(text, position, match.start()):
            return []
        name = match.group("name")
        for index, value in enumerate(_BRACKET_VALUE.finditer(text, match.start("values"), match.end("values"))):
            number = to_float(value.group())
            if number is None:
                return []
            found.append(Pair(name if index == 0 else f"{name}[{index}]", number, value.start(), value.end(), match.start(), match.end()))
        named = True
        position = match.end()
    if not named or not _BRACKET_GLUE.fullmatch(text, position):
        return []
    return found


def _with_dict_items(text: str, found: list[Pair]) -> list[Pair]:
    """``found`` and a dict's items printed without its braces after the line's step, its keys and
    values quoted (PaddleDetection 0.x: "iter: 200, lr: 0.000070, 'loss_cls_0': '0.206687', ...,
    'loss': '0.804258', time: 2.328, eta: 7 days, 6:28:13"). Two items at least: one quoted key
    alone on a line is a config's body ('  "attn_pdrop": 0.1,')."""
    step = next((pair for pair in found if is_step_word(pair.name)), None)
    if step is None:
        return found
    items = find_pairs(text[step.stop :], QUOTED_PAIR, step.stop)
    return _with_pairs_after_rules(found, items) if len(items) >= 2 else found


def _with_pairs_after_rules(found: list[Pair], more: list[Pair]) -> list[Pair]:
    if not more:
        return found
    names = {pair.name for pair in found}
    return sorted(found + [pair for pair in more if pair.name not in names], key=lambda pair: pair.start)


def _with_summary_pairs(found: list[Pair], more: list[Pair]) -> list[Pair]:
    """``found`` with each step word that took a summarised metric's value ("epoch" of "Evaluation
    Loss of the epoch:0.03") replaced by that metric's pair."""
    by_start = {pair.start: pair for pair in more}
    return [
        by_start[pair.start] if pair.start in by_start and step_unit(pair.name) is not None else pair
        for pair in found
    ]


def _with_is_pairs(found: list[Pair], more: list[Pair]) -> list[Pair]:
    """``found`` and the ``name is value`` pairs ``more``: a longer name for the same number
    ("avg loss so far = 0.1", where ``name = value`` read "far"; "loss is: 0.1", where ``name:
    value`` read "is") takes its place."""
    if not more:
        return found
    by_start = {pair.start: pair for pair in found}
    names = {pair.name for pair in found}
    for pair in more:
        same = by_start.get(pair.start)
        if same is not None:
            # (or the verb itself named it: "batch loss is :1.7668" read "is")
            if pair.name != same.name and (pair.name.endswith(same.name) or same.name in ("is", "was")):
                by_start[pair.start] = pair
        elif pair.name not in names:
            by_start[pair.start] = pair
            names.add(pair.name)
    return sorted(by_start.values(), key=lambda pair: pair.start)


def pairs(text: str, pattern: re.Pattern = PAIR) -> dict[str, float]:
    """name → value for every pair in ``text`` (the first value wins when a name repeats)."""
    return {pair.name: pair.value for pair in find_pairs(text, pattern)}
