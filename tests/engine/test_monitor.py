from lossmon.engine.monitor import Monitor


def _nano(steps, loss):
    return "".join(f"iter {s}: loss {loss(s):.4f}, time 10.00ms, mfu 1.00%\n" for s in steps).encode()


def test_detectors_start_again_with_a_segment_that_starts_a_batch():
    # A run that ended at a low loss, then a new run in the same file (truncated or resumed):
    # its first, high loss is not an explosion of the old run's curve.
    monitor = Monitor("train.log")
    monitor.feed(_nano(range(1, 2001), lambda s: 3.0 * 0.999**s + 0.4))
    assert not monitor.findings
    monitor.restart()
    update = monitor.feed(_nano(range(1, 200), lambda s: 3.0 * 0.999**s + 0.4))
    assert update.records == 199 and monitor.store["loss"].segment_starts == [0, 2000]
    assert not monitor.findings


def test_series_names_decoded_from_json_are_printable():
    """JSON may spell escape sequences and control characters into a key; a report or the app must
    never pass them to the terminal."""
    from lossmon.engine.monitor import Monitor

    monitor = Monitor("esc.jsonl")
    lines = [f'{{"step": {i}, "loss\\u001b[31m": {2.0 - i / 10}, "acc\\u0007\\u009bx": 0.5}}\n' for i in range(5)]
    monitor.feed("".join(lines).encode())
    assert sorted(s.name for s in monitor.store) == ["acc x", "loss"]
    assert monitor.store.primary_train == "loss"


def test_points_up_to_a_line_count_those_of_the_current_file_segment():
    """Episodes place a finding by the series' points up to its line (Monitor._position): counted
    in the series' int32 lines, also for a line past what int32 holds, and from the segment's
    start after a restart."""
    import numpy as np

    monitor = Monitor("train.log")
    monitor.feed(b"".join(f"iter {s}: loss {2.0 - s / 1000:.4f}, time 10.00ms, mfu 1.00%\n".encode() for s in range(1, 51)))
    monitor.feed(b"not a metric\n" * 5)
    monitor.feed(b"".join(f"iter {s}: loss {1.9 - s / 1000:.4f}, time 10.00ms, mfu 1.00%\n".encode() for s in range(51, 61)))
    lines = monitor.store["loss"].lines
    assert lines.dtype == np.int32 and lines.tolist() == [*range(1, 51), *range(56, 66)]
    assert [monitor._position("loss", line) for line in (0, 1, 50, 53, 56, 65, 2**31 + 9)] == [0, 1, 50, 50, 51, 60, 60]
    monitor.restart()
    monitor.feed(b"".join(f"iter {s}: loss {2.0 - s / 1000:.4f}, time 10.00ms, mfu 1.00%\n".encode() for s in range(1, 4)))
    assert [monitor._position("loss", line) for line in (1, 3, 2**40)] == [61, 63, 63]
    assert monitor._position("no such series", 7) == 7
