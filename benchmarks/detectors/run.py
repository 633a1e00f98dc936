"""Score lossmon and the river baselines on the labelled suite and the real logs."""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from benchmarks.detectors import baselines, corpus, real
from benchmarks.detectors.harness import lossmon_alarms
from benchmarks.detectors.scoring import ALARM_SEVERITIES, Score, healthy_points, score_run
from benchmarks.detectors.short import short_suite
from benchmarks.detectors.styles import STYLES, styled, text_alarms
from benchmarks.detectors.synth import PATHOLOGIES, healthy, inject, suite

DETECTORS = ("lossmon", "ADWIN", "PageHinkley")


def evaluate(runs_with_alarms) -> tuple[dict, int, dict, dict]:
    """Scores per (pathology, detector), the healthy points, lossmon's false alarms per kind of
    run, and lossmon's wrong-type alarms."""
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    healthy = 0
    by_group: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # points, false warn+alert, false alert
    confusion: dict[tuple[str, str], int] = defaultdict(int)  # (alarm, event it fell in) → count
    for run, alarms in runs_with_alarms:
        for pathology, severity, step in alarms:
            inside = {label.pathology for label in run.labels if label.lo <= step <= label.last}
            if severity in ALARM_SEVERITIES and inside and pathology not in inside:
                confusion[(pathology, min(inside))] += 1
        points = healthy_points(run.steps, run.labels)
        healthy += points
        group = run.group.split("/")[-1] if run.group.startswith("healthy") else run.group
        by_group[group][0] += points
        for pathology in PATHOLOGIES:
            own = [(step, severity) for p, severity, step in alarms if p == pathology and severity in ALARM_SEVERITIES]
            score = scores[(pathology, "lossmon")]
            before = (score.false_alarms, score.false_alerts)
            score_run(score, pathology, run.labels, own)
            by_group[group][1] += score.false_alarms - before[0]
            by_group[group][2] += score.false_alerts - before[1]
            name, direction = baselines.STREAMS[pathology]
            data = baselines.stream(run, name)
            for baseline in DETECTORS[1:]:
                found = baselines.detections(baseline, *data, direction) if data else []
                score_run(scores[(pathology, baseline)], pathology, run.labels, [(s, "alert") for s in found])
    return scores, healthy, by_group, confusion


def style_runs(seed: int, per_style: int):
    """Per log style: ``per_style`` runs with a periodic pattern and as many healthy ones, written
    as text and read back by the parser (styles.py)."""
    rng = np.random.default_rng(seed + 2000)
    out = []
    for style in STYLES:
        with_epoch = style in ("hf_tqdm", "jsonl")
        for i in range(per_style):
            base = healthy(rng, f"{style}-periodic-{i}", f"stuck_periodic/{style}", epoch=with_epoch, evals=False)
            run = styled(inject(rng, base, "stuck_periodic"), style)
            out.append((run, text_alarms(run, style)))
            calm = styled(healthy(rng, f"{style}-healthy-{i}", f"healthy/{style}", epoch=with_epoch, evals=False), style)
            out.append((calm, text_alarms(calm, style)))
    return out


