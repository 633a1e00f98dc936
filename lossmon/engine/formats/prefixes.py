"""What stands before the message of a log line: a rank prefix added by the launcher, and the
timestamp, level and logger name of a Python logging format (see the field guide's table).
Both are removed before a line is matched, so that dates and times never become metrics."""

from __future__ import annotations

import re

# Launcher prefixes, at the very start of a line: torchrun --tee ([default0]:), recent torch
# ([rank0]:), SLURM srun -l ("1: ", only taken when a known format follows it).
_RANK = re.compile(r"^\[(?:rank|default)(\d+)\]:")
SRUN_RANK = re.compile(r"^ ?(\d{1,5}): ")

_PREFIX = re.compile(
    r"(?:"
    # a 12-hour clock as the logging HOWTO's datefmt writes it: 06/16/2019 06:08:20 PM
    r"[\[(]?\d{2,4}[-/]\d{2}[-/]\d{2,4}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?: [AP]M(?!\w))?(?:Z|[+-]\d{2}:?\d{2})?\]?:?"
    # "(%(asctime)s %(levelname)s) - ": a time and a level in parentheses
    r"|(?<=\s)(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\)"
    r"|\[\d{2}\.\d{2}\.\d{2,4}\|\d{2}:\d{2}:\d{2}\]"  # st-gcn / mmskeleton IO: [03.24.23|09:56:31]
    r"|\[?\d{8}[ T]\d{2}:\d{2}:\d{2}\]?"  # Primus 20251202 06:56:28
    # time.ctime() / asctime(), as print(time.ctime(), ...) writes it: Wed May  1 10:00:01 2024
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4}"
    r"|\[(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)(?=[ \t]++\d)"  # a level, then the time: [INFO 2024-05-01 ...]
    r"|\[?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?: [AP]M(?!\w))?\]?"  # (a 12-hour clock: %I:%M:%S %p)
    r"|[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+ +\d+ [^\]]*+\]"  # glog / absl
    r"|\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?: [AP]M(?!\w))?"  # mmengine console: 07/03 13:04:17; DARTS: 05/31 03:17:18 PM
    # hydra: [name][INFO] - message; fairseq's logger names carry the split and stay, as below
    r"|\[(?!(?:train_inner|train|valid\w*)\])[\w.<>-]++\]\[(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\]"
    r"|\[(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\|[^\]]*+\]"  # HF explicit, LLaMA-Factory
    r"|\[ *(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL) *\]"  # timm file handler: [    INFO]
    r"|(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|NOTICE)\b:?"
    # a source location in brackets: DeepSpeed [logging.py:128:log_dist], ezpz's path and
    # function [examples/vit:445:train_fn], a module's top level [train.py:12:<module>]
    r"|\[[\w./<>-]++:\d++(?::[\w.<>]++)?\]"
    r"|\[[DIWEFC]\]"  # a one-letter level in brackets (ezpz: [2025-12-31 12:15:32,154227][I][...])
    r"|[IWEF] [\w./-]+\.(?:py|cc|cpp|h):\d+\]"  # TF C++: I tensorflow/...cc:369]
    # logging's "%(filename)s[line:%(lineno)d]" (train.py[line:123]); the lookbehind, not a
    # backtrack, checks the name ends in .py. Only from the start of a name: from inside a run of
    # dashes, which the loop takes one at a time, each would rescan the run (quadratic on "-----").
    r"|(?<![\w./-])[\w./-]++(?<=\.py)\[(?:line:)?+\d++\]"
    r"|\[Rank \d+\]"  # DeepSpeed log_dist, Megatron memory reports
    r"|\[rank-?\d+(?:/\d+)?\]"  # Primus [rank-7/8]
    r"|\[titan\]"
    # tab-separated logging fields: host:rank, module:line (OLMo); never from inside a run of name
    # characters, which would rescan the run from each of its characters (quadratic on "-----...")
    r"|(?<![\w.-])[\w.-]++:\d++(?=\t)"
    r"|>>"
    # progress dots a loop prints without a line end, one per batch, before the epoch's line
    # ("..epoch:  1     generator loss:  5.2419e+06"): never a number's point (".5")
    r"|(?<![^\s])\.++(?=[^\W\d])"
    # separators; a lone "-" is a number's sign when a digit, ".", "inf" or "nan" follows it: a log
    # of bare negative values ("-1.5" per line, a loss.txt of ELBOs) keeps them negative, while a
    # run of dashes ("-----0------", an epoch's rule) is all separator
    r"|-(?![\d.]|(?i:inf|nan))|(?<=-)-|[|:]"
    r"|\s++"
    r")++"  # possessive: nothing follows, so it never needs to give back
)
_LEVEL = r"(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\b"
_PASS_WORD = r"(?i:train\w*|valid\w*|val\w*|eval\w*|test\w*|epoch\w*|iter\w*|step\w*)"
# a source location between pipes (loguru-style "{time} | {level} | {function}:{line} | "; "%(filename)s:
# %(funcName)s:%(lineno)d | " after a logger's name and level), never a counter ("step:100 | loss 2.3")
_PIPED_LOCATION = r"(?!(?i:steps?|iter\w*|epochs?|batch\w*|it|global_step|update\w*):)(?:[\w.<>]++:)++\d++ +\| "
# A logger name after the timestamp/level: "__main__ - ", "__main__:" (basicConfig),
# "llamafactory.data.loader:157 >> ", "train: " (timm's file handler pads it).
_LOGGER = re.compile(
    # a name before " - " or ": [" is a logger's, unless it is a pass or a counter that the message
    # starts with ("Validation - loss=4.08", "Test: [0/242]", "Epoch: [1][10/56]"), which a
    # logging prefix leaves at the message's start; a level after it makes it a logger again
    rf"(?:[\w.]+:\d+ >> |(?!{_PASS_WORD} - (?!{_LEVEL}))[\w.<>]+ - |\s*+(?!{_PASS_WORD}: (?!\[ *+{_LEVEL}))[\w.]+: (?=\[)"
    rf"|{_PIPED_LOCATION}"
    # loguru's default "{name}:{function}:{line} - " (__main__:train:42 - ): two fields and a line
    r"|(?:[\w.<>]++:){2}+\d++ - "
    # fairseq's logger names and dora/flashy's tags ("Valid | Epoch 1 | ...") carry the split
    r"|(?!(?i:train\w*|valid\w*|val|eval\w*|test\w*) \|)[\w.<>]+ \| )"
)
MAX_LOGGER_FIELDS = 3  # logger name, function, module: no format writes more before its message
# "<module> - " after "__main__ - "; "train.py:<module>:213 | " after "root | INFO | "
_MORE_FIELDS = re.compile(rf"(?!{_PASS_WORD} - (?!{_LEVEL}))[\w.<>]++ - |{_PIPED_LOCATION}")
_BASIC_CONFIG_LOGGER = re.compile(r"[\w.<>]+:(?=\S)")  # INFO:__main__:message
# Fields that follow a timestamp in richer logging formats, never at a message's start:
# tab-separated "host:rank" and "module:lineno" (OLMo: "host-name-03:0\tolmo.train:979\tINFO\t"),
# and a dotted logger name before its level ("reid_baseline.train INFO: ").
_AFTER_TIMESTAMP = re.compile(
    r"(?:[\w.-]++:\d++\t|[\w.<>]++ ++(?=(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\b))++"
)


