"""Score lossmon and the river baselines on the labelled suite and the real logs."""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import defaultdict

from benchmarks.detectors import baselines, real
from benchmarks.detectors.harness import lossmon_alarms
from benchmarks.detectors.scoring import ALARM_SEVERITIES, Score, healthy_points, score_run
from benchmarks.detectors.synth import PATHOLOGIES, suite

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


def confusion_table(confusion) -> str:
    rows = ["| lossmon alarm | during an event of | alarms |", "|---|---|---|"]
    for (alarm, event), count in sorted(confusion.items(), key=lambda item: -item[1]):
        rows.append(f"| {alarm} | {event} | {count} |")
    return "\n".join(rows)


def table(scores, healthy: int) -> str:
    head = (
        "| pathology | events | detector | recall | precision | F1 | delay median | delay p90 | "
        "false alarms /10k | false alerts /10k |\n|---|---|---|---|---|---|---|---|---|---|"
    )
    rows = [head]
    for pathology in PATHOLOGIES:
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
    parser.add_argument("--no-real", action="store_true", help="skip ../shared/real-logs")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    runs = suite(args.seed, args.runs, args.negatives)
    runs_with_alarms = [(run, lossmon_alarms(run)) for run in runs]
    points = sum(run.points for run in runs)
    print(f"suite: {len(runs)} synthetic runs, {points:,} points (seed {args.seed})", file=sys.stderr)
    scores, healthy, by_group, confusion = evaluate(runs_with_alarms)
    print(f"## Synthetic suite: per pathology ({healthy:,} healthy points)\n")
    print(table(scores, healthy))
    print("\n## lossmon's false alarms by kind of run\n")
    print(group_table(by_group))
    print("\n## lossmon's wrong-type alarms (inside another pathology's event)\n")
    print(confusion_table(confusion))
    directory = None if args.no_real else real.real_logs_dir()
    if directory:
        print(f"\n## Real logs ({directory})\n")
        print(real_table(real.load(directory)))
    print(f"\n(took {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0
