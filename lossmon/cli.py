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

    watch = commands.add_parser(
        "watch",
        help="follow logs as they grow (like tail -F) and print records and findings",
        description="Follow logs as they are written: history first, then every new line; survives "
        "rotation, truncation, deletion and files that appear later. Runs until interrupted (exit 0).",
    )
    watch.add_argument("paths", nargs="+", metavar="PATH", help="log files, quoted globs, or '-' for stdin")
    watch.add_argument("--jsonl", action="store_true", help="one JSON object per record and per finding")
    watch.add_argument(
        "--poll",
        type=float,
        metavar="SECONDS",
        help="poll every SECONDS instead of using file events (for NFS/Lustre; used on its own when detected)",
    )
    add_parsing_options(watch)
    return parser


def add_parsing_options(parser: argparse.ArgumentParser) -> None:
    from lossmon.engine.formats import FORMATS_BY_ID

    parser.add_argument("--format", choices=sorted(FORMATS_BY_ID), help="skip detection: read this format")
    parser.add_argument("--metric", metavar="NAME", help="the series to use as the primary training loss")


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
        if args.command == "watch":
            from lossmon.commands.watch import run_watch

            return run_watch(args)
    except LossmonError as error:
        print(f"lossmon: {error}" if not str(error).startswith("lossmon") else str(error), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return EXIT_USAGE
