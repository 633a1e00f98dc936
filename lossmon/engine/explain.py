"""``check --explain``: what lossmon understood of a log and what it skipped, as plain data.

Built from a finished :class:`~lossmon.engine.monitor.Monitor`: the formats with the lines their
records came from, each series with its source lines, the lines by class (see
:mod:`~lossmon.engine.coverage`), and the not-understood lines grouped by shape. For a shape that
recurs, a ``--pattern`` is suggested only when it was tried on that shape's example lines and read
a value from each of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lossmon.engine.coverage import Coverage, Shape
from lossmon.engine.numbers import parse_number

_PAIR = re.compile(
    r"(?<![\w.])(?P<name>[A-Za-z][A-Za-z0-9_./\-]*?)(?P<sep>\s*[:=]\s*|\s+)"
    r"(?P<num>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?![\w.])"
)
_STEP_NAMES = {"step", "steps", "iter", "iters", "iteration", "it", "epoch", "global_step", "update", "updates", "batch"}
_STEP = r"\d+"
_NUMBER = r"[-+.\deE]+"
# Not a metric's name: ids and codes (W0530, 2622492), file names (convert_frame.py), traceback
# words, host names with numbers (node-03).
_NOT_A_NAME = re.compile(r"\d{3}|\.(?:py|cc|cpp|h|c|js|rs|go|java)$|^(?:line|pid|tid|port|rank|W|I|E|F)$|-\d", re.I)
MAX_PATTERN_METRICS = 6
# A pair is taken as a metric when it is written as one (name=value, name: value) or its name says
# so; "on 40960 tokens" and "with 4096" are prose.
_METRIC_WORD = re.compile(
    r"(?i)loss|acc|err|lr|ppl|perplex|bleu|rouge|f1|map|auc|wer|cer|top\d|score|reward|kl|entropy|norm|grad|prec|recall|iou|dice|psnr|ssim|mse|mae|rmse"
)


@dataclass(slots=True)
class SeriesSource:
    name: str
    points: int
    first_line: int
    last_line: int
    example: str  # the text of its first record's line, when that line was at hand


@dataclass(slots=True)
class ShapeReport:
    shape: str
    count: int
    examples: list[tuple[int, str]]
    pattern: str | None  # a --pattern that reads this shape, tried on its examples


@dataclass(slots=True)
class Explanation:
    lines: int
    counts: dict[str, int]
    not_understood_share: float
    cut_lines: int
    formats: list[tuple[str, int, int, int]]  # (format, first line, last line, records)
    line_errors: int = 0  # lines a parser failed on: skipped, and said so
    echoes: int = 0  # values a second statement printed again, counted once (engine/echoes.py)
    dropped_series: int = 0  # distinct names past --max-series, not kept (issue 19: counted here too)
    max_series: int = 0
    notebook: bool = False  # a Jupyter notebook, read as its code cells' output text (lines are that text's)
    series: list[SeriesSource] = field(default_factory=list)
    shapes: list[ShapeReport] = field(default_factory=list)


def explain(monitor) -> Explanation:
    coverage: Coverage = monitor.coverage
    series = []
    for s in monitor.store:
        if not len(s):
            continue
        line, text = coverage.first_text.get(s.name, (int(s.lines[0]), ""))
        series.append(SeriesSource(s.name, len(s), int(s.lines[0]), int(s.lines[-1]), text))
    shapes = [
        ShapeReport(shape.shape, shape.count, list(shape.examples), suggest_pattern(shape) if shape.count >= 3 else None)
        for shape in sorted(coverage.shapes.values(), key=lambda s: -s.count)
    ]
    return Explanation(
        lines=monitor.lines,
        counts=dict(coverage.counts),
        not_understood_share=coverage.not_understood_share,
        cut_lines=monitor.splitter.cut_lines,
        formats=[(fmt, span.first_line, span.last_line, span.records) for fmt, span in coverage.formats.items()],
        line_errors=monitor.parser.line_errors,
        echoes=monitor.echoes.dropped,
        dropped_series=monitor.dropped_series,
        max_series=monitor.max_series,
        notebook=monitor.notebook.active,
        series=series,
        shapes=shapes,
    )


def suggest_pattern(shape: Shape) -> str | None:
    """A ``--pattern`` built from the first example's ``name value`` pairs (a step name becomes
    the ``step`` group), kept only if it reads a metric from every example."""
    if not shape.examples:
        return None
    groups: list[tuple[str, str, bool]] = []  # (literal name, group name, is the step)
    used: set[str] = set()
    has_step = False
    for match in _PAIR.finditer(shape.examples[0][1]):
        name = match.group("name")
        if _NOT_A_NAME.search(name):
            continue
        if not (set(match.group("sep")) & set(":=") or _METRIC_WORD.search(name) or name.lower() in _STEP_NAMES):
            continue
        is_step = not has_step and name.lower() in _STEP_NAMES
        group = "step" if is_step else _group_name(name, used)
        if group is None:
            continue
        has_step |= is_step
        used.add(group)
        groups.append((name, group, is_step))
        if sum(not step for _, _, step in groups) >= MAX_PATTERN_METRICS:
            break
    if not any(not step for _, _, step in groups):
        return None
    source = r".*?".join(
        re.escape(name) + r"\s*[:=]?\s*" + f"(?P<{group}>{_STEP if step else _NUMBER})" for name, group, step in groups
    )
    return source if _reads_every_example(source, shape) else None


def _group_name(name: str, used: set[str]) -> str | None:
    group = re.sub(r"\W+", "_", name).strip("_")
    if not group or not group[0].isalpha() or group == "step":
        return None
    base, k = group, 2
    while group in used:
        group, k = f"{base}_{k}", k + 1
    return group


def _reads_every_example(source: str, shape: Shape) -> bool:
    from lossmon.engine.formats import compile_pattern  # the same regex check --pattern uses

    regex = compile_pattern(source).regex
    for _, text in shape.examples:
        match = regex.search(text)
        if match is None:
            return False
        metrics = [parse_number(v) for k, v in match.groupdict().items() if k != "step" and v is not None]
        if not any(value is not None for value in metrics):
            return False
    return True
