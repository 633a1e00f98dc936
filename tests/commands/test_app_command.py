import pytest

from lossmon.cli import main


@pytest.mark.parametrize(
    "argv, message",
    [
        (["missing.log"], "missing.log: no such file"),
        (["-"], "not stdin"),
        (["."], "is a directory"),
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


def test_the_app_needs_a_terminal(tmp_path, capsys):
    log = tmp_path / "train.log"
    log.write_text("step 1 loss 1.0\n")
    assert main([str(log)]) == 2  # pytest captures stdout: not a tty
    assert "needs a terminal" in capsys.readouterr().err


def test_check_still_works_next_to_the_default_command(tmp_path, capsys):
    log = tmp_path / "train.log"
    log.write_text("".join(f"step {i} loss {1.0 / i:.4f}\n" for i in range(1, 50)))
    assert main(["check", str(log)]) == 0
    assert "train.log" in capsys.readouterr().out
