"""`lossmon demo`: a simulated training run writes a real-format log in the background, and the
app opens on it, so a new user sees charts, badges and checklists work in one command."""

from __future__ import annotations

import os
import sys
import tempfile

from lossmon.commands import EXIT_OK
from lossmon.engine import Monitor
from lossmon.engine.errors import LossmonError

DEFAULT_SCENARIO = "exploding_loss"  # nanoGPT prints; the loss explodes after ~2,000 steps
DEFAULT_STEPS_PER_SECOND = 100.0


def demo_chunks(name: str):
    """(step, text, rewrite) for each chunk the demo run prints."""
    from lossmon.demo.scenarios import SCENARIOS
    from lossmon.demo.writers import Rewrite

    for chunk in SCENARIOS[name].run():
        yield chunk.step, str(chunk.text), isinstance(chunk.text, Rewrite)


def build_demo_app(name: str, directory: str, steps_per_second: float, ascii: bool = False, light: bool = False):
    from lossmon.app.app import LossmonApp
    from lossmon.app.feeds import WriterFeed
    from lossmon.app.live_log import LiveLog
    from lossmon.demo.scenarios import SCENARIOS

    path = os.path.join(directory, SCENARIOS[name].filename)
    log = LiveLog(path, Monitor(path))
    log.total_bytes = None  # the run is still writing it: no progress bar

    def feed(logs, notify):
        return WriterFeed(logs, notify, demo_chunks(name), steps_per_second)

    return LossmonApp([log], feed, ascii=ascii, light=light, mode="LIVE")


def run_demo(args) -> int:
    from lossmon.demo.scenarios import SCENARIO_NAMES

    if args.scenario not in SCENARIO_NAMES:
        raise LossmonError(f"unknown scenario {args.scenario!r} (choose from {', '.join(SCENARIO_NAMES)})")
    if not args.speed > 0:
        raise LossmonError(f"--speed must be positive, not {args.speed:g}")
    if not sys.stdout.isatty():
        raise LossmonError("the demo opens the terminal app: run it in a terminal")
    directory = tempfile.mkdtemp(prefix="lossmon-demo-")
    app = build_demo_app(args.scenario, directory, args.speed, args.ascii, args.light)
    app.run()
    print(f"The demo log is kept at {app.views[0].log.path} (try: lossmon check {app.views[0].log.path})")
    return EXIT_OK
