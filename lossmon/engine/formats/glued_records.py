"""Records glued into one very long line.

A log whose line ends were lost (written with ``print(..., end="")``, stripped by a tool, or a
capture that kept no separators) holds all its records in one line: ``...0.14911957step 15 / 4000
(epoch 0.07 / 20):  learning_rate = 1.00e-03, loss_average = 1.49e-01  validation accuracy:
...1.83659890.22087558...step 30 / 4000 (...``. Read as one line it is one record at most. Such
a line is cut before each of its record heads: the step word its first record starts with
(``step``, ``iter``, ``Epoch``...), followed by its number (the rule: lossmon/engine/record_heads.py).
One regex pass: linear in the line.

Such a line may reach the parser in pieces, each under the line's number and each but the first
starting at a record head: the splitter hands its whole records on before its line end comes
(lines.py). A later piece is the rest of a line already known to glue records, and is cut
whatever its length.
"""

from __future__ import annotations

import re

from lossmon.engine.record_heads import HEAD, MIN_LENGTH, glued_heads

__all__ = ["MIN_LENGTH", "split_glued"]


# A number in scientific notation glued to the next run of digits: printf and Python write two
# exponent digits (below 1e100), so the third digit starts the next number ("6.95e-025.8393497"
# is 6.95e-02 then 5.8393497). Only in a line already known to have lost its line ends.
_GLUED_EXPONENT = re.compile(r"(?<=\d[eE][-+]\d\d)(?=\d+\.\d)")


def split_glued(text: str, continued: bool = False) -> list[str] | None:
    """The records of a long line that glues several, cut before each head; None to read it whole.
    ``continued``: the text is a later piece of a line already cut this way."""
    starts = glued_heads(text, continued)
    if starts is None:
        return None
    pieces = [text[:starts[0]]] if starts[0] else []
    pieces += [text[start:end] for start, end in zip(starts, starts[1:] + [len(text)])]
    return [_GLUED_EXPONENT.sub(" ", piece) for piece in pieces]


# A message that opens with a name and its value ("Precision: 0.3886", "loss=2.1", "Epoch 3 ..."):
# that name again, glued to a digit, opens the next record of a line whose line end was lost.
_OPENING_NAME = re.compile(r"([A-Za-z][A-Za-z_]*+(?:[ ./-][A-Za-z_]++){0,3}?)[ \t]*+(?:[:=]|\d)")
_VALUE_FOLLOWS = re.compile(r"[ \t]*+(?:[:=]|\d)")
# The opening name's value, from after the name
_OPENING_VALUE = re.compile(r"[ \t]*+[:=]?+[ \t]*+[-+]?+(?:\d++\.?+\d*+|\.\d++)(?:[eE][-+]?+\d++)?+")


def glued_restart(message: str) -> int | None:
    """Where a second record starts in a short message that glues two: a run appended to a file
    whose last line had no line end ("Precision: 0.9998, Loss: 0.0006Precision: 0.3886, Loss:
    1.6153") starts again at the name the message opens with, right after a value's last digit,
    or at a record head right after the opening value. None when the message opens with no name,
    or holds no such restart."""
    opening = _OPENING_NAME.match(message)
    if opening is None:
        return None
    name = opening.group(1)
    at = message.find(name, opening.end())
    while at > 0:
        if message[at - 1].isdigit() and _VALUE_FOLLOWS.match(message, at + len(name)) is not None:
            return at
        at = message.find(name, at + 1)
    # Or a record head glued to the opening value: a run's closing line with no line end, then
    # the next run's first record ("test loss : 0.2653412625294964epoch1 : Train Loss: 8.9729")
    value = _OPENING_VALUE.match(message, opening.end(1))
    if value is not None and value.end() < len(message) and HEAD.match(message, value.end()) is not None:
        return value.end()
    return None
