"""`lossmon check`: read each log to its end, report, and exit by the worst finding."""

from __future__ import annotations

import json
import sys

from lossmon.engine import check_file
from lossmon.engine.errors import LossmonError
from lossmon.report import json_report, markdown_report, text_report, worst_severity

from lossmon.commands import EXIT_ALERT, EXIT_OK, EXIT_USAGE


def run_check(args) -> int:
    monitors = []
    failed = False
    for path in args.paths:
        try:
            monitors.append(check_file(path, format_id=args.format, primary_metric=args.metric))
        except LossmonError as error:
            print(f"lossmon: {error}", file=sys.stderr)
            failed = True
    if args.json:
        json.dump(json_report(monitors), sys.stdout, allow_nan=False)
        sys.stdout.write("\n")
    elif args.markdown:
        sys.stdout.write(markdown_report(monitors))
    else:
        print("\n\n".join(text_report(m) for m in monitors))
    if failed:
        return EXIT_USAGE
    findings = [f for m in monitors for f in m.findings]
    return EXIT_ALERT if worst_severity(findings) == "alert" else EXIT_OK
