from lossmon.app.safe_text import clean, plain


def test_markup_stays_text():
    text = plain("[bold red]x[/]")
    assert text.plain == "[bold red]x[/]"
    assert not text.spans


def test_escape_sequences_and_controls_are_shown_escaped():
    # The engine's one sanitizer (printable): escaped, so the terminal shows them and never obeys
    # them, and a path that holds them can still be told apart (they used to be dropped).
    assert clean("loss\x1b[31m red\x1b[0m\x07\x00") == "loss\\x1b[31m red\\x1b[0m\\x07\\x00"
    assert clean("a\x1b]0;title\x07b") == "a\\x1b]0;title\\x07b"
    assert clean("tab\there\nnewline") == "tab\\there\\nnewline"
    assert clean("loss\u202eevil") == "loss\\u202eevil"


def test_long_text_is_cut():
    assert len(clean("x" * 1000, limit=50)) == 50
