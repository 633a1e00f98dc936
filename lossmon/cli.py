"""Command line: argument parsing only; each command lives in its own module."""

from __future__ import annotations

import argparse
import atexit
import difflib
import glob
import importlib
import os
import signal
import sys
import threading
from typing import NoReturn

from lossmon import __version__
from lossmon.engine.errors import LossmonError

from lossmon.commands import EXIT_ALERT, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, OutputError
from lossmon.options import add_alert_options, add_parsing_options, add_stall_option


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit code 2, an unknown option by its
    name (with the closest known one) before any missing argument."""

    def parse_known_args(self, args=None, namespace=None):
        unknown = self._unknown_option(list(sys.argv[1:] if args is None else args))
        if unknown:
            self.error(unknown)
        return super().parse_known_args(args, namespace)

    def _unknown_option(self, argv: list[str]) -> str | None:
        takes_value = {
            option: action.nargs != 0 for action in self._actions for option in action.option_strings
        }
        known = list(takes_value)
        commands = self._subparsers_choices()
        skip = False
        for arg in argv:
            if skip:  # the value of the option before it (--pattern '-?\d+')
                skip = False
                continue
            if arg == "--" or arg in commands:
                return None  # after --, or a command's own options: its parser checks those
            if not arg.startswith("-") or arg == "-" or _is_number(arg):
                continue
            name = arg.split("=", 1)[0]
            matches = [name] if name in known else [k for k in known if name.startswith("--") and k.startswith(name)]
            if len(matches) == 1:
                skip = "=" not in arg and takes_value[matches[0]]
                continue
            close = difflib.get_close_matches(name, [k for k in known if k.startswith("--")], n=1, cutoff=0.6)
            return f"unknown option {name}" + (f"; did you mean {close[0]}?" if close else "")
        return None

    def _subparsers_choices(self) -> set[str]:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                return set(action.choices)
        return set()

    def error(self, message: str):
        message = message.replace("the following arguments are required:", "missing")
        raise LossmonError(f"{self.prog}: {message} (see {self.prog} --help)")

    def _print_message(self, message: str, file=None) -> None:
        # argparse ignores a failed write of --help or --version: here it is exit 2 like any output.
        if message:
            file = file or sys.stderr
            try:
                file.write(message)
                file.flush()
            except (OSError, ValueError) as error:
                name = "standard output" if file is sys.stdout else "standard error"
                raise OutputError(f"cannot write {name} ({getattr(error, 'strerror', None) or error})") from None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="lossmon",
        usage="lossmon [options] PATH... | lossmon COMMAND ...",
        description="Follow a training log: metrics, charts and loss-curve pathology detectors. "
        "`lossmon PATH...` opens the terminal app on the logs (see `lossmon PATH --help`); "
        "the commands below work without it.",
        epilog="examples: lossmon train.log · lossmon demo · lossmon check --json train.log · "
        "lossmon watch train.log --exit-on alert",
    )
    parser.add_argument("--version", action="version", version=f"lossmon {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, prog="lossmon")

    check = commands.add_parser(
        "check",
        help="read logs to their end and report metrics and findings (exit 1 on an alert)",
        description="Read each log to its end, run the detectors, print a report. "
        "Exit 0 when no finding is an alert, 1 when one is, 2 on a usage error or unreadable path.",
    )
    add_paths_argument(check)
    output = check.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print exactly one JSON object")
    output.add_argument("--markdown", action="store_true", help="print a short report to paste into an issue or chat")
    check.add_argument("--plot", action="store_true", help="add a text chart of the primary losses (not with --json)")
    check.add_argument(
        "--compare",
        action="store_true",
        help="compare the runs with a baseline (the first PATH unless --baseline): a table of steps, "
        "last and best losses, verdicts, and the step at which each run reaches the baseline's final loss",
    )
    check.add_argument("--baseline", metavar="PATH", help="with --compare: the baseline run (added to the runs if not among them)")
    check.add_argument(
        "--x",
        choices=("step", "epoch", "time", "tokens"),
        default=None,
        help="with --compare: the x axis runs are aligned on (default step): epoch, time since each run's "
        "first record (from the log's timestamps or elapsed-time counter), or tokens (samples when the log "
        "counts samples); an error when a run lacks it",
    )
    check.add_argument(
        "--explain",
        action="store_true",
        help="say what was read and what was skipped: formats and their lines, each series' source lines, "
        "lines not understood grouped by shape, with a --pattern to try",
    )
    add_parsing_options(check)

    export = commands.add_parser(
        "export",
        help="write the parsed series of a log as CSV (step, series, value)",
        description="Read a log to its end and write every parsed point as a CSV row, for pandas or a spreadsheet.",
    )
    export.add_argument("path", metavar="PATH", help="log file ('-' for stdin)")
    export.add_argument("--csv", required=True, metavar="OUT", help="output file ('-' for stdout)")
    add_parsing_options(export)
    demo = commands.add_parser(
        "demo",
        help="start a simulated training run in the background and open the app on it",
        description="A small numpy training run writes its log (a real framework's format) to a "
        "temporary file while the app follows it; a pathology appears after a while.",
    )
    demo.add_argument("--scenario", default="exploding_loss", metavar="NAME",
                      help="which run: healthy, exploding_loss (default), nan_or_inf, not_converging, "
                      "overfitting, contradictory_metrics, stuck_periodic, plateau")
    demo.add_argument("--speed", type=float, default=100.0, metavar="N", help="training steps per second (default 100)")
    demo.add_argument("--ascii", action="store_true", help="plain ASCII charts and glyphs")
    demo.add_argument("--light", action="store_true", help="light theme")
    watch = commands.add_parser(
        "watch",
        help="follow logs as they grow (like tail -F) and print records and findings",
        description="Follow logs as they are written: history first, then every new line; survives "
        "rotation, truncation, deletion and files that appear later. Runs until interrupted (exit 0).",
    )
    add_paths_argument(watch)
    watch.add_argument("--jsonl", action="store_true", help="one JSON object per record and per finding")
    watch.add_argument(
        "--poll",
        type=float,
        metavar="SECONDS",
        help="poll every SECONDS instead of using file events (for NFS/Lustre; used on its own when detected)",
    )
    add_parsing_options(watch)
    add_alert_options(watch)
    add_stall_option(watch)
    add_baseline_option(watch)
    watch.add_argument(
        "--exit-on",
        choices=("alert", "warn"),
        help="stop with exit status 1 at the first finding of this severity (or worse)",
    )
    commands.add_parser(
        "formats",
        help="list the log formats lossmon detects, with an example line each",
        description="List the log formats lossmon detects with no configuration (ids for --format).",
    )
    return parser


APP_EXAMPLES = """examples:
  lossmon train.log                        the app: history, then follows the log as it grows
  lossmon 'runs/*/train.log'               a glob: each file it matches, now or later ([ ] switch)
  ssh gpu1 tail -F train.log | lossmon -   '-' reads the log from stdin; keys still work
  lossmon --replay --speed 200 train.log   animate a finished log at 200 records/s
  lossmon --notify --alert-level warn train.log   bell + desktop notification on a warning
  NO_COLOR=1 lossmon --ascii train.log     no colour, no braille: severity in words and glyphs
  lossmon check train.log                  a report; exit 1 when a finding is an alert
  lossmon watch train.log --exit-on alert  a line per finding; stop at the first alert

