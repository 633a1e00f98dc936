import gzip
import io

import pytest

from lossmon.cli import main, misspelt_command
from lossmon.app.reader import LogReader
from lossmon.commands.app import TerminalUnusable, check_terminal, say_failed_inputs
from lossmon.engine import Monitor

from tests.conftest import until


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--replay", "missing.log"], "missing.log: no such file"),
        (["--replay", "-"], "not stdin"),
        (["--replay", "."], "is a directory"),
        (["missing.gz"], "no such file"),
        (["--replay", "--speed", "0", "README.md"], "--speed must be positive"),
        (["--bogus", "x.log"], "unknown option --bogus"),
        (["--bogus"], "unknown option --bogus"),  # named, not "PATH is required"
        (["--nofity", "x.log"], "unknown option --nofity; did you mean --notify?"),
        (["chek", "train.log"], "did you mean `lossmon check train.log`?"),
        (["wach"], "did you mean `lossmon watch`?"),
        (["check"], "lossmon check: missing PATH (see lossmon check --help)"),
        (["check", "--jsn", "x.log"], "lossmon check: unknown option --jsn; did you mean --json?"),
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


def test_a_typo_is_suggested_only_for_a_word_that_names_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert misspelt_command(["chek", "train.log"]) == "check"
    assert misspelt_command(["watcher.log"]) is None  # a path: the app waits for it
    assert misspelt_command(["runs/chek"]) is None
    assert misspelt_command(["training"]) is None  # not close to any command
    (tmp_path / "chek").write_text("loss 1\n")
    assert misspelt_command(["chek"]) is None  # a file of that name exists: it is a log


def test_help_lists_the_apps_options_with_examples_and_the_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--replay", "--speed", "--ascii", "--light", "--notify", "--screenshot-dir", "--poll", "--on-alert"):
        assert option in out
    assert "examples:" in out and "lossmon --replay --speed 200 train.log" in out
    for command in ("check", "watch", "export", "demo", "formats"):
        assert f"\n  {command} " in out


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    "out_tty, err_tty, said_on, redirected",
    [(True, False, "stdout", "stderr is"), (False, True, "stderr", "stdout is"), (False, False, "stderr", "stdout and stderr are")],
)
def test_a_redirected_stream_is_refused_on_the_one_that_still_shows(out_tty, err_tty, said_on, redirected, tmp_path, monkeypatch):
    # `lossmon x.log 2>/dev/null` used to run invisibly (the app draws through stderr).
    out, err = _Stream(out_tty), _Stream(err_tty)
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stderr", err)
    log = tmp_path / "x.log"
    log.write_text("step 1 loss 1.0\n")
    assert main([str(log)]) == 2
    shown = {"stdout": out, "stderr": err}[said_on].getvalue()
    assert f"needs a terminal, but {redirected} redirected" in shown and shown.count("\n") == 1
    other = {"stdout": err, "stderr": out}[said_on].getvalue()
    assert other == ""


def test_both_streams_on_a_terminal_pass():
    check_terminal(_Stream(True), _Stream(True))
    with pytest.raises(TerminalUnusable):
        check_terminal(_Stream(True), _Stream(False))


def test_option_values_that_start_with_a_dash_are_not_unknown_options(tmp_path, capsys):
    log = tmp_path / "train.log"
    log.write_text("".join(f"step {i} loss {1.0 / i:.4f}\n" for i in range(1, 50)))
    assert main(["check", "--pattern", r"step (?P<step>-?\d+) loss (?P<loss>\S+)", str(log)]) == 0
    assert main(["--pattern", "-x(?P<step>\\d+) (?P<loss>\\S+)", "--asci", str(log)]) == 2
    assert "needs a terminal" in capsys.readouterr().err  # got past the options: --asci is --ascii


def test_after_the_app_each_failed_input_is_a_line_and_the_exit_status_is_2(tmp_path):
    """As watch: the app's exit status is 2 when an input's last word was an error (README: 'or 2
    if an input failed'), and each is said in one line once the terminal is restored."""
    text = "".join(f"step {i} loss {1.0 / i:.4f}\n" for i in range(1, 50)).encode()
    (tmp_path / "good.log").write_bytes(text)
    packed = gzip.compress(text)
    bad = tmp_path / "r\x1b[2J.log.gz"  # its name is escaped in the line
    bad.write_bytes(packed[:40] + bytes(b ^ 0x5A for b in packed[40:80]) + packed[80:])
    for paths, status in (([tmp_path / "good.log"], 0), ([tmp_path], 2)):
        reader = LogReader([str(p) for p in paths], Monitor)
        reader.start(lambda log: None)
        try:
            until(lambda: any(log.error for log in reader.logs) or (
                reader.logs and all(log.monitor.records == 49 for log in reader.logs)
            ), what="the logs read")
            until(lambda: len(reader.logs) == len(paths) + (status == 2), what="every log")
        finally:
            reader.stop()
        err = io.StringIO()
        assert say_failed_inputs(reader, err) == status
        lines = err.getvalue().splitlines()
        if status == 0:
            assert lines == []
        else:
            (line,) = lines
            assert line.startswith("lossmon: ") and "read failed" in line and "\\x1b[2J.log.gz" in line and "\x1b" not in line
