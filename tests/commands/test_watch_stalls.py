"""`lossmon watch` on a log that stops growing: the stall fires the hook and --exit-on, on a
ManualClock (the command runs in-process, its follower given the clock)."""

import threading

from lossmon.cli import build_parser
from lossmon.commands import watch as watch_command
from lossmon.engine.follower import Follower
from tests.commands.test_watch import nano
from tests.conftest import ManualClock, until


def test_a_stalled_log_runs_the_hook_and_ends_the_watch(tmp_path, monkeypatch, capfd):
    clock, followers = ManualClock(1000.0), []

    def follower_on_the_manual_clock(*args, **kwargs):
        followers.append(Follower(*args, clock=clock, **kwargs))
        return followers[-1]

    monkeypatch.setattr(watch_command, "Follower", follower_on_the_manual_clock)
    log = tmp_path / "train.log"
    log.write_text("".join(nano(i, 3.0 - i * 0.01) for i in range(20)))
    fired = tmp_path / "fired"
    args = build_parser().parse_args([
        "watch", str(log), "--stall-after", "30", "--exit-on", "warn", "--alert-level", "warn",
        "--on-alert", f'echo "$LOSSMON_PATHOLOGY $LOSSMON_SEVERITY $LOSSMON_STEP" > "{fired}"',
    ])
    done = threading.Event()

    def the_run_hangs():  # once the history is read nothing more comes: 31 s pass on the clock
        def hung() -> bool:
            monitor = followers[0].monitors.get(str(log)) if followers else None
            if monitor is not None and monitor.records == 20:
                clock.now = max(clock.now, 1031.0)
                followers[0].tick()
            return done.is_set()

        until(hung, "the watch to end", poll=0.05)  # (on this thread: watch's own wait fails the test)

    threading.Thread(target=the_run_hangs, daemon=True).start()
    try:
        assert watch_command.run_watch(args) == 1  # --exit-on warn
    finally:
        done.set()
    assert fired.read_text() == "stalled warn 19\n"
    out = capfd.readouterr().out
    assert f"{log}: WARN stalled in log at step 19 (line 20): no new record for 31 s" in out


def test_watch_prints_each_event_once_and_jsonl_keeps_every_finding():
    import json

    from lossmon.engine.episodes import EpisodeBook
    from lossmon.engine.findings import Finding
    from lossmon.engine.monitor import Monitor
    from lossmon.engine.updates import FollowUpdate

    spike = Finding("exploding_loss", "warn", "loss", 10.0, 11, "loss 9 is 40x above its running level")
    echo = Finding("exploding_loss", "info", "loss", 900.0, 901, "a smaller spike; the run recovered")
    book = EpisodeBook()
    book.take([spike], [("exploding_loss", "loss", 60)], [], lambda series, line: line)
    book.take([echo], [], [], lambda series, line: line)
    update = FollowUpdate("train.log", Monitor("train.log"), findings=[spike, echo])
    assert watch_command.text_lines(update) == [
        "train.log: WARN exploding_loss in loss at step 10 (line 11): loss 9 is 40x above its running level"
    ]
    rows = [json.loads(line)["finding"] for line in watch_command.jsonl_lines(update)]
    assert [(r["severity"], r["episode"], r["escalates"]) for r in rows] == [("warn", 1, True), ("info", 1, False)]
