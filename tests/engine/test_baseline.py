"""baseline: a followed run against a pinned baseline, on two real modded-nanogpt track-1 records."""

import re
import shutil

from lossmon.engine import Monitor
from lossmon.engine.baseline import EVERY_POINTS, Baseline, BaselineTracker

CHUNK = 1 << 16


def follow(path, baseline, chunk=CHUNK):
    monitor = Monitor(str(path))
    monitor.compare_with(baseline)
    data = path.read_bytes()
    news = []
    for start in range(0, len(data), chunk):
        news += [f for f in monitor.feed(data[start : start + chunk]).findings if f.pathology == "baseline"]
    news += [f for f in monitor.finish().findings if f.pathology == "baseline"]
    return monitor, news


def first_step_at_or_below(path, key, target):
    """By hand: the first 's:N key:X' line with X <= target."""
    for line in path.read_text().splitlines():
        found = re.match(rf"s:(\d+) {key}:(\S+)", line)
        if found and float(found.group(2)) <= target:
            return int(found.group(1))
    return None


def test_a_followed_record_against_the_adamw_record(real_logs):
    adamw, llmc = real_logs / "modded-nanogpt-adamw.log", real_logs / "llmc-main.log"
    monitor, news = follow(llmc, Baseline.read(str(adamw)))
    assert news and all(f.severity == "info" and f.escalates and f.path == str(llmc) for f in news)
    assert news == [f for f in monitor.findings if f.pathology == "baseline"]
    target = float(re.findall(r"s:\d+ tel:(\S+)", adamw.read_text())[-1])
    base_steps, run_steps = first_step_at_or_below(adamw, "tel", target), first_step_at_or_below(llmc, "tel", target)
    reached = [f for f in news if f.message.startswith("reaches")]
    assert [f.message for f in reached] == [
        f"reaches the baseline's final val loss tel {target:.4g} at step {run_steps:,} vs {base_steps:,}: "
        f"{run_steps / base_steps:.2f}x more steps"
    ]
    assert reached[0].step == run_steps
    # llm.c is behind AdamW at equal step for most of the run: said once per change of state
    gaps = [f.message for f in news if not f.message.startswith("reaches")]
    assert any(re.fullmatch(r"val loss tel \d+\.\d% above baseline at step [\d,]+ \(beyond both runs' noise\)", m) for m in gaps)
    states = ["behind" if "above" in m else "ahead" if "below" in m else "level" for m in gaps]
    assert all(a != b for a, b in zip(states, states[1:]))
    # re-evaluated on new held-out points and on enough new training points, not per line
    val = len(monitor.store[monitor.store.primary_val])
    train = len(monitor.store[monitor.store.primary_train])
    assert 0 < monitor.baseline.evaluations <= val + train // EVERY_POINTS + 1


def test_the_baseline_itself_and_its_copy(real_logs, tmp_path):
    adamw = real_logs / "modded-nanogpt-adamw.log"
    baseline = Baseline.read(str(adamw))
    _, news = follow(adamw, baseline)
    assert news == []  # the baseline is not compared with itself
    copy = tmp_path / "copy.log"
    shutil.copy(adamw, copy)
    _, news = follow(copy, baseline)
    target = float(re.findall(r"tel:(\S+)", adamw.read_text())[-1])
    assert [f.message for f in news] == [
        f"reaches the baseline's final val loss tel {target:.4g} at step 9,536 vs 9,536: 1.00x fewer steps"
    ]


def test_unpinned_no_more_findings(real_logs):
    monitor = Monitor(str(real_logs / "llmc-main.log"))
    monitor.compare_with(Baseline.read(str(real_logs / "modded-nanogpt-adamw.log")))
    monitor.compare_with(None)
    monitor.feed((real_logs / "llmc-main.log").read_bytes())
    assert not [f for f in monitor.findings if f.pathology == "baseline"]


def test_a_gap_wobbling_at_the_edge_of_the_band_does_not_flap():
    from lossmon.engine.compare import RunComparison

    tracker = BaselineTracker(Baseline(Monitor()))
    told = []
    for step, diff in enumerate([0.3, 1.2, 0.9, 1.1, 0.6, 0.4, -0.2, -1.5, -0.8, -0.3]):
        row = RunComparison("run", "run.log", "", None, None, None, None, None)
        row.gap_step, row.gap_diff, row.noise_band, row.gap_ratio = float(step), diff, 1.0, diff / 10
        news = tracker._gap_news(row, "val loss")
        if news is not None:
            told.append((step, news.split(" at step")[0]))
    assert told == [
        (1, "val loss 12.0% above baseline"),  # beyond the band
        (5, "val loss back within both runs' noise of the baseline"),  # 0.9, 1.1, 0.6: still behind
        (7, "val loss 15.0% below baseline"),
        (9, "val loss back within both runs' noise of the baseline"),
    ]
