"""Shared fixtures: the real training logs that ship beside the repository."""

from __future__ import annotations

import asyncio
import inspect
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


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run ``async def`` tests (the app's Pilot tests) in a fresh event loop."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        names = pyfuncitem._fixtureinfo.argnames
        asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
        return True
    return None
