"""What the follower follows: the user's path arguments (files, globs, ``-``), the files they match
now, and the directories to watch so that changes to them, or files that appear later, are seen.
"""

from __future__ import annotations

import glob
import os
import stat

from lossmon.engine.sources.discover import directories_in, runs_in
from lossmon.engine.errors import LossmonError
from lossmon.engine.sources.files import COMPRESSED_SUFFIXES

STDIN = "-"


def is_pattern(spec: str) -> bool:
    """A glob or a directory, to expand now and again later (a file that exists as spelled is
    taken literally)."""
    if spec == STDIN:
        return False
    return os.path.isdir(spec) or (glob.has_magic(spec) and not os.path.lexists(spec))


def is_compressed(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in COMPRESSED_SUFFIXES


def is_pipe(path: str) -> bool:
    """A named pipe, or a process substitution's /dev/fd/N: read to its end, like stdin."""
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def check_spec(spec: str) -> None:
    """Refuse, with one clear line, what can never become a log to follow."""
    if spec == STDIN or is_pattern(spec):
        return
    if is_compressed(spec) and not os.path.exists(spec):
        raise LossmonError(f"{spec}: no such file (compressed logs are read once, not waited for)")
    try:
        mode = os.stat(spec).st_mode
    except (OSError, ValueError):
        return
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise LossmonError(f"{spec}: is a device, not a log file")


def matches(pattern: str) -> list[str]:
    """The files the pattern matches now, sorted: for a directory, the runs below it."""
    if os.path.isdir(pattern):
        return runs_in(pattern)
    return sorted(p for p in glob.glob(pattern, recursive=True) if not os.path.isdir(p))


def expand(specs: list[str], unreadable: list[str]) -> list[str]:
    """Paths to read once (``check``): each glob and directory replaced by what it matches now,
    in order, each path once. A glob or directory that matches nothing is an error; directories
    below that cannot be read are added to ``unreadable``, one line each."""
    out: list[str] = []
    for spec in specs:
        if not is_pattern(spec):
            out.append(spec)
            continue
        problems: list[str] = []
        found = runs_in(spec, problems) if os.path.isdir(spec) else matches(spec)
        if problems:  # said once, after the runs that could be read are listed
            unreadable.extend(problems)
        elif not found:
            what = "no log file below this directory" if os.path.isdir(spec) else "matches no file"
            raise LossmonError(f"{spec}: {what}")
        out.extend(found)
    return list(dict.fromkeys(out))


def existing_ancestor(directory: str) -> str:
    """The directory itself, or its nearest ancestor that exists (to hear it being created)."""
    while not os.path.isdir(directory):
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return directory


def file_dirs(path: str) -> set[str]:
    """Directories to watch for one followed file: its own, and its target's when it is a link."""
    absolute = os.path.abspath(path)
    dirs = {existing_ancestor(os.path.dirname(absolute))}
    real = os.path.realpath(absolute)
    if real != absolute and os.path.isdir(os.path.dirname(real)):
        dirs.add(os.path.dirname(real))
    return dirs


def pattern_dirs(pattern: str) -> set[str]:
    """Directories to watch for a glob: its fixed leading part, and every directory matching each
    deeper level of it, so that a file appearing in a new matching directory is heard of."""
    if os.path.isdir(pattern):
        return directories_in(pattern)
    parts = os.path.abspath(pattern).split(os.sep)[:-1]
    fixed = 0
    while fixed < len(parts) and not glob.has_magic(parts[fixed]):
        fixed += 1
    dirs = {existing_ancestor(os.sep.join(parts[:fixed]) or os.sep)}
    for depth in range(fixed + 1, len(parts) + 1):
        dirs.update(d for d in glob.glob(os.sep.join(parts[:depth]), recursive=True) if os.path.isdir(d))
    return dirs
