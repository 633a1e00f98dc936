"""--max-series as users meet it: one warning line, the count in check's report and JSON."""

import json
import subprocess
import sys

from tests.commands.test_check import lossmon


def many_names_log(tmp_path, lines: int = 40):
    log = tmp_path / "train.jsonl"
    log.write_text("".join(json.dumps({"step": i, "loss": 2 - i / 100, f"key_{i}": 0.5}) + "\n" for i in range(lines)))
    return log


def test_check_warns_once_and_counts_the_dropped_names(tmp_path):
    log = many_names_log(tmp_path)
    result = lossmon("check", "--max-series", "5", str(log))
    assert result.returncode == 0
    warning = f"{log}: more than 5 distinct metric names; 36 more were not kept (raise the limit with --max-series N)"
    assert result.stderr.decode().splitlines() == [f"lossmon: {warning}"]
    assert f"warning: {warning}" in result.stdout.decode()
    report = json.loads(lossmon("check", "--json", "--max-series", "5", str(log)).stdout)
    (summary,) = report["files"]
    assert summary["dropped_series"] == 36 and len(summary["series"]) == 5 and summary["records"] == 40
    assert "warning:" in lossmon("check", "--markdown", "--max-series", "5", str(log)).stdout.decode()


def test_explain_counts_the_names_not_kept(tmp_path):
    """Issue 19: 'a count in --explain' (its text section and its JSON, not only the report's)."""
    log = many_names_log(tmp_path)
    text = lossmon("check", "--explain", "--max-series", "5", str(log)).stdout.decode()
    explained = text.split(f"\n{log}\n")[0]  # the explanation, before the report
    assert "36 more metric names than --max-series 5 were not kept" in explained
    report = json.loads(lossmon("check", "--explain", "--json", "--max-series", "5", str(log)).stdout)
    assert report["files"][0]["explain"]["dropped_series"] == 36
    plain = json.loads(lossmon("check", "--explain", "--json", str(log)).stdout)
    assert plain["files"][0]["explain"]["dropped_series"] == 0


def test_check_without_excess_names_says_nothing(tmp_path):
    log = many_names_log(tmp_path, lines=3)
    result = lossmon("check", "--json", str(log))
    assert result.stderr == b"" and json.loads(result.stdout)["files"][0]["dropped_series"] == 0


def test_raising_the_limit_keeps_every_name(tmp_path):
    log = many_names_log(tmp_path)
    report = json.loads(lossmon("check", "--json", "--max-series", "100", str(log)).stdout)
    assert report["files"][0]["dropped_series"] == 0 and len(report["files"][0]["series"]) == 41


def test_a_bad_limit_is_a_usage_error():
    result = lossmon("check", "--max-series", "0", "x.log")
    assert result.returncode == 2 and b"Traceback" not in result.stderr


def test_watch_warns_once_per_file(tmp_path):
    log = many_names_log(tmp_path)
    with log.open("a") as out:
        out.write(json.dumps({"step": 99, "loss": float("nan")}) + "\n")  # ends the watch (--exit-on)
    result = subprocess.run(
        [sys.executable, "-m", "lossmon", "watch", "--max-series", "5", "--exit-on", "alert", str(log)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "distinct metric names" in line]
    assert len(warnings) == 1 and "more than 5 distinct metric names" in warnings[0]
