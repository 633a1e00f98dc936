"""The `lossmon check` contract: report contents, the JSON schema, exit codes, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lossmon import __version__
from lossmon.cli import main

SERIES_KEYS = {"name", "split", "kind", "count", "first_step", "last_step", "last", "min", "nonfinite"}
FINDING_KEYS = {"pathology", "severity", "series", "step", "line", "message", "advice", "episode"}
FILE_KEYS = {
    "path", "format", "lines", "records", "dropped_series", "cut_lines", "primary", "series", "findings", "episodes",
}
EPISODE_KEYS = {
    "id", "pathology", "severity", "series", "step", "line", "message", "advice", "last_step", "last_line",
    "active", "escalations", "folded",
}
EVENT_KEYS = {"pathology", "severity", "series", "step", "line", "message"}


def lossmon(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lossmon", *args], input=stdin, capture_output=True, timeout=120
    )


def check_json(*paths) -> tuple[dict, int]:
    result = lossmon("check", "--json", *map(str, paths))
    return json.loads(result.stdout), result.returncode


def test_json_report_schema_and_spike(real_logs):
    report, code = check_json(real_logs / "gpt-lab-diffusion-train.log")
    assert report["lossmon"] == __version__
    (log,) = report["files"]
    assert set(log) == FILE_KEYS
    assert log["format"] == "modded_nanogpt"
    assert log["primary"] == {"train": "train_loss", "val": "val_loss"}
    train = next(s for s in log["series"] if s["name"] == "train_loss")
    assert set(train) == SERIES_KEYS
    # The run was killed at step 7151 without a final newline: that line still counts.
    assert train["count"] == 7151 and train["last_step"] == 7151
    assert (train["split"], train["kind"]) == ("train", "loss")
    for finding in log["findings"]:
        assert set(finding) == FINDING_KEYS and finding["advice"]
    spikes = [f for f in log["findings"] if f["pathology"] == "exploding_loss" and f["step"] == 2280]
    assert spikes and spikes[0]["severity"] in ("warn", "alert")
    assert spikes[0]["line"] == 8008  # 1-based, counting newlines only
    assert code == (1 if any(f["severity"] == "alert" for f in log["findings"]) else 0)


def test_json_episodes_keep_every_finding_of_an_event(real_logs):
    """One event, one episode; scripts lose nothing: every finding is in exactly one episode,
    as an escalation or folded in, and points to it."""
    report, _ = check_json(real_logs / "gpt-lab-diffusion-train.log")
    (log,) = report["files"]
    episodes = log["episodes"]
    for episode in episodes:
        assert set(episode) == EPISODE_KEYS
        assert all(set(event) == EVENT_KEYS for event in episode["escalations"] + episode["folded"])
        assert episode["severity"] == episode["escalations"][-1]["severity"]
    held = sorted(
        (event["line"], event["pathology"])
        for episode in episodes
        for event in episode["escalations"] + episode["folded"]
    )
    assert held == sorted((f["line"], f["pathology"]) for f in log["findings"])
    for finding in log["findings"]:
        (episode,) = [e for e in episodes if e["id"] == finding["episode"]]
        assert finding["line"] in [e["line"] for e in episode["escalations"] + episode["folded"]]
    # The 48x spike at step 2280 is an event of its own; the smaller spikes the run shrugged off
    # afterwards ("info: the run already recovered...") are folded into the earlier events.
    spike = next(e for e in episodes if e["pathology"] == "exploding_loss" and e["step"] == 2280)
    assert spike["escalations"][0]["line"] == 8008 and not spike["active"]  # the run recovered
    assert [e for e in episodes if e["severity"] == "info" and e["pathology"] == "exploding_loss"] == []
    assert len(episodes) < len(log["findings"])


def test_text_report_prints_each_checklist_once_per_pathology(real_logs):
    result = lossmon("check", str(real_logs / "gpt-lab-diffusion-train.log"))
    text = result.stdout.decode()
    report, _ = check_json(real_logs / "gpt-lab-diffusion-train.log")
    episodes = report["files"][0]["episodes"]
    for pathology in {e["pathology"] for e in episodes}:
        first_item = episodes[[e["pathology"] for e in episodes].index(pathology)]["advice"][0]
        assert text.count(f"[ ] {first_item}") == 1, pathology
    heads = [line for line in text.splitlines() if " exploding_loss  train_loss  step " in line]
    assert len(heads) == sum(e["pathology"] == "exploding_loss" for e in episodes)
    markdown = lossmon("check", "--markdown", str(real_logs / "gpt-lab-diffusion-train.log")).stdout.decode()
    assert markdown.count("- [ ] Clip gradients and check the grad-norm trend.") == 1


@pytest.mark.parametrize(
    "name", ["llmc-main.log", "modded-nanogpt-adamw.log", "slm-lightning-metrics.csv", "yolov8-fire-results.csv"]
)
def test_healthy_real_logs_get_no_alert(real_logs, name):
    report, code = check_json(real_logs / name)
    assert [f for f in report["files"][0]["findings"] if f["severity"] == "alert"] == []
    assert code == 0


def test_non_finite_values_are_null_in_json(tmp_path):
    log = tmp_path / "nan.log"
    log.write_text("".join(f"s:{i} trl:{10 - i * 0.1:.4f}\n" for i in range(30)) + "s:30 trl:nan\n")
    report, code = check_json(log)
    (series,) = report["files"][0]["series"]
    assert series["last"] is None and series["nonfinite"] == 1 and series["count"] == 31
    nan = [f for f in report["files"][0]["findings"] if f["pathology"] == "nan_or_inf"]
    assert nan[0]["severity"] == "alert" and nan[0]["line"] == 31 and nan[0]["step"] == 30
    assert code == 1


@pytest.mark.parametrize("path", ["/nonexistent", "/etc"])
def test_unreadable_path_is_one_clear_line_and_exit_2(path):
    result = lossmon("check", path)
    assert result.returncode == 2
    error = result.stderr.decode()
    assert error.count("\n") == 1 and path in error and "Traceback" not in error


def test_other_files_are_still_reported_when_one_is_missing(real_logs):
    result = lossmon("check", "--json", "/nonexistent", str(real_logs / "llmc-main.log"))
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [str(real_logs / "llmc-main.log")]


def test_usage_error_exits_2_without_traceback():
    result = lossmon("check")
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert lossmon("--no-such-flag").returncode == 2


def test_text_report_shows_format_series_findings_and_checklist(real_logs):
    result = lossmon("check", str(real_logs / "whisper-trainer_state.json"))
    text = result.stdout.decode()
    assert "format hf_trainer_state" in text and "205 records" in text
    assert "eval_loss" in text and "overfitting" in text
    assert "[ ] Stop early at the best validation point." in text


def test_stdin_is_read_with_dash(real_logs):
    data = (real_logs / "llmc-main.log").read_bytes()
    result = lossmon("check", "--json", "-", stdin=data)
    log = json.loads(result.stdout)["files"][0]
    assert log["path"] == "-" and log["primary"] == {"train": "trl", "val": "tel"}


def test_markdown_report_for_an_issue_or_chat(real_logs):
    result = lossmon("check", "--markdown", str(real_logs / "whisper-trainer_state.json"))
    text = result.stdout.decode()
    assert text.startswith("### lossmon:") and "ALERT" in text.splitlines()[0]
    assert "**ALERT overfitting** on `eval_loss`" in text
    assert "- [ ] Stop early at the best validation point." in text
    assert result.returncode == 1


def test_a_log_without_metrics_is_not_called_healthy(tmp_path):
    log = tmp_path / "app.log"
    log.write_text("Starting the server\nListening on port 8080\n")
    text = lossmon("check", str(log))
    assert "verdict: NO METRICS" in text.stdout.decode() and "healthy" not in text.stdout.decode()
    markdown = lossmon("check", "--markdown", str(log))
    assert "NO METRICS" in markdown.stdout.decode().splitlines()[0]
    assert "healthy" not in markdown.stdout.decode()
    assert text.returncode == markdown.returncode == 0  # no alert: scripts go on


def test_markdown_escapes_log_text(tmp_path):
    from lossmon.engine.safe_text import markdown_text

    assert markdown_text("x_[bold]*y*") == "x\\_\\[bold\\]\\*y\\*"


def test_check_never_imports_the_terminal_ui(tmp_path):
    """`lossmon check` starts in a fraction of a second: Textual (and the app) stay unimported."""
    log = tmp_path / "train.log"
    log.write_text("".join(f"step={step} loss={2 - step / 100:.3f}\n" for step in range(10)))
    probe = (
        "import sys\n"
        "from lossmon.cli import main\n"
        f"code = main(['check', {str(log)!r}])\n"
        "ui = sorted(name for name in sys.modules if name.split('.')[0] in ('textual', 'rich') or name.startswith('lossmon.app'))\n"
        "print('UI:', ui, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "UI: []" in result.stderr


def _check_imports(module: str, paths: list[str]) -> str:
    """Whether ``lossmon check --json`` of each path, in one fresh interpreter, imported ``module``
    ("LOADED: True" / "LOADED: False", with the probe's stderr)."""
    probe = (
        "import sys\n"
        "from lossmon.cli import main\n"
        "for path in sys.argv[2:]:\n"
        "    main(['check', '--json', path])\n"
        "print('LOADED:', sys.argv[1] in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, module, *paths], capture_output=True, text=True, timeout=300)
    return result.stderr[-2000:]


def test_check_of_the_demo_logs_never_imports_numpy_ma():
    """np.median and np.unique import numpy.ma at their first call (20-40 ms of a check): the
    engine takes its medians and distinct values without them (detectors/stats/vector.py)."""
    demo = Path(__file__).resolve().parents[2] / "demo_logs"
    stderr = _check_imports("numpy.ma", sorted(str(p) for p in demo.iterdir()))
    assert "LOADED: False" in stderr, stderr


def test_a_directory_of_runs_with_an_unreadable_part(tmp_path, capsys, real_logs, monkeypatch):
    """Tests run as root, who reads everything: the walk is told the directory is unreadable."""
    import os

    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "train.log").write_bytes((real_logs / "llmc-main.log").read_bytes())
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code = main(["check", "--json", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err == f"lossmon: {tmp_path / 'locked'}: cannot read this directory (Permission denied)\n"
    assert [f["format"] for f in json.loads(captured.out)["files"]] == ["llmc_main_log"]


def test_an_empty_directory_is_one_line(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"lossmon: {tmp_path}: no log file below this directory\n"


def test_check_never_loads_openssl():
    """hashlib imports _hashlib, which maps OpenSSL's libcrypto: 3 MB of a check's peak memory
    (issue 18). The engine's digests are blake2b, taken from _blake2 (engine/digests.py); a
    notebook is read too, as its outputs are digested."""
    data = Path(__file__).resolve().parents[1] / "engine" / "data"
    demo = Path(__file__).resolve().parents[2] / "demo_logs"
    paths = [str(data / "colab-keras-fit.ipynb"), *sorted(str(p) for p in demo.iterdir())[:3]]
    stderr = _check_imports("_hashlib", paths)
    assert "LOADED: False" in stderr, stderr
