"""The app's alerts (issue 8): --notify writes a bell and desktop notifications to the terminal,
--on-alert runs the hook; both once per pathology until its badge clears, neither holding up
the screen. The terminal writer is injected, so the tests read exactly what would be sent."""

from pathlib import Path

from lossmon.app.alerting import AlertOptions
from lossmon.app.notify import desktop_sequences
from lossmon.app.widgets.header import HeaderBar

from .conftest import append_lines, handled_all_read, make_app, trainer_lines, until, wait_loaded, write_log

DEMO_LOGS = Path(__file__).resolve().parents[2] / "demo_logs"


def _notices(app):
    return [(n.title, n.message, n.severity) for n in app._notifications]


async def test_notify_sends_one_bell_and_notification_per_new_alert(tmp_path, tick_dir, monkeypatch):
    monkeypatch.delenv("TMUX", raising=False)
    lines = trainer_lines(600, nan_at=560)
    path = write_log(tmp_path / "run.log", lines[:300])
    written: list[str] = []
    app = make_app(path, alerts=AlertOptions(notify=True), terminal_write=written.append)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert written == []  # healthy so far
        append_lines(path, lines[300:590])  # the NaN starts at step 560 and stays
        await until(lambda: written, "the notification", pilot=pilot)
        assert written == [
            desktop_sequences(
                "lossmon: NaN/Inf in run.log",
                f"alert at step 560: {app.views[0].log.monitor.status()['nan_or_inf'].message}",
            )
        ]
        append_lines(path, lines[590:])  # more NaN: the badge stays red, nothing new to say
        await until(lambda: "step 600" in app.query_one(HeaderBar).text, "the last step", pilot=pilot)
        await handled_all_read(app, pilot, path)
        assert len(written) == 1


async def test_notify_goes_through_tmux_passthrough_inside_tmux(nan_log, tick_dir, monkeypatch):
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,4242,0")
    written: list[str] = []
    app = make_app(nan_log, alerts=AlertOptions(notify=True), terminal_write=written.append)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await until(lambda: written, "the notification", pilot=pilot)
    # The NaN was already in the history: one notification, wrapped for tmux, the bell raw.
    assert len(written) == 1
    assert written[0].startswith("\x07\x1bPtmux;\x1b\x1b]9;lossmon: NaN/Inf in nan.log: alert at step 560")
    assert "\x1bPtmux;\x1b\x1b]777;notify;lossmon: NaN/Inf in nan.log;alert at step 560" in written[0]


async def test_alert_level_warn_notifies_for_warnings_too(tick_dir, monkeypatch):
    monkeypatch.delenv("TMUX", raising=False)
    path = DEMO_LOGS / "not_converging.log"  # warnings only: the loss never gets going
    for level in ("alert", "warn"):
        written: list[str] = []
        app = make_app(path, alerts=AlertOptions(level=level, notify=True), terminal_write=written.append)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_loaded(app, pilot)
            await handled_all_read(app, pilot, path)
        if level == "alert":
            assert written == []
        else:
            assert written and all("NOT CONVERGING in not_converging.log;warn at step" in w for w in written)


async def test_the_hook_runs_once_with_the_finding_in_its_environment(tmp_path, tick_dir):
    lines = trainer_lines(600, nan_at=560)
    path = write_log(tmp_path / "run.log", lines[:300])
    out = tmp_path / "fired.txt"
    command = f'echo "$LOSSMON_PATHOLOGY|$LOSSMON_SEVERITY|$LOSSMON_STEP|$LOSSMON_SERIES|$LOSSMON_FILE" >> {out}; echo noise'
    app = make_app(path, alerts=AlertOptions(command=command))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        append_lines(path, lines[300:])
        await until(lambda: out.exists() and out.read_text(), "the hook", pilot=pilot)
        await handled_all_read(app, pilot, path)
        assert app.alerts.hook.launched == 1
    assert out.read_text() == f"nan_or_inf|alert|560|loss|{path}\n"


async def test_a_hanging_hook_holds_up_neither_the_screen_nor_reading(tmp_path, tick_dir):
    """The hook hangs until the test releases it, which it never does (and its timeout is an
    hour): the new lines reach the screen past it, and quitting stops it."""
    from tests.engine.test_alerts import _alive

    lines = trainer_lines(600, nan_at=400)
    path = write_log(tmp_path / "run.log", lines[:420])
    started, release = tmp_path / "started", tmp_path / "release"
    hook = f'echo $$ > "{started}.tmp" && mv "{started}.tmp" "{started}"; until [ -e "{release}" ]; do sleep 0.05; done'
    app = make_app(path, alerts=AlertOptions(command=hook, timeout=3600))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await until(started.exists, "the hook to start", pilot=pilot)
        append_lines(path, lines[420:])  # the hook still hangs
        await until(lambda: "step 600" in app.query_one(HeaderBar).text, "the new lines", pilot=pilot)
        assert app.alerts.hook.running == 1 and not release.exists()
    # quitting stopped the hook instead of waiting for it (waiting would have lasted the hour)
    until(lambda: not _alive(int(started.read_text())), "the hook to be stopped")
    assert not release.exists()


async def test_a_failing_hook_is_shown_as_a_notification(nan_log, tick_dir):
    app = make_app(nan_log, alerts=AlertOptions(command="echo '[bold]not markup[/]' >&2; exit 3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await until(lambda: _notices(app), "the notification", pilot=pilot)
        assert _notices(app) == [
            ("--on-alert", "alert hook for nan_or_inf at step 560 exited with status 3", "error")
        ]


async def test_webhook_posts_the_alert_in_the_background(nan_log, tick_dir):
    import json

    from tests.http_sink import HttpSink

    with HttpSink() as sink:
        app = make_app(nan_log, alerts=AlertOptions(webhook=sink.url))
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_loaded(app, pilot)
            await until(lambda: not sink.received.empty(), "the post", pilot=pilot)
        body, _, _ = sink.next()
        payload = json.loads(body)
    assert set(payload) == {"text", "content", "allowed_mentions", "lossmon"}
    assert payload["lossmon"]["pathology"] == "nan_or_inf" and payload["lossmon"]["step"] == 560
    assert _notices(app) == []  # posted: no failure to report
