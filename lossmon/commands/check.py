"""`lossmon check`: read each log to its end, report, and exit by the worst finding."""

from __future__ import annotations

import json
import os
import shutil
import sys

from lossmon.cli import parsing_options
from lossmon.engine import check_file
from lossmon.engine.errors import LossmonError
from lossmon.commands import EXIT_ALERT, EXIT_OK, EXIT_USAGE, output_stream, writing
from lossmon.report import json_report, markdown_report, text_report, worst_severity


def run_check(args) -> int:
    if args.plot and args.json:
        raise LossmonError("--plot draws text: it does not go with --json")
    options = parsing_options(args)  # a bad --pattern fails here, once
    out = output_stream()  # closed: say so before reading anything
    monitors = []
    failed = False
    for path in args.paths:
        try:
            monitor = check_file(path, **options)
        except LossmonError as error:
            print(f"lossmon: {error}", file=sys.stderr)
            failed = True
            continue
        if args.metric and args.metric not in monitor.store:
            names = ", ".join(series.name for series in monitor.store) or "none"
            print(f"lossmon: {path}: --metric {args.metric}: no such series (series: {names})", file=sys.stderr)
            failed = True
        monitors.append(monitor)
    with writing(out):
        if args.json:
            out.write(json.dumps(json_report(monitors), allow_nan=False) + "\n")
        elif not monitors:
            pass  # every path failed, each said why on stderr: no empty report
        elif args.markdown:
            out.write(markdown_report(monitors, plot=args.plot))
        else:
            color = out.isatty() and "NO_COLOR" not in os.environ
            width = min(shutil.get_terminal_size((100, 24)).columns, 160) - 2
            out.write("\n\n".join(text_report(m, plot=args.plot, plot_width=width, color=color) for m in monitors) + "\n")
    if failed:
        return EXIT_USAGE
    findings = [f for m in monitors for f in m.findings]
    return EXIT_ALERT if worst_severity(findings) == "alert" else EXIT_OK
