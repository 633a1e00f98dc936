from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def real_logs() -> Path:
    """The shared real logs: ../shared/real-logs next to the repository, else /work/shared."""
    repo = Path(__file__).resolve().parent.parent
    for candidate in (repo.parent / "shared" / "real-logs", Path("/work/shared/real-logs")):
        if candidate.is_dir():
            return candidate
    pytest.skip("no shared real logs on this machine")
