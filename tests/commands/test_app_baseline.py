"""`lossmon --baseline PATH ...`: the app's runs are compared with the baseline as they are read."""

from lossmon.cli import build_app_parser
from lossmon.commands.app import build_feed


def test_the_apps_runs_are_compared_with_the_baseline(real_logs):
    adamw, llmc = str(real_logs / "modded-nanogpt-adamw.log"), str(real_logs / "llmc-main.log")
    args = build_app_parser().parse_args(["--replay", "--baseline", adamw, llmc])
    args.speed = 50.0
    feed = build_feed(args)
    (log,) = feed.logs
    assert log.monitor.baseline is not None and log.monitor.baseline.baseline.path == adamw
    log.monitor.feed((real_logs / "llmc-main.log").read_bytes())
    assert any(f.pathology == "baseline" and "1.86x more steps" in f.message for f in log.monitor.findings)


def test_without_the_option_nothing_is_compared(real_logs):
    args = build_app_parser().parse_args(["--replay", str(real_logs / "llmc-main.log")])
    args.speed = 50.0
    (log,) = build_feed(args).logs
    assert log.monitor.baseline is None
