"""``--notify``: a terminal bell and a desktop notification for each new alert.

The notification is an escape sequence, not a local call: it travels the same way as the screen
(through SSH, through tmux) and the user's own terminal shows it on their desktop. Two are sent,
since terminals understand one or the other: OSC 9 (iTerm2's; Ghostty, WezTerm and kitty read it
too) and OSC 777 ``notify`` (urxvt's; foot, kitty and Konsole read it); one that reads both may
show the alert twice; one that knows neither ignores them. Inside tmux each is wrapped in
tmux's passthrough (``ESC P tmux; ... ESC \\``, every ESC doubled), which tmux >= 3.3 forwards
only with ``set -g allow-passthrough on``; the bell is sent raw, so that tmux's own bell handling
(``bell-action``, ``monitor-bell``) sees it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from lossmon.engine.checklists import PATHOLOGIES
from lossmon.engine.findings import Finding, format_step
from lossmon.engine.safe_text import printable

BELL = "\x07"
MAX_TEXT = 200  # characters of message in a notification (banners truncate anyway)


def safe_text(text: str, limit: int = MAX_TEXT) -> str:
    """Printable text for inside an OSC string: no byte may end or nest the sequence, so every
    control (and bidi) character is shown escaped, and it is cut short."""
    return printable(text.strip(), limit)


def in_tmux(environ: Mapping[str, str] = os.environ) -> bool:
    """Inside tmux: ``$TMUX``, or ``LOSSMON_TMUX=1`` for a tmux this process cannot see (lossmon
    runs over SSH from inside a tmux on the user's own machine)."""
    return bool(environ.get("TMUX")) or environ.get("LOSSMON_TMUX") == "1"


def tmux_passthrough(sequence: str) -> str:
    """``sequence`` wrapped so that tmux hands it to the terminal outside it."""
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def desktop_sequences(title: str, body: str, tmux: bool = False) -> str:
    """The bell, an OSC 9 and an OSC 777 notification (each through tmux when inside it)."""
    title, body = safe_text(title, 80), safe_text(body)
    osc777_title = title.replace(";", ",")  # OSC 777 separates the title from the body by ';'
    sequences = [f"\x1b]9;{title}: {body}\x07", f"\x1b]777;notify;{osc777_title};{body}\x07"]
    if tmux:
        sequences = [tmux_passthrough(sequence) for sequence in sequences]
    return BELL + "".join(sequences)


def notification_text(path: str, finding: Finding) -> tuple[str, str]:
    """(title, body) for a finding: what went wrong, where; then the detector's message."""
    pathology = PATHOLOGIES.get(finding.pathology)
    label = pathology.badge if pathology else finding.pathology
    name = os.path.basename(path) or path
    title = f"lossmon: {label} in {name}"
    body = f"{finding.severity} at step {format_step(finding.step)}: {finding.message}"
    return title, body


class Notifier:
    """Writes the bell and the notifications for a finding through ``write`` (the app passes its
    terminal driver's writer, so the bytes go out between frames, never inside one)."""

    def __init__(self, write: Callable[[str], None], tmux: bool | None = None) -> None:
        self._write = write
        self.tmux = in_tmux() if tmux is None else tmux
        self.sent = 0

    def notify(self, path: str, finding: Finding) -> None:
        self._write(desktop_sequences(*notification_text(path, finding), tmux=self.tmux))
        self.sent += 1
