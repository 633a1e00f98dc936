import os

from lossmon.app.checklist_ticks import TickStore, state_dir


def test_ticks_persist_per_log_in_the_xdg_state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    log = tmp_path / "logs" / "train.log"
    log.parent.mkdir()
    log.write_text("loss 1\n")
    ticks = TickStore(str(log))
    ticks.set("nan_or_inf", "Clip gradients.", True)
    assert ticks.file.parent == tmp_path / "state" / "lossmon" / "checklists"
    assert os.listdir(log.parent) == ["train.log"]  # nothing beside the log
    again = TickStore(str(log))
    assert again.is_ticked("nan_or_inf", "Clip gradients.")
    assert not TickStore(str(tmp_path / "other.log")).is_ticked("nan_or_inf", "Clip gradients.")
    again.set("nan_or_inf", "Clip gradients.", False)
    assert not TickStore(str(log)).is_ticked("nan_or_inf", "Clip gradients.")


def test_default_state_dir_is_under_home(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert state_dir() == tmp_path / ".local" / "state" / "lossmon" / "checklists"


def test_an_unwritable_state_dir_is_reported_not_raised(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))  # a file where a directory should be
    ticks = TickStore(str(tmp_path / "train.log"))
    ticks.set("plateau", "item", True)
    assert ticks.error and "cannot save" in ticks.error


def test_a_corrupt_ticks_file_starts_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    ticks = TickStore(str(tmp_path / "train.log"))
    ticks.file.parent.mkdir(parents=True)
    ticks.file.write_text("{not json")
    assert TickStore(str(tmp_path / "train.log")).ticks == {}
