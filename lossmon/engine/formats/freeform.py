"""``name value`` pairs in free-form text, read token by token with a confidence that rejects prose.

Scripts print metrics without ``:`` or ``=`` in many ways: ``step 47700 | loss 1.4684 | lr
1.79e-04``, ``| epoch 1 | 200/ 2983 batches | loss 5.12 | ppl 160``, ``[train] iter 10: loss
8.7390 11136 ms/iter``, ``batch 1 of epoch 1, loss 9.44``, ``epoch 1  loss 0.59  val AUROC 0.91
(263s)``. The text is cut into tokens (blanks, ``|``, ``,``, ``;`` and brackets separate them)
and each token is a number, a word, or something else:

- a word followed by a number is a pair (``loss 8.7390``); two words make one name when the
  second is a metric noun (``valid loss``) or the first a split (``val AUROC``);
- a number nobody names is data without a name (``11136``, ``(263s)``, ``200/ 2983``), and a
  word right after it is its unit (``ms/iter``, ``tok/s``, ``batches``), unless a number follows;
- ``N/ M``, ``N/M`` and ``N of M`` are one value N (progress);
- a bracketed word is a tag (``[train]``, ``[eval]``);
- any other word is prose, and so is a function word before a number (``in 12 s``).

The text is read in segments (cut at ``|``, ``,``, ``;``, a ``:`` and ``name: value`` pairs), and
a segment counts as data only when prose is a small part of it: at most one prose word, or one
per two pairs. A segment where prose outnumbers data is skipped to its end in one search. Every
token is visited at most once, so a line costs time linear in its length.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lossmon.engine.naming import NAME_SIGN, kind_of
from lossmon.engine.numbers import VALUE, to_float

_TOKEN = re.compile(r"[^\s|,;\[\]()]++")
# A number token: the value, then nothing, a unit (``ms``, ``%``, ``k``, ``ms/iter``), or a
# fraction (``1/``, ``50/436``).
_NUMBER = re.compile(rf"(?P<v>{VALUE})(?:(?P<unit>[A-Za-zµ%]++(?:/[A-Za-z]++)?+)|(?P<slash>/)(?P<den>\d++)?+)?+")
_WORD = re.compile(rf"{NAME_SIGN}[^\W\d](?:[./@-]*+[\w]++)*+")  # ("-ELBO/sample": a negative ELBO)
_NOUN = re.compile(
    r"(?i:loss|cost|norm|rate|lr|acc|accuracy|scale|ppl|perplexity|error|score|reward|mfu|auroc|auc|f1|wer|cer|bleu|energy"
    r"|pierdere|p[ée]rdida|perda|perte|perdita|verlust|verlies|потер[иья]|损失|損失|손실)"
)
_SPLIT = re.compile(r"(?i:train|training|val|valid|validation|eval|test|dev)")
_SYMBOLS = re.compile(r"[^\w]*+")
# A tag of a few words in brackets, every one a word ("[mobilenet_v3_large refit]", "[stage two]"):
# neither data nor prose, as one bracketed word is. A number inside ("[Epoch 1/10]") makes it none,
# and so does a function word ("[the best model]": a sentence in brackets).
_WORDS_TAG = re.compile(r"(?:[^\W\d][\w.-]*+[ \t]++){1,3}+[^\W\d][\w.-]*+\]")
# A run of rule or arrow characters glued before a name: three or more, or ending in an arrow; at
# most a wide terminal line of them. ("#####val_loss 0.52" too: a banner of three "#" or more
# decorates; one or two start a comment, which pairs.message_pairs never reads.)
_DECORATION_CHARS = frozenset("*=-~>#")
_DECORATION = re.compile(r"(?:[*=~>#-]{3,200}+|[=-]{1,200}+>)(?=[^\W\d])")
_TRAILING_RULE = re.compile(r"(?<=\d)[*=~#-]{3,200}+\Z")
_SEGMENT_END = re.compile(r"[|,;]|:(?![^\s|,;\[\]()])")
# Words that start prose, never a two-word name ("with lr 0.001", "the loss 0.5").
_FUNCTION_WORDS = frozenset(
    "a an the and or of for to in at on by from with as is was are were be been new best our its this that".split()
)
# Abbreviations that qualify the metric after them, kept in its name as printed: "avg. loss 234.87",
# "avg. ppl 2374642.56", "dev. ppl 2391906.97" (the cs224n NMT assignment's log and its forks).
ABBREVIATIONS = frozenset("avg ave cum dev val tst trn std tot est approx cur curr prev mov".split())
# A step word names its own number: "Training epoch 5" is epoch 5, not a series "Training epoch".
_STEP_WORDS = frozenset("step steps iter iteration epoch batch update it".split())
# The type a scalar's repr opens with (numbers.SCALAR_REPR): "loss tensor(0.52, device='cuda:0',
# grad_fn=<NllLossBackward0>)" is print("loss", loss) of a torch scalar, the value of "loss".
_REPR_WORD = re.compile(r"tensor|tf\.Tensor|Array|array|(?:np|numpy)\.(?:float|int)(?:16|32|64)?+")


class Loose(NamedTuple):
    """What a text held: its pairs as (name, value, start, end, at), the prose words, and a
    bare integer it started with (the step of ``5 train 10.93``), as (value, start, end)."""

    pairs: list[tuple[str, float, int, int, int]]
    prose: int
    lead: tuple[float, int, int] | None


def _number(core: str) -> tuple[float, int, bool] | None:
    """(value, length of its digits, is an open fraction ``N/``) of a number token, or None."""
    match = _NUMBER.fullmatch(core)
    if match is None:
        return None
    digits = match.group("v")
    unit = match.group("unit")
    if digits[-1:].isalpha() and unit:  # "inference", "nano": words, not nan/inf with a unit
        return None
    value = to_float(digits)
    if value is None:
        return None
    return value, len(digits), match.group("slash") is not None and match.group("den") is None


def _metric_word(word: str) -> bool:
    """True for a word that names a metric by itself ("loss_train", "val_acc", "lr")."""
    return word[-1] != "." and kind_of(word) != "other"


def _field_name(word: str) -> bool:
    """True for a word that may name the comma-separated field after it: a metric ("loss_train",
    "Loss") or a step word ("Step", "epoch")."""
    return _metric_word(word) or word.lower() in _STEP_WORDS


def _two_words(first: str, second: str) -> bool:
    """True when ``first second`` is one name: a metric noun after a qualifier ("valid loss",
    "train_mean loss", "Base Lr"), a metric after its split ("val AUROC"), or its split after a
    metric ("CrossEntropyLoss train", "CrossEntropyLoss validation": a notebook's loop printing
    the criterion's class name, then the pass)."""
    if first.lower() in _FUNCTION_WORDS or second.lower() in _STEP_WORDS:
        return False
    if first[-1] == ".":  # an abbreviation qualifies whatever it stands before ("cum. examples")
        return True
    if _SPLIT.fullmatch(second) is not None and _metric_word(first):
        return True
    return _NOUN.fullmatch(second.rpartition("_")[2]) is not None or _SPLIT.fullmatch(first) is not None


def read(text: str, offset: int = 0, cuts: tuple[tuple[int, int], ...] = ()) -> Loose:
    """The loose pairs of ``text`` (spans shifted by ``offset``). ``cuts`` are spans already read
    as ``name: value`` pairs: they count as pairs, and separate the tokens around them."""
    pairs: list[tuple[str, float, int, int, int]] = []  # of the segments that are data
    segment: list[tuple[str, float, int, int, int]] = []  # of the segment being read
    prose = 0  # prose words of the segment being read
    prose_total = 0
    lead = None
    lead_here = None
    words: list[tuple[str, int]] = []  # words waiting for a number: (word, start)
    unit_first = False  # words[0] came right after a number no word named: maybe its unit
    after_value = False  # the last token was a value (named or not)
    after_free_number = False  # ... a number no word named
    open_fraction = False  # "1/" or "1 of": the next number is its denominator
    previous_end = 0
    cut_index = 0
    first = True
    after_tag = False  # the last token was a word in brackets glued to the one before it
    tag_end = -1  # the end of the bracketed words of a tag (see _WORDS_TAG)
    lone = None  # (word, start) when the segment just closed was that one word alone
    field_end = -1  # where the value of the last "name, value" field pair ended
    wrapped = False  # the last token opened a scalar's repr after a name ("loss tensor(")

    def flush() -> int:
        nonlocal words, unit_first
        lost = len(words) - (1 if unit_first and words else 0)
        words, unit_first = [], False
        return lost

    def close() -> None:
        """End of a segment (at ``|``, ``,``, ``;``, a ``:`` or a ``name: value`` pair): its
        pairs count when it is data."""
        nonlocal segment, prose, prose_total, lead, lead_here, lone
        lone = words[0] if len(words) == 1 and not segment and not prose and not unit_first else None
        prose += flush()
        if segment and prose <= max(1, len(segment) // 2):
            pairs.extend(segment)
            if lead_here is not None:
                lead = lead_here
        prose_total += prose
        segment, prose, lead_here = [], 0, None

    position = 0
    while True:
        match = _TOKEN.search(text, position)
        if match is None:
            break
        start, end = match.span()
        position = end
        inside = False
        while cut_index < len(cuts) and cuts[cut_index][0] <= start:
            if cuts[cut_index][1] > start:  # the token is part of a "name: value" pair
                inside = True
                break
            close()  # a "name: value" pair stands between
            after_value, after_free_number, open_fraction = True, False, False
            previous_end = cuts[cut_index][1]
            cut_index += 1
            first = False
        if inside:
            continue
        lost = prose + len(words) - 2  # the last two words may still name a number
        if lost >= 3 and lost > len(segment):
            # Prose outnumbers data here: skip to where the segment ends, in one search.
            skip = _SEGMENT_END.search(text, start)
            stop = skip.end() if skip is not None else len(text)
            if cut_index < len(cuts):
                stop = min(stop, cuts[cut_index][0])
            words = []
            close()
            after_value = after_free_number = open_fraction = False
            previous_end = position = stop
            first = False
            continue
        token = match.group()
        gap = text[previous_end:start]
        previous_end = end
        boundary = "|" in gap or "," in gap or ";" in gap
        if boundary:
            close()
        # "[train]", and a word in brackets glued to the one before it ("Epoch(val) [4][40]")
        glued_tag = gap == "(" and text[end : end + 1] == ")" and start >= 2 and text[start - 2].isalnum()
        tagged = (gap.endswith("[") and text[end : end + 1] == "]") or glued_tag or start < tag_end
        if (
            not tagged and gap.endswith("[") and (words_tag := _WORDS_TAG.match(text, start)) is not None
            and _FUNCTION_WORDS.isdisjoint(words_tag.group().lower().split())
        ):
            tagged, tag_end = True, words_tag.end()  # "[mobilenet_v3_large refit]": a tag of a few words
        closed_tag, after_tag = after_tag, glued_tag
        colon = token.endswith(":")
        core = token[:-1] if colon else token
        if len(core) > 2 and core[0] in "'\"" and core[-1] == core[0] and (core[1:2].isdigit() or core[1:2] in "+-."):
            # a number printed as a string, in a list ("metric ['2.3894']", str() of a list of
            # formatted values): its value, no tag and no prose
            core, tagged = core[1:-1], False
        if core[-2:-1].isdigit() and core.endswith(".") and core.count(".") == 2 and text[end : end + 1] in ("", " ", "\t"):
            core = core[:-1]  # a sentence-final period after a number: "val mse 0.0242."
        if core[-1:] in _DECORATION_CHARS and core[:1].isdigit() and (rule := _TRAILING_RULE.search(core)) is not None:
            core = core[: rule.start()]  # "=====validate epoch 1=====": the rule closing a banner
        number = _number(core) if core[:1].isdigit() or core[:1] in "+-.nNiI" else None
        if number is None and core[:1] in _DECORATION_CHARS and (run := _DECORATION.match(core)) is not None:
            # "**************val_loss 5.19", "====>loss 0.5": a rule or an arrow glued to the name
            # decorates it; a short "--lr" (a command-line flag) is no such run
            start += run.end()
            core = core[run.end() :]
        in_repr, wrapped = wrapped and gap in ("(", "(["), False
        if number is not None:
            value, digits, opens = number
            if open_fraction and not boundary and not words:  # the M of "N/ M" or "N of M"
                open_fraction = False
            elif (
                words and not boundary and ("(" not in gap or in_repr) and (")" not in gap or closed_tag)
                and words[-1][0].lower() not in _FUNCTION_WORDS
                and words[-1][0][-1] != "."  # ("avg. 2.3": an abbreviation qualifies a name, names nothing)
                and not (gap.endswith("[") and text[end : end + 1] != "]")
            ):
                # ("torch.Size([16" is a call, "in 12" prose, "Conv  [3, 16, 3, 2]" a list, "size (MB) 4"
                # a bracket closed before its number: no pair; "lr [0.0]" is a value, and so is the 4 of
                # "Epoch(val) [4]": the tag glued to "Epoch" is passed over)
                name, at = words[-1]
                if len(words) >= 2 and _two_words(words[-2][0], name):
                    name, at = f"{words[-2][0]} {name}", words[-2][1]
                    words = words[:-2]
                else:
                    words = words[:-1]
                prose += flush()
                segment.append((name, value, start + offset, start + digits + offset, at + offset))
                after_free_number = False
                open_fraction = opens
            elif boundary and lone is not None and gap.strip() == "," and (
                _field_name(lone[0]) or (field_end >= 0 and text[field_end : lone[1]].strip() == ",")
            ):
                # "step 10, loss_train, 0.838", "Step, 0, Loss, 0.1238, PSNR, 9.07, StepTime, 79.56,":
                # a metric's or a step's name, then its value, as print(name, value, sep=", ")
                # writes them; once a line has such a pair, the name field right after its value
                # continues the run ("PSNR"). The name was counted as prose when its segment closed.
                name, at = lone
                prose_total -= 1
                field_end = start + digits
                segment.append((name, value, start + offset, start + digits + offset, at + offset))
                after_free_number = False
                open_fraction = opens
            else:
                prose += flush()
                if first and float(value).is_integer() and digits == len(core) and not tagged:
                    lead_here = (value, start + offset, end + offset)
                after_free_number = True
                open_fraction = opens
            after_value = True
        elif _WORD.fullmatch(core) or (core[-1:] == "." and core[:-1].lower() in ABBREVIATIONS):
            if boundary:
                prose += flush()
                after_free_number = after_value = False
            if tagged:
                pass  # [train], [eval]: a tag, neither data nor prose
            elif words and text[end : end + 1] == "(" and _REPR_WORD.fullmatch(core):
                wrapped = True  # the number it wraps is the value of the name before it
            elif core.lower() == "of" and after_value and not words:
                open_fraction = True  # "1 of 30"
            else:
                if not words and after_free_number:
                    unit_first = True
                words.append((core, start))
                after_free_number = after_value = False
        else:
            prose += flush()
            if not _SYMBOLS.fullmatch(token):
                prose += 1
            after_value = after_free_number = open_fraction = False
        if colon:  # "iter 10:" ends what came before it
            close()
            after_free_number = False
        first = False
    close()
    return Loose(pairs, prose_total, lead)


_SEGMENTS = re.compile(r"[|,;]|:(?![^\s|,;\[\]()])")
_NUMBER_STARTS = re.compile(r"(?:^|[\s\[(])(?:[-+]?\.?\d|(?i:nan|inf)(?![a-z]))")
_WORD_STARTS = re.compile(r"(?:^|[\s\[(])[^\W\d]")
# A word, blanks or a bracket, then a number: where every free-form pair starts.
_ADJACENT = re.compile(r"(?:[^\W\d]|\])[ \t\[(]++(?:[-+]?\.?\d|(?i:nan|inf))")
# A word alone in its comma-separated field, then a number in the next: "Step, 0, Loss, 0.12,"
# (tried only where a field starts: the line's start and each separator).
_NAME_FIELD = re.compile(r"(?:^|(?<=[,|;]))[ \t]*+([^\W\d][\w./@-]*+)[ \t]*+,[ \t]*+(?:[-+]?\.?\d|(?i:nan|inf))")


def may_hold_pairs(text: str) -> bool:
    """False when no segment of the text can be data, found with a few C-level scans: a pair
    starts where a word meets a number, each pair takes a number and at most two words, and a
    segment keeps at most one prose word per two pairs (or one), so a segment of ``n`` numbers
    with more than ``2n + max(1, n // 2)`` words is prose. Most prose lines (warnings, notes) are
    dismissed here without a token-by-token read. (Segments are cut at every ``:`` here, which
    only makes them smaller: a segment that might be data is never missed.)"""
    if "," in text:
        for match in _NAME_FIELD.finditer(text):
            if _field_name(match.group(1)):
                return True
    checked = 0
    for match in _ADJACENT.finditer(text):
        at = match.start()
        if at < checked:
            continue
        lo = max(text.rfind("|", 0, at), text.rfind(",", 0, at), text.rfind(";", 0, at), text.rfind(":", 0, at)) + 1
        ends = [i for i in (text.find("|", at), text.find(",", at), text.find(";", at), text.find(":", at)) if i >= 0]
        hi = min(ends) if ends else len(text)
        segment = text[lo:hi]
        numbers = len(_NUMBER_STARTS.findall(segment))
        if numbers and len(_WORD_STARTS.findall(segment)) <= 2 * numbers + max(1, numbers // 2):
            return True
        checked = hi
    return False


def confident(found: Loose) -> bool:
    """True when some segment of the text was data."""
    return bool(found.pairs)
