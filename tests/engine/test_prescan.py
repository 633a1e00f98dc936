"""A worker process scanning ahead changes nothing in what is parsed: the same records, series and
findings as one process alone, whatever the blocks of either side."""

import hashlib
import random

import pytest

import lossmon.engine.prescan as prescan_module
from lossmon.engine import Monitor, check_file
from lossmon.engine.prescan import Prescan
from lossmon.engine.sources import read_chunks


def write_log(path, records: int = 12_000) -> None:
    """A Hugging Face Trainer log as `2>&1` captures it (tqdm frames before each dict, eval dicts,
    warnings), then a nanoGPT run appended: a second format whose template is learned late."""
    rng = random.Random(3)
    rows = []
    loss = 2.5
    for index in range(records):
        loss = max(0.05, loss * 0.9995 + rng.gauss(0, 0.01))
        frame = f"\r{index // 120:3d}%|█         | {index}/{records} [00:{index % 60:02d}<12:34, 98.10it/s]"
        rows.append(f"{frame}\r{' ' * len(frame)}\r{{'loss': {round(loss, 4)}, 'grad_norm': {rng.uniform(0.5, 5)}, "
                    f"'learning_rate': {5e-5 * (1 - index / records)}, 'epoch': {round(index / 1000, 2)}}}")
        if index % 500 == 499:
            rows.append(f"{{'eval_loss': {loss * 1.1}, 'eval_runtime': 1.5, 'epoch': {round(index / 1000, 2)}}}")
        if index % 700 == 350:
            rows.append("/usr/lib/python3/site-packages/torch/utils/checkpoint.py:464: UserWarning: pass use_reentrant")
    rows += [f"iter {step}: loss {2 + (step % 17) / 100:.4f}, time 10.00ms, mfu 1.00%" for step in range(4000)]
    path.write_text("\n".join(rows) + "\n")


def fingerprint(monitor: Monitor) -> tuple:
    series = []
    for s in monitor.store:
        digest = hashlib.sha1(s.steps.tobytes() + s.values.tobytes() + s.lines.tobytes()).hexdigest()
        series.append((s.name, len(s), digest, tuple(s.segment_starts)))
    findings = [(f.pathology, f.severity, f.series, f.step, f.line, f.message) for f in monitor.findings]
    return monitor.lines, monitor.records, monitor.format_id, tuple(series), tuple(findings)


def parse(path, chunk_bytes: int, prescan: Prescan | None = None, kill_after: int | None = None) -> tuple:
    monitor = Monitor(str(path))
    if prescan is not None:
        monitor.use_prescan(prescan)
    for index, chunk in enumerate(read_chunks(str(path), chunk_bytes)):
        monitor.feed(chunk)
        if prescan is not None and index == 0:
            assert prescan.wait_ahead(timeout=30), "the worker never scanned ahead"
        if kill_after is not None and index == kill_after:
            prescan._process.kill()
    monitor.finish()
    return fingerprint(monitor)


@pytest.fixture(scope="module")
def log(tmp_path_factory):
    path = tmp_path_factory.mktemp("prescan") / "train.log"
    write_log(path)
    return path


def test_the_workers_hits_give_the_same_records_and_findings(log):
    alone = parse(log, 64 * 1024)
    # The worker's blocks (256 KB) and this process's (64 KB) do not line up.
    prescan = Prescan(str(log), chunk_bytes=256 * 1024)
    assert parse(log, 64 * 1024, prescan) == alone
    assert prescan.taken > 5  # the worker's hits were used, not just scanned again here
    assert prescan.ended and prescan._process is None  # finish() stopped it


def test_a_worker_that_dies_changes_nothing(log):
    alone = parse(log, 64 * 1024)
    assert parse(log, 64 * 1024, Prescan(str(log)), kill_after=3) == alone


def test_check_file_scans_a_big_log_ahead_with_the_same_result(log, monkeypatch):
    alone = fingerprint(check_file(str(log)))
    started = []
    monkeypatch.setattr(prescan_module, "MIN_BYTES", 0)
    monkeypatch.setenv("LOSSMON_PRESCAN", "1")  # whatever the load on the machine
    original = Prescan.__init__

    def tracked(self, *args, **kwargs):
        original(self, *args, **kwargs)
        started.append(self)

    monkeypatch.setattr(Prescan, "__init__", tracked)
    assert fingerprint(check_file(str(log))) == alone
    assert len(started) == 1 and started[0]._process is None  # started, and stopped at the end


def test_small_logs_streams_and_busy_machines_are_read_alone(monkeypatch):
    monkeypatch.setenv("LOSSMON_PRESCAN", "1")
    assert not prescan_module.worth_prescanning("train.log", 1 << 20)
    assert not prescan_module.worth_prescanning("-", None)
    assert not prescan_module.worth_prescanning("train.log.gz", 1 << 30)
    assert prescan_module.worth_prescanning("train.log", 1 << 30)
    monkeypatch.setenv("LOSSMON_PRESCAN", "0")
    assert not prescan_module.worth_prescanning("train.log", 1 << 30)
    monkeypatch.delenv("LOSSMON_PRESCAN")
    monkeypatch.setattr(prescan_module, "usable_cores", lambda: 2)
    monkeypatch.setattr(prescan_module.os, "getloadavg", lambda: (1.2, 1.0, 1.0))  # a core is busy
    assert not prescan_module.worth_prescanning("train.log", 1 << 30)
    monkeypatch.setattr(prescan_module.os, "getloadavg", lambda: (0.1, 0.2, 0.2))
    assert prescan_module.worth_prescanning("train.log", 1 << 30)
