"""The command-line options shared by several commands (check, export, watch, the app), and
their conversion to Monitor keyword arguments. A module of its own so that ``cli`` (which builds
the parsers) and ``commands/`` (which read the parsed arguments) both import it, not each other."""

from __future__ import annotations

import argparse


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
    parser.add_argument(
        "--max-series", type=_positive_int, default=None, metavar="N",
        help="keep at most N distinct series per file (default 1000; losses may take as many again); "
        "the names past it are counted and dropped",
    )


def add_alert_options(parser: argparse.ArgumentParser) -> None:
    from lossmon.engine.alerts import DEFAULT_TIMEOUT

    parser.add_argument(
        "--on-alert",
        metavar="CMD",
        help="run CMD through the shell once per event that opens or escalates to --alert-level "
        "(LOSSMON_PATHOLOGY, LOSSMON_SEVERITY, LOSSMON_STEP, LOSSMON_LINE, LOSSMON_SERIES, LOSSMON_FILE, "
        "LOSSMON_MESSAGE in its environment, and LOSSMON_JSON, a chat webhook payload to post as it is)",
    )
    parser.add_argument(
        "--webhook",
        type=_webhook_url,
        metavar="URL",
        help="POST each new finding as JSON to this chat webhook (Slack, Mattermost, Discord), in the "
        "background; log text in it cannot mention anyone or add a field",
    )
    parser.add_argument(
        "--alert-level",
        choices=("info", "warn", "alert"),
        default="alert",
        help="the lowest severity that runs the --on-alert command and posts to --webhook (default: alert)",
    )
    parser.add_argument(
        "--hook-timeout",
        type=_positive_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop an --on-alert command (or a --webhook post) that runs longer (default {DEFAULT_TIMEOUT:g})",
    )


def add_stall_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stall-after",
        type=_positive_seconds,
        metavar="SECONDS",
        help="a followed log with no new record for SECONDS is stalled: warn, and alert after 3x as long "
        "(default: 5x the run's usual interval between records, at least a minute; inf: never)",
    )


def _webhook_url(text: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"must be an http:// or https:// URL, not {text}")
    return text


def _positive(convert, noun: str):
    """An argparse type: ``convert(text)``, which must be above zero (NaN is not)."""

    def parse(text: str):
        try:
            value = convert(text)
        except ValueError:
            value = None
        if value is None or not value > 0:
            raise argparse.ArgumentTypeError(f"must be a positive {noun}, not {text}")
        return value

    return parse


_positive_int = _positive(int, "whole number")
_positive_seconds = _positive(float, "number of seconds")


def parsing_options(args: argparse.Namespace) -> dict:
    """Monitor keyword arguments from the options add_parsing_options() added; a bad --pattern
    raises LossmonError here, before any file is read."""
    pattern = getattr(args, "pattern", None)
    if pattern is not None:
        from lossmon.engine.formats import compile_pattern

        compile_pattern(pattern)
    options = {
        "format_id": getattr(args, "format", None),
        "pattern": pattern,
        "primary_metric": getattr(args, "metric", None),
    }
    if getattr(args, "max_series", None) is not None:
        options["max_series"] = args.max_series
    return options
