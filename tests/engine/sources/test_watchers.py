import os

from lossmon.engine.sources import watchers as watchers_module
from lossmon.engine.sources.watchers import Watcher, filesystem_type, is_network_filesystem
from tests.conftest import until

MOUNTINFO = r"""22 1 252:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw
40 22 0:45 / /home rw,relatime shared:20 - nfs4 fs1:/export/home rw,vers=4.2
41 40 0:46 / /home/alice/scratch rw - lustre 10.0.0.1@o2ib:/scratch rw
42 22 0:47 / /mnt/my\040runs rw - fuse.sshfs gpu1:/runs rw
43 22 0:48 / /homework rw - tmpfs tmpfs rw
"""


def test_filesystem_type_takes_the_deepest_mount_holding_the_path():
    assert filesystem_type("/home/alice/train.log", MOUNTINFO) == "nfs4"
    assert filesystem_type("/home/alice/scratch/run1/train.log", MOUNTINFO) == "lustre"
    assert filesystem_type("/mnt/my runs/train.log", MOUNTINFO) == "fuse.sshfs"
    assert filesystem_type("/homework/train.log", MOUNTINFO) == "tmpfs"  # /home is not its prefix
    assert filesystem_type("/var/log/train.log", MOUNTINFO) == "ext4"
    assert [is_network_filesystem(t) for t in ("nfs4", "lustre", "fuse.sshfs", "ext4", "tmpfs", None)] == [
        True, True, True, False, False, False,
    ]  # fmt: skip


class Heard:
    def __init__(self):
        self.events = []

    def __call__(self, paths, is_directory, kind):
        self.events.append((paths, is_directory, kind))

    def wait_for(self, path, deadline=10.0):
        until(
            lambda: any(path in paths for paths, _, _ in self.events),
            lambda: f"an event on {path}; heard {self.events}",
            timeout=deadline,
        )


def test_native_events_name_the_changed_file(tmp_path):
    heard = Heard()
    watcher = Watcher(heard)
    try:
        watcher.watch([str(tmp_path)])
        assert not watcher.polled(str(tmp_path)) and "polling" not in watcher.describe()
        log = tmp_path / "train.log"
        log.write_bytes(b"iter 1\n")
        heard.wait_for(str(log))
        heard.events.clear()
        with open(log, "rb") as f:  # the follower's own reads are not reported back to it
            f.read()
        os.rename(log, tmp_path / "train.log.1")
        heard.wait_for(str(tmp_path / "train.log.1"))
        assert all(kind != "opened" and kind != "closed_no_write" for _, _, kind in heard.events)
    finally:
        watcher.stop()


def test_forced_polling_hears_appends(tmp_path):
    heard = Heard()
    watcher = Watcher(heard, poll_interval=0.1)
    try:
        log = tmp_path / "train.log"
        log.write_bytes(b"a\n")
        watcher.watch([str(tmp_path)])
        assert watcher.polled(str(tmp_path)) and watcher.describe() == "polling every 0.1 s"
        with open(log, "ab") as f:
            f.write(b"b\n")
        heard.wait_for(str(log))
    finally:
        watcher.stop()


def test_a_network_file_system_is_polled_without_being_asked(tmp_path, monkeypatch):
    monkeypatch.setattr(watchers_module, "filesystem_type", lambda path, mountinfo=None: "nfs4")
    watcher = Watcher(Heard())
    try:
        watcher.watch([str(tmp_path)])
        assert watcher.polled(str(tmp_path))
        assert "nfs4 is a network file system" in watcher.describe()
    finally:
        watcher.stop()


def test_watching_another_set_drops_the_old_directories(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    watcher = Watcher(Heard())
    try:
        watcher.watch([str(tmp_path / "a"), str(tmp_path / "missing")])
        assert watcher.directories == [str(tmp_path / "a")]
        watcher.watch([str(tmp_path / "b")])
        assert watcher.directories == [str(tmp_path / "b")]
    finally:
        watcher.stop()


class NoInotify:
    """inotify_init fails as it does when the per-user instance limit is reached."""

    def __init__(self, *args, **kwargs):
        raise OSError(24, "inotify instance limit reached")


def test_no_inotify_instance_means_every_directory_is_polled(tmp_path, monkeypatch):
    monkeypatch.setattr(watchers_module, "Observer", NoInotify)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    heard = Heard()
    watcher = Watcher(heard)
    try:
        watcher.watch([str(tmp_path / "a"), str(tmp_path / "b")])
        assert watcher.polled(str(tmp_path / "a")) and watcher.polled(str(tmp_path / "b"))
        assert watcher.describe().startswith("polling every 1 s: ")
        assert watcher.describe().count("inotify failed: inotify instance limit reached") == 2
        (tmp_path / "b" / "train.log").write_bytes(b"x\n")
        heard.wait_for(str(tmp_path / "b" / "train.log"))
    finally:
        watcher.stop()


def test_a_directory_removed_or_renamed_and_made_again_is_watched_again(tmp_path):
    """The same path watched again after its directory went (the follower's rescans: while it is
    gone, or only once it is back) watches the new directory: a file created in it is heard.
    The old watch ended with the removed directory (whose inode the new one may reuse), or
    follows the renamed one."""
    import shutil

    run = tmp_path / "run"
    run.mkdir()
    heard = Heard()
    watcher = Watcher(heard)
    try:
        watcher.watch([str(run)])
        for rescan_while_gone in (True, False):
            for name, replace in (("removed", shutil.rmtree), ("renamed", lambda d: os.rename(d, tmp_path / "old"))):
                heard.events.clear()
                replace(run)
                if rescan_while_gone:
                    watcher.watch([str(run)])
                elif name == "removed":  # (a renamed one keeps its inode: the new one has another)
                    heard.wait_for(str(run))  # its deletion, heard through its watch (the follower rescans then)
                run.mkdir()
                watcher.watch([str(run)])  # the rescan once it is back
                heard.events.clear()
                (run / "train.log").write_bytes(b"iter 1\n")
                heard.wait_for(str(run / "train.log"))
                shutil.rmtree(tmp_path / "old", ignore_errors=True)
    finally:
        watcher.stop()
