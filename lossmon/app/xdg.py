"""Where lossmon keeps its own files: ``$XDG_STATE_HOME/lossmon`` (``~/.local/state/lossmon``
when unset or not absolute, as the XDG base directory spec says)."""

from __future__ import annotations

import os
from pathlib import Path


def state_dir(*parts: str) -> Path:
    base = os.environ.get("XDG_STATE_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".local" / "state"
    return root.joinpath("lossmon", *parts)
