"""Shared fixtures: the real training logs that ship beside the repository."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests draw the same examples on every run, so the suite (and CI) passes or fails on
# the code alone; `pytest --hypothesis-profile=explore` draws new ones to hunt for bugs.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("default")

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
    """The one test clock: time that moves only when the test moves it, so code paced or judged
    by it goes exactly as far as the test says, however busy the machine. Pass the clock itself
    where the code takes a clock callable (``clock=clock``, ``pace=clock``); each call reads it.

    - ``now``: the time it shows (``start`` at first); ``advance(seconds)`` moves it on.
    - ``sleep(seconds)``: for code given a sleep function; returns at once, the time moved on and
      the pause noted in ``slept``.
    - ``step``: seconds it moves on by itself at each reading (a clock racing ahead).
    - ``readings``: how many times it was read, so a test can wait until the code has looked.
    - ``base``: a real clock (time.monotonic) it runs on top of, for code that must see time pass
      on its own while the test can still jump it forward with ``advance``."""

    def __init__(self, start: float = 0.0, *, step: float = 0.0, base: Callable[[], float] | None = None) -> None:
        self.now = start
        self.step = step
        self.readings = 0
        self.slept: list[float] = []
        self._base = base

    def __call__(self) -> float:
        self.readings += 1
        self.now += self.step
        return self.now if self._base is None else self.now + self._base()

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.advance(seconds)


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
