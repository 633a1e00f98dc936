"""`lossmon export PATH --csv OUT`: every parsed point as a CSV row (step, series, value)."""

from __future__ import annotations

import csv
import sys

from lossmon.cli import parsing_options
from lossmon.commands import EXIT_OK, EXIT_USAGE
from lossmon.engine import check_file
from lossmon.engine.errors import LossmonError
from lossmon.engine.findings import step_for_json
from lossmon.engine.safe_text import csv_text, printable


def run_export(args) -> int:
    monitor = check_file(args.path, **parsing_options(args))
    try:
        out = sys.stdout if args.csv == "-" else open(args.csv, "w", newline="", encoding="utf-8")
    except OSError as error:
        raise LossmonError(f"{printable(args.csv)}: cannot write ({error.strerror or error})") from None
    try:
        writer = csv.writer(out)
        writer.writerow(("step", "series", "value"))
        for series in monitor.store:
            # repr of a float round-trips exactly; pandas reads nan/inf as floats. The name is
            # the only text cell: formula-neutralised (csv_text); numbers stay numbers, "-1.5" too.
            name = csv_text(series.name)
            writer.writerows(
                (step_for_json(step), name, repr(value))
                for step, value in zip(series.steps.tolist(), series.values.tolist())
            )
    finally:
        if out is not sys.stdout:
            out.close()
    print(
        f"lossmon: wrote {sum(len(s) for s in monitor.store):,} points of {len(monitor.store)} series to {printable(args.csv)}",
        file=sys.stderr,
    )
    return EXIT_OK if len(monitor.store) else EXIT_USAGE
