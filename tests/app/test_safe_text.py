from lossmon.app.safe_text import clean, plain


def test_markup_stays_text():
    text = plain("[bold red]x[/]")
    assert text.plain == "[bold red]x[/]"
    assert not text.spans


def test_escape_sequences_and_controls_are_dropped():
    assert clean("loss\x1b[31m red\x1b[0m\x07\x00") == "loss red"
    assert clean("a\x1b]0;title\x07b") == "ab"
    assert clean("tab\there\nnewline") == "tabherenewline"


def test_long_text_is_cut():
    assert len(clean("x" * 1000, limit=50)) == 50
