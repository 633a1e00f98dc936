"""A directory given as a path is a set of runs: every file below it that lossmon can read.

What counts as a run (each file is one run):

* TensorBoard runs: a directory holding event files (``events.out.tfevents.*``) is one run,
  together with the event files of its ``train/``, ``validation/``, ``eval/`` ... subfolders
  (Keras writes those);
* the trackers' and trainers' metric files: ``trainer_state.json``, ``trainer_log.jsonl``,
  ``metrics.csv``, ``results.csv``, YOLOv3/v5/v7 ``results.txt``, ``progress.csv``,
  ``metrics.json``, ``log.txt``;
* text logs: ``*.log``, ``*.out`` (SLURM), ``*.jsonl``; W&B offline runs' ``files/output.log``
  is one of them;
* any of those files compressed as ``check FILE`` reads them (``train.log.gz``,
  ``metrics.csv.bz2``, ``results.csv.xz``): a directory holds what a path could name;
* MLflow runs: a directory with ``meta.yaml`` and ``metrics/`` (``mlruns/<experiment>/<run>``) is
  one run, all its metric files together (their artifacts are looked through for logs too).

What is skipped: hidden directories (``.git``, ``.venv``), ``__pycache__``, ``node_modules``,
``site-packages``; ``checkpoint-*`` directories (a Hugging Face checkpoint's
``trainer_state.json`` repeats the run's own); W&B's own ``debug*.log`` files. It looks at most
:data:`MAX_DEPTH` levels below the directory. Followed, a directory is looked at again when a
directory below it changes, so runs that appear later are picked up.
"""

from __future__ import annotations

import fnmatch
import os

from lossmon.engine.sources.files import COMPRESSED_SUFFIXES
from lossmon.engine.trackers.mlflow import is_mlflow_run
from lossmon.engine.trackers.tensorboard import SPLIT_FOLDERS, is_tensorboard_run

MAX_DEPTH = 6
RUN_FILE_NAMES = frozenset(
    {
        "trainer_state.json", "trainer_log.jsonl", "metrics.csv", "results.csv", "results.txt", "progress.csv",
        "metrics.json", "log.txt",
    }
)
RUN_FILE_SUFFIXES = (".log", ".out", ".jsonl")
_SKIPPED_DIRS = ("__pycache__", "node_modules", "site-packages", "checkpoint-*")
_SKIPPED_FILES = ("debug.log", "debug-internal.log", "debug-cli.*.log")


def is_run_file(name: str) -> bool:
    """A run's file by its name, compressed or not (the name under the compression suffix decides)."""
    stem, suffix = os.path.splitext(name)
    if suffix.lower() in COMPRESSED_SUFFIXES:
        name = stem
    if any(fnmatch.fnmatch(name, pattern) for pattern in _SKIPPED_FILES):
        return False
    return name in RUN_FILE_NAMES or name.endswith(RUN_FILE_SUFFIXES)


def _walk(directory: str, problems: list[str] | None = None):
    """(dirpath, filenames) below ``directory``, pruned as the module says; a directory that
    cannot be read is said in ``problems`` (one line each) and passed over."""

    def unreadable(error: OSError) -> None:
        if problems is not None:
            problems.append(f"{error.filename}: cannot read this directory ({error.strerror or error})")

    base = directory.rstrip(os.sep).count(os.sep)
    for dirpath, dirnames, filenames in os.walk(directory, onerror=unreadable, followlinks=False):
        if dirpath.rstrip(os.sep).count(os.sep) - base >= MAX_DEPTH:
            dirnames[:] = []
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not any(fnmatch.fnmatch(d, p) for p in _SKIPPED_DIRS)
        )
        if is_mlflow_run(dirpath):  # its metrics are the run; its artifacts may hold logs
            dirnames[:] = [d for d in dirnames if d not in ("metrics", "params", "tags")]
        elif is_tensorboard_run(dirpath):  # its split subfolders are part of it
            dirnames[:] = [d for d in dirnames if d not in SPLIT_FOLDERS]
        yield dirpath, filenames


def runs_in(directory: str, problems: list[str] | None = None) -> list[str]:
    """The runs below ``directory`` (a file, or the directory of a run kept in several files),
    sorted; directories that cannot be read are said in ``problems``."""
    found = []
    for dirpath, filenames in _walk(directory, problems):
        if is_mlflow_run(dirpath) or is_tensorboard_run(dirpath):
            found.append(dirpath)
        found.extend(os.path.join(dirpath, name) for name in filenames if is_run_file(name))
    return sorted(found)


def directories_in(directory: str) -> set[str]:
    """The directories a follower watches to hear of new runs below ``directory``."""
    return {dirpath for dirpath, _ in _walk(directory)}
