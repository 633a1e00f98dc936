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
from lossmon.commands import EXIT_ALERT, EXIT_OK, EXIT_USAGE
from lossmon.report import json_report, markdown_report, text_report, worst_severity


def run_check(args) -> int:
    if args.plot and args.json:
        raise LossmonError("--plot draws text: it does not go with --json")
    options = parsing_options(args)  # a bad --pattern fails here, once
    monitors = []
    failed = False
    for path in args.paths:
        try:
            monitor = check_file(path, **options)
        except LossmonError as error:
            print(f"lossmon: {printable(error)}", file=sys.stderr)
            failed = True
            continue
        if args.metric and args.metric not in monitor.store:
            names = ", ".join(series.name for series in monitor.store) or "none"
            print(printable(f"lossmon: {path}: --metric {args.metric}: no such series (series: {names})"), file=sys.stderr)
            failed = True
        if monitor.dropped_series:
            print(f"lossmon: {monitor.series_warning()}", file=sys.stderr)
        monitors.append(monitor)
    if args.json:
        json.dump(json_report(monitors), sys.stdout, allow_nan=False)
        sys.stdout.write("\n")
    elif args.markdown:
        sys.stdout.write(markdown_report(monitors, plot=args.plot))
    else:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        width = min(shutil.get_terminal_size((100, 24)).columns, 160) - 2
        print("\n\n".join(text_report(m, plot=args.plot, plot_width=width, color=color) for m in monitors))
    if failed:
        return EXIT_USAGE
    findings = [f for m in monitors for f in m.findings]
    return EXIT_ALERT if worst_severity(findings) == "alert" else EXIT_OK
