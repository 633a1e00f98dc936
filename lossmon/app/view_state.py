"""What the user chose to see: smoothing, scale, window, x axis, pause, a pinned finding.

Pure data with small cycling helpers, so key handling is testable without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

SMOOTHING = (0.0, 0.6, 0.9, 0.99)
WINDOWS = (None, 1_000, 10_000)  # steps shown: all, or the last N
X_AXES = ("step", "epoch", "time")


def _next(options: tuple, current):
    return options[(options.index(current) + 1) % len(options)]


@dataclass(frozen=True, slots=True)
class ViewState:
    smoothing: float = 0.6
    log_y: bool = False
    window: int | None = None
    x_axis: str = "step"
    paused: bool = False
    pinned_step: float | None = None  # a finding chosen in the timeline: the chart centres on it
    shown: frozenset[str] | None = None  # metrics in the grid; None: chosen automatically

    def next_smoothing(self) -> "ViewState":
        return replace(self, smoothing=_next(SMOOTHING, self.smoothing))

    def toggle_log(self) -> "ViewState":
        return replace(self, log_y=not self.log_y)

    def next_window(self) -> "ViewState":
        return replace(self, window=_next(WINDOWS, self.window))

    def next_x_axis(self) -> "ViewState":
        return replace(self, x_axis=_next(X_AXES, self.x_axis))

    def toggle_pause(self) -> "ViewState":
        return replace(self, paused=not self.paused)

    def pin(self, step: float | None) -> "ViewState":
        return replace(self, pinned_step=step)

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
        return (last - self.window, last)

    def describe(self) -> str:
        smoothing = "off" if not self.smoothing else f"{self.smoothing:g}"
        window = "all" if self.window is None else f"last {self.window // 1000}k"
        parts = [f"smooth {smoothing}", window, f"x {self.x_axis}"]
        if self.log_y:
            parts.append("log")
        if self.pinned_step is not None:
            parts.append(f"pinned {self.pinned_step:g} (esc)")
        return " · ".join(parts)
