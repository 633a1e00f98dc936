"""Training logs in Hugging Face Trainer's console format (see the field guide), made here so the
app tests control what happens when."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import ManualClock, until


def trainer_lines(steps: int, *, nan_at: int | None = None, seed: int = 0, eval_every: int = 50) -> list[str]:
    """``{'loss': ..., 'grad_norm': ..., 'learning_rate': ..., 'epoch': ...}`` lines, an eval line
    every ``eval_every`` steps, and a NaN loss (with grad_norm nan) from ``nan_at`` on."""
    rng = np.random.default_rng(seed)
    lines = []
    for step in range(1, steps + 1):
        loss = 2.5 * math.exp(-step / (steps / 3)) + 0.3 + 0.05 * rng.standard_normal()
        grad = 1.0 + 0.2 * rng.standard_normal()
        epoch = round(step / 100, 2)
        lr = 5e-5 * (1 - step / (steps + 1))
        if nan_at is not None and step >= nan_at:
            lines.append(f"{{'loss': nan, 'grad_norm': nan, 'learning_rate': {lr!r}, 'epoch': {epoch}}}")
        else:
            lines.append(f"{{'loss': {loss:.4f}, 'grad_norm': {grad!r}, 'learning_rate': {lr!r}, 'epoch': {epoch}}}")
        if step % eval_every == 0:
            eval_loss = 2.6 * math.exp(-step / (steps / 3)) + 0.35
            accuracy = 0.5 + 0.4 * (1 - math.exp(-step / (steps / 4)))
            lines.append(
                f"{{'eval_loss': {eval_loss:.4f}, 'eval_accuracy': {accuracy:.4f}, 'eval_runtime': 1.5, "
                f"'epoch': {epoch}}}"
            )
    return lines


def write_log(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def healthy_log(tmp_path) -> Path:
    return write_log(tmp_path / "healthy.log", trainer_lines(600))


@pytest.fixture
def nan_log(tmp_path) -> Path:
    return write_log(tmp_path / "nan.log", trainer_lines(600, nan_at=560))


@pytest.fixture
def tick_dir(tmp_path, monkeypatch) -> Path:
    """Checklist ticks go to a temporary XDG state directory, never the user's."""
    state = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    return state


def _tracked_reader():
    from lossmon.app.reader import LogReader

    class TrackedReader(LogReader):
        """The app's reader, noting for each log how far the updates it has handed the app go
        (``delivered``: after one is noted, its messages are posted to the app) and the findings
        they carried (``handed``: what the app's alerts were given, each once)."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.delivered: dict[str, int] = {}
            self.handed: dict[str, list] = {}

        def _on_update(self, update):
            super()._on_update(update)
            self.handed.setdefault(update.path, []).extend(update.findings)
            self.delivered[update.path] = update.position

    return TrackedReader


def make_app(
    *paths, replay_speed: float | None = None, tick_dir: Path | None = None,
    make_monitor=None, pace=None, **options,
):
    """The app over its real reader (the follower, following the logs or replaying them at
    ``replay_speed``), on a ManualClock (``pace``, which a replay test moves on; by default one
    that stands still) and with no blinking: deterministic screens."""
    from lossmon.app.app import LossmonApp
    from lossmon.engine import Monitor

    paths = [str(p) for p in paths]
    # A followed line appended is read at once (no pace to wait for on a clock that stands still).
    reader = _tracked_reader()(
        paths, make_monitor or Monitor, replay_speed=replay_speed, clock=pace or ManualClock(), pace=0
    )
    # Ticks go where XDG_STATE_HOME points (the tick_dir fixture sets it).
    app = LossmonApp(reader, show_elapsed=False, **options)
    app.blink_interval = 3600.0
    return app


async def wait_loaded(app, pilot, timeout: float = 30.0) -> None:
    """Until the reader has a log, every log's history is read and the picture is drawn (then
    three calm polls: the layout may change after a frame, as when a checklist opens)."""
    await until(lambda: app.reader.logs and not app.loading, "the history to load", timeout=timeout, pilot=pilot)
    app.schedule(0.0, force=True)
    calm, frames = 0, app.frames

    def settled() -> bool:
        nonlocal calm
        calm = 0 if app.refresh_pending else calm + 1
        return calm >= 3

    def unsettled() -> str:
        # A planned refresh never fires once the app has closed (an error in a frame closes it).
        return (
            f"the frames to settle ({app.frames - frames} drawn meanwhile, a refresh still planned: "
            f"{app.refresh_pending}, the app running: {app.is_running}, its error: {app._exception!r})"
        )

    await until(settled, unsettled, timeout=timeout, poll=0.05, pilot=pilot)
    await pilot.pause()


async def handled_all_read(app, pilot, *paths: Path | str) -> None:
    """Until the reader has handed the app every byte of ``paths`` as they are now, and the app
    has handled every message that posted (its findings, alerts and notifications): after this,
    whatever those lines cause has happened. Synchronisation, not a pause: nothing waits on the
    clock, and a busy machine only makes it slower."""
    await until(
        lambda: all(app.reader.delivered.get(str(p)) == Path(p).stat().st_size for p in paths),
        "the reader to hand over every line", pilot=pilot,
    )
    handled: list[bool] = []
    app.call_later(lambda: handled.append(True))  # queued behind every message posted so far
    await until(lambda: handled, "the app to handle what was posted", pilot=pilot)


def append_lines(path: Path, lines: list[str]) -> None:
    """A training script writing more lines to the log."""
    with open(path, "a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def recorded_reads(monkeypatch) -> list[int]:
    """The entries every Pyramid.buckets call reads, appended as frames are built (the untimed
    guard that a frame's cost depends on its size, not on the history)."""
    from lossmon.engine.pyramid import Pyramid

    reads: list[int] = []
    original = Pyramid.buckets

    def recording(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        reads.append(result.read)
        return result

    monkeypatch.setattr(Pyramid, "buckets", recording)
    return reads
