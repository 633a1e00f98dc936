"""SIGTERM, SIGHUP (the terminal or SSH session went away) and SIGQUIT end the app the way ``q``
and Ctrl+C do: through Textual's own exit, which leaves the alternate screen, turns mouse
tracking off, shows the cursor again, and stops running hooks. Their default actions kill the
process on the spot and leave the terminal unusable."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name))


def exit_on_signals(exit_app: Callable[[], None]) -> None:
    """Call ``exit_app`` on the running event loop when a stop signal arrives (call from it).
    The loop runs the handler between its callbacks, never inside a half-drawn frame; closing
    the loop removes the handlers."""
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        try:
            loop.add_signal_handler(sig, exit_app)
        except (NotImplementedError, RuntimeError, ValueError):  # no signals here (not the main thread)
            pass
