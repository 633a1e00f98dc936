"""Badge states: one per pathology, its severity, and whether it flashes.

A badge flashes from the moment its state changes (healthy → warn, warn → alert, alert → healthy)
until the user acknowledges it; acknowledging never hides the state itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from lossmon.engine.checklists import PATHOLOGIES, SEED_PATHOLOGIES
from lossmon.engine.findings import Finding, severity_rank


@dataclass(slots=True)
class Badge:
    pathology: str
    label: str
    severity: str | None = None  # None: healthy
    flashing: bool = False
    finding: Finding | None = None
    cleared: Finding | None = None  # healthy now, but this finding happened (its worst)

    @property
    def state(self) -> str | None:
        """The severity, or "cleared", or None (never happened)."""
        return self.severity or ("cleared" if self.cleared is not None else None)


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

    def note_history(self, findings: list[Finding]) -> None:
        """Healthy badges whose pathology was reported in ``findings`` show it as cleared
        (``lossmon check`` lists those findings too: the app must not look greener than it)."""
        worst: dict[str, Finding] = {}  # the worst of each pathology (the latest of equals)
        for finding in findings:
            held = worst.get(finding.pathology)
            if held is None or severity_rank(finding.severity) >= severity_rank(held.severity):
                worst[finding.pathology] = finding
        for pathology, badge in self.badges.items():
            badge.cleared = worst.get(pathology) if badge.severity is None else None

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
