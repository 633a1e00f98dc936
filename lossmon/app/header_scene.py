"""What the header says about one log, as pure functions: the state word (LOADING 42%, FOLLOW,
PAUSED...), the note beside it and the "last record ... ago" of a quiet run. ``header_info``
builds the whole :class:`HeaderInfo` from a log, its snapshot and the few facts of the app it
needs, so the header can be tested without a terminal."""

from __future__ import annotations

from lossmon.app.live_log import LiveLog
from lossmon.app.scene import Snapshot
from lossmon.app.widgets.explain import unread_note
from lossmon.app.widgets.header import HeaderInfo
from lossmon.engine.detectors.stalled import FLOOR as STALL_FLOOR, format_duration

FILE_NOTES = {
    "waiting": "waiting for the file to appear",
    "deleted": "file deleted: its data stay on screen",
    "moved": "file moved away: waiting for a new one",
}


def nothing_read_note(lines: int, bytes_read: int) -> str:
    """Why a log read to its end shows nothing (instead of "detecting" forever)."""
    if not bytes_read and not lines:
        return "empty so far: waiting for lines"
    return f"no metrics in {lines:,} lines read (binary? see lossmon formats, --pattern)"


def log_state(log: LiveLog, replay: bool) -> str:
    """The state word in the header."""
    if log.finished:
        return "DONE"
    if replay:
        return "REPLAY"
    if log.file_state is not None:
        return log.file_state.upper()
    if log.error and not log.monitor.records:
        return "ERROR"  # an unreadable file: not LOADING 0% forever
    if log.loading:
        progress = log.progress
        return f"LOADING {progress:.0%}" if progress is not None else "LOADING"
    return "FOLLOW"


def quiet_since(log: LiveLog, state: str) -> tuple[str, str | None]:
    """("last record 14 min ago", the stalled badge's severity) for a followed log that went
    quiet for a minute or is stalled (the engine's stalled detector, on the log's clock)."""
    stall = log.monitor.stall
    if stall is None or state != "FOLLOW":
        return "", None
    silence = stall.silence(log.clock())
    severity = stall.active.severity if stall.active is not None else None
    if silence is None or (silence < STALL_FLOOR and severity is None):
        return "", None
    return f"last record {format_duration(silence)} ago", severity


def header_info(
    log: LiveLog,
    snapshot: Snapshot,
    *,
    replay: bool,
    records_at_pause: int | None,
    position: str,
    show_elapsed: bool,
    input_error: str | None,
) -> HeaderInfo:
    """The header of ``log``. ``records_at_pause``: the view is paused (records since then are
    news); ``position``: "2/3" when several logs are open; ``input_error``: the reader's own."""
    state = log_state(log, replay)
    note = FILE_NOTES.get(log.file_state or "", "")
    if records_at_pause is not None:
        waiting = snapshot.records - records_at_pause
        state = "PAUSED"
        note = f"{waiting:,} new records (p: follow)" if waiting > 0 else "p: follow"
    elif log.monitor.segments and not note:
        note = f"segment {log.monitor.segments + 1}"
    elif not note and not log.loading and not snapshot.records:
        note = nothing_read_note(log.monitor.lines, log.bytes_read)
    quiet, stalled = quiet_since(log, state)
    return HeaderInfo(
        name=snapshot.name,
        format_id=snapshot.format_id,
        last_step=snapshot.last_step,
        records=snapshot.records,
        rate=log.records_per_second(),
        elapsed=log.elapsed if show_elapsed else None,
        state=state,
        position=position,
        error=log.error or input_error,
        note=note,
        quiet=quiet,
        stalled=stalled,
        unread=unread_note(log.monitor.coverage, snapshot.records),
    )


def view_header(
    views: list, current: int, *, paused: bool, replay: bool, show_elapsed: bool, input_error: str | None
) -> HeaderInfo:
    """The header of the log on screen, ``views[current]`` (the app's LogViews): its position
    among the others, and whether another one is alerting."""
    view = views[current]
    others = any(any(b.severity == "alert" for b in v.board) for i, v in enumerate(views) if i != current)
    return header_info(
        view.log,
        view.snapshot,
        replay=replay,
        records_at_pause=(view.records_at_pause or 0) if paused else None,
        position=position_note(current, others, len(views)),
        show_elapsed=show_elapsed,
        input_error=input_error,
    )


def waiting_header(paths: list[str], input_error: str | None) -> HeaderInfo:
    """Nothing to show yet: a glob that matches no file so far."""
    return HeaderInfo(
        name=" ".join(paths), format_id=None, last_step=None, records=0, rate=0.0, elapsed=None,
        state="WAITING", error=input_error, note="no file matches yet",
    )


def position_note(current: int, alerting_elsewhere: bool, count: int) -> str:
    """"2/3" when several logs are open, and a hint when another one is alerting."""
    if count < 2:
        return ""
    return f"{current + 1}/{count}" + (" (another log is alerting: ])" if alerting_elsewhere else "")
