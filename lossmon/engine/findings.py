"""Findings: what a detector says about a series, with the checklist for its pathology."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lossmon.engine.checklists import checklist

if TYPE_CHECKING:
    from lossmon.engine.episodes import Episode

SEVERITIES = ("info", "warn", "alert")
_RANK = {name: rank for rank, name in enumerate(SEVERITIES, start=1)}


def severity_rank(severity: str | None) -> int:
    """0 for no finding, then info < warn < alert."""
    return _RANK.get(severity, 0) if severity else 0


@dataclass(slots=True)
class Finding:
    pathology: str
    severity: str
    series: str
    step: float
    line: int
    message: str
    advice: list[str] = field(default_factory=list)
    path: str | None = None
    # Set by the detector: its badge was already lit when this was raised (an escalation, or
    # another rule of the same detector), so it continues the event under way.
    while_lit: bool = field(default=False, compare=False)
    # Set by the monitor: the episode (one event of a pathology) this finding belongs to.
    episode: Episode | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.advice:
            self.advice = checklist(self.pathology)

    @property
    def escalates(self) -> bool:
        """News: it opened its episode or raised its severity (a finding outside any episode,
        from a detector used on its own, is news too)."""
        return self.episode is None or any(f is self for f in self.episode.escalations)

    def to_dict(self) -> dict:
        return finding_fields(self)


def finding_fields(event) -> dict:
    """What a finding says, as JSON: a Finding's, or an episode's (which opens with the same)."""
    return {
        "pathology": event.pathology,
        "severity": event.severity,
        "series": event.series,
        "step": step_for_json(event.step),
        "line": event.line,
        "message": event.message,
        "advice": list(event.advice),
    }


def step_for_json(step: float):
    """Steps print as integers when they are whole numbers (epochs may be fractional)."""
    if step is None or not math.isfinite(step):
        return None
    return int(step) if float(step).is_integer() else float(step)


def format_step(step: float) -> str:
    value = step_for_json(step)
    return "?" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
