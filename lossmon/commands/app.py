"""`lossmon PATH...`: open the terminal app on logs (history first; --replay animates)."""

from __future__ import annotations

import os
import sys

from lossmon.cli import parsing_options
from lossmon.commands import EXIT_OK, EXIT_USAGE
from lossmon.engine import Monitor
from lossmon.engine.errors import LossmonError


def check_paths(paths: list[str]) -> None:
    for path in paths:
        if path == "-":
            raise LossmonError("the app reads files, not stdin (use: lossmon check -)")
        if os.path.isdir(path):
            raise LossmonError(f"{path}: is a directory, not a log file")
        if not os.path.exists(path):
            raise LossmonError(f"{path}: no such file")
        if not os.access(path, os.R_OK):
            raise LossmonError(f"{path}: permission denied")


def build_app(args, mode: str | None = None):
    """The app for parsed arguments (also used by `lossmon demo` and the tests)."""
    from lossmon.app.app import LossmonApp
    from lossmon.app.feeds import HistoryFeed, ReplayFeed, open_logs

    def monitor_for(path: str) -> Monitor:
        return Monitor(path, **parsing_options(args))

    logs = open_logs(args.paths, monitor_for)
    if args.replay:
        speed = args.speed

        def feed(logs, notify):
            return ReplayFeed(logs, notify, speed)

        default_mode = "REPLAY"
    else:
        feed = HistoryFeed
        default_mode = "DONE"
    return LossmonApp(logs, feed, ascii=args.ascii, light=args.light, mode=mode or default_mode)


def run_app(args) -> int:
    check_paths(args.paths)
    if args.speed is not None and args.speed <= 0:
        raise LossmonError(f"--speed must be positive, not {args.speed:g}")
    if args.speed is not None and not args.replay:
        args.replay = True
    if args.speed is None:
        args.speed = 50.0
    if not sys.stdout.isatty():
        raise LossmonError("the app needs a terminal (for a report, use: lossmon check PATH)")
    build_app(args).run()
    return EXIT_OK


__all__ = ["run_app", "build_app", "check_paths", "EXIT_USAGE"]
