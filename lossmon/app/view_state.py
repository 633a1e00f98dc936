"""What the user chose to see: smoothing, scale, window, x axis, pause, a pinned finding.

Pure data with small cycling helpers, so key handling is testable without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lossmon.engine.findings import format_step

SMOOTHING = (0.0, 0.6, 0.9, 0.99)
WINDOWS = (None, 1_000, 10_000)  # steps shown: all, or the last N
X_AXES = ("step", "epoch", "time")
VIEW_SEPARATOR = {False: " · ", True: ", "}  # between the legend's words; ASCII in --ascii


def _next(options: tuple, current):
    return options[(options.index(current) + 1) % len(options)]


@dataclass(frozen=True, slots=True)
class ViewState:
    smoothing: float = 0.6
    log_y: bool | None = None  # None: chosen per chart from the data (a loss over decades: log)
    window: int | None = None
    x_axis: str = "step"
    paused: bool = False
    pinned_step: float | None = None  # a finding chosen in the timeline: the chart centres on it
    shown: frozenset[str] | None = None  # metrics in the grid; None: chosen automatically
    cursor: float | None = None  # the value readout, as a fraction of the chart's width; None: hidden

    def next_smoothing(self) -> "ViewState":
        return replace(self, smoothing=_next(SMOOTHING, self.smoothing))

    def toggle_log(self, shown: bool, automatic: bool) -> "ViewState":
        """Flip the scale ``shown``; back to automatic when that is what it would choose."""
        wanted = not shown
        return replace(self, log_y=None if wanted == automatic else wanted)

    def next_window(self) -> "ViewState":
        return replace(self, window=_next(WINDOWS, self.window))

    def next_x_axis(self, axes: tuple[str, ...] | None = None) -> "ViewState":
        """The next of ``axes`` (by default X_AXES; the overlay has more)."""
        axes = axes or X_AXES
        current = self.x_axis if self.x_axis in axes else axes[-1]
        return replace(self, x_axis=_next(axes, current))

    def toggle_pause(self) -> "ViewState":
        return replace(self, paused=not self.paused)

    def pin(self, step: float | None) -> "ViewState":
        return replace(self, pinned_step=step)

    def move_cursor(self, columns: int, width: int) -> "ViewState":
        """The readout ``columns`` to the right (negative: left) on a plot ``width`` columns
        wide; it appears at the right end, the latest values."""
        if self.cursor is None:
            return replace(self, cursor=1.0)
        step = 1.0 / max(width - 1, 1)
        return replace(self, cursor=min(1.0, max(0.0, self.cursor + columns * step)))

    def with_cursor(self, cursor: float | None) -> "ViewState":
        return replace(self, cursor=None if cursor is None else min(1.0, max(0.0, cursor)))

    def with_shown(self, shown) -> "ViewState":
        return replace(self, shown=frozenset(shown))

    def step_range(self, first: float, last: float) -> tuple[float, float] | None:
        """The steps to show, given the first and last step of the run."""
        if self.pinned_step is not None:
            # Zoom to the finding: the chosen window, or a tenth of the run, around it.
            half = (self.window or max((last - first) / 10, 20.0)) / 2
            return (self.pinned_step - half, self.pinned_step + half)
        if self.window is None:
            return None
        # A run shorter than the window is shown whole, not in the right fifth of an axis that
        # starts thousands of steps before its first point.
        return (max(first, last - self.window), last)

    def describe(self, log_y: bool = False, ascii: bool = False) -> str:
        """The view in a few words for the chart's legend; the defaults (all steps, x = step)
        go unsaid so that the legend fits a side pane."""
        smoothing = "off" if not self.smoothing else f"{self.smoothing:g}"
        # A pinned finding first: the words at the end are the first dropped in a narrow pane.
        parts = [f"pinned {format_step(self.pinned_step)} (esc)"] if self.pinned_step is not None else []
        parts.append(f"smooth {smoothing}")
        if self.window is not None:
            parts.append(f"last {self.window // 1000}k")
        if self.x_axis != "step":
            parts.append(f"x {self.x_axis}")
        if log_y:
            parts.append("log" if self.log_y else "log (auto)")
        return VIEW_SEPARATOR[ascii].join(parts)
