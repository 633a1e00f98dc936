"""Reports of a finished check: a JSON object for scripts, readable text for people."""

from __future__ import annotations

import math

from lossmon import __version__
from lossmon.engine.episodes import Episode
from lossmon.engine.findings import Finding, format_step, severity_rank, step_for_json
from lossmon.engine.monitor import Monitor
from lossmon.engine.safe_text import markdown_code, markdown_text, printable
from lossmon.engine.store import Series
from lossmon.json_values import json_number
from lossmon.plot import loss_chart


def series_summary(series: Series) -> dict:
    return {
        "name": series.name,
        "split": series.split,
        "kind": series.kind,
        "count": len(series),
        "first_step": step_for_json(series.step_at(0)) if len(series) else None,
        "last_step": step_for_json(series.step_at(-1)) if len(series) else None,
        "last": json_number(series.last),
        "min": json_number(series.min),
        "nonfinite": series.nonfinite,
    }


def file_summary(monitor: Monitor) -> dict:
    """``findings``: every finding, each with the ``episode`` (the ``id`` of an entry of
    ``episodes``) it belongs to; ``episodes``: one per event, with the findings that escalated it
    and those folded in."""
    return {
        "path": monitor.path,
        "format": monitor.format_id,
        "lines": monitor.lines,
        "records": monitor.records,
        "dropped_series": monitor.dropped_series,  # names past --max-series, not kept
        "cut_lines": monitor.splitter.cut_lines,  # over the line limit: the rest of each was not read
        "primary": {"train": monitor.store.primary_train, "val": monitor.store.primary_val},
        "series": [series_summary(series) for series in monitor.store],
        "findings": [
            {**finding.to_dict(), "episode": finding.episode.number if finding.episode else None}
            for finding in monitor.findings
        ],
        "episodes": [episode.to_dict() for episode in monitor.episodes],
    }


def json_report(monitors: list[Monitor]) -> dict:
    return {"lossmon": __version__, "files": [file_summary(m) for m in monitors]}


def worst_severity(findings: list[Finding] | list[Episode]) -> str | None:
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
    # Log text and paths are data: escaped (printable) before they reach a terminal.
    out = [
        f"{printable(monitor.path)}",
        f"  format {monitor.format_id or 'unknown'} · {monitor.lines:,} {monitor.unit} · {monitor.records:,} records",
        f"  primary loss: train {printable(store.primary_train or '-')} · val {printable(store.primary_val or '-')}",
    ]
    if monitor.dropped_series:
        out.append(f"  warning: {monitor.series_warning()}")
    if monitor.splitter.cut_lines:
        out.append(f"  {monitor.splitter.cut_lines:,} {cut_lines_phrase(monitor)}")
    if len(store):
        rows = [{**series_summary(s), "name": printable(s.name)} for s in store]
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
    episodes = monitor.episodes
    if not len(store):
        out.append("  findings: none, nothing was read to judge")
    elif not episodes:
        out.append("  findings: none, the curves look healthy")
    else:
        count = len(monitor.findings)
        out.append(f"  findings ({len(episodes)} {_plural(len(episodes), 'event')} from {count} {_plural(count, 'finding')}):")
        for pathology, group in by_pathology(episodes):
            for episode in group:
                out.append(
                    f"  {episode.severity.upper():<5} {pathology}  {printable(episode.series)}  "
                    f"step {format_step(episode.step)} (line {episode.line})"
                )
                out.extend(f"        {printable(line)}" for line in episode_lines(episode))
            out.append(f"      what to check ({pathology}):")
            out.extend(f"        [ ] {item}" for item in group[0].advice)
    counts = {s: sum(e.severity == s for e in episodes) for s in ("alert", "warn", "info")}
    out.append("")
    out.append(
        f"  verdict: {verdict(monitor).upper()} "
        f"({counts['alert']} alert, {counts['warn']} warn, {counts['info']} info)"
    )
    return "\n".join(out)


