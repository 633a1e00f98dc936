import os

import pytest

from lossmon.engine.errors import LossmonError
from lossmon.engine.sources.targets import check_spec, existing_ancestor, file_dirs, is_pattern, matches, pattern_dirs


def test_a_glob_is_a_pattern_unless_a_file_has_that_very_name(tmp_path):
    assert is_pattern(str(tmp_path / "*.log"))
    literal = tmp_path / "run[1].log"
    assert is_pattern(str(literal))
    literal.write_text("")
    assert not is_pattern(str(literal))
    assert not is_pattern("-")


def test_what_can_never_be_followed_is_refused_in_one_line(tmp_path):
    with pytest.raises(LossmonError, match="no such file"):
        check_spec(str(tmp_path / "old.log.gz"))
    check_spec(str(tmp_path / "later.log"))  # waited for


def test_a_directory_is_expanded_again_and_again_like_a_glob(tmp_path):
    assert is_pattern(str(tmp_path))
    check_spec(str(tmp_path))  # followed: runs that appear later are picked up
    assert matches(str(tmp_path)) == []
    (tmp_path / "run1").mkdir()
    (tmp_path / "run1" / "train.log").write_text("")
    assert matches(str(tmp_path)) == [str(tmp_path / "run1" / "train.log")]
    assert str(tmp_path / "run1") in pattern_dirs(str(tmp_path))


def test_matches_are_files_only_and_sorted(tmp_path):
    for name in ("b.log", "a.log"):
        (tmp_path / name).write_text("")
    (tmp_path / "dir.log").mkdir()
    assert matches(str(tmp_path / "*.log")) == [str(tmp_path / "a.log"), str(tmp_path / "b.log")]


def test_the_directories_watched_for_a_file_and_for_a_glob(tmp_path):
    (tmp_path / "runs" / "a").mkdir(parents=True)
    (tmp_path / "runs" / "b").mkdir()
    assert existing_ancestor(str(tmp_path / "x" / "y")) == str(tmp_path)
    assert file_dirs(str(tmp_path / "later" / "train.log")) == {str(tmp_path)}
    os.symlink(tmp_path / "runs" / "a" / "train.log", tmp_path / "latest.log")
    assert file_dirs(str(tmp_path / "latest.log")) == {str(tmp_path), str(tmp_path / "runs" / "a")}
    assert pattern_dirs(str(tmp_path / "runs" / "*" / "train.log")) == {
        str(tmp_path / "runs"), str(tmp_path / "runs" / "a"), str(tmp_path / "runs" / "b"),
    }  # fmt: skip
