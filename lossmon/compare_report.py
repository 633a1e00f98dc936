"""``lossmon check --compare``: a table of runs against a baseline, as text, JSON or markdown."""

from __future__ import annotations

import math

from lossmon.engine.alignment import describe_x
from lossmon.engine.compare import Comparison, RunComparison
from lossmon.engine.safe_text import markdown_text, printable


def _num(value: float | None) -> str:
    return "-" if value is None or not math.isfinite(value) else f"{value:.5g}"


def _step(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _reach(run: RunComparison, c: Comparison) -> str:
    if run.reaches_x is None:
        return "never"
    return _step(run.reaches_step) if c.axis == "step" else describe_x(c.axis, c.unit, run.reaches_x, bare=True)


def _speedup(run: RunComparison) -> str:
    return "-" if run.speedup is None else f"{run.speedup:.2f}x"


def _columns(c: Comparison) -> tuple[list[str], list[list[str]]]:
    reach = f"reaches {_num(c.target)}" + ("" if c.axis == "step" else f" ({c.axis_label})")
    head = ["run", "steps", "train last", "train best", "val last", "val best", reach, "speedup", "verdict"]
    rows = []
    for k, run in enumerate(c.runs):
        label = printable(run.label) + (" (baseline)" if k == c.baseline else "")
        rows.append([
            label, _step(run.last_step), _num(run.train_last), _num(run.train_best), _num(run.val_last),
            _num(run.val_best), _reach(run, c), _speedup(run), run.verdict.upper(),
        ])
    return head, rows


def _what(c: Comparison) -> str:
    base = c.runs[c.baseline]
    which = "held-out (val) loss" if c.split == "val" else "training loss (smoothed)"
    where = f"step {_step(c.target_step)}"
    if c.axis != "step":
        where = f"{describe_x(c.axis, c.unit, c.target_x)} (step {_step(c.target_step)}); x axis: {c.axis_label}"
    return (
        f"baseline {printable(base.label)}: compared on the {which}; its final loss {_num(c.target)}, "
        f"first reached at {where}"
    )


def compare_text(c: Comparison) -> str:
    head, rows = _columns(c)
    widths = [max(len(head[i]), *(len(r[i]) for r in rows)) for i in range(len(head))]
    line = lambda cells: "  " + "  ".join(  # noqa: E731 - one table, one layout
        cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(cells, widths))
    )
    out = [f"compare: {_what(c)}", "", line(head)]
    out.extend(line(r) for r in rows)
    out.append("")
    out.extend(f"  INFO  {printable(message)}" for message in c.findings)
    if not c.findings:
        out.append("  no difference beyond the runs' noise")
    return "\n".join(out)


def compare_markdown(c: Comparison) -> str:
    head, rows = _columns(c)
    out = ["### lossmon compare", "", markdown_text(_what(c)), "", "| " + " | ".join(head) + " |"]
    out.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|")
    out.extend("| " + " | ".join(markdown_text(cell) for cell in r) + " |" for r in rows)
    out.append("")
    out.extend("- " + markdown_text(message) for message in c.findings)
    return "\n".join(out).rstrip() + "\n"


def _json_number(value: float | None):
    return value if value is not None and math.isfinite(value) else None


def compare_json(c: Comparison) -> dict:
    return {
        "baseline": c.runs[c.baseline].path,
        "split": c.split,
        "target": _json_number(c.target),
        "target_step": _json_number(c.target_step),
        "axis": c.axis,
        "axis_label": c.axis_label,
        "target_x": _json_number(c.target_x),
        "runs": [
            {
                "path": run.path, "label": run.label, "verdict": run.verdict,
                "last_step": _json_number(run.last_step),
                "train_last": _json_number(run.train_last), "train_best": _json_number(run.train_best),
                "val_last": _json_number(run.val_last), "val_best": _json_number(run.val_best),
                "reaches_step": _json_number(run.reaches_step), "speedup": _json_number(run.speedup),
                "gap_step": _json_number(run.gap_step), "gap_ratio": _json_number(run.gap_ratio),
                "beyond_noise": run.beyond_noise,
                "reaches_x": _json_number(run.reaches_x), "gap_x": _json_number(run.gap_x),
            }
            for run in c.runs
        ],
        "findings": list(c.findings),
    }
