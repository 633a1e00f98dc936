"""`lossmon PATH...`: open the terminal app on logs: history first, then following them as they
grow (files, globs, '-' for stdin); --replay animates finished logs instead."""

from __future__ import annotations

import glob
import os
import sys
from functools import partial
from typing import BinaryIO

from lossmon.options import parsing_options
from lossmon.commands import EXIT_OK, EXIT_USAGE
from lossmon.engine import Monitor
from lossmon.engine.errors import LossmonError
from lossmon.engine.safe_text import printable
from lossmon.engine.sources.targets import STDIN, check_spec


def check_replay_paths(paths: list[str]) -> None:
    """A replay reads finished files: each must be there now."""
    for path in paths:
        if path == STDIN:
            raise LossmonError("--replay animates a finished file, not stdin")
        if os.path.isdir(path):
            raise LossmonError(f"{path}: is a directory, not a log file")
        if not os.path.exists(path):
            raise LossmonError(f"{path}: no such file")
        if not os.access(path, os.R_OK):
            raise LossmonError(f"{path}: permission denied")


def runs_with_baseline(paths: list[str], baseline: str | None) -> list[str]:
    """--baseline PATH: the runs, with PATH first unless a PATH argument (a file, a glob, a
    directory of runs) already opens it."""
    if baseline is None:
        return paths
    if not os.path.exists(baseline):
        raise LossmonError(f"--baseline {baseline}: no such file or directory")
    wanted = os.path.realpath(baseline)
    for spec in paths:
        if spec == STDIN:
            continue
        if os.path.isdir(spec) and wanted.startswith(os.path.realpath(spec) + os.sep):
            return paths
        if any(os.path.realpath(match) == wanted for match in glob.glob(spec)):
            return paths
    return [baseline, *paths]


def build_reader(args, stdin: BinaryIO | None = None):
    """The app's reader for parsed arguments: the follower, following the logs or replaying them."""
    from lossmon.app.reader import LogReader

    from lossmon.commands.watch import read_baseline
    from lossmon.engine.baseline import with_baseline

    make_monitor = with_baseline(partial(Monitor, **parsing_options(args)), read_baseline(args))
    return LogReader(
        args.paths, make_monitor, replay_speed=args.speed if args.replay else None,  # run_app checked a replay's paths
        poll_interval=args.poll, stdin=stdin, stall_after=args.stall_after,
    )


def take_stdin_for_the_log() -> BinaryIO:
    """`... | lossmon -`: the log comes through stdin, so the keys must come from the terminal.
    The pipe moves to another descriptor and the terminal takes its place as descriptor 0."""
    if sys.stdin is None or sys.stdin.isatty():
        raise LossmonError("'-' reads the log from a pipe (e.g. ssh gpu1 tail -F train.log | lossmon -)")
    try:
        terminal = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise LossmonError("reading a log from stdin needs a terminal for the keys (/dev/tty)") from None
    pipe = os.fdopen(os.dup(0), "rb", buffering=0)
    os.dup2(terminal, 0)
    os.close(terminal)
    return pipe


class TerminalUnusable(LossmonError):
    """The app cannot draw: ``stream`` is the one to say so on (the one still on the terminal)."""

    def __init__(self, message: str, stream) -> None:
        super().__init__(message)
        self.stream = stream


def check_terminal(stdout=None, stderr=None) -> None:
    """The app reads the size of the terminal on stdout and draws through stderr (Textual's
    driver): with either redirected it would run invisibly or not at all. Refuse, on the stream
    that still reaches the user."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    out_tty, err_tty = _is_tty(stdout), _is_tty(stderr)
    if out_tty and err_tty:
        return
    if not out_tty and not err_tty:
        where = "stdout and stderr are"
    else:
        where = "stdout is" if not out_tty else "stderr is"
    raise TerminalUnusable(
        f"the app needs a terminal, but {where} redirected (for a report: lossmon check PATH; "
        "to follow in a file: lossmon watch PATH > out)",
        stderr if err_tty or not out_tty else stdout,
    )


def _is_tty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # closed
        return False


def run_app(args) -> int:
    if args.speed is not None and args.speed <= 0:
        raise LossmonError(f"--speed must be positive, not {args.speed:g}")
    if args.speed is not None and not args.replay:
        args.replay = True
    if args.speed is None:
        args.speed = 50.0
    if args.replay:
        check_replay_paths(args.paths)
    args.paths = runs_with_baseline(args.paths, args.baseline)
    for spec in args.paths:
        check_spec(spec)
    check_terminal()
    stdin = take_stdin_for_the_log() if STDIN in args.paths and not args.replay else None
    reader = build_reader(args, stdin)
    if not args.replay:
        reader.start_early()  # the history is read while the app starts (a replay waits for it)

    from lossmon.app.alerting import AlertOptions
    from lossmon.app.app import LossmonApp

    alerts = AlertOptions(args.on_alert, args.alert_level, args.hook_timeout, args.notify, args.webhook)
    LossmonApp(
        reader, ascii=args.ascii, light=args.light, alerts=alerts, screenshots=args.screenshot_dir, baseline=args.baseline
    ).run()
    return say_failed_inputs(reader)


def say_failed_inputs(reader, stderr=None) -> int:
    """After the app: each input whose last word was an error (a corrupt .gz, shown in its header
    while the app ran) in one line on the restored terminal, and exit 2, as ``watch`` does."""
    errors = [log.error for log in list(reader.logs) if log.error]
    if reader.error:
        errors.append(reader.error)
    for error in errors:
        print(f"lossmon: {printable(error)}", file=stderr or sys.stderr, flush=True)
    return EXIT_USAGE if errors else EXIT_OK


__all__ = ["run_app", "build_reader", "say_failed_inputs"]
