"""`lossmon watch --baseline`: a followed run's findings against a pinned baseline, in --jsonl
and as text lines."""

import json
import subprocess
import sys

DEADLINE = 60.0


def watch(*args, stdin: bytes):
    return subprocess.run(
        [sys.executable, "-m", "lossmon", "watch", *args], input=stdin, capture_output=True, timeout=DEADLINE
    )


def test_jsonl_carries_the_baseline_findings(real_logs):
    adamw, llmc = real_logs / "modded-nanogpt-adamw.log", real_logs / "llmc-main.log"
    result = watch("--jsonl", "--baseline", str(adamw), "-", stdin=llmc.read_bytes())
    assert result.returncode == 0, result.stderr
    findings = [json.loads(line)["finding"] for line in result.stdout.splitlines() if line.startswith(b'{"finding"')]
    baseline = [f for f in findings if f["pathology"] == "baseline"]
    assert baseline and all(f["severity"] == "info" and f["escalates"] and f["episode"] is None for f in baseline)
    assert any(f["message"].startswith("reaches the baseline's final val loss tel 3.276 at step 17,750 vs 9,536: 1.86x more steps")
               for f in baseline)


def test_text_lines_and_a_missing_baseline(real_logs, tmp_path):
    adamw, llmc = real_logs / "modded-nanogpt-adamw.log", real_logs / "llmc-main.log"
    result = watch("--baseline", str(adamw), "-", stdin=llmc.read_bytes())
    lines = result.stdout.decode().splitlines()
    assert any(line.startswith("-: INFO baseline in tel at step 17750") and "1.86x more steps" in line for line in lines)
    result = watch("--baseline", str(tmp_path / "gone.log"), "-", stdin=b"")
    assert result.returncode == 2 and result.stderr.decode().count("\n") == 1 and "no such file" in result.stderr.decode()
