from lossmon.cli import main
from lossmon.engine.formats import FORMATS


def test_formats_lists_every_format_with_an_example(capsys):
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    for fmt in FORMATS:
        assert f"{fmt.id} " in out
        assert fmt.example in out
