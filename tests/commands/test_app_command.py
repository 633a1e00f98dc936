import pytest

from lossmon.cli import main


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--replay", "missing.log"], "missing.log: no such file"),
        (["--replay", "-"], "not stdin"),
        (["--replay", "."], "is a directory"),
        (["missing.gz"], "no such file"),
        (["--replay", "--speed", "0", "README.md"], "--speed must be positive"),
        (["--bogus", "x.log"], "unrecognized arguments"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("loss 1\n")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


@pytest.mark.parametrize("name", ["train.log", "not-there-yet.log", "runs/*.log"])
def test_the_app_needs_a_terminal(name, tmp_path, capsys):
    (tmp_path / "train.log").write_text("step 1 loss 1.0\n")
    assert main([str(tmp_path / name)]) == 2  # pytest captures stdout: not a tty
    assert "needs a terminal" in capsys.readouterr().err  # a missing file is waited for


def test_check_still_works_next_to_the_default_command(tmp_path, capsys):
    log = tmp_path / "train.log"
    log.write_text("".join(f"step {i} loss {1.0 / i:.4f}\n" for i in range(1, 50)))
    assert main(["check", str(log)]) == 0
    assert "train.log" in capsys.readouterr().out
