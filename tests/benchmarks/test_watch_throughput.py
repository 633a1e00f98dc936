"""The watch throughput benchmark's writer writes the lines its reference function defines."""

from benchmarks.watch_throughput import line, lines


def test_a_batch_of_lines_is_the_lines_one_by_one():
    # Padded and not; a batch across a change in the step's digits; steps beyond 2**32.
    for first, count, pad in [(0, 3000, 85), (0, 3000, 0), (99_990, 30, 85), (2**33 - 5, 10, 85)]:
        assert lines(first, count, pad) == b"".join(line(step, pad) for step in range(first, first + count))
