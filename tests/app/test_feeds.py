import threading
import time

from lossmon.app.feeds import HistoryFeed, ReplayFeed, open_logs
from lossmon.engine import Monitor, check_file


def _logs(*paths):
    return open_logs([str(p) for p in paths], lambda path: Monitor(path))


def _wait(feed, timeout=30.0):
    feed._thread.join(timeout)
    assert not feed._thread.is_alive()


def test_history_feed_reads_to_the_end_like_check(real_logs):
    path = real_logs / "gpt-lab-diffusion-train.log"  # its last line has no newline
    logs = _logs(path)
    notified = []
    feed = HistoryFeed(logs, notified.append)
    feed.start()
    _wait(feed)
    expected = check_file(str(path))
    log = logs[0]
    assert not log.loading and log.error is None
    assert log.monitor.records == expected.records
    def found(monitor):  # batch sizes differ from check's, so only the order may differ
        return sorted((f.line, f.pathology, f.series, f.severity) for f in monitor.findings)

    assert found(log.monitor) == found(expected)
    assert log.bytes_read == path.stat().st_size
    assert notified and notified[-1] is log


def test_history_feed_reports_an_unreadable_file_on_the_log(tmp_path):
    logs = _logs(tmp_path / "missing.log")
    feed = HistoryFeed(logs, lambda log: None)
    feed.start()
    _wait(feed)
    assert "no such file" in logs[0].error and not logs[0].loading


def test_replay_feeds_at_the_requested_speed_and_detectors_fire_as_it_goes(nan_log):
    logs = _logs(nan_log)
    log = logs[0]
    feed = ReplayFeed(logs, lambda log: None, speed=400)
    start = time.monotonic()
    feed.start()
    time.sleep(0.6)
    with log.lock:
        records = log.monitor.records
        findings = list(log.monitor.findings)
    elapsed = time.monotonic() - start
    assert 0.4 * 400 * elapsed <= records <= 400 * elapsed + 60
    assert not findings  # the NaN comes at step 560
    _wait(feed)
    assert log.monitor.records == 612
    assert {f.pathology for f in log.monitor.findings} == {"nan_or_inf"}


def test_a_paused_replay_stops_feeding(healthy_log):
    logs = _logs(healthy_log)
    feed = ReplayFeed(logs, lambda log: None, speed=1000)
    feed.paused = True
    feed.start()
    time.sleep(0.3)
    assert logs[0].monitor.records == 0
    feed.paused = False
    _wait(feed)
    assert logs[0].monitor.records == 612
    feed.stop()
    assert not any(t.name == "ReplayFeed" and t.is_alive() for t in threading.enumerate())
