"""Messages from the reader's thread: a burst of LogsChanged is handled once."""

from __future__ import annotations

from lossmon.app.messages import HookFailed, LogsChanged

from .conftest import make_app, wait_loaded


def test_news_replaces_news_only():
    assert LogsChanged().can_replace(LogsChanged())
    assert not LogsChanged().can_replace(HookFailed("x"))


async def test_a_burst_of_news_is_handled_once(healthy_log, tick_dir, monkeypatch):
    app = make_app(healthy_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        handled = []
        original = type(app).on_logs_changed
        monkeypatch.setattr(type(app), "on_logs_changed", lambda self: (handled.append(1), original(self)))
        for _ in range(50):  # posted in one go, as a reader's thread does while the app is busy
            app.post_message(LogsChanged())
        await pilot.pause()
        await pilot.pause()
        assert handled == [1]
