"""The real-log corpus (tests/corpus): its labels are well-formed and independent of lossmon, and
lossmon reads it at least as well as it did when the bars below were last raised."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import DEFAULT_CORPUS, SHARED_LABELS, label_problems, load_corpus, score, totals

# Today's figures on the committed corpus (python -m benchmarks.corpus). Raise PARSE_BAR as the
# parser improves (issue 12 wants 0.97) and lower HEALTHY_ALERTS_MAX towards 0 (the target). A code
# change must never make them worse; only new corpus logs may move them, and then to the new figures.
# 2346/2407 = 0.9747 with holdout25a-28d in (2026-12-08 02:00; their 161 logs read 153 right after that session's
# fixes, the 2,246 logs before them 2193, one more than before); 2192/2246 = 0.9760 with holdout22a-24d in (2026-12-07 23:40; their 110 logs read 104 right after that session's
# fixes, the 2,136 logs before them 2088, one more than before); 2087/2136 = 0.977 with holdout21i-21l in;
# 381/386 = 0.987 with holdout3-7 in. The issue asks >= 0.97.
PARSE_BAR = 0.974
# 0 again since the task score of YOLOv5's results.csv is its mAP_0.5:0.95, as intended (it was
# mAP_0.5): pallet-yolov5-exp8-results-csv (healthy in its label) then gets an overfitting warning,
# not an alert: its val box loss stays ~20% above a dip (epochs 62-68) while mAP_0.5:0.95 falls
# 0.652 -> 0.593 smoothed, 3.95 of its jitters (the score holds within 4: the alert bar doubles).
# At the edge, and measured so; not tuned.
HEALTHY_ALERTS_MAX = 0

LABELS = sorted(DEFAULT_CORPUS.glob("*/label.json"))
# A label's `python3` is the interpreter running the suite: a version manager's shim on PATH
# (pyenv's) starts a shell and costs ~85 ms per call, and 800 of the count_by one-liners are Python.
COUNT_ENV = {**os.environ, "PATH": os.pathsep.join((str(Path(sys.executable).parent), os.environ.get("PATH", "")))}
IDS = [path.parent.name for path in LABELS]


def test_the_corpus_is_there():
    assert len(LABELS) >= 1


@pytest.mark.parametrize("label_path", LABELS, ids=IDS)
def test_label_is_well_formed_and_its_log_is_kept(label_path: Path):
    label = json.loads(label_path.read_text(encoding="utf-8"))
    assert label_problems(label) == []
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", label_path.parent.name)
    log = label_path.parent / label["file"]
    assert log.is_file() and log.stat().st_size > 0
    assert sorted(p.name for p in label_path.parent.iterdir()) == sorted(["label.json", label["file"]])
    kept = label["source"]["kept"]
    if kept.startswith("prefix"):
        # a prefix is cut at a line end: exactly N complete lines
        data = log.read_bytes()
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            # a UTF-16 log (a PowerShell capture) is counted in its characters: "\n" is two bytes
            data = data.decode("utf-16").encode("utf-8")
        if kept.endswith("bytes"):
            # a log with no line end in its kept part (records printed back to back): cut by bytes
            assert len(data) == int(kept.split()[2]) and b"\n" not in data
        else:
            assert data.endswith(b"\n") and data.count(b"\n") == int(kept.split()[2])


@pytest.mark.parametrize("label_path", LABELS, ids=IDS)
def test_count_by_reproduces_the_label_count(label_path: Path):
    label = json.loads(label_path.read_text(encoding="utf-8"))
    for split in ("train", "val"):
        part = label[split]
        if part is None:
            continue
        assert "lossmon" not in part["count_by"]
        done = subprocess.run(
            ["sh", "-c", part["count_by"]], cwd=label_path.parent, capture_output=True, text=True, timeout=60, env=COUNT_ENV
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == str(part["count"]), f"{split}: {part['count_by']}"


def test_shared_real_log_labels_are_well_formed():
    shared = json.loads(SHARED_LABELS.read_text(encoding="utf-8"))
    assert shared and all(label_problems(label) == [] for label in shared.values())
    assert not set(shared) & set(IDS)


@pytest.fixture(scope="module")
def results():
    return [score(entry) for entry in load_corpus(DEFAULT_CORPUS)]


def test_parse_accuracy_holds(results):
    t = totals(results)
    misses = [f"{r.entry.slug}: {'; '.join(r.parse_why)}" for r in results if not r.parse_ok]
    assert t.parse_accuracy >= PARSE_BAR, "\n".join(misses)


def test_healthy_logs_get_no_new_alerts(results):
    assert len(totals(results).healthy_with_alert) <= HEALTHY_ALERTS_MAX, totals(results).healthy_with_alert


def test_verdict_also_only_names_other_pathologies_beside_one():
    base = json.loads((DEFAULT_CORPUS / "hf-quality-lrqa-stuck-at-ln4-trainer-state" / "label.json").read_text())
    assert label_problems(base) == []
    assert label_problems({**base, "verdict_also": ["healthy"]})
    assert label_problems({**base, "verdict_also": "plateau"})
    assert label_problems({**base, "verdict": "healthy", "verdict_also": ["plateau"]})


def test_a_finding_of_a_verdict_also_pathology_is_right(results):
    by_slug = {r.entry.slug: r for r in results}
    stuck = by_slug["hf-quality-lrqa-stuck-at-ln4-trainer-state"]
    found = set(stuck.alerts + stuck.warns)
    assert stuck.verdict_ok == bool(found & {"not_converging", "plateau"})


def test_a_name_is_the_labels_whatever_its_separators_and_case_but_not_other_words():
    from benchmarks.corpus import same_name

    assert same_name("Val/Loss", "Val Loss") and same_name("val_loss", "Val Loss") and same_name("train/loss", "Train-Loss")
    assert not same_name("Val/Loss", "Loss") and not same_name("Loss Val", "Val Loss") and not same_name("val_loss2", "val_loss")
    assert same_name("DEV/loss", "DEV : loss") and same_name("Test/Loss", "Test: Loss")  # (flair's and a print's colons)


def test_a_val_name_without_a_split_is_met_by_it_behind_a_held_out_tag():
    """Caffe prints "loss" for both passes ("Test net output #0: loss = 0.08"): a label can only
    name its val "loss"; lossmon's "Test/loss" is that series, "Train/loss" is not."""
    from benchmarks.corpus import _split_misses

    val = {"names": ["loss"], "count": 11}
    assert _split_misses("val", "Test/loss", 11, val, ["loss"]) == []
    assert _split_misses("val", "Train/loss", 11, val, ["loss"]) and _split_misses("val", "loss", 11, val, ["loss"]) == []
    assert _split_misses("val", "Test/loss", 12, val, ["loss"])  # (the count still counts)
    # the PyTorch examples' "Test set: Average loss: 0.0500": the pass's title before the key
    average = {"names": ["Average loss"], "count": 5}
    assert _split_misses("val", "Test set/Average loss", 5, average, ["Loss"]) == []
    # a labelled name that says its split is met only as named
    assert _split_misses("val", "Test/val_loss", 5, {"names": ["val_loss"], "count": 5}, ["loss"])
    assert _split_misses("train", "Test/loss", 11, val, ["loss"])  # (only a val name)


def test_a_healthy_label_is_not_met_by_silence_about_a_curve_never_read(tmp_path: Path):
    # A log lossmon reads nothing from raises no alert; that is no verdict on its curve.
    log_dir = tmp_path / "corpus" / "unread-history"
    log_dir.mkdir(parents=True)
    (log_dir / "train.log").write_text("Loading checkpoint shards\nStarting training run\nDone.\n", encoding="utf-8")
    label = {
        "source": {"repo": "example/repo", "commit": None, "path": "train.log", "kept": "whole"},
        "framework": "custom",
        "file": "train.log",
        "train": {"names": ["loss"], "count": 3, "count_by": "wc -l < train.log"},
        "val": None,
        "verdict": "healthy",
        "verdict_why": "a label written for this test",
    }
    (log_dir / "label.json").write_text(json.dumps(label), encoding="utf-8")
    (result,) = [score(entry) for entry in load_corpus(tmp_path / "corpus")]
    assert not result.parse_ok and not result.got_train
    assert result.verdict_ok is False and "no train series" in result.verdict_why
