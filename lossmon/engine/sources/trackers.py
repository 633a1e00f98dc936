"""Runs kept in several files, as inputs: a TensorBoard run directory or an MLflow run is read
(``run_reader``) or followed (``run_tail``, a :class:`RunTail` source) as one stream of records.
The readers themselves live in :mod:`lossmon.engine.trackers`, beside their record decoders."""

from lossmon.engine.trackers import run_reader, run_tail
from lossmon.engine.trackers.points import RunTail

__all__ = ["RunTail", "run_reader", "run_tail"]
