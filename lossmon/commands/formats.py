"""`lossmon formats`: the formats detected with no configuration, with an example line each."""

from __future__ import annotations

from lossmon.engine.formats import FORMATS

from lossmon.commands import EXIT_OK, output_stream, writing


def formats_text() -> str:
    width = max(len(fmt.id) for fmt in FORMATS)
    out = []
    for fmt in FORMATS:
        out.append(f"{fmt.id:<{width}}  {fmt.title}")
        out.append(f"{'':<{width}}    {fmt.example}")
    out.append("")
    out.append("Each line is detected on its own, so a log whose format changes part-way is followed.")
    out.append("Force one with --format ID, or read lines with your own --pattern REGEX.")
    return "\n".join(out)


def run_formats(args) -> int:
    out = output_stream()
    with writing(out):
        out.write(formats_text() + "\n")
    return EXIT_OK
