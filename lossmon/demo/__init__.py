"""Demo training runs that produce lossmon's demo logs, one per loss-curve pathology."""
