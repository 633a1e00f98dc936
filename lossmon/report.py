"""Reports of a finished check: a JSON object for scripts, readable text for people."""

from __future__ import annotations

import math

from lossmon import __version__
from lossmon.engine.findings import Finding, format_step, severity_rank, step_for_json
from lossmon.engine.monitor import Monitor
from lossmon.engine.store import Series
from lossmon.plot import loss_chart


def _number(value: float):
    return float(value) if value is not None and math.isfinite(value) else None


def series_summary(series: Series) -> dict:
    return {
        "name": series.name,
        "split": series.split,
        "kind": series.kind,
        "count": len(series),
        "first_step": step_for_json(series.steps[0]) if len(series) else None,
        "last_step": step_for_json(series.steps[-1]) if len(series) else None,
        "last": _number(series.last),
        "min": _number(series.min),
        "nonfinite": series.nonfinite,
    }


def file_summary(monitor: Monitor) -> dict:
    return {
        "path": monitor.path,
        "format": monitor.format_id,
        "lines": monitor.lines,
        "records": monitor.records,
        "primary": {"train": monitor.store.primary_train, "val": monitor.store.primary_val},
        "series": [series_summary(series) for series in monitor.store],
        "findings": [finding.to_dict() for finding in monitor.findings],
    }


def json_report(monitors: list[Monitor]) -> dict:
    return {"lossmon": __version__, "files": [file_summary(m) for m in monitors]}


def worst_severity(findings: list[Finding]) -> str | None:
    worst = max(findings, key=lambda f: severity_rank(f.severity), default=None)
    return worst.severity if worst else None


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.6g}"


def _fmt_value(value: float | None) -> str:
    """A value as logged: a NaN last value is ``nan`` (the finding is about it), not ``-``."""
    if value is not None and not math.isfinite(value):
        return str(float(value))
    return _fmt(value)


def text_report(monitor: Monitor, plot: bool = False, plot_width: int = 100, color: bool = False) -> str:
    """A readable report for one file: format, counts, series table, a chart of the primary losses
    (``plot``), findings with checklists."""
    store = monitor.store
    out = [
        f"{monitor.path}",
        f"  format {monitor.format_id or 'unknown'} · {monitor.lines:,} lines · {monitor.records:,} records",
        f"  primary loss: train {store.primary_train or '-'} · val {store.primary_val or '-'}",
    ]
    if len(store):
        rows = [series_summary(s) for s in store]
        width = max(12, *(len(r["name"]) for r in rows))
        out.append("")
        out.append(f"  {'series':<{width}}  {'split':<5}  {'kind':<9}  {'count':>8}  {'last':>12}  {'min':>12}  nonfinite")
        for r in rows:
            out.append(
                f"  {r['name']:<{width}}  {r['split']:<5}  {r['kind']:<9}  {r['count']:>8,}  "
                f"{_fmt(r['last']):>12}  {_fmt(r['min']):>12}  {r['nonfinite']:>9}"
            )
    else:
        out.append("  no metrics found (try --format or --pattern)")
    chart = loss_chart(monitor, width=plot_width, color=color) if plot else None
    if chart:
        out.append("")
        out.append(chart)
    out.append("")
    if not len(store):
        out.append("  findings: none, nothing was read to judge")
    elif not monitor.findings:
        out.append("  findings: none, the curves look healthy")
    else:
        out.append(f"  findings ({len(monitor.findings)}):")
        for finding in monitor.findings:
            out.append(
                f"  {finding.severity.upper():<5} {finding.pathology}  {finding.series}  "
                f"step {format_step(finding.step)} (line {finding.line})"
            )
            out.append(f"        {finding.message}")
            for item in finding.advice:
                out.append(f"        [ ] {item}")
    counts = {s: sum(f.severity == s for f in monitor.findings) for s in ("alert", "warn", "info")}
    out.append("")
    out.append(
        f"  verdict: {verdict(monitor).upper()} "
        f"({counts['alert']} alert, {counts['warn']} warn, {counts['info']} info)"
    )
    return "\n".join(out)


def verdict(monitor: Monitor) -> str:
    """alert, warn or info (the worst finding), healthy, or no metrics when nothing was read."""
    worst = worst_severity(monitor.findings)
    return worst or ("healthy" if len(monitor.store) else "no metrics")


_BADGE = {
    "alert": "🔴 ALERT", "warn": "🟡 WARN", "info": "🔵 INFO", "healthy": "🟢 HEALTHY", "no metrics": "⚪ NO METRICS",
}


def _md_escape(text: str) -> str:
    """Log text is data: keep it from turning into markdown or HTML."""
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)


def _md_code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def markdown_report(monitors: list[Monitor], plot: bool = False) -> str:
    """A short report to paste into an issue or a chat: verdict, findings, checklists."""
    out = []
    for monitor in monitors:
        store = monitor.store
        out.append(f"### lossmon: {_md_code(monitor.path)} {_BADGE[verdict(monitor)]}")
        out.append("")
        out.append(
            f"{monitor.format_id or 'unknown format'} · {monitor.lines:,} lines · {monitor.records:,} records · "
            f"train loss {_md_code(store.primary_train or '-')} · val loss {_md_code(store.primary_val or '-')}"
        )
        for name in (store.primary_train, store.primary_val):
            if name:
                series = store[name]
                out.append(
                    f"- {_md_code(name)}: last {_fmt_value(series.last)}, min {_fmt(_number(series.min))} "
                    f"over {len(series):,} points (step {format_step(series.steps[0])}–{format_step(series.steps[-1])})"
                )
        out.append("")
        chart = loss_chart(monitor, width=100) if plot else None
        if chart:
            out.extend(("```text", chart.rstrip("\n"), "```", ""))
        if not len(store):
            out.append("No metrics found in this log (try `--format` or `--pattern`).")
        elif not monitor.findings:
            out.append("No findings: the curves look healthy.")
        for finding in monitor.findings:
            out.append(
                f"**{finding.severity.upper()} {finding.pathology}** on {_md_code(finding.series)} at step "
                f"{format_step(finding.step)} (line {finding.line}): {_md_escape(finding.message)}"
            )
            out.extend(f"- [ ] {item}" for item in finding.advice)
            out.append("")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
