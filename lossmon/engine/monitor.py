"""The engine for one log: bytes → lines → records → series → detectors → findings.

``check``, ``watch`` and the terminal app all drive this one object. Each stage is incremental:
``feed`` handles only the new bytes, and nothing already read is processed again.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

import numpy as np

from lossmon.engine.detectors.context import ChangeTrack, ContextTrack
from lossmon.engine.coverage import Coverage
from lossmon.engine.detectors import DETECTORS, Detector, Points
from lossmon.engine.detectors.base import HELD_BEFORE_CHANGE
from lossmon.engine.detectors.stalled import StallWatch
from lossmon.engine.echoes import EchoFilter
from lossmon.engine.episodes import Episode, EpisodeBook
from lossmon.engine.findings import Finding, severity_rank
from lossmon.engine.formats import AutoParser, compile_pattern
from lossmon.engine.lines import LineBlock, LineSplitter
from lossmon.engine.transcoding import Utf16Transcoder
from lossmon.engine.naming import kind_of, printable_name
from lossmon.engine.notebooks import NotebookText
from lossmon.engine.records import RecordBatch, RecordBuilder
from lossmon.engine.detectors.roles import SIBLING_SCORE, resolve_roles, score_siblings
from lossmon.engine.safe_text import printable
from lossmon.engine.store import SeriesStore
from lossmon.engine.timeline import Timeline
from lossmon.engine.trackers import record_decoder


_NO_LINES = np.empty(0, np.int64)


def _same_rows(a: np.ndarray, b: np.ndarray) -> bool:
    return len(a) == len(b) and bool((a == b).all())

# Distinct series a file may have: each costs ~8 KB and detector work, and a log that writes a
# new metric name on every line (a random key, a timestamp in the name) must not take gigabytes.
DEFAULT_MAX_SERIES = 1000
_DROPPED_TRACKED = 100_000  # distinct dropped names counted exactly; beyond, "at least"


@dataclass(slots=True)
class Update:
    """What one call to the monitor added: its findings, each placed in its episode
    (``finding.escalates``: it opened the episode or raised its severity)."""

    batch: RecordBatch | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def records(self) -> int:
        return len(self.batch) if self.batch is not None else 0


class Monitor:
    def __init__(
        self,
        path: str = "-",
        format_id: str | None = None,
        primary_metric: str | None = None,
        detectors: tuple[type[Detector], ...] = DETECTORS,
        pattern: str | None = None,
        max_series: int = DEFAULT_MAX_SERIES,
    ) -> None:
        self.path = path
        self.max_series = max_series
        self._dropped: set[str] = set()  # names past max_series (their values are not kept)
        self.dropped_series_capped = False  # more were dropped than _dropped counts
        self.splitter = LineSplitter()
        self.notebook = NotebookText(path)  # a Jupyter notebook read as its cells' printed text
        self.transcoder = Utf16Transcoder()  # a UTF-16 log (PowerShell's redirect) read as UTF-8
        self._pattern = compile_pattern(pattern) if pattern else None  # LossmonError when bad
        self.parser = AutoParser(format_id, self._pattern, source=path)
        self.store = SeriesStore(primary_metric)
        self.findings: list[Finding] = []  # every finding, in order
        self.book = EpisodeBook()  # the same findings grouped by event (see episodes.py)
        self._file_start: dict[str, int] = {}  # series → its first point in this file segment
        self.stall: StallWatch | None = None  # while following only (follow_stalls)
        self._clock = None
        self.records = 0
        self.segments = 0  # restarts of the file (truncation, a new file at the path)
        self._detector_classes = detectors
        self._detectors: dict[tuple[type[Detector], str], Detector] = {}
        self._roles: dict[str, list[str]] = {}
        self._siblings: dict[str, str] = {}  # a score → a sibling score (context SIBLING_SCORE)
        self._tracks: dict[tuple[str, str, str], ContextTrack] = {}
        self._shared: dict[str, dict] = {}  # series → feature state its detectors share
        self._printable: dict[str, str] = {}  # column name as parsed → series name
        self._builder = RecordBuilder()
        self.echoes = EchoFilter()  # values a log printed twice (two statements, one record)
        self.coverage = Coverage()  # what was read and what was skipped, for --explain
        self.decoder = record_decoder(path)  # a tracker's file (TensorBoard events), not lines
        self.timeline = Timeline()  # anchors of the time and tokens axes (engine/alignment.py)
        self._time_the_decoder()
        self.baseline = None  # a BaselineTracker while compared with a pinned run (compare_with)

    # Input ---------------------------------------------------------------------------------

    def feed(self, data: bytes) -> Update:
        """Process the complete lines in ``data`` (the rest waits for its newline)."""
        if self.decoder is not None:
            self.decoder.feed(data, self._builder)
            return self._ingest(None)
        notebook = self.notebook
        if not notebook.decided or notebook.active:
            data = notebook.feed(data)
        transcoder = self.transcoder
        if not transcoder.decided or transcoder.active:
            data = transcoder.feed(data)
        block = self.splitter.feed(data)
        if block is not None:
            self.parser.parse_block(block, self._builder)
        return self._ingest(block)

    def feed_lines(self, block: LineBlock) -> Update:
        self.parser.parse_block(block, self._builder)
        return self._ingest(block)

    def finish(self) -> Update:
        """End of input (or an idle writer): read the final line without a newline, once."""
        self.drop_scan_workers()
        if self.decoder is not None:
            self.decoder.finish()
            return self._ingest(None)
        rest = self.notebook.flush()
        rest = self.transcoder.feed(rest) + self.transcoder.flush()
        block = self.splitter.feed(rest) if rest else None
        final = self.splitter.flush()
        if block is None:
            block = final
        elif final is not None:  # one block, so that all of it is counted as read (coverage)
            block = LineBlock(block.first, block.data + b"\n" + final.data)
        if block is not None:
            self.parser.parse_block(block, self._builder)
        self.parser.finish(self._builder)
        return self._ingest(block)

    @property
    def roles(self) -> dict[str, list[str]]:
        """role → the series that play it (resolved when series appear)."""
        return self._roles

    def use_scan_workers(self, workers) -> None:
        """Let :class:`~lossmon.engine.scan_workers.ScanWorkers` over this log's file scan ahead
        (the same records, sooner). They are closed on finish() or restart()."""
        self.drop_scan_workers()  # ended ones, if any
        self.parser.prescan = workers
        self.splitter.known_newlines = workers.newlines  # blocks they read whole: lines found once

    def drop_scan_workers(self) -> None:
        """Stop the scan workers, if any (parsing goes on without them)."""
        self.splitter.known_newlines = None
        if self.parser.prescan is not None:
            self.parser.prescan.close()
            self.parser.prescan = None

    @property
    def scan_workers(self):
        return self.parser.prescan

    @property
    def scanning_ahead(self) -> bool:
        """Are scan workers at work on this log (not ended)?"""
        return self.parser.prescan is not None and not self.parser.prescan.ended

    def restart(self) -> None:
        """The file was truncated or replaced: what follows is a new segment from line 1. A
        notebook is replaced each time it is saved: its new outputs are read on after the others
        (NotebookText), in the same segment."""
        if self.notebook.active:
            self.notebook.reset()
            return
        self.drop_scan_workers()
        self.splitter.reset()
        self.transcoder.reset()
        self.segments += 1
        self.timeline = Timeline()  # a new run's clock and counters: the old anchors would misplace it
        self.coverage = Coverage()
        self.echoes = EchoFilter()
        if self.decoder is not None:
            self.decoder = record_decoder(self.path)
            self._time_the_decoder()
            return
        if self.parser.whole_file:
            self.parser.rewind()  # a whole-file format rewritten: skip what was read already
        else:
            forced = self.parser.forced
            self.parser = AutoParser(forced.id if forced and not self._pattern else None, self._pattern, source=self.path)
        self.book.restart()  # the episodes so far are over; lines count from 1 again
        self._file_start = {series.name: len(series) for series in self.store}

    @property
    def lines(self) -> int:
        """Lines read; for a tracker's file, its events."""
        return self.decoder.events if self.decoder is not None else self.splitter.lines_done

    @property
    def format_id(self) -> str | None:
        return self.decoder.format_id if self.decoder is not None else self.parser.format_id

    @property
    def unit(self) -> str:
        """What ``lines`` counts."""
        return "events" if self.decoder is not None else "lines"

    @property
    def problems(self) -> list[str]:
        """Damage found in the input (one line each): a corrupt or truncated tracker file."""
        return self.decoder.problems if self.decoder is not None else []

    def follow_stalls(self, clock, after: float | None = None) -> None:
        """This log is followed live: judge when it stops growing (the ``stalled`` detector),
        with ``clock`` (seconds, e.g. time.monotonic) for when records arrive and for tick()."""
        self.stall, self._clock = StallWatch(after), clock

    def tick(self) -> list[Finding]:
        """While following, when everything written so far was read: judge the silence since
        the last record. Returns the new findings (a stall, or its escalation)."""
        if self.stall is None:
            return []
        self.timeline.caught_up(self._clock())
        train = self.store.primary_train
        series = self.store[train] if train else next(iter(self.store), None)
        step = float(series.steps[-1]) if series is not None and len(series) else float("nan")
        finding = self.stall.check(self._clock(), step, self.lines)
        if finding is None:
            return []
        finding.path = self.path
        self.book.take([finding], [], [], self._position)
        self.findings.append(finding)
        return [finding]

    @property
    def episodes(self) -> list[Episode]:
        """One per event of a pathology, in the order they began (see episodes.py)."""
        return self.book.episodes

    # Status --------------------------------------------------------------------------------

    def status(self) -> dict[str, Finding]:
        """pathology → the most severe active finding."""
        worst: dict[str, Finding] = {}
        for detector in self._detectors.values():
            active = detector.active
            if active is None:
                continue
            held = worst.get(active.pathology)
            if held is None or severity_rank(active.severity) > severity_rank(held.severity):
                worst[active.pathology] = active
        if self.stall is not None and self.stall.active is not None:
            worst[self.stall.pathology] = self.stall.active
        return worst

    # Pipeline ------------------------------------------------------------------------------

    def _ingest(self, block: LineBlock | None) -> Update:
        if not len(self._builder):
            if block is not None and not self.timeline.header_done:
                self.timeline.header(block)
            if block is not None:
                self.coverage.observe(block, _NO_LINES, {}, {}, self.parser.whole_file)
                self.echoes.remember(block)
            return Update()
        batch = self.echoes.filter(self._builder.build(), block)
        self.parser.count(batch.formats)
        update = self.feed_records(batch)
        self.timeline.observe(block, batch, self._clock() if self._clock is not None else None)
        # after feed_records: the columns carry their printable names by now
        self.coverage.observe(block, batch.lines, batch.formats, batch.columns, self.parser.whole_file)
        return update

    def feed_records(self, batch: RecordBatch) -> Update:
        """Records that are already parsed (benchmarks and tests drive the detectors this way)."""
        self._make_names_printable(batch)
        first_row = self.records
        self.records += len(batch)
        fresh: dict[str, tuple[int, list[int]]] = {}  # name → (index of first new point, segment starts)
        created = False
        varied = False  # a series moved for the first time (store.review_primary)
        shared = None  # the timeline of the series before: the next may hold the same records
        rows = steps = lines = None  # ... and its rows' steps and lines (columns often share rows)
        for name, column in batch.columns.items():
            series, is_new = self.store.get_or_create(name)
            created |= is_new
            if name in batch.attrs:
                series.attrs.update(batch.attrs[name])
                series.split = series.attrs.get("split", series.split)  # the parser knows better
                series.kind = series.attrs.get("kind", series.kind)
            start = len(series)
            if rows is None or not (column.rows is rows or _same_rows(column.rows, rows)):
                rows, steps, lines = column.rows, batch.steps[column.rows], batch.lines[column.rows]
            steady = series.varied_at is None
            starts = series.extend(steps, column.values, lines, shared)
            varied |= steady and series.varied_at is not None
            shared = series.timeline
            fresh[name] = (start, starts)
        repicked = created or (varied and self.store.zero_held_out_moved())
        if repicked:
            self.store.update_primary()
        if self.store.review_primary(varied or created, fresh) or repicked:
            self._wire(fresh)
        findings = self._detect(batch, first_row, fresh)
        # In line order (each detector's own stay in theirs): the order a batch's detectors ran in
        # would otherwise depend on where the batch was cut (an eval's finding listed after a later
        # spike's when the file is read whole, before it when read in pieces)
        findings.sort(key=attrgetter("line"))
        for finding in findings:
            finding.path = self.path
        darks = []
        if self.stall is not None and len(batch) and self.stall.arrived(self._clock()):
            darks.append((self.stall.pathology, self.stall.active_series, int(batch.lines[0])))
        self._place(findings, fresh, darks)
        if self.baseline is not None:  # news each, in no episode (engine/baseline.py)
            findings += self.baseline.observe(self)
        self.findings.extend(findings)
        return Update(batch, findings)

    def _time_the_decoder(self) -> None:
        """A tracker's points carry their wall time: the decoder anchors the time axis with it."""
        if self.decoder is not None and hasattr(self.decoder, "time_anchors"):
            self.decoder.time_anchors = self.timeline.stamps

    def compare_with(self, baseline) -> None:
        """Compare this run with a pinned :class:`~lossmon.engine.baseline.Baseline` as records
        come (``info`` findings when it is clearly ahead or behind, and when it reaches the
        baseline's final loss); None stops comparing."""
        from lossmon.engine.baseline import BaselineTracker

        self.baseline = BaselineTracker(baseline) if baseline is not None else None

    def _place(self, findings: list[Finding], fresh: dict[str, tuple[int, list[int]]], darks: list) -> None:
        """Put the batch's findings in episodes, with where badges went dark and series restarted."""
        for detector in self._detectors.values():
            lines, detector.darkened = detector.darkened, []
            darks += [(detector.pathology, detector.series, line) for line in lines]
            if not lines and detector.active is None and detector.series in fresh and \
                    self.book.lit(detector.pathology, detector.series):
                # A detector that clears without saying where: dark at its last point read.
                series = self.store[detector.series]
                darks.append((detector.pathology, detector.series, int(series.lines[-1])))
        resets = [
            (name, int(self.store[name].lines[start]))
            for name, (_, starts) in fresh.items()
            for start in starts
            if start > 0
        ]
        if findings or darks or resets:
            self.book.take(findings, darks, resets, self._position)

    def _position(self, name: str, line: int) -> int:
        """Points of a series up to ``line`` in this file segment (lines grow within it); for
        what is not a series (a stall is the log's), the line itself."""
        if name not in self.store:
            return line
        series = self.store[name]
        base = self._file_start.get(name, 0)
        lines = series.lines[base:]
        # Searched with a scalar of the array's own type: a Python int would make numpy cast the
        # whole int32 array to int64 first (a copy of the history per call, 0.7 ms at 1M points).
        # An int32 array holds nothing past its maximum, so a line beyond it counts them all.
        top = np.iinfo(lines.dtype).max
        return base + int(lines.searchsorted(lines.dtype.type(min(line, top)), side="right"))
    @property
    def dropped_series(self) -> int:
        """Distinct metric names not kept because the file already had ``max_series`` series."""
        return len(self._dropped)

    def series_warning(self) -> str | None:
        """One line saying that names were dropped (None when none were)."""
        if not self._dropped:
            return None
        count = f"{len(self._dropped):,}{'+' if self.dropped_series_capped else ''}"
        return (
            f"{printable(self.path)}: more than {self.max_series:,} distinct metric names; {count} more were "
            f"not kept (raise the limit with --max-series N)"
        )

    def _make_names_printable(self, batch: RecordBatch) -> None:
        """Series are named by printable names (a new name is checked once, not per record);
        names past ``max_series`` are dropped from the batch."""
        names = self._printable
        fresh = batch.columns.keys() - names.keys()
        if len(fresh) > self.max_series - len(names):
            fresh = self._drop_excess_names(batch, fresh)
        for name in fresh:
            names[name] = printable_name(name)
        if any(names[name] != name for name in batch.columns):
            batch.columns = {names[name]: column for name, column in batch.columns.items()}
            batch.attrs = {names.get(name, name): attrs for name, attrs in batch.attrs.items()}

    def _drop_excess_names(self, batch: RecordBatch, fresh: set[str]) -> list[str]:
        """Keep the first new names (in the batch's order) while there is room; drop the rest.
        A loss may still come once the room is taken (a val loss after a thousand per-layer
        metrics): losses have a reserve of as many names again."""
        room = max(0, self.max_series - len(self._printable))
        ordered = [name for name in batch.columns if name in fresh]
        kept, dropped = ordered[:room], []
        reserve = 2 * self.max_series - len(self._printable) - len(kept)
        for name in ordered[room:]:
            if reserve > 0 and kind_of(printable_name(name)) == "loss":
                kept.append(name)
                reserve -= 1
            else:
                dropped.append(name)
        for name in dropped:
            del batch.columns[name]
            batch.attrs.pop(name, None)
            if len(self._dropped) < _DROPPED_TRACKED:
                self._dropped.add(name)
            elif name not in self._dropped:
                self.dropped_series_capped = True
        return kept

    def _wire(self, fresh: dict[str, tuple[int, list[int]]]) -> None:
        """(Re)assign detectors to series after new series appeared."""
        roles = resolve_roles(self.store)
        wanted: dict[tuple[type[Detector], str], Detector] = {}
        for cls in self._detector_classes:
            for name in roles.get(cls.driver, []):
                key = (cls, name)
                detector = self._detectors.get(key)
                if detector is None:
                    detector = cls(name, self.store[name].attrs)
                    self._catch_up(detector, fresh)
                wanted[key] = detector
        self._detectors = wanted
        self._roles = roles
        self._siblings = score_siblings(self.store)

    def _catch_up(self, detector: Detector, fresh: dict[str, tuple[int, list[int]]]) -> None:
        """A detector newly given a series that already had points reads the current segment of
        those points (once: this happens when roles change, not per line)."""
        series = self.store[detector.series]
        end = fresh[series.name][0] if series.name in fresh else len(series)
        if end == 0:
            return
        start = series.segment_starts[bisect_right(series.segment_starts, end - 1) - 1]
        with np.errstate(all="ignore"):  # as in _detect
            detector.update(
                Points(series.name, series.steps[start:end], series.values[start:end], series.lines[start:end])
            )
        detector.darkened.clear()  # its findings on those points are not reported either

    def _detect(self, batch: RecordBatch, first_row: int, fresh) -> list[Finding]:
        # A log's values may be subnormal or near float max: the detectors' maths may then
        # overflow or underflow to inf or 0, which their finiteness checks handle; numpy's
        # warnings about it must not reach the user's terminal.
        with np.errstate(all="ignore"):
            return self._detect_all(batch, first_row, fresh)

    def _detect_all(self, batch: RecordBatch, first_row: int, fresh) -> list[Finding]:
        findings: list[Finding] = []
        by_series: dict[str, list[Detector]] = {}
        for (cls, name), detector in self._detectors.items():
            by_series.setdefault(name, []).append(detector)
        # the series playing each role, named in messages ("val_acc never rose ..."): once per batch
        names = {role: sources[0] for role, sources in self._roles.items() if sources}
        for name, detectors in by_series.items():
            column = batch.columns.get(name)
            driver_rows = column.rows + first_row if column is not None else np.empty(0, np.int64)
            # Each context series is aligned once per driver series, whichever detectors read it.
            context: dict[tuple[str, str], np.ndarray] = {}
            for detector in detectors:
                for role, mode in detector.context.items():
                    if (role, mode) in context:
                        continue
                    if mode == HELD_BEFORE_CHANGE:  # a role played by several series
                        changes = self._tracks.setdefault((name, role, mode), ChangeTrack())
                        sources = {
                            source: (batch.columns[source].rows + first_row, batch.columns[source].values)
                            for source in self._roles.get(role, []) if source in batch.columns
                        }
                        context[(role, mode)] = changes.align(driver_rows, sources)
                        continue
                    track = self._tracks.setdefault((name, role, mode), ContextTrack(mode))
                    # (a score's sibling is the driver's own: see roles.score_siblings)
                    source = [self._siblings[name]] if role == SIBLING_SCORE and name in self._siblings else self._roles.get(role)
                    ctx = batch.columns.get(source[0]) if source else None
                    rows = ctx.rows + first_row if ctx is not None else np.empty(0, np.int64)
                    values = ctx.values if ctx is not None else np.empty(0)
                    context[(role, mode)] = track.align(driver_rows, rows, values)
            if column is None:
                continue
            series = self.store[name]
            start, segment_starts = fresh[name]
            cuts = [0, *[s - start for s in segment_starts], len(column.values)]
            for piece, (lo, hi) in enumerate(zip(cuts[:-1], cuts[1:])):
                if piece > 0:  # a new segment, also one that starts with this batch (lo == 0)
                    for detector in detectors:
                        detector.reset()
                        detector.clear()
                    self._shared.pop(name, None)
                if hi <= lo:
                    continue
                # The detectors of a series share derived data (log values, block statistics):
                # computed once per run of points (cache), carried across runs (shared).
                shared, cache = self._shared.setdefault(name, {}), {}
                steps, values = series.steps[start + lo : start + hi], column.values[lo:hi]
                lines = series.lines[start + lo : start + hi]
                for detector in detectors:
                    points = Points(
                        name, steps, values, lines,
                        {role: context[(role, mode)][lo:hi] for role, mode in detector.context.items()},
                        shared, cache, names,
                    )
                    findings.extend(detector.update(points))
        return findings
