"""`lossmon demo`: a simulated training run writes a real-format log in the background, and the
app follows that file the way it follows any log, so a new user sees charts, badges and
checklists work in one command."""

from __future__ import annotations

import math
import os
import sys
import tempfile
import threading

from lossmon.commands import EXIT_OK
from lossmon.engine.errors import LossmonError


class _Stopped(Exception):
    """Raised inside the demo run's sleep to end it when the app quits."""


class DemoRun:
    """A scenario written to ``path`` by ``lossmon.demo.scenarios.stream`` on its own thread."""

    def __init__(self, name: str, path: str, steps_per_second: float) -> None:
        self.name = name
        self.path = path
        self.steps_per_second = steps_per_second
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lossmon-demo-run", daemon=True)

    def start(self) -> DemoRun:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def _sleep(self, seconds: float) -> None:
        if self._stop.wait(seconds):
            raise _Stopped

    def _run(self) -> None:
        from lossmon.demo.scenarios import stream

        try:
            stream(self.name, self.path, self.steps_per_second, sleep=self._sleep)
        except _Stopped:
            pass
        except Exception as error:  # shown by run_demo after the app closes
            self.error = error


def build_demo(name: str, directory: str, steps_per_second: float, **app_options):
    """The demo run (not started) and the app that follows its log."""
    from lossmon.app.app import LossmonApp
    from lossmon.app.reader import LogReader
    from lossmon.demo.scenarios import SCENARIOS

    run = DemoRun(name, os.path.join(directory, SCENARIOS[name].filename), steps_per_second)
    # The simulated run ends after its scenario: its log going quiet then is no hung job.
    return run, LossmonApp(LogReader([run.path], stall_after=math.inf), **app_options)


def run_demo(args) -> int:
    from lossmon.demo.scenarios import SCENARIO_NAMES

    if args.scenario not in SCENARIO_NAMES:
        raise LossmonError(f"unknown scenario {args.scenario!r} (choose from {', '.join(SCENARIO_NAMES)})")
    if not args.speed > 0:
        raise LossmonError(f"--speed must be positive, not {args.speed:g}")
    from lossmon.commands.app import check_terminal

    check_terminal()  # the demo opens the app: stdout and stderr on the terminal
    directory = tempfile.mkdtemp(prefix="lossmon-demo-")
    run, app = build_demo(args.scenario, directory, args.speed, ascii=args.ascii, light=args.light)
    run.start()
    try:
        app.run()
    finally:
        run.stop()
    if run.error is not None:
        print(f"lossmon: the demo run failed: {run.error}", file=sys.stderr)
    print(f"The demo log is kept at {run.path} (try: lossmon check {run.path})")
    return EXIT_OK