commands (lossmon COMMAND --help for each):
  check    read logs to their end and report metrics and findings (exit 1 on an alert)
  watch    follow logs as they grow (like tail -F) and print records and findings
  export   write the parsed series of a log as CSV (step, series, value)
  demo     start a simulated training run and open the app on it
  formats  list the log formats lossmon detects

keys in the app: s smoothing, l log scale, w window, x x axis, m metrics, p pause,
  a acknowledge, f findings, left/right value readout, S screenshot, ? every key, q quit;
  several runs: o overlay, r run list (space show/hide, enter view, b baseline), / filter"""


def build_app_parser() -> argparse.ArgumentParser:
    """`lossmon PATH...` (no command): the terminal app. Its help is `lossmon --help`."""
    parser = _Parser(
        prog="lossmon",
        usage="lossmon [options] PATH...  |  lossmon COMMAND ...",
        description="Follow training logs in a terminal app: metrics, charts and loss-curve pathology "
        "detectors. History first, then following the logs as they grow (rotation, truncation, "
        "deletion, files that appear later).",
        epilog=APP_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"lossmon {__version__}")
    add_paths_argument(parser)
    parser.add_argument("--replay", action="store_true", help="animate a finished log, detectors firing as it goes")
    parser.add_argument(
        "--poll", type=float, metavar="SECONDS", help="poll every SECONDS instead of using file events (NFS/Lustre)"
    )
    parser.add_argument("--speed", type=float, metavar="N", help="replay speed in records per second (default 50)")
    parser.add_argument("--ascii", action="store_true", help="plain ASCII charts and glyphs (fonts without braille)")
    parser.add_argument("--light", action="store_true", help="light theme (the command palette switches too)")
    add_parsing_options(parser)
    add_alert_options(parser)
    add_stall_option(parser)
    add_baseline_option(parser)
    parser.add_argument(
        "--screenshot-dir",
        metavar="DIR",
        help="where S saves screenshots (default $XDG_STATE_HOME/lossmon/screenshots, never the current directory)",
    )
    parser.add_argument(
        "--notify",
        action="store_true",
        help="on each new finding at or above --alert-level: a terminal bell and a desktop notification "
        "(OSC 9 and OSC 777; they travel through SSH, and through tmux with `set -g allow-passthrough on`)",
    )
    return parser


def add_paths_argument(parser: argparse.ArgumentParser) -> None:
    """PATH...: what the app, check and watch read, said alike."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="log files, quoted globs, directories of runs (logs, TensorBoard, MLflow), or '-' for stdin",
    )


