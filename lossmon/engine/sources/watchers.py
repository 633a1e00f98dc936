"""File-system change notification for the follower, on watchdog: the native observer (inotify on
Linux) where it works, watchdog's polling observer where it does not.

inotify only hears about changes made through this machine's kernel. On NFS, Lustre, CIFS and
other network file systems it stays silent while the GPU node that runs the job writes the log,
and it fails outright when the per-user watch or instance limit is reached. So a directory on a
network file system, or one that inotify refuses, is polled instead, with no option needed;
``poll_interval`` forces polling everywhere (``--poll SECONDS``).

Directories are watched, not files, so that a followed path is seen being created, deleted or
renamed as well as written. The callback runs on a watchdog thread and must return quickly (the
follower only marks work and wakes its own thread). Idle cost: the native observer blocks in the
kernel until something happens; the polling observer lists each watched directory once per
interval.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

DEFAULT_POLL_SECONDS = 1.0

# inotify does not see writes made by other hosts on these (fuse.* are network mounts by FUSE).
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "lustre", "gpfs", "beegfs", "ceph", "glusterfs",
        "9p", "afs", "ncpfs", "panfs", "wekafs", "fuse.sshfs", "fuse.glusterfs", "fuse.ceph",
        "fuse.s3fs", "fuse.gcsfuse", "fuse.rclone", "fuse.juicefs", "fuse.cvmfs",
    }
)  # fmt: skip

# Only what the follower acts on: IN_OPEN / IN_CLOSE_NOWRITE would report the follower's own
# reads back to it, and IN_ACCESS is not asked for at all.
EVENT_FILTER = [
    FileModifiedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]

# (paths the event names, is it about a directory, "modified" | "created" | "deleted" | "moved")
EventCallback = Callable[[tuple[str, ...], bool, str], None]

_MOUNTINFO_ESCAPE = re.compile(r"\\([0-7]{3})")


def filesystem_type(path: str, mountinfo: str | None = None) -> str | None:
    """The type of the file system holding ``path`` (Linux, from /proc/self/mountinfo)."""
    if mountinfo is None:
        mountinfo = _read_mountinfo()
    target = os.path.realpath(path)
    best_length, best_type = -1, None
    for line in mountinfo.splitlines():
        left, separator, right = line.partition(" - ")
        fields = left.split()
        if not separator or len(fields) < 5 or not right.split():
            continue
        mount_point = _MOUNTINFO_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), fields[4])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= best_length:
            best_length, best_type = len(mount_point), right.split()[0]
    return best_type


def is_network_filesystem(fs_type: str | None) -> bool:
    return fs_type is not None and fs_type in NETWORK_FILESYSTEMS


class _Relay(FileSystemEventHandler):
    def __init__(self, callback: EventCallback, directory_gone: Callable[[str], None]) -> None:
        self._callback = callback
        self._directory_gone = directory_gone

    def dispatch(self, event: FileSystemEvent) -> None:
        named = (event.src_path, event.dest_path) if event.dest_path else (event.src_path,)
        paths = tuple(os.fsdecode(p) for p in named)
        if event.is_directory and event.event_type in ("deleted", "moved"):
            self._directory_gone(paths[0])  # before the callback: the rescan it causes knows
        self._callback(paths, event.is_directory, event.event_type)


class Watcher:
    """Watches a set of directories and calls back on each change inside them."""

    def __init__(self, callback: EventCallback, poll_interval: float | None = None) -> None:
        self._gone: set[str] = set()  # watched directories heard deleted or renamed (on watchdog's threads)
        self._relay = _Relay(callback, self._directory_gone)
        self.poll_interval = poll_interval
        self._native: BaseObserver | None = None
        # Why native events are not tried at all (None: they are tried per directory).
        self._no_native = "no file events on this platform" if Observer is PollingObserver else None
        self._polling: BaseObserver | None = None
        self._watches: dict[str, tuple[BaseObserver, ObservedWatch]] = {}
        self._identity: dict[str, tuple[int, int] | None] = {}  # (device, inode) of each watched directory
        self.fallbacks: dict[str, str] = {}  # directory → why it is polled although not asked to be

    def watch(self, directories: Iterable[str]) -> None:
        """Watch exactly these directories from now on."""
        wanted = set(directories)
        for directory in list(self._watches):
            # A directory removed (or renamed) and made again is another directory: the old
            # watch ended with the old one, or follows it, and a file created in the new one
            # would go unheard. Watch it anew.
            if directory not in wanted or not self._live(directory):
                observer, watch = self._watches.pop(directory)
                self._identity.pop(directory, None)
                self._gone.discard(directory)
                self.fallbacks.pop(directory, None)
                try:
                    observer.unschedule(watch)
                except (KeyError, OSError):  # already gone with its directory
                    pass
        mountinfo = None
        for directory in sorted(wanted - set(self._watches)):
            if not os.path.isdir(directory):
                continue
            if self.poll_interval is not None:
                pass
            elif self._no_native is not None:
                self.fallbacks[directory] = self._no_native
            else:
                if mountinfo is None:
                    mountinfo = _read_mountinfo()
                fs_type = filesystem_type(directory, mountinfo)
                if is_network_filesystem(fs_type):
                    self.fallbacks[directory] = f"{fs_type} is a network file system"
                else:
                    try:
                        self._watches[directory] = self._schedule(self._native_observer(), directory)
                        continue
                    except OSError as error:  # watch or instance limit reached
                        self.fallbacks[directory] = f"inotify failed: {error.strerror or error}"
            try:
                self._watches[directory] = self._schedule(self._polling_observer(), directory)
            except OSError:  # vanished meanwhile: the follower looks again on its next rescan
                self.fallbacks.pop(directory, None)

    @property
    def directories(self) -> list[str]:
        return sorted(self._watches)

    def polled(self, directory: str) -> bool:
        watched = self._watches.get(directory)
        return watched is not None and watched[0] is self._polling

    def describe(self) -> str:
        polling = f"polling every {self.poll_interval or DEFAULT_POLL_SECONDS:g} s"
        if self.poll_interval is not None:
            return polling
        native = f"{Observer.__name__.removesuffix('Observer').lower()} file events"
        polled = [d for d in self._watches if self.polled(d)]
        if not polled:
            return native
        reasons = "; ".join(f"{d} ({self.fallbacks.get(d, 'fallback')})" for d in polled)
        return f"{polling}: {reasons}" if len(polled) == len(self._watches) else f"{native}; {polling}: {reasons}"

    def stop(self) -> None:
        for observer in (self._native, self._polling):
            if observer is not None:
                observer.stop()
        for observer in (self._native, self._polling):
            if observer is not None and observer.is_alive():
                observer.join(timeout=5)
        self._watches.clear()
        self._identity.clear()

    # -------------------------------------------------------------------------------------

    def _schedule(self, observer: BaseObserver, directory: str) -> tuple[BaseObserver, ObservedWatch]:
        self._identity[directory] = _identity(directory)
        return observer, observer.schedule(self._relay, directory, recursive=False, event_filter=EVENT_FILTER)

    def _directory_gone(self, directory: str) -> None:
        if directory in self._watches:
            self._gone.add(directory)

    def _live(self, directory: str) -> bool:
        """Is the watch on ``directory`` still on the directory at that path? (Heard gone, or
        another inode there; a new directory may reuse the old one's inode: hence both.)"""
        if directory in self._gone:
            return False
        return _identity(directory) == self._identity.get(directory)

    def _native_observer(self) -> BaseObserver:
        if self._native is None:
            try:
                observer = Observer()
                observer.start()
            except OSError as error:  # inotify instance limit: no native events for anything
                self._no_native = f"inotify failed: {error.strerror or error}"
                raise
            self._native = observer
        return self._native

    def _polling_observer(self) -> BaseObserver:
        if self._polling is None:
            self._polling = PollingObserver(timeout=self.poll_interval or DEFAULT_POLL_SECONDS)
            self._polling.start()
        return self._polling


def _identity(directory: str) -> tuple[int, int] | None:
    try:
        status = os.stat(directory)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _read_mountinfo() -> str:
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as file:
            return file.read()
    except OSError:
        return ""
