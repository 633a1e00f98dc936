"""`lossmon export PATH --csv OUT`: every parsed point as a CSV row (step, series, value)."""

from __future__ import annotations

import csv
import sys

from lossmon.options import parsing_options
from lossmon.commands import EXIT_OK, EXIT_USAGE, OutputError, output_stream
from lossmon.engine import check_file
from lossmon.engine.errors import LossmonError
from lossmon.engine.findings import step_for_json
from lossmon.engine.safe_text import csv_text, printable


def run_export(args) -> int:
    if args.csv == "-":
        output_stream()  # closed: say so before reading anything
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
        out.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:  # a full disk, a closed stdout: one line, exit 2
        where = "standard output" if out is sys.stdout else args.csv
        raise OutputError(f"cannot write {where} ({getattr(error, 'strerror', None) or error})") from None
    finally:
        if out is not sys.stdout:
            try:
                out.close()
            except OSError:
                pass  # what it could not write was reported above
    print(
        f"lossmon: wrote {sum(len(s) for s in monitor.store):,} points of {len(monitor.store)} series to {printable(args.csv)}",
        file=sys.stderr,
    )
    return EXIT_OK if len(monitor.store) else EXIT_USAGE
