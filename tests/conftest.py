"""Shared fixtures: the real training logs that ship beside the repository."""

from __future__ import annotations

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