def by_pathology(episodes: list[Episode]) -> list[tuple[str, list[Episode]]]:
    """Episodes grouped by pathology (in the order each first appeared): a checklist once each."""
    groups: dict[str, list[Episode]] = {}
    for episode in episodes:
        groups.setdefault(episode.pathology, []).append(episode)
    return list(groups.items())


def episode_lines(episode: Episode) -> list[str]:
    """The event in a few lines: its message, each escalation, what was folded into it."""
    escalations = episode.escalations
    if len(escalations) == 1:
        lines = [escalations[0].message]
    else:
        lines = [
            f"{f.severity}{_other(f, episode)} at step {format_step(f.step)} (line {f.line}): {f.message}"
            for f in escalations
        ]
    folded = episode.folded
    if folded:
        shown = ", ".join(
            f"{f.severity}{_other(f, episode)} at step {format_step(f.step)}" for f in folded[:FOLDED_SHOWN]
        )
        more = f" and {len(folded) - FOLDED_SHOWN} more" if len(folded) > FOLDED_SHOWN else ""
        lines.append(f"folded in: {shown}{more}")
    return lines


FOLDED_SHOWN = 6  # folded findings named in a report (--json lists them all)


def _other(finding: Finding, episode: Episode) -> str:
    """Name a folded finding's pathology or series where it is not the episode's own."""
    if finding.pathology != episode.pathology:
        return f" {finding.pathology} ({finding.series})"
    return f" ({finding.series})" if finding.series != episode.series else ""


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"


def cut_lines_phrase(monitor: Monitor) -> str:
    limit = monitor.splitter.max_line_bytes >> 20
    plural = "s" if monitor.splitter.cut_lines != 1 else ""
    return f"line{plural} over the {limit} MiB line limit cut: the rest of each was not read"


def verdict(monitor: Monitor) -> str:
    """alert, warn or info (the worst finding), healthy, or no metrics when nothing was read."""
    worst = worst_severity(monitor.episodes)
    return worst or ("healthy" if len(monitor.store) else "no metrics")


_BADGE = {
    "alert": "🔴 ALERT", "warn": "🟡 WARN", "info": "🔵 INFO", "healthy": "🟢 HEALTHY", "no metrics": "⚪ NO METRICS",
}


def markdown_report(monitors: list[Monitor], plot: bool = False) -> str:
    """A short report to paste into an issue or a chat: verdict, findings, checklists."""
    out = []
    for monitor in monitors:
        store = monitor.store
        out.append(f"### lossmon: {markdown_code(monitor.path)} {_BADGE[verdict(monitor)]}")
        out.append("")
        out.append(
            f"{monitor.format_id or 'unknown format'} · {monitor.lines:,} {monitor.unit} · {monitor.records:,} records · "
            f"train loss {markdown_code(store.primary_train or '-')} · val loss {markdown_code(store.primary_val or '-')}"
        )
        if monitor.dropped_series:
            out.append(f"- warning: {markdown_text(monitor.series_warning())}")
        for name in (store.primary_train, store.primary_val):
            if name:
                series = store[name]
                out.append(
                    f"- {markdown_code(name)}: last {_fmt_value(series.last)}, min {_fmt(json_number(series.min))} "
                    f"over {len(series):,} points (step {format_step(series.steps[0])}–{format_step(series.steps[-1])})"
                )
        out.append("")
        chart = loss_chart(monitor, width=100) if plot else None
        if chart:
            out.extend(("```text", chart.rstrip("\n"), "```", ""))
        if not len(store):
            out.append("No metrics found in this log (try `--format` or `--pattern`).")
        elif not monitor.episodes:
            out.append("No findings: the curves look healthy.")
        for pathology, group in by_pathology(monitor.episodes):
            for episode in group:
                lines = episode_lines(episode)
                out.append(
                    f"**{episode.severity.upper()} {pathology}** on {markdown_code(episode.series)} at step "
                    f"{format_step(episode.step)} (line {episode.line}): {markdown_text(lines[0])}"
                )
                out.extend(f"- {markdown_text(line)}" for line in lines[1:])
                out.append("")
            out.append(f"What to check ({pathology}):")
            out.extend(f"- [ ] {item}" for item in group[0].advice)
            out.append("")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