def split_rank(line: str) -> tuple[str | None, int]:
    """(rank, length of the launcher prefix) of a line; (None, 0) without one."""
    if not line.startswith("["):
        return None, 0
    match = _RANK.match(line)
    if match is None:
        return None, 0
    return match.group(1), match.end()


# knitr (R Markdown) prints each line of a chunk's output behind "## " in a rendered page: indented
# four blanks in a github_document ("    ##      1       64.9933            -nan     0.0010 ...",
# gbm's verbose table), at the line's start between ``` fences in other markdown ("## [1]\t
# train-rmse:7.83\ttest-rmse:7.77 ", XGBoost's; "## Epoch 1/10", Keras for R). The mark hides
# the line's shape from every format: it goes as a launcher's label does. At a line's start "## "
# is as often a comment ("## lr: 0.001", a setting commented out) or a heading: there it is
# knitr's only before a line of two numbers or more (see knitr_output_length).
_KNITR_INDENTED = re.compile(r"    ## (?=[ \t]*+\S)")
_KNITR_BARE = re.compile(r"## (?=[ \t]*+\S)")
_NUMBER_START = re.compile(r"(?<![\w.])[-+]?+\.?+\d")


# A console capture commented out line by line (pasted into a .py file: "# Step 1000", "# Loss
# 2.192434", "# Validation Accuracy: 18.51"): behind "# ", a step header alone opens the step's
# output, and the commented lines right after it are that output. A setting commented out ("# lr:
# 0.001") follows no such header and stays a comment.
COMMENTED_STEP_HEADER = re.compile(
    r"# (?i:step|epoch|iter|iteration|global[_ ]step)[ \t]*+[:=]?+[ \t]*+\d++(?:[ \t]*+/[ \t]*+\d++)?+\s*+$"
)
COMMENT_MARK = "# "


def knitr_output_length(line: str) -> tuple[int, bool]:
    """(length of the knitr output mark at a line's start, whether the line is surely output):
    (0, False) without one. The indented mark is surely knitr's; the bare one before a line of
    fewer than two numbers may be a comment or a heading, which the caller decides."""
    if line.startswith("    ## "):
        match = _KNITR_INDENTED.match(line)
        return (0, False) if match is None else (match.end(), True)
    if not line.startswith("## "):
        return 0, False
    match = _KNITR_BARE.match(line)
    if match is None:
        return 0, False
    numbers = _NUMBER_START.finditer(line, match.end())
    return match.end(), next(numbers, None) is not None and next(numbers, None) is not None


# A logger's name and its level with no time before them: "%(name)s - %(levelname)s - %(message)s"
# ("root - INFO - loss: 2.300478  [  128/60000]")
_NAME_THEN_LEVEL = re.compile(rf"[\w.<>]++ - {_LEVEL} - ")


def prefix_length(text: str) -> int:
    """How many characters of ``text`` are logging prefix (timestamp, level, logger name)."""
    match = _PREFIX.match(text) or _NAME_THEN_LEVEL.match(text)
    if match is None:
        return 0
    end = match.end()
    fields = _AFTER_TIMESTAMP.match(text, end) if end and text[end - 1] in " \t" else None
    if fields is not None:
        again = _PREFIX.match(text, fields.end())
        end = again.end() if again is not None else fields.end()
    # A logger name, and the fields a richer format puts beside it: "%(name)s - %(funcName)s -
    # %(levelname)s: " gives "__main__ - <module> - INFO: " (a pulse-reconstruction run's log)
    for field in range(MAX_LOGGER_FIELDS):
        if field:  # only "name - " fields after the logger: never a metric's "loss:" nor a row's "accuracy | "
            logger = _MORE_FIELDS.match(text, end)
        else:
            logger = (_BASIC_CONFIG_LOGGER if text[end - 1] == ":" else _LOGGER).match(text, end)
        if logger is None:
            break
        end = logger.end()
        again = _PREFIX.match(text, end)
        if again is not None:
            end = again.end()
    return end


def strip_prefix(text: str) -> str:
    """The message of a log line, without its timestamp, level and logger name."""
    return text[prefix_length(text) :]
