"""Where the screenshot key saves its SVG: the current directory, or, when that is not writable
(started from / or a read-only checkout), ``$XDG_STATE_HOME/lossmon/screenshots``; the name
says which log and when (``lossmon-train-20250131-031502.svg``)."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from lossmon.app import xdg

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def screenshot_dir(cwd: Path | None = None) -> Path:
    cwd = Path.cwd() if cwd is None else cwd
    if os.access(cwd, os.W_OK):
        return cwd
    directory = xdg.state_dir("screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def screenshot_path(log_name: str, directory: Path, now: datetime) -> Path:
    """A new file in ``directory`` named after the log and the time (never an existing file)."""
    stem = _UNSAFE.sub("-", Path(log_name).stem).strip("-.") or "log"
    base = f"lossmon-{stem[:60]}-{now:%Y%m%d-%H%M%S}"
    path, number = directory / f"{base}.svg", 1
    while path.exists():
        number += 1
        path = directory / f"{base}-{number}.svg"
    return path
