"""What a directory of runs holds: every file ``check FILE`` reads, compressed or not, is found the
same way (a compressed log left out of a directory was never read, and its damage never said)."""

import pytest

from lossmon.engine.sources.discover import RUN_FILE_NAMES, RUN_FILE_SUFFIXES, is_run_file, runs_in
from lossmon.engine.sources.files import COMPRESSED_SUFFIXES

PLAIN_RUN_FILES = sorted(RUN_FILE_NAMES) + [f"train{suffix}" for suffix in RUN_FILE_SUFFIXES] + ["files/output.log"]
NOT_RUN_FILES = ["notes.txt", "model.pt", "config.yaml", "debug.log", "debug-internal.log", "debug-cli.root.log"]


@pytest.mark.parametrize("suffix", sorted(COMPRESSED_SUFFIXES))
def test_a_compressed_file_is_a_run_exactly_when_its_plain_name_is(suffix):
    for name in PLAIN_RUN_FILES:
        base = name.rsplit("/", 1)[-1]
        assert is_run_file(base) and is_run_file(base + suffix), base + suffix
    for name in NOT_RUN_FILES:  # W&B's own debug logs stay skipped, compressed too
        assert not is_run_file(name) and not is_run_file(name + suffix), name + suffix
    assert not is_run_file(suffix) and not is_run_file("archive" + suffix)


def test_a_directory_lists_its_compressed_logs_beside_the_plain_ones(tmp_path):
    made = []
    for k, suffix in enumerate(sorted(COMPRESSED_SUFFIXES)):
        run = tmp_path / f"run{k}"
        run.mkdir()
        for name in ("train.log", "metrics.csv", "trainer_state.json"):
            for path in (run / name, run / (name + suffix)):
                path.write_bytes(b"")
                made.append(str(path))
        (run / ("notes.txt" + suffix)).write_bytes(b"")
    assert runs_in(str(tmp_path)) == sorted(made)


def test_a_yolo_results_txt_is_a_run_as_the_readme_says(tmp_path):
    """README: 'YOLOv3/v5/v7 results.txt (no header)' counts as a run; it was read as a path only."""
    (tmp_path / "exp").mkdir()
    (tmp_path / "exp" / "results.txt").write_text("")
    (tmp_path / "exp" / "notes.txt").write_text("")
    assert runs_in(str(tmp_path)) == [str(tmp_path / "exp" / "results.txt")]
