"""The generator writes eight deterministic files with the agreed names."""

from lossmon.demo.generate import generate
from lossmon.demo.scenarios import SCENARIO_NAMES, SCENARIOS, stream
from tests.conftest import ManualClock

EXPECTED_FILES = {
    "healthy.log", "exploding_loss.log", "nan_or_inf.log", "not_converging.log", "overfitting.csv",
    "contradictory_metrics.log", "stuck_periodic.jsonl", "plateau.log",
}


def test_scenario_names_and_file_names():
    assert len(SCENARIO_NAMES) == 8
    assert {SCENARIOS[name].filename for name in SCENARIO_NAMES} == EXPECTED_FILES


def test_generation_is_byte_identical_across_runs(tmp_path, rendered):
    paths = generate(tmp_path)
    assert {p.name for p in paths} == EXPECTED_FILES
    for name in SCENARIO_NAMES:
        assert (tmp_path / SCENARIOS[name].filename).read_bytes() == rendered[name], name


def test_committed_demo_logs_are_up_to_date(repo_root, rendered):
    for name in SCENARIO_NAMES:
        committed = repo_root / "demo_logs" / SCENARIOS[name].filename
        assert committed.read_bytes() == rendered[name], f"regenerate demo_logs/ ({name})"


def test_stream_writes_the_same_bytes_and_paces_by_step(tmp_path, rendered):
    for name in ("contradictory_metrics", "overfitting"):
        clock, path = ManualClock(), tmp_path / SCENARIOS[name].filename
        stream(name, path, steps_per_second=1000.0, sleep=clock.sleep)
        pauses = clock.slept
        assert path.read_bytes() == rendered[name]
        assert pauses and all(p > 0 for p in pauses)
        if name == "contradictory_metrics":  # one chunk per 40-step epoch: 29 waits of 40 ms
            assert pauses == [0.04] * 29
