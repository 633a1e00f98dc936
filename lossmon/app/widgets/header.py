"""The header line: file, format, last step, records/s, elapsed, follow state."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from lossmon.app.safe_text import clean
from lossmon.engine.findings import format_step


@dataclass(slots=True)
class HeaderInfo:
    name: str
    format_id: str | None
    last_step: float | None
    records: int
    rate: float
    elapsed: float | None  # None: not shown (snapshots)
    state: str  # LOADING 42% / FOLLOW / WAITING / DELETED / MOVED / PAUSED / REPLAY / DONE
    position: str = ""  # "1/3" when several logs are open
    error: str | None = None
    note: str = ""  # what the state means: "3 new records", "file deleted: ..."


def format_elapsed(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def format_rate(rate: float) -> str:
    if rate >= 10_000:
        return f"{rate / 1000:.0f}k/s"
    if rate >= 1000:
        return f"{rate / 1000:.1f}k/s"
    return f"{rate:.0f}/s"


def header_text(info: HeaderInfo) -> Text:
    text = Text(no_wrap=False, overflow="fold")  # wraps to a second line in a narrow pane
    text.append(" lossmon ", "bold reverse")
    text.append(" ")
    if info.position:
        text.append(f"{info.position} ", "dim")
    text.append(clean(info.name, 60), "bold")
    text.append(f"  {clean(info.format_id or 'detecting…', 40)}", "dim")
    step = format_step(info.last_step) if info.last_step is not None else "-"
    text.append("  step ", "dim")
    text.append(step, "bold")
    text.append(f"  {info.records:,} rec", "dim")
    text.append(f"  {format_rate(info.rate)}", "dim")
    if info.elapsed is not None:
        text.append(f"  {format_elapsed(info.elapsed)}", "dim")
    text.append("  ")
    text.append(f" {info.state} ", "reverse")
    if info.note:
        text.append(f" {clean(info.note, 80)}", "italic")
    if info.error:
        text.append(f"  {clean(info.error, 120)}", "bold red")
    return text


class HeaderBar(Static):
    def show(self, info: HeaderInfo) -> None:
        self.update(header_text(info))
