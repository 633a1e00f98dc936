"""Checklist ticks, kept per log file in the user's state directory (XDG), never beside the log.

One small JSON file per log, named by a hash of the log's absolute path:
``$XDG_STATE_HOME/lossmon/checklists/<sha256[:16]>.json`` (``~/.local/state`` by default).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from lossmon.app import xdg


def state_dir() -> Path:
    return xdg.state_dir("checklists")


class TickStore:
    """Which checklist items the user ticked for one log: pathology → set of item texts."""

    def __init__(self, log_path: str, directory: Path | None = None) -> None:
        self.log_path = os.path.abspath(log_path) if log_path != "-" else "-"
        key = hashlib.sha256(self.log_path.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.file = (directory or state_dir()) / f"{key}.json"
        self.ticks: dict[str, set[str]] = self._load()
        self.error: str | None = None  # why the last save failed, if it did

    def _load(self) -> dict[str, set[str]]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            return {str(p): {str(i) for i in items} for p, items in data.get("ticks", {}).items()}
        except (OSError, ValueError, AttributeError, TypeError):
            return {}

    def is_ticked(self, pathology: str, item: str) -> bool:
        return item in self.ticks.get(pathology, ())

    def set(self, pathology: str, item: str, ticked: bool) -> None:
        items = self.ticks.setdefault(pathology, set())
        (items.add if ticked else items.discard)(item)
        self.save()

    def save(self) -> bool:
        """Write atomically; a read-only home must not crash the app (the error is kept)."""
        if self.log_path == "-":
            return False
        data = {"log": self.log_path, "ticks": {p: sorted(i) for p, i in self.ticks.items() if i}}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.file.with_suffix(".tmp")
            temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
            os.replace(temporary, self.file)
        except OSError as error:
            self.error = f"cannot save checklist ticks: {error.strerror or error}"
            return False
        self.error = None
        return True
