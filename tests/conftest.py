"""Shared fixtures: the real training logs that ship beside the repository."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_CANDIDATES = (REPO.parent / "shared" / "real-logs", Path("/work/shared/real-logs"))


@pytest.fixture(scope="session")
def real_logs() -> Path:
    for candidate in _CANDIDATES:
        if (candidate / "README.md").exists():
            return candidate
    pytest.skip("the real logs (../shared/real-logs) are not next to this checkout")


@pytest.fixture(scope="session")
def demo_logs() -> Path:
    return REPO / "demo_logs"


class ManualClock:
    """Time that moves only when a test moves it (``advance``), or by ``step`` at each reading
    when given: a replay or timer paced by it goes exactly as far as the test says, however busy
    the machine. ``readings`` counts the reads, so a test can wait until the code has looked."""

    def __init__(self, step: float = 0.0) -> None:
        self.now = 0.0
        self.step = step
        self.readings = 0

    def __call__(self) -> float:
        self.readings += 1
        self.now += self.step
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


DEADLINE = 20.0  # seconds a test waits for something before it fails (a bound, never a measure)


def until(condition, what="the condition", *, timeout: float = DEADLINE, poll: float = 0.02, pilot=None):
    """Wait until ``condition()`` holds; fail after ``timeout`` seconds, saying ``what`` was
    awaited (a string, or a function giving one then: the state at the failure). With a Textual ``pilot``, a coroutine to await that lets the app run meanwhile
    (``await until(lambda: ..., "the badge", pilot=pilot)``); without, it polls on this thread.
    The deadline only ends a wait that would never succeed: no test asserts on how long it took."""
    end = time.monotonic() + timeout

    def done() -> bool:
        if condition():
            return True
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what() if callable(what) else what}")
        return False

    if pilot is None:
        while not done():
            time.sleep(poll)
        return None

    async def wait() -> None:
        while not done():
            await pilot.pause(poll)

    return wait()
