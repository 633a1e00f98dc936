"""Benchmark of lossmon's detectors against river's ADWIN and Page-Hinkley on a labelled suite
of synthetic runs and the real logs: ``python -m benchmarks.detectors`` (see docs/detectors.md)."""