def add_baseline_option(parser: argparse.ArgumentParser) -> None:
    """--baseline for the followers (watch, the app); check has its own, with --compare."""
    parser.add_argument(
        "--baseline",
        metavar="PATH",
        help="a baseline run (a finished log, read once): an info finding when a followed run is clearly "
        "ahead of or behind it (beyond both runs' noise), and when it reaches the baseline's final loss",
    )


# command → (module, function): imported only when used, so `check` never loads Textual.
_COMMANDS = {
    "check": ("lossmon.commands.check", "run_check"),
    "demo": ("lossmon.commands.demo", "run_demo"),
    "export": ("lossmon.commands.export", "run_export"),
    "formats": ("lossmon.commands.formats", "run_formats"),
    "watch": ("lossmon.commands.watch", "run_watch"),
}


def misspelt_command(argv: list[str]) -> str | None:
    """The command the first argument was probably meant to be: it names no file (now, or as
    a glob), looks like a word rather than a path, and is close to a command's name."""
    first = argv[0] if argv else ""
    if not first or first.startswith("-") or os.path.exists(first) or glob.glob(first):
        return None
    if any(char in first for char in "./*?[") or first in _COMMANDS:
        return None
    close = difflib.get_close_matches(first.lower(), list(_COMMANDS), n=1, cutoff=0.75)
    return close[0] if close else None


def main(argv: list[str] | None = None) -> int:
    """The exit status of the command ``argv``. Without ``argv`` this is the program itself
    (the console script, ``python -m lossmon``): it reads sys.argv and ends the process
    (:func:`end_process`), so that a Ctrl+C is never lost on the way out."""
    program = argv is None
    argv = sys.argv[1:] if argv is None else argv
    try:
        _prepare_streams()
        try:
            status = _run(argv)
        except SystemExit as done:  # argparse's --help and --version: still check their output
            status = done.code if isinstance(done.code, int) else EXIT_USAGE
        status = _flush_stdout(status)
    except KeyboardInterrupt:  # after the command: while its output was flushed
        status = _interrupted()
    if program:
        end_process(status)
    return status


