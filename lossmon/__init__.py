"""lossmon: follow a training log, extract its metrics and flag loss-curve pathologies."""

__version__ = "0.1.0"
