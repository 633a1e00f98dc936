from lossmon.app.notify import Notifier, desktop_sequences, in_tmux, notification_text, safe_text, tmux_passthrough
from lossmon.engine.findings import Finding


def nan_finding(message="loss is nan at step 560 (line 612)"):
    return Finding("nan_or_inf", "alert", "loss", 560.0, 612, message)


def test_bell_then_osc9_and_osc777_outside_tmux():
    assert desktop_sequences("lossmon: NaN/Inf", "loss is nan") == (
        "\x07"
        "\x1b]9;lossmon: NaN/Inf: loss is nan\x07"
        "\x1b]777;notify;lossmon: NaN/Inf;loss is nan\x07"
    )


def test_inside_tmux_each_notification_is_wrapped_with_its_escapes_doubled_and_the_bell_stays_raw():
    sent = desktop_sequences("t", "b", tmux=True)
    assert sent == (
        "\x07"
        "\x1bPtmux;\x1b\x1b]9;t: b\x07\x1b\\"
        "\x1bPtmux;\x1b\x1b]777;notify;t;b\x07\x1b\\"
    )
    assert tmux_passthrough("\x1b]9;x\x07\x1b") == "\x1bPtmux;\x1b\x1b]9;x\x07\x1b\x1b\x1b\\"


def test_text_from_the_log_cannot_end_or_inject_a_sequence():
    # A series name or message carries bytes from the log: ESC, BEL, ST (C1) must not pass.
    sent = desktop_sequences("title;with;semicolons", "nan\x07\x1b]0;pwned\x1b\\ and \x9c done")
    assert sent == (
        "\x07"
        # Shown escaped (as the engine's printable() does on every output), never sent raw.
        "\x1b]9;title;with;semicolons: nan\\x07\\x1b]0;pwned\\x1b\\ and \\x9c done\x07"
        "\x1b]777;notify;title,with,semicolons;nan\\x07\\x1b]0;pwned\\x1b\\ and \\x9c done\x07"  # no ';' in its title
    )
    assert desktop_sequences("t", "loss\u202e1 \u2066x").count("\\u202e") == 2  # bidi controls too
    assert len(safe_text("x" * 1000)) == 200


def test_the_notification_says_what_where_and_when():
    title, body = notification_text("/runs/a/train.log", nan_finding())
    assert title == "lossmon: NaN/Inf in train.log"
    assert body == "alert at step 560: loss is nan at step 560 (line 612)"


def test_notifier_writes_through_the_writer_it_is_given(monkeypatch):
    written = []
    Notifier(written.append, tmux=False).notify("train.log", nan_finding())
    assert written == [desktop_sequences(*notification_text("train.log", nan_finding()))]
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1234,0")
    assert in_tmux() and Notifier(written.append).tmux
    monkeypatch.delenv("TMUX")
    monkeypatch.delenv("LOSSMON_TMUX", raising=False)
    assert not in_tmux() and not Notifier(written.append).tmux
    assert in_tmux({"LOSSMON_TMUX": "1"}) and not in_tmux({"TMUX": ""})
