import argparse
import json

import pytest

from lossmon.cli import main
from lossmon.options import add_parsing_options, parsing_options
from lossmon.engine.errors import LossmonError

LOG = "".join(f"it {s} | loss {1 / s:.4f} | acc {s / 100:.2f}\n" for s in range(1, 30))


@pytest.fixture
def log(tmp_path):
    path = tmp_path / "train.log"
    path.write_text(LOG)
    return path


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_pattern_names_the_step_and_the_metrics(capsys, log):
    code, out, _ = run(capsys, "check", "--json", "--pattern", r"it (?P<step>\d+) \| loss (?P<loss>\S+) \| acc (?P<acc>\S+)", str(log))
    summary = json.loads(out)["files"][0]
    assert code == 0
    assert summary["format"] == "pattern"
    series = {s["name"]: s for s in summary["series"]}
    assert series["loss"]["count"] == 29 and series["loss"]["last_step"] == 29
    assert series["acc"]["kind"] == "metric"
    assert summary["primary"]["train"] == "loss"


def test_a_bad_pattern_is_one_line_and_exit_2(capsys, log):
    code, out, err = run(capsys, "check", "--pattern", "(?P<loss", str(log))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--pattern: not a valid regular expression" in err


def test_a_pattern_without_metric_groups_is_refused(capsys, log):
    code, _, err = run(capsys, "check", "--pattern", r"it (?P<step>\d+)", str(log))
    assert code == 2 and "name at least one metric group" in err


def test_metric_chooses_the_primary_training_loss(capsys, log):
    code, out, _ = run(capsys, "check", "--json", "--pattern", r"it (?P<step>\d+) \| loss (?P<loss>\S+) \| acc (?P<acc>\S+)", "--metric", "acc", str(log))
    assert json.loads(out)["files"][0]["primary"]["train"] == "acc"


def test_an_unknown_metric_is_an_error(capsys, tmp_path):
    path = tmp_path / "main.log"
    path.write_text("s:1 trl:2.0 lr:0.1 norm:1.0\ns:2 trl:1.9 lr:0.1 norm:1.0\n")
    code, _, err = run(capsys, "check", "--metric", "nope", str(path))
    assert code == 2 and "--metric nope: no such series (series: trl, lr, norm)" in err


def test_format_forces_a_format(capsys, tmp_path):
    path = tmp_path / "main.log"
    path.write_text("s:1 trl:2.0 lr:0.1 norm:1.0\nstep=1 loss=0.5 acc=0.1\nstep=2 loss=0.4 acc=0.2\nstep=3 loss=0.3 acc=0.3\n")
    _, out, _ = run(capsys, "check", "--json", "--format", "llmc_main_log", str(path))
    assert [s["name"] for s in json.loads(out)["files"][0]["series"]] == ["trl", "lr", "norm"]
    code, _, err = run(capsys, "check", "--format", "nope", str(path))
    assert code == 2 and "invalid choice" in err


def test_format_and_pattern_exclude_each_other(capsys, log):
    code, _, err = run(capsys, "check", "--format", "jsonl", "--pattern", "(?P<x>1)", str(log))
    assert code == 2 and "not allowed with" in err


def test_the_helper_adds_the_same_options_to_another_command():
    parser = argparse.ArgumentParser()
    add_parsing_options(parser)
    args = parser.parse_args(["--pattern", r"(?P<loss>\d+)", "--metric", "loss"])
    assert parsing_options(args) == {"format_id": None, "pattern": r"(?P<loss>\d+)", "primary_metric": "loss"}
    with pytest.raises(LossmonError):
        parsing_options(parser.parse_args(["--pattern", "("]))
