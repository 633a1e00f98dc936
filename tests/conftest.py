"""Shared fixtures: the real logs in shared/real-logs, found next to the repository or in /work."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def real_logs_dir() -> Path | None:
    for candidate in (REPO.parent / "shared" / "real-logs", Path("/work/shared/real-logs")):
        if candidate.is_dir():
            return candidate
    return None


@pytest.fixture
def real_logs() -> Path:
    found = real_logs_dir()
    if found is None:
        pytest.skip("shared/real-logs is not available")
    return found
