"""The watch throughput benchmark's writer writes the lines its reference function defines."""

from benchmarks.watch_throughput import line, lines


def test_a_batch_of_lines_is_the_lines_one_by_one():
    # Padded and not; a batch across a change in the step's digits; steps beyond 2**32.
    for first, count, pad in [(0, 3000, 85), (0, 3000, 0), (99_990, 30, 85), (2**33 - 5, 10, 85)]:
        assert lines(first, count, pad) == b"".join(line(step, pad) for step in range(first, first + count))


def test_verify_finds_watch_agreeing_with_check_and_notices_a_changed_value(tmp_path):
    """--verify compares what watch printed with check --json on the same bytes (a finished .gz
    log, which watch reads to its end and leaves)."""
    import gzip
    import os
    import subprocess
    import sys
    from pathlib import Path

    from benchmarks.watch_throughput import verify

    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": root}
    log = tmp_path / "train.log.gz"
    log.write_bytes(gzip.compress(lines(0, 3000, 0) + b"iter 3000: loss nan, time 10.00ms, mfu 1.00%\n"))
    printed = tmp_path / "watch.jsonl"
    with open(printed, "wb") as out:
        subprocess.run([sys.executable, "-m", "lossmon", "watch", "--jsonl", str(log)], cwd=root, env=env,
                       stdout=out, stderr=subprocess.DEVNULL, check=True, timeout=120)
    assert b'"finding"' in printed.read_bytes()  # the NaN's
    assert verify(root, env, str(log), str(printed)) is True
    changed = printed.read_bytes().replace(b'"loss": 2.5,', b'"loss": 2.6,', 1)
    assert changed != printed.read_bytes()
    printed.write_bytes(changed)
    assert "series differ" in verify(root, env, str(log), str(printed))
