"""Command line: argument parsing only; each command lives in its own module."""

from __future__ import annotations

import argparse
import sys

from lossmon import __version__
from lossmon.engine.errors import LossmonError

from lossmon.commands import EXIT_ALERT, EXIT_OK, EXIT_USAGE


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit code 2."""

    def error(self, message: str):
        raise LossmonError(f"{self.prog}: {message} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="lossmon",
        description="Follow a training log: metrics, charts and loss-curve pathology detectors.",
    )
    parser.add_argument("--version", action="version", version=f"lossmon {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser(
        "check",
        help="read logs to their end and report metrics and findings (exit 1 on an alert)",
        description="Read each log to its end, run the detectors, print a report. "
        "Exit 0 when no finding is an alert, 1 when one is, 2 on a usage error or unreadable path.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="log files ('-' for stdin)")
    check.add_argument("--json", action="store_true", help="print exactly one JSON object")
    add_parsing_options(check)
    commands.add_parser(
        "formats",
        help="list the log formats lossmon detects, with an example line each",
        description="List the log formats lossmon detects with no configuration (ids for --format).",
    )
    return parser


def add_parsing_options(parser: argparse.ArgumentParser) -> None:
    """--format / --pattern / --metric, for every command that reads logs (check, watch, the app).
    Turn the parsed arguments into Monitor keyword arguments with parsing_options()."""
    from lossmon.engine.formats import FORMATS_BY_ID

    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--format", metavar="ID", choices=sorted(FORMATS_BY_ID),
        help="skip detection and read this format (see `lossmon formats`)",
    )
    group.add_argument(
        "--pattern", metavar="REGEX",
        help="read lines with this regex: the named group 'step' is the step, every other named group a metric",
    )
    parser.add_argument("--metric", metavar="NAME", help="the series to use as the primary training loss")


def parsing_options(args: argparse.Namespace) -> dict:
    """Monitor keyword arguments from the options add_parsing_options() added; a bad --pattern
    raises LossmonError here, before any file is read."""
    pattern = getattr(args, "pattern", None)
    if pattern is not None:
        from lossmon.engine.formats import compile_pattern

        compile_pattern(pattern)
    return {
        "format_id": getattr(args, "format", None),
        "pattern": pattern,
        "primary_metric": getattr(args, "metric", None),
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help(sys.stderr)
            return EXIT_USAGE
        if args.command == "check":
            from lossmon.commands.check import run_check

            return run_check(args)
        if args.command == "formats":
            from lossmon.commands.formats import run_formats

            return run_formats(args)
    except LossmonError as error:
        print(f"lossmon: {error}" if not str(error).startswith("lossmon") else str(error), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stderr.close()
        return EXIT_OK
    return EXIT_USAGE
