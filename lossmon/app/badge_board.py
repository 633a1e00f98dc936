"""Badge states: one per pathology, its severity, and whether it flashes.

A badge flashes from the moment its state changes (healthy → warn, warn → alert, alert → healthy)
until the user acknowledges it; acknowledging never hides the state itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from lossmon.engine.checklists import PATHOLOGIES, SEED_PATHOLOGIES
from lossmon.engine.findings import Finding


@dataclass(slots=True)
class Badge:
    pathology: str
    label: str
    severity: str | None = None  # None: healthy
    flashing: bool = False
    finding: Finding | None = None


class BadgeBoard:
    def __init__(self, pathologies: tuple[str, ...] = SEED_PATHOLOGIES) -> None:
        self.badges = {p: Badge(p, PATHOLOGIES[p].badge) for p in pathologies}

    def update(self, status: dict[str, Finding]) -> list[str]:
        """Take the monitor's status (pathology → active finding); returns the badges that changed."""
        changed = []
        for pathology, finding in status.items():
            if pathology not in self.badges and pathology in PATHOLOGIES:
                self.badges[pathology] = Badge(pathology, PATHOLOGIES[pathology].badge)
        for pathology, badge in self.badges.items():
            finding = status.get(pathology)
            severity = finding.severity if finding is not None else None
            badge.finding = finding
            if severity != badge.severity:
                badge.severity = severity
                badge.flashing = True
                changed.append(pathology)
        return changed

    def settle(self) -> None:
        """Take the current state as seen (after loading history: no flashing for the past)."""
        for badge in self.badges.values():
            badge.flashing = False

    def acknowledge(self) -> int:
        """Stop every badge flashing; returns how many were."""
        count = sum(badge.flashing for badge in self.badges.values())
        self.settle()
        return count

    @property
    def flashing(self) -> bool:
        return any(badge.flashing for badge in self.badges.values())

    def __iter__(self):
        return iter(self.badges.values())
