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
