"""Shared fixtures for the demo tests."""

import os
import sys
from pathlib import Path

# Tiny matrices: BLAS worker threads only slow the demo runs down (set before numpy loads).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import pytest  # noqa: E402

from lossmon.demo.scenarios import SCENARIO_NAMES, render  # noqa: E402


@pytest.fixture(scope="session")
def rendered() -> dict[str, bytes]:
    """Every scenario's full log, rendered once per test session."""
    return {name: render(name) for name in SCENARIO_NAMES}


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT
