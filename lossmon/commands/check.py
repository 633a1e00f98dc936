"""`lossmon check`: read each log to its end, report, and exit by the worst finding."""

from __future__ import annotations

import json
import os
import shutil
import sys

from lossmon.cli import parsing_options
from lossmon.engine import check_file
from lossmon.engine.errors import LossmonError
from lossmon.engine.safe_text import printable
from lossmon.engine.targets import expand
from lossmon.commands import EXIT_ALERT, EXIT_OK, EXIT_USAGE, output_stream, writing
from lossmon.explain_report import explain_json, explain_text
from lossmon.compare_report import compare_json, compare_markdown, compare_text
from lossmon.engine.compare import compare
from lossmon.report import json_report, markdown_report, text_report, verdict, worst_severity


def run_check(args) -> int:
    if args.plot and args.json:
        raise LossmonError("--plot draws text: it does not go with --json")
    if args.baseline and not args.compare:
        raise LossmonError("--baseline goes with --compare")
    if args.x and not args.compare:
        raise LossmonError("--x goes with --compare")
    if args.explain and args.markdown:
        raise LossmonError("--explain does not go with --markdown (it goes with text or --json)")
    options = parsing_options(args)  # a bad --pattern fails here, once
    out = output_stream()  # closed: say so before reading anything
    monitors = []
    failed = False
    if args.compare and args.baseline and args.baseline not in args.paths:
        args.paths = [args.baseline, *args.paths]
    paths = []
    for spec in args.paths:  # a glob or a directory stands for the runs it matches now
        unreadable: list[str] = []
        try:
            paths.extend(expand([spec], unreadable))
        except LossmonError as error:
            unreadable.append(str(error))
        for problem in unreadable:
            print(f"lossmon: {printable(problem)}", file=sys.stderr)
            failed = True
    for path in dict.fromkeys(paths):
        try:
            monitor = check_file(path, **options)
        except LossmonError as error:
            print(f"lossmon: {printable(error)}", file=sys.stderr)
            failed = True
            continue
        for problem in monitor.problems:  # what was read is still reported
            print(f"lossmon: {printable(problem)}", file=sys.stderr)
            failed = True
        if args.metric and args.metric not in monitor.store:
            names = ", ".join(series.name for series in monitor.store) or "none"
            print(printable(f"lossmon: {path}: --metric {args.metric}: no such series (series: {names})"), file=sys.stderr)
            failed = True
        if monitor.dropped_series:
            print(f"lossmon: {monitor.series_warning()}", file=sys.stderr)
        monitors.append(monitor)
    if args.compare and len(monitors) < 2:
        print("lossmon: --compare needs at least two runs", file=sys.stderr)
        return EXIT_USAGE
    if args.compare:
        paths = [m.path for m in monitors]
        baseline = paths.index(args.baseline) if args.baseline in paths else 0
        comparison = compare(monitors, [verdict(m) for m in monitors], baseline, axis=args.x or "step")
    else:
        comparison = None
    with writing(out):
        if args.json:
            report = json_report(monitors)
            if comparison is not None:
                report["compare"] = compare_json(comparison)
            if args.explain:
                for summary, monitor in zip(report["files"], monitors):
                    summary["explain"] = explain_json(monitor)
            out.write(json.dumps(report, allow_nan=False) + "\n")
        elif not monitors:
            pass  # every path failed, each said why on stderr: no empty report
        elif args.markdown:
            if comparison is not None:
                out.write(compare_markdown(comparison) + "\n")
            out.write(markdown_report(monitors, plot=args.plot))
        else:
            color = out.isatty() and "NO_COLOR" not in os.environ
            width = min(shutil.get_terminal_size((100, 24)).columns, 160) - 2
            reports = [text_report(m, plot=args.plot, plot_width=width, color=color) for m in monitors]
            if args.explain:
                reports = [f"{explain_text(m)}\n\n{report}" for m, report in zip(monitors, reports)]
            if comparison is not None:
                reports.insert(0, compare_text(comparison))
            out.write("\n\n".join(reports) + "\n")
    if failed:
        return EXIT_USAGE
    findings = [f for m in monitors for f in m.findings]
    return EXIT_ALERT if worst_severity(findings) == "alert" else EXIT_OK
