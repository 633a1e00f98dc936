"""What the app keeps per open log (a :class:`LogView`): its badges, its checklist ticks, and
the snapshot of it that the screen last drew, taken again only when the log changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lossmon.app.badge_board import BadgeBoard
from lossmon.app.checklist_ticks import TickStore
from lossmon.app.live_log import LiveLog
from lossmon.app.scene import Snapshot, charted_findings, take_snapshot


@dataclass(eq=False)
class LogView:
    log: LiveLog
    board: BadgeBoard
    ticks: TickStore
    snapshot: Snapshot | None = None
    rendered_version: int = -1  # the log's version the snapshot was taken at (-1: take it again)
    records_at_pause: int | None = None  # the view is paused: records ingested since then are new

    @classmethod
    def open(cls, log: LiveLog, tick_dir: str | Path | None = None, paused: bool = False) -> LogView:
        """A view of a log the reader started reading (opened while paused: all it reads is new)."""
        return cls(log, BadgeBoard(), TickStore(log.path, tick_dir), records_at_pause=0 if paused else None)

    def pause(self, paused: bool) -> None:
        """The charts freeze (or follow again): the records read from now on are news."""
        self.records_at_pause = self.log.monitor.records if paused else None

    def catch_up(self) -> bool:
        """A new snapshot if the log changed (taken under its lock), and the badges as it says;
        True if it changed."""
        log = self.log
        changed = log.version != self.rendered_version
        if changed or self.snapshot is None:
            with log.lock:
                self.snapshot = take_snapshot(log)
                self.rendered_version = log.version
        self.board.update(self.snapshot.status)
        if changed:
            charted_findings(self.snapshot)  # sorts out the findings of the segment on the chart, once
            self.board.note_history(self.snapshot.charted or [])
        return changed

    def update_badges(self) -> None:
        """A log not on screen: only its badges follow it (the run list and the header's "another
        log is alerting" read them)."""
        if self.log.version != self.rendered_version:
            with self.log.lock:
                status = self.log.monitor.status()
            self.board.update(status)