def end_process(status: int) -> NoReturn:
    """End the program with ``status``, or with EXIT_INTERRUPTED if a Ctrl+C (SIGINT) came
    meanwhile. Left to the interpreter, the way out (threads joined, atexit functions, then its
    teardown) runs Python code after the status is decided: an interrupt there was an "Exception
    ignored" traceback, and an interrupted check exited 0 with its report. Here the threads and
    atexit functions run with an interrupt only noted; then SIGINT is blocked, the output
    flushed, the interrupt looked for once more, and the process ends without the teardown
    (which only walked and freed memory, half a second after a big history: the system frees
    it at once)."""
    noted: list[int] = []
    signal.signal(signal.SIGINT, lambda *_: noted.append(1))
    try:
        threading._shutdown()  # what the interpreter's exit does first: non-daemon threads end
        atexit._run_exitfuncs()  # multiprocessing's (children joined), the others'
    except KeyboardInterrupt:  # (raised by a handler of their own)
        noted.append(1)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    for stream in (sys.stdout, sys.stderr):  # (stdout's failure was told by _flush_stdout)
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    if (noted or signal.SIGINT in signal.sigpending()) and status != EXIT_INTERRUPTED:
        status = _interrupted()
    os._exit(status)


def _interrupted() -> int:
    """A Ctrl+C (SIGINT) ended the command before it finished: one line, and its own status."""
    _say("lossmon: interrupted")
    return EXIT_INTERRUPTED


def _run(argv: list[str]) -> int:
    try:
        if not argv:
            build_app_parser().print_help(sys.stderr)
            return EXIT_USAGE
        if argv[0] in ("-h", "--help"):
            build_app_parser().print_help()
            return EXIT_OK
        command = misspelt_command(argv)
        if command is not None:
            rest = " ".join(argv[1:])
            raise LossmonError(
                f"{argv[0]}: no such command or file; did you mean `lossmon {command}{' ' + rest if rest else ''}`? "
                "(a log that will appear later: write its path, e.g. ./" + argv[0] + ")"
            )
        # No command, just paths: the terminal app.
        if argv[0] not in _COMMANDS:
            from lossmon.commands.app import run_app

            return run_app(build_app_parser().parse_args(argv))
        args = build_parser().parse_args(argv)
        module_name, function_name = _COMMANDS[args.command]
        return getattr(importlib.import_module(module_name), function_name)(args)
    except LossmonError as error:
        from lossmon.engine.safe_text import printable  # errors name paths: escaped, never obeyed

        if isinstance(error, OutputError):
            _discard_stdout()
        stream = getattr(error, "stream", None) or sys.stderr  # the app: the stream still on the terminal
        _say(printable(f"lossmon: {error}" if not str(error).startswith("lossmon") else str(error)), stream)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:  # output piped into `head`: stop quietly
        _discard_stdout()
        sys.stderr.close()
        return EXIT_OK
    except OSError as error:  # an I/O failure no command turned into a message: still one line
        _discard_stdout()
        where = f"{os.fsdecode(error.filename)}: " if error.filename else ""
        _say(f"lossmon: {where}I/O error ({error.strerror or error})")
        return EXIT_USAGE


def _say(message: str, stream=None) -> None:
    """One line on stderr (or ``stream``); a stream that cannot take it (``2>/dev/full``) changes
    no exit status."""
    try:
        print(message, file=stream or sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _flush_stdout(status: int) -> int:
    """What a command left buffered goes out now, where a failure can still be told and turned
    into exit status 2 (at exit, Python would only print a second traceback)."""
    if sys.stdout is None or sys.stdout.closed:
        return status
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
    except (OSError, ValueError) as error:
        _discard_stdout()
        _say(f"lossmon: cannot write standard output ({getattr(error, 'strerror', None) or error})")
        return EXIT_USAGE
    return status


def _prepare_streams() -> None:
    """Text that cannot be encoded (a non-UTF-8 file name under a strict or ASCII locale) is
    escaped, not a traceback; a closed stderr (``2>&-``) swallows messages instead of print()
    sending them to stdout."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _discard_stdout() -> None:
    """After a failed write, what stdout still buffers would fail again at exit (a second error
    and exit status 120): point it at /dev/null."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
