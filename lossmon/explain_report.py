"""``lossmon check --explain``: the explanation of a log as readable text or as JSON."""

from __future__ import annotations

import shlex

from lossmon.engine.explain import Explanation, explain
from lossmon.engine.safe_text import printable

_CLASS_LABELS = (
    ("records", "with records"),
    ("document", "in a whole-file document"),
    ("text", "text without numbers"),
    ("step_marker", "step or epoch headers"),
    ("progress", "progress bars"),
    ("traceback", "traceback lines"),
    ("warning", "warnings"),
    ("blank", "blank"),
)


def _safe(text: str) -> str:
    """Log text is data: no escape sequence or control character reaches the terminal."""
    return printable(text) if text else ""


def _cut(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def explain_text(monitor) -> str:
    e = explain(monitor)
    path = _safe(monitor.path)
    out = [f"{path}: what lossmon read"]
    if e.notebook:
        out.append("  notebook  read as the text its code cells printed (the lines below are that text's)")
    parts = [f"{e.counts[key]:,} {label}" for key, label in _CLASS_LABELS if e.counts[key]]
    out.append(f"  lines     {e.lines:,}" + (": " + ", ".join(parts) if parts else ""))
    out.append(
        f"            {e.counts['not_understood']:,} not understood "
        f"({e.not_understood_share:.1%} of the non-blank lines)"
    )
    if e.cut_lines:
        out.append(f"            {e.cut_lines:,} lines over 1 MiB were cut at 1 MiB")
    if e.line_errors:
        out.append(f"            {e.line_errors:,} lines a parser failed on were skipped (a lossmon bug: please report it)")
    if e.echoes:
        out.append(f"            {e.echoes:,} values printed again by a second statement were counted once")
    if e.dropped_series:
        out.append(f"            {e.dropped_series:,} more metric names than --max-series {e.max_series:,} were not kept")
    if e.formats:
        for k, (fmt, first, last, records) in enumerate(e.formats):
            label = "formats" if k == 0 else ""
            out.append(f"  {label:<9} {fmt}: lines {first:,}-{last:,}, {records:,} records")
    else:
        out.append("  formats   none detected")
    if e.series:
        width = max(len(s.name) for s in e.series)
        out.append("  series")
        shown: set[int] = set()  # a line that holds several series is shown once
        for s in e.series:
            out.append(f"    {s.name:<{width}}  {s.points:>9,} points  lines {s.first_line:,}-{s.last_line:,}")
            if s.example and s.first_line not in shown:
                shown.add(s.first_line)
                out.append(f"    {'':<{width}}  first at line {s.first_line:,}: {_cut(_safe(s.example))}")
    if e.shapes:
        shapes = f"{len(e.shapes)} shape" + ("s, most frequent first" if len(e.shapes) > 1 else "")
        out.append(f"  not understood, by shape ({shapes}):")
        for shape in e.shapes[:10]:
            out.append(f"    {shape.count:>7,}x  {_safe(shape.shape)}")
            for line, text in shape.examples:
                out.append(f"              line {line:,}: {_cut(_safe(text))}")
            if shape.pattern:
                out.append(f"              try: lossmon check --pattern {shlex.quote(shape.pattern)} {shlex.quote(path)}")
        if len(e.shapes) > 10:
            rest = sum(shape.count for shape in e.shapes[10:])
            out.append(f"    {rest:>7,}x  in {len(e.shapes) - 10} more shapes")
    return "\n".join(out)


def explain_json(monitor) -> dict:
    e: Explanation = explain(monitor)
    return {
        "lines": e.lines,  # of a notebook ("notebook": true): of the text its code cells printed
        **({"notebook": True} if e.notebook else {}),
        "classes": e.counts,
        "not_understood_share": round(e.not_understood_share, 6),
        "cut_lines": e.cut_lines,
        "line_errors": e.line_errors,
        "echoes": e.echoes,
        "dropped_series": e.dropped_series,
        "formats": [
            {"format": fmt, "first_line": first, "last_line": last, "records": records}
            for fmt, first, last, records in e.formats
        ],
        "series": [
            {"name": s.name, "points": s.points, "first_line": s.first_line, "last_line": s.last_line, "example": s.example}
            for s in e.series
        ],
        "not_understood": [
            {"shape": shape.shape, "count": shape.count,
             "examples": [{"line": line, "text": text} for line, text in shape.examples],
             "pattern": shape.pattern}
            for shape in e.shapes
        ],
    }
