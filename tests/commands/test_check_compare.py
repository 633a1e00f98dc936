"""`lossmon check --compare`: the table, JSON and markdown a user pastes into a pull request."""

import json
import re

import pytest

from lossmon.cli import main


def test_compare_text_table(real_logs, capsys):
    code = main(["check", "--compare", str(real_logs / "modded-nanogpt-adamw.log"), str(real_logs / "llmc-main.log")])
    out = capsys.readouterr().out
    assert code == 0
    head = out.splitlines()[0]
    assert head.startswith("compare: baseline modded-nanogpt-adamw.log: compared on the held-out (val) loss")
    assert "modded-nanogpt-adamw.log (baseline)" in out and "llmc-main.log" in out
    assert "reaches the baseline's final val loss tel 3.276 at step" in out


def test_baseline_option_and_json(real_logs, capsys):
    adamw, llmc = str(real_logs / "modded-nanogpt-adamw.log"), str(real_logs / "llmc-main.log")
    main(["check", "--compare", "--json", "--baseline", adamw, llmc])
    report = json.loads(capsys.readouterr().out)
    assert report["compare"]["baseline"] == adamw
    assert [run["path"] for run in report["compare"]["runs"]] == [adamw, llmc]
    assert report["compare"]["runs"][1]["speedup"] < 1  # llm.c needs more steps to AdamW's final loss
    assert len(report["files"]) == 2


def test_markdown_table(real_logs, capsys):
    main(["check", "--compare", "--markdown", str(real_logs / "llmc-main.log"), str(real_logs / "modded-nanogpt-adamw.log")])
    out = capsys.readouterr().out
    assert "| run | steps | train last |" in out
    assert "| llmc-main.log (baseline) |" in out


def test_exit_status_follows_the_worst_verdict(real_logs, demo_logs, capsys):
    code = main(["check", "--compare", str(real_logs / "llmc-main.log"), str(demo_logs / "exploding_loss.log")])
    assert code == 1
    assert "ALERT" in capsys.readouterr().out


def test_compare_needs_two_runs(real_logs, capsys):
    assert main(["check", "--compare", str(real_logs / "llmc-main.log")]) == 2
    assert "--compare needs at least two runs" in capsys.readouterr().err


def test_compare_on_the_time_axis_says_so(real_logs, tmp_path, capsys):
    original = real_logs / "gpt-lab-diffusion-train.log"
    slow = tmp_path / "slow.log"
    slow.write_bytes(re.sub(rb"train_time:(\d+)ms", lambda m: b"train_time:%dms" % (2 * int(m.group(1))), original.read_bytes()))
    main(["check", "--compare", "--x", "time", str(original), str(slow)])
    out = capsys.readouterr().out
    assert "x axis: time since first record" in out.splitlines()[0]
    assert "reaches 0.010264 (time since first record)" in out and "0.50x" in out
    main(["check", "--compare", "--x", "time", "--json", str(original), str(slow)])
    report = json.loads(capsys.readouterr().out)["compare"]
    assert report["axis"] == "time" and report["axis_label"] == "time since first record"
    assert report["runs"][1]["reaches_x"] == pytest.approx(2 * report["target_x"], rel=1e-3)  # sampled anchors


def test_a_run_without_the_axis_is_one_line_and_exit_2(real_logs, capsys):
    code = main(["check", "--compare", "--x", "tokens", str(real_logs / "llmc-main.log"), str(real_logs / "modded-nanogpt-adamw.log")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("lossmon: --x tokens: ") and "has no tokens axis (its axes: step)" in err


def test_x_goes_with_compare(real_logs, capsys):
    assert main(["check", "--x", "time", str(real_logs / "llmc-main.log")]) == 2
    assert "--x goes with --compare" in capsys.readouterr().err