def warned_runs(runs_with_alarms) -> dict[str, list[int]]:
    """Per kind of healthy run: [runs, runs with any warn or alert]."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for run, alarms in runs_with_alarms:
        if run.labels:
            continue
        kind = run.group.split("/")[-1]
        out[kind][0] += 1
        out[kind][1] += any(severity in ALARM_SEVERITIES for _, severity, _ in alarms)
    return out


def warned_table(warned) -> str:
    total = [sum(v[0] for v in warned.values()), sum(v[1] for v in warned.values())]
    rows = ["| healthy runs | runs | with a warn or alert |", "|---|---|---|"]
    for kind, (runs, hit) in sorted(warned.items()):
        rows.append(f"| {kind} | {runs} | {hit} ({hit / runs:.0%}) |")
    rows.append(f"| **all** | {total[0]} | **{total[1]} ({total[1] / max(total[0], 1):.1%})** |")
    return "\n".join(rows)


def style_table(runs_with_alarms) -> str:
    rows = ["| style | periodic runs found (warn+) | healthy runs with a warn or alert |", "|---|---|---|"]
    for style in STYLES:
        found = periodic = calm = warned = 0
        for run, alarms in runs_with_alarms:
            if run.group == f"stuck_periodic/{style}":
                periodic += 1
                label = run.labels[0]
                found += any(p == "stuck_periodic" and s in ALARM_SEVERITIES and label.lo <= st <= label.hi for p, s, st in alarms)
            elif run.group == f"healthy/{style}":
                calm += 1
                warned += any(s in ALARM_SEVERITIES for _, s, _ in alarms)
        rows.append(f"| {style} | {found} / {periodic} | {warned} / {calm} |")
    return "\n".join(rows)


def confusion_table(confusion) -> str:
    rows = ["| lossmon alarm | during an event of | alarms |", "|---|---|---|"]
    for (alarm, event), count in sorted(confusion.items(), key=lambda item: -item[1]):
        rows.append(f"| {alarm} | {event} | {count} |")
    return "\n".join(rows)


def table(scores, healthy: int, pathologies=PATHOLOGIES) -> str:
    head = (
        "| pathology | events | detector | recall | precision | F1 | delay median | delay p90 | "
        "false alarms /10k | false alerts /10k |\n|---|---|---|---|---|---|---|---|---|---|"
    )
    rows = [head]
    for pathology in pathologies:
        if not scores[(pathology, "lossmon")].events:
            continue
        for detector in DETECTORS:
            s = scores[(pathology, detector)]
            rows.append(
                f"| {pathology if detector == 'lossmon' else ''} | {s.events if detector == 'lossmon' else ''} | "
                f"{detector} | {_f(s.recall)} | {_f(s.precision)} | {_f(s.f1)} | {_d(s.delay(50))} | "
                f"{_d(s.delay(90))} | {_r(s.false_alarms, healthy)} | "
                f"{_r(s.false_alerts, healthy) if detector == 'lossmon' else '(all)'} |"
            )
    return "\n".join(rows)


def group_table(by_group) -> str:
    rows = ["| runs | healthy points | false alarms /10k | false alerts /10k |", "|---|---|---|---|"]
    for group, (points, alarms, alerts) in sorted(by_group.items()):
        rows.append(f"| {group} | {points:,} | {_r(alarms, points)} | {_r(alerts, points)} |")
    return "\n".join(rows)


def real_table(real_runs) -> str:
    """Per real log: its labelled events, what lossmon found (by severity), which labelled events a
    finding of any severity marks, and how often the baselines fire on its train loss."""
    rows = [
        "| log | labelled events | lossmon findings | events found (warn+, any) | ADWIN / PageHinkley alarms on the loss |",
        "|---|---|---|---|---|",
    ]
    for run, alarms in real_runs:
        found = defaultdict(int)
        for pathology, severity, _ in alarms:
            found[f"{severity} {pathology}"] += 1
        by_type = defaultdict(list)
        for label in run.labels:
            by_type[label.pathology].append(f"{label.start:g}")
        labelled = "; ".join(f"{p} x{len(at)} (step {', '.join(at)})" for p, at in by_type.items()) or "none (healthy)"
        def marks(severities):
            return sum(
                any(p == label.pathology and label.lo <= step <= label.hi and sev in severities for p, sev, step in alarms)
                for label in run.labels
            )
        events = f"{marks(ALARM_SEVERITIES)} / {marks(('info', *ALARM_SEVERITIES))} of {len(run.labels)}" if run.labels else "-"
        data = baselines.stream(run, "loss")
        counts = [len(baselines.detections(b, *data, "both")) if data else 0 for b in DETECTORS[1:]]
        summary = ", ".join(f"{n} {key}" for key, n in sorted(found.items())) or "none"
        rows.append(f"| {run.name} | {labelled} | {summary} | {events} | {counts[0]} / {counts[1]} |")
    return "\n".join(rows)


def _f(x: float) -> str:
    return "-" if math.isnan(x) else f"{x:.2f}"


def _d(x: float) -> str:
    return "-" if math.isnan(x) else f"{x:,.0f}"


def _r(count: int, points: int) -> str:
    return f"{1e4 * count / points:.2f}" if points else "-"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.detectors", description=__doc__)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=40, help="runs per pathology (default 40)")
    parser.add_argument("--negatives", type=int, default=20, help="runs per hard negative (default 20)")
    parser.add_argument("--styles", type=int, default=10, help="periodic and healthy runs per log style (default 10)")
    parser.add_argument("--short", type=int, default=30, help="short runs per pathology and per negative (default 30)")
    parser.add_argument("--no-real", action="store_true", help="skip ../shared/real-logs")
    parser.add_argument("--corpus", action="append", default=[], help="a real-log corpus directory (tests/corpus layout)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    runs = suite(args.seed, args.runs, args.negatives)
    runs_with_alarms = [(run, lossmon_alarms(run)) for run in runs]
    runs_with_alarms += style_runs(args.seed, args.styles)
    points = sum(run.points for run, _ in runs_with_alarms)
    print(f"suite: {len(runs_with_alarms)} synthetic runs, {points:,} points (seed {args.seed})", file=sys.stderr)
    scores, healthy_count, by_group, confusion = evaluate(runs_with_alarms)
    print(f"## Synthetic suite: per pathology ({healthy_count:,} healthy points)\n")
    print(table(scores, healthy_count))
    print("\n## Healthy runs with any warning\n")
    print(warned_table(warned_runs(runs_with_alarms)))
    print("\n## stuck_periodic and healthy runs per log style (written as text, read by the parser)\n")
    print(style_table(runs_with_alarms))
    print("\n## lossmon's false alarms by kind of run\n")
    print(group_table(by_group))
    print("\n## lossmon's wrong-type alarms (inside another pathology's event)\n")
    print(confusion_table(confusion))
    short = [(run, lossmon_alarms(run)) for run in short_suite(args.seed, args.short, args.short)]
    short_scores, short_healthy, _, _ = evaluate(short)
    print(f"\n## Short runs (10-300 epochs), scored separately ({short_healthy:,} healthy points)\n")
    print(table(short_scores, short_healthy))
    print()
    print(warned_table(warned_runs(short)))
    directories = [Path(d) for d in args.corpus] or corpus.default_directories()
    if directories:
        print(f"\n## Real-log corpus ({', '.join(str(d) for d in directories)})\n")
        print(corpus.verdict_table(corpus.load(directories)))
    directory = None if args.no_real else real.real_logs_dir()
    if directory:
        print(f"\n## Real logs ({directory})\n")
        print(real_table(real.load(directory)))
    print(f"\n(took {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0
