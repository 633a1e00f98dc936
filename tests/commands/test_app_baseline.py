"""`lossmon --baseline PATH ...`: the app's runs are compared with the baseline as they are read."""

from lossmon.cli import build_app_parser
from lossmon.commands.app import build_reader
from tests.conftest import until


def replayed_log(args):
    """The log the app's reader opens for ``args`` (a replay, paused: nothing is read into it)."""
    args.speed = 50.0
    reader = build_reader(args)
    reader.paused = True
    reader.start(lambda log: None)
    try:
        until(lambda: reader.logs, "the log")
    finally:
        reader.stop()
    (log,) = reader.logs
    assert log.monitor.records == 0
    return log


def test_the_apps_runs_are_compared_with_the_baseline(real_logs):
    adamw, llmc = str(real_logs / "modded-nanogpt-adamw.log"), str(real_logs / "llmc-main.log")
    log = replayed_log(build_app_parser().parse_args(["--replay", "--baseline", adamw, llmc]))
    assert log.monitor.baseline is not None and log.monitor.baseline.baseline.path == adamw
    log.monitor.feed((real_logs / "llmc-main.log").read_bytes())
    assert any(f.pathology == "baseline" and "1.86x more steps" in f.message for f in log.monitor.findings)


def test_without_the_option_nothing_is_compared(real_logs):
    log = replayed_log(build_app_parser().parse_args(["--replay", str(real_logs / "llmc-main.log")]))
    assert log.monitor.baseline is None
