"""What the scan workers' fork server imports before it forks any worker (its preload).

The fork server gives each worker the signal handlers it had itself once its preloads were
imported, so ignoring Ctrl+C here covers a worker from its first instruction: an interrupt sent to
the whole process group while a worker starts, before scan_workers.worker_started runs, no longer
prints that worker's KeyboardInterrupt traceback. Only the fork server imports this module; the
owner keeps its own Ctrl+C.
"""

import signal

import lossmon.engine.scan_workers  # noqa: F401 - warm: each worker forked from here starts with it

signal.signal(signal.SIGINT, signal.SIG_IGN)
