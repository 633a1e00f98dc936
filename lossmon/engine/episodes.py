"""Episodes: one event of a pathology is one finding that escalates, not a finding per rule.

A detector raises a finding each time one of its rules fires (a spike, the spike not recovering,
a slow divergence...). An *episode* groups the findings of one event: it opens with a finding of
pathology P on series S, and every later finding of P on S joins it while it is open:

* while P's badge on S is lit (the detector had not cleared when the finding came), and
* for ``GAP_POINTS`` points of S after the badge went dark (a condition that clears and comes
  back at once is the same event).

After that gap the episode is over: the next finding of P on S opens a new one. Three more rules:

* Follow-ons. not_converging and overfitting findings raised while an exploding_loss episode of
  the same log is open are symptoms of that explosion: they are folded into it (and keep
  following it while their own badge stays lit), not listed as pathologies of their own. A
  symptom seen first (a loss that ramps up trips not_converging before the explosion rules) is
  folded in too when the explosion opens within ``GAP_POINTS`` points of the symptom's start
  while the symptom is still open.
* Echoes. An ``info`` finding that would open a new episode of P on S after S already had one
  (in practice: a spike smaller than one the run already recovered from, a plateau seen again)
  is folded into the latest episode of P on S. Should that badge escalate to warn or alert, the
  escalation opens a new episode that starts with the echo.
* A new segment of S (the step went back: a resumed run) or of the file ends the episodes.

An episode's severity is the most severe of its findings; its *escalations* are the findings that
opened it or raised that severity. Alerts fire on escalations. Everything is decided from the
findings' lines and the detectors' clear lines, never from when a batch of input ended, so the
episodes do not depend on how the input was chunked. (Two detectors, nan_or_inf and
overfitting, clear without saying where: the monitor takes the last point of the batch in which
they cleared, which moves with the chunking only for a gap of about GAP_POINTS.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lossmon.engine.checklists import checklist
from lossmon.engine.findings import Finding, finding_fields, severity_rank, step_for_json

GAP_POINTS = 100  # points of the series with the badge dark that end an episode
CAUSES = ("exploding_loss",)
FOLLOW_ONS = ("not_converging", "overfitting")

Position = Callable[[str, int], int]  # (series, line) → points of the series up to that line


@dataclass(eq=False, slots=True)
class Episode:
    pathology: str
    series: str
    findings: list[Finding] = field(default_factory=list)  # all of the event, in order
    escalations: list[Finding] = field(default_factory=list)  # the first, then each raise
    path: str | None = None
    number: int = 0  # 1, 2, ... in the order episodes opened (kept when another is folded in)
    # State while the episode may still grow.
    lit: bool = True
    dark_line: int | None = None
    ended: bool = False

    @property
    def severity(self) -> str:
        return self.escalations[-1].severity

    @property
    def first(self) -> Finding:
        """The finding that opened the event (a symptom folded in may come earlier)."""
        return self.escalations[0]

    @property
    def step(self) -> float:
        return self.first.step

    @property
    def line(self) -> int:
        return self.first.line

    @property
    def message(self) -> str:
        """What the event is now: the message of the escalation that set its severity."""
        return self.escalations[-1].message

    @property
    def advice(self) -> list[str]:
        return checklist(self.pathology)

    @property
    def folded(self) -> list[Finding]:
        """Its findings that did not raise its severity (repeats, echoes, follow-on symptoms)."""
        return [f for f in self.findings if not any(f is e for e in self.escalations)]

    def add(self, finding: Finding) -> bool:
        """Take a finding; True when it escalates the episode."""
        self.findings.append(finding)
        finding.episode = self
        if not self.escalations or severity_rank(finding.severity) > severity_rank(self.severity):
            self.escalations.append(finding)
            return True
        return False

    def remove(self, finding: Finding) -> None:
        self.findings = [f for f in self.findings if f is not finding]

    def absorb(self, other: Episode) -> None:
        """Take in an earlier episode's findings (a symptom seen before its cause): folded in,
        unless one is more severe than the event so far."""
        for finding in other.findings:
            finding.episode = self
            if severity_rank(finding.severity) > severity_rank(self.severity):
                self.escalations.append(finding)
        self.findings = sorted(self.findings + other.findings, key=lambda f: f.line)

    def is_open(self, series_points: int, dark_points: int | None) -> bool:
        """Open at a point: lit, or dark for at most GAP_POINTS points (``series_points`` and
        ``dark_points``: points of the series up to that point and up to the clear)."""
        if self.ended:
            return False
        return self.lit or (dark_points is not None and series_points - dark_points <= GAP_POINTS)

    def to_dict(self) -> dict:
        last = self.findings[-1]
        return {
            "id": self.number,
            **finding_fields(self),
            "last_step": step_for_json(last.step),
            "last_line": last.line,
            "active": self.lit and not self.ended,  # its badge still lit at the end of what was read
            "escalations": [_event(f) for f in self.escalations],
            "folded": [_event(f) for f in self.folded],
        }


def _event(finding: Finding) -> dict:
    return {
        "severity": finding.severity,
        "step": step_for_json(finding.step),
        "line": finding.line,
        "message": finding.message,
        "pathology": finding.pathology,
        "series": finding.series,
    }


@dataclass(slots=True)
class _Track:
    """Where the findings of one (pathology, series) go now."""

    episode: Episode | None = None
    drives: bool = False  # its badge is the episode's own (not a folded follow-on or echo)
    echoes: list[Finding] = field(default_factory=list)  # folded info echoes holding the badge


class EpisodeBook:
    """The episodes of one log, built finding by finding in line order."""

    def __init__(self) -> None:
        self.episodes: list[Episode] = []
        self._opened = 0
        self._tracks: dict[tuple[str, str], _Track] = {}
        self._latest: dict[tuple[str, str], Episode] = {}  # the latest own episode of each

    def take(
        self,
        findings: list[Finding],
        darks: list[tuple[str, str, int]],
        resets: list[tuple[str, int]],
        position: Position,
    ) -> list[Finding]:
        """Place the findings of one batch. ``darks``: (pathology, series, line) where a badge
        went dark; ``resets``: (series, line) where a series started a new segment. Returns the
        findings that escalate an episode (the news)."""
        items = [(line, 0, ("reset", series)) for series, line in resets]
        items += [(line, 1, ("dark", pathology, series)) for pathology, series, line in darks]
        items += [(f.line, 2, ("finding", f)) for f in findings]
        items.sort(key=lambda item: (item[0], item[1]))  # stable: detectors' order within a line
        news = []
        for line, _, item in items:
            if item[0] == "reset":
                self._reset(item[1])
            elif item[0] == "dark":
                self._dark(item[1], item[2], line, position)
            elif self._place(item[1], position):
                news.append(item[1])
        return news

    def restart(self) -> None:
        """A new segment of the file: every episode is over."""
        for episode in self.episodes:
            episode.ended = True
        self._tracks.clear()
        self._latest.clear()

    def lit(self, pathology: str, series: str) -> bool:
        """Whether the badge of (pathology, series) drives an episode that is still lit."""
        track = self._tracks.get((pathology, series))
        return track is not None and track.drives and track.episode is not None and track.episode.lit

    # ------------------------------------------------------------------------------------------

    def _reset(self, series: str) -> None:
        for key in [key for key in self._tracks if key[1] == series]:
            del self._tracks[key]
        for key in [key for key in self._latest if key[1] == series]:
            self._latest.pop(key).ended = True
        for key, track in list(self._tracks.items()):  # follow-ons folded into an ended cause
            if track.episode is not None and track.episode.ended:
                del self._tracks[key]

    def _dark(self, pathology: str, series: str, line: int, position: Position) -> None:
        track = self._tracks.get((pathology, series))
        if track is None or not track.drives or track.episode is None or not track.episode.lit:
            return
        track.episode.lit = False
        track.episode.dark_line = line

    def _open(self, episode: Episode, line: int, position: Position) -> bool:
        dark = episode.dark_line
        dark_points = position(episode.series, dark) if dark is not None else None
        return episode.is_open(position(episode.series, line), dark_points)

    def _place(self, finding: Finding, position: Position) -> bool:
        key = (finding.pathology, finding.series)
        track = self._tracks.setdefault(key, _Track())
        episode, line = track.episode, finding.line
        if finding.while_lit and track.echoes:
            echoes = track.echoes
            if severity_rank(finding.severity) <= severity_rank(echoes[0].severity):
                echoes.append(finding)
                return echoes[0].episode.add(finding)  # more of the echo
            # An echo's badge escalated: a new event after all, starting with the echo.
            for echo in echoes:
                echo.episode.remove(echo)
            return self._new(key, track, finding, position, first=echoes)
        if episode is not None and finding.while_lit and not episode.ended and not track.echoes:
            escalates = episode.add(finding)  # the badge never cleared: the same event goes on
            self._lit(track)
            return escalates
        if episode is not None and (track.drives or finding.pathology in FOLLOW_ONS) and self._open(episode, line, position):
            escalates = episode.add(finding)
            self._lit(track)
            return escalates
        if finding.pathology in FOLLOW_ONS:
            cause = self._open_cause(line, position)
            if cause is not None:
                track.episode, track.drives, track.echoes = cause, False, []
                return cause.add(finding)
        latest = self._latest.get(key)
        if finding.severity == "info" and latest is not None:
            latest.add(finding)
            track.episode, track.drives, track.echoes = latest, False, [finding]
            return False
        return self._new(key, track, finding, position)

    def _new(self, key, track: _Track, finding: Finding, position: Position, first: list[Finding] = ()) -> bool:
        self._opened += 1
        episode = Episode(finding.pathology, finding.series, path=finding.path, number=self._opened)
        for earlier in first:
            episode.add(earlier)
        episode.add(finding)
        self.episodes.append(episode)
        self._latest[key] = episode
        track.episode, track.drives, track.echoes = episode, True, []
        if finding.pathology in CAUSES:
            self._fold_earlier_symptoms(episode, position)
        return True

    def _fold_earlier_symptoms(self, cause: Episode, position: Position) -> None:
        at = position(cause.series, cause.line)
        for key, track in self._tracks.items():
            symptom = track.episode
            if key[0] not in FOLLOW_ONS or not track.drives or symptom is None or symptom.pathology != key[0]:
                continue
            if not self._open(symptom, cause.line, position) or at - position(cause.series, symptom.line) > GAP_POINTS:
                continue
            cause.absorb(symptom)
            self.episodes = [e for e in self.episodes if e is not symptom]
            if self._latest.get(key) is symptom:
                del self._latest[key]
            track.episode, track.drives, track.echoes = cause, False, []

    def _lit(self, track: _Track) -> None:
        if track.drives and track.episode is not None:
            track.episode.lit, track.episode.dark_line = True, None

    def _open_cause(self, line: int, position: Position) -> Episode | None:
        causes = [e for key, e in self._latest.items() if key[0] in CAUSES and self._open(e, line, position)]
        return max(causes, key=lambda e: e.line, default=None)
