"""The app's side of comparing runs: the run list's rows and the overlay's plan, from the app's
open logs (its LogViews) and what the user chose (RunsState). The app calls ``rows`` once per
refresh and ``overlay_plan`` when it draws the main chart with the overlay on."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import ExitStack

from lossmon.app.overlay import OverlayRun, overlay_chart
from lossmon.app.overlay_axes import OVERLAY_AXES, RunAxes
from lossmon.app.runs_state import RunRow, RunsState, RunTable, drawn_runs, listed
from lossmon.app.scene import ChartPlan, Snapshot, take_snapshot
from lossmon.app.view_state import ViewState
from lossmon.engine.alignment import available_axes


class RunsView:
    def __init__(self, baseline: str | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.state = RunsState(baseline=baseline)
        self.table = RunTable(clock)
        self.axes = RunAxes(clock)
        self.rows: list[RunRow] = []
        self._snapshots: dict[int, tuple[int, Snapshot]] = {}  # per run: (log version, snapshot)

    @property
    def overlaid(self) -> bool:
        """The overlay is on and there is more than one run to overlay."""
        return self.state.overlay and len(self.rows) > 1

    def x_axes(self, views: list) -> tuple[str, ...] | None:
        """The x axes key x cycles through: None for the single view (its own); with the overlay
        on, those of the overlay's axes (tokens too) that at least one run has, step always, so
        that x never lands on an axis where nothing can be drawn. Read on a key press only."""
        if not self.overlaid:
            return None
        had = {"step"}
        for view in views:
            with view.log.lock:
                had.update(available_axes(view.log.monitor))
        return tuple(axis for axis in OVERLAY_AXES if axis in had)

    def refresh(self, views: list, current: int, x_axis: str = "step") -> list[RunRow]:
        """The run list's rows; with the overlay on, runs are compared with the baseline on its
        x axis (equal tokens, equal time...), else on step."""
        self.rows = self.table.rows(views, current, self.state, x_axis if self.state.overlay else "step")
        return self.rows

    def _snapshot(self, index: int, view) -> Snapshot:
        """Call with the log's lock held; taken again only when the log changed."""
        kept = self._snapshots.get(index)
        if kept is None or kept[0] != view.log.version:
            kept = (view.log.version, take_snapshot(view.log))
            self._snapshots[index] = kept
        return kept[1]

    def overlay_plan(self, views: list, view_state: ViewState, width: int, height: int, ascii: bool) -> ChartPlan:
        rows = drawn_runs(self.rows, self.state)
        shown = sum(1 for row in listed(self.rows, self.state) if row.visible)
        with ExitStack() as locks:
            runs = []
            for row in rows:
                if row.index >= len(views):
                    continue
                view = views[row.index]
                locks.enter_context(view.log.lock)
                snapshot = self._snapshot(row.index, view)
                runs.append(OverlayRun(row.index, row.label, snapshot, self.axes.get(row.index, view.log, view_state.x_axis)))
            return overlay_chart(runs, view_state, width, height, ascii, left_out=shown - len(rows))
