"""Helpers the detectors share: vectorized recurrences, block statistics, spike rules, the lr
schedule watch, and the derived features computed once per series."""
