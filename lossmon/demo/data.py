"""Seeded synthetic datasets and batch iterators for the demo runs.

Each function takes a ``numpy.random.Generator`` so a scenario's whole run is
reproducible from one seed.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np


def gaussian_mixture(rng: np.random.Generator, n_samples: int, n_features: int, n_classes: int,
                     clusters_per_class: int = 2, spread: float = 1.0, label_noise: float = 0.0):
    """Each class is a few Gaussian clusters around random centres.

    Several clusters per class make the problem nonlinear (a hidden layer helps);
    ``spread`` sets how much the classes overlap, hence the best reachable loss.
    ``label_noise`` replaces that fraction of labels by random classes.
    """
    centres = rng.normal(0.0, 1.0, (n_classes * clusters_per_class, n_features))
    cluster = rng.integers(0, len(centres), n_samples)
    X = centres[cluster] + rng.normal(0.0, spread, (n_samples, n_features))
    y = cluster % n_classes
    if label_noise:
        flip = rng.random(n_samples) < label_noise
        y = np.where(flip, rng.integers(0, n_classes, n_samples), y)
    return X, y


def teacher_labels(rng: np.random.Generator, X: np.ndarray, n_classes: int,
                   label_noise: float, hidden: int = 32) -> np.ndarray:
    """Labels from a random tanh network (a hard nonlinear rule), partly replaced by noise."""
    W1 = rng.normal(0.0, 2.0 / np.sqrt(X.shape[1]), (X.shape[1], hidden))
    W2 = rng.normal(0.0, 1.0, (hidden, n_classes))
    y = np.argmax(np.tanh(X @ W1) @ W2, axis=1)
    flip = rng.random(len(y)) < label_noise
    return np.where(flip, rng.integers(0, n_classes, len(y)), y)


def imbalanced_binary(rng: np.random.Generator, n_samples: int, n_features: int,
                      positive_rate: float, shift: float):
    """Rare positives whose features are shifted by ``shift`` standard deviations along
    one random direction: informative, but never enough to beat a 1:99 prior."""
    y = (rng.random(n_samples) < positive_rate).astype(np.int64)
    direction = rng.normal(0.0, 1.0, n_features)
    direction /= np.linalg.norm(direction)
    X = rng.normal(0.0, 1.0, (n_samples, n_features)) + np.outer(y * shift, direction)
    return X, y


def sort_by_class(X: np.ndarray, y: np.ndarray):
    """The ordering a dataset has when it was built class folder by class folder."""
    order = np.argsort(y, kind="stable")
    return X[order], y[order]


def minibatches(rng: np.random.Generator | None, X: np.ndarray, y: np.ndarray,
                batch_size: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """One epoch of batches; shuffled when ``rng`` is given, in stored order otherwise.
    The last batch may be short, like a DataLoader with drop_last=False."""
    order = rng.permutation(len(y)) if rng is not None else np.arange(len(y))
    for start in range(0, len(y), batch_size):
        idx = order[start:start + batch_size]
        yield X[idx], y[idx]


def random_batch(rng: np.random.Generator, X: np.ndarray, y: np.ndarray, batch_size: int):
    """nanoGPT/Megatron style: sample a batch with replacement, no notion of epochs."""
    idx = rng.integers(0, len(y), batch_size)
    return X[idx], y[idx]


class SensorStream:
    """An endless data pipeline that reads sensors and log-transforms them.

    Readings are positive (log-normal) and the label depends on them. From row
    ``failure_row`` on, one sensor starts reporting 0 for a fraction of rows, and
    ``np.log(0)`` puts ``-inf`` into the features: the classic log-of-zero bug.
    """

    def __init__(self, rng: np.random.Generator, n_sensors: int, n_classes: int,
                 failure_row: int, failure_rate: float = 0.2):
        self.rng = rng
        self.n_sensors = n_sensors
        self.failure_row = failure_row
        self.failure_rate = failure_rate
        self.rows_read = 0
        self.teacher = rng.normal(0.0, 1.0, (n_sensors, n_classes))
        self.n_classes = n_classes

    def labels_for(self, log_readings: np.ndarray) -> np.ndarray:
        scores = log_readings @ self.teacher + self.rng.gumbel(0.0, 1.0, (len(log_readings), self.n_classes))
        return np.argmax(scores, axis=1)

    def read(self, n_rows: int):
        log_true = self.rng.normal(0.0, 1.0, (n_rows, self.n_sensors))
        y = self.labels_for(log_true)
        readings = np.exp(log_true)
        row_numbers = self.rows_read + np.arange(n_rows)
        dead = (row_numbers >= self.failure_row) & (self.rng.random(n_rows) < self.failure_rate)
        readings[dead, 0] = 0.0  # the dead sensor
        self.rows_read += n_rows
        with np.errstate(divide="ignore"):
            return np.log(readings), y

    def clean_sample(self, n_rows: int):
        """Held-out rows from before the failure (a validation set saved earlier)."""
        log_true = self.rng.normal(0.0, 1.0, (n_rows, self.n_sensors))
        return log_true, self.labels_for(log_true)
