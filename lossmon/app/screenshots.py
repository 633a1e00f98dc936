"""Where the screenshot key saves its SVG: ``$XDG_STATE_HOME/lossmon/screenshots`` (never the
current directory: inside a git checkout that left an untracked file), or the directory given
with ``--screenshot-dir``; the name says which log and when
(``lossmon-train-20250131-031502.svg``)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from lossmon.app import xdg

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def screenshot_dir(chosen: str | Path | None = None) -> Path:
    """The directory for screenshots, made if missing (OSError when it cannot be)."""
    directory = Path(chosen).expanduser() if chosen else xdg.state_dir("screenshots")
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
