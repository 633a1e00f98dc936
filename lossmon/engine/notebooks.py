"""A Jupyter notebook (``.ipynb``) read as the text its code cells printed.

A run trained in a notebook keeps its log in the notebook: each code cell's saved outputs hold
what ``fit``/``trainer.train()``/the loop printed (stream text), and what a cell displayed (a
Hugging Face Trainer's progress table is HTML; a ``DataFrame`` of the history is text; a
``DataFrame`` that names no loss is the data the notebook looked at, not read). Read as
bytes, the file is a JSON document whose only numbers are ``execution_count``s. So the document is
held until it is complete, parsed, and the text of its outputs, in cell order, is what the line
parsers read, as they read a terminal capture. Line numbers are that text's.

A notebook is rewritten whole when it is saved (while a cell runs, Jupyter saves every couple of
minutes): each version adds only what was not read of the last (see :class:`NotebookText`), in the
same segment; a cell run again adds its new outputs after the others, as a log a run was appended
to.

A notebook is known by its name (``.ipynb``) or by its first key (``{"cells": ...`` as Jupyter
writes it, ``{"nbformat": ...`` as Colab does), so a notebook piped in is read the same.
"""

from __future__ import annotations

import html
import json
import re

from lossmon.engine.digests import blake2b

_FIRST_KEY = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*+\{\s*+"(?:cells|nbformat|nbformat_minor|worksheets)"\s*+:')
_ANY_FIRST_KEY = re.compile(rb'\{\s*+"[^"]{0,64}+"\s*+:')
_HEAD_BYTES = 64  # enough to see the first key past the indentation
# A display's plain text that only names an object ("<IPython.core.display.HTML object>",
# "<Figure size 640x480 with 1 Axes>", "<keras.callbacks.History at 0x7f...>"): no output of the run
_PLACEHOLDER = re.compile(r"\A\s*+<[^<>\n]{1,200}+>\s*+\Z")
# pandas' HTML of a DataFrame (``<table border="1" class="dataframe">``), beside its plain text
_DATA_FRAME = re.compile(r'<table\b[^<>]{0,200}?\bclass="dataframe"', re.I)
_LOSS = re.compile(r"loss", re.I)
_CELL_END = re.compile(r"</t[dh]\s*+>", re.I)
_LINE_END = re.compile(r"<br\s*+/?>|</(?:tr|p|div|li|h\d)\s*+>", re.I)
_TAG = re.compile(r"<[^<>]{0,2000}+>")
_SPACES = re.compile(r"[ ]*+\t[ \t]*+")  # a tab and the blanks around it


def is_notebook_head(head: bytes) -> bool:
    """Do a document's first bytes open a notebook (its first key is one only a notebook has first)?"""
    return _FIRST_KEY.match(head) is not None


def _too_short_to_tell(head: bytes) -> bool:
    """Are a stream's first bytes too few to say whether it is a notebook (its first key not yet
    whole)?"""
    if len(head) >= _HEAD_BYTES:
        return False
    opening = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not opening:
        return True
    return opening.startswith(b"{") and _ANY_FIRST_KEY.match(opening) is None


def is_notebook_path(path: str) -> bool:
    return path.lower().endswith(".ipynb")


def file_is_notebook(path: str) -> bool:
    """Is the file at ``path`` a notebook? (Scan workers read a file's bytes at their own offsets,
    as lines: a notebook is read by the monitor alone.)"""
    if is_notebook_path(path):
        return True
    try:
        with open(path, "rb") as file:
            return is_notebook_head(file.read(_HEAD_BYTES))
    except OSError:
        return False


def _joined(value) -> str:
    """A notebook's multi-line string: a list of lines, or one string."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(part for part in value if isinstance(part, str))
    return ""


def html_text(markup: str) -> str:
    """The text of an HTML display, a line per table cell or row as written: a Hugging Face
    progress table writes each ``<td>`` on its own line, which the cell-lines reader takes;
    cells written side by side stay apart by tabs."""
    text = _LINE_END.sub("\n", _CELL_END.sub("\t", markup))
    text = html.unescape(_TAG.sub("", text))
    lines = (_SPACES.sub("\t", line).strip() for line in text.splitlines())
    return "".join(f"{line}\n" for line in lines if line)


def output_text(output: dict) -> str:
    """What one output of a code cell shows as text ("" for images, errors and placeholders)."""
    if not isinstance(output, dict):
        return ""
    kind = output.get("output_type")
    if kind == "stream" or (kind == "pyout" and "text" in output):  # (pyout: nbformat 3's result)
        return _joined(output.get("text"))
    data = output.get("data")
    if kind not in ("display_data", "execute_result") or not isinstance(data, dict):
        return ""
    plain = _joined(data.get("text/plain"))
    markup = _joined(data.get("text/html"))
    text = plain if plain and _PLACEHOLDER.match(plain) is None else html_text(markup)
    if kind == "execute_result" and _wrapped_dict(text):
        # a cell's value, a dict wider than the line, that IPython's pretty printer gave a line
        # per key ("{'eval_loss': 1.3694,\n 'eval_rouge1': 47.57,\n ...}", trainer.evaluate()):
        # the line breaks are the printer's, the dict is one record, as print() would show it
        text = text.replace("\n ", " ")
    if _DATA_FRAME.search(markup) is not None and _LOSS.search(text) is None:
        # a table that names no loss is the data a notebook looked at (df.head(): a bank's
        # customers, CreditScore ... Exited, or its one-hot columns), not the run's history (a
        # Hugging Face progress table, HTML of the same class, names its "Training Loss")
        return ""
    return text


def _wrapped_dict(text: str) -> bool:
    """Is ``text`` a dict's repr that IPython's pretty printer wrapped: "{" then each further key
    on a line of its own, indented by one blank, to the closing "}"?"""
    lines = text.rstrip("\n").split("\n")
    return (
        len(lines) > 1 and lines[0].startswith("{") and lines[-1].endswith("}")
        and all(line.startswith(" ") for line in lines[1:])
    )


def code_outputs(notebook) -> list[tuple[int, str | None, str]]:
    """(cell, stream, text) of every code cell's output, in order (nbformat 4, and 3's
    worksheets): the code cell's number, the stream's name ("stdout", "stderr") for printed text
    (None for what a cell displayed), and the text."""
    if not isinstance(notebook, dict):
        return []
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        worksheets = notebook.get("worksheets")
        cells = [
            cell for sheet in worksheets if isinstance(sheet, dict) for cell in sheet.get("cells") or ()
        ] if isinstance(worksheets, list) else []
    code = [cell for cell in cells if isinstance(cell, dict) and cell.get("cell_type") == "code"]
    return [
        (number, _stream_of(output), output_text(output))
        for number, cell in enumerate(code)
        for output in cell.get("outputs") or ()
    ]


def _stream_of(output) -> str | None:
    if not isinstance(output, dict) or output.get("output_type") != "stream":
        return None
    name = output.get("name", output.get("stream"))  # (nbformat 3: "stream")
    return name if isinstance(name, str) else "stdout"


def separator(outputs: list[tuple[int, str | None, str]], place: int) -> str:
    """What stood between an output that ends inside a line and what follows: a frontend saves a
    stream as outputs cut where its messages were (and between them, what the other stream
    printed meanwhile: a callback's warning on stderr), and a message of Keras or tqdm starts with
    the carriage return that overwrites the frame before it (which the cut took). So when the cell
    prints more on the same stream, the frame is overwritten: "\r"; otherwise the line ended."""
    cell, stream, _ = outputs[place]
    if stream is None:
        return "\n"
    for following in range(place + 1, len(outputs)):  # (no slice: a copy per output is quadratic)
        other_cell, other_stream, text = outputs[following]
        if other_cell != cell:
            break
        if other_stream == stream and text:
            return "\r"
    return "\n"


def _digest(text: str) -> bytes:
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class NotebookText:
    """Bytes of a file → the UTF-8 text of its outputs when the file is a notebook; the bytes
    unchanged otherwise (decided once, by the path or the first bytes). Same protocol as
    :class:`~lossmon.engine.transcoding.Utf16Transcoder`, plus :meth:`reset` for a new version.

    Each version's outputs are compared with what was read of the last: an output read whole
    (anywhere: cells may have moved) gives nothing; one that goes on from what was read of the
    output at its place gives the rest; any other is new and read whole. The last output of a
    version may still grow (the cell runs): its last line waits for its line end, or for the
    end of the input."""

    def __init__(self, path: str = "-") -> None:
        self._by_path = is_notebook_path(path)
        self.decided = False
        self.active = False
        self._held: list[bytes] = []  # the document's bytes so far (or the first bytes, undecided)
        self._read: dict[int, tuple[int, bytes]] = {}  # output's place → characters read, their digest
        self._whole: set[bytes] = set()  # digests of outputs read to their end, in earlier versions
        self._waiting = ""  # the last output's last line, not ended yet
        self._waiting_place = -1

    def reset(self) -> None:
        """A new version of the file (saved again): what was read of the last is remembered."""
        self._held = []

    def feed(self, data: bytes) -> bytes:
        if self.active:
            self._held.append(data)
            return self._read_if_complete()
        if self.decided:
            return data
        head = b"".join(self._held) + data
        if not self._by_path and _too_short_to_tell(head):
            self._held = [head]  # (a follower may see the first bytes one by one)
            return b""
        self._held, self.decided = [], True
        self.active = self._by_path or is_notebook_head(head[:_HEAD_BYTES])
        return self.feed(head) if self.active else head

    def flush(self) -> bytes:
        """The end of the input: a document that is still not whole is read for what it has;
        a last line still waiting is read."""
        if not self.active:
            head, self._held = b"".join(self._held), []
            self.decided = True
            return head
        document, self._held = b"".join(self._held), []
        text = ""
        if document.strip():
            try:
                text = self._new_text(code_outputs(json.loads(document)))
            except ValueError:
                # (after whole versions were read, a cut one tells nothing new that can be placed)
                text = "" if self._read else salvaged_text(document)
        text, self._waiting = text + self._waiting, ""  # the last output's last line comes last
        return text.encode("utf-8", "surrogatepass")

    def _read_if_complete(self) -> bytes:
        for chunk in reversed(self._held):
            last = chunk.rstrip()
            if last:
                if not last.endswith(b"}"):
                    return b""  # a document ends with its closing brace: no parse before that
                break
        try:
            notebook = json.loads(b"".join(self._held))
        except ValueError:
            return b""  # not whole yet (a brace inside it ended a read)
        self._held = []
        return self._new_text(code_outputs(notebook)).encode("utf-8", "surrogatepass")

    def _new_text(self, outputs: list[tuple[int, str | None, str]]) -> str:
        """The text of ``outputs`` not read yet, in whole lines."""
        waiting, waiting_place = self._waiting, self._waiting_place
        self._waiting, self._waiting_place = "", -1
        read_before, self._whole = self._whole, set(self._whole)  # (an output twice in one version: both)
        parts: list[str] = []
        last = max((place for place, (_, _, text) in enumerate(outputs) if text), default=-1)
        for place, (_, _, text) in enumerate(outputs):
            if not text:
                continue
            digest = _digest(text)
            if digest in read_before:
                continue
            done, done_digest = self._read.get(place, (0, b""))
            start = done if done <= len(text) and _digest(text[:done]) == done_digest else 0
            if place == waiting_place and start == done and text.startswith(waiting, done):
                waiting = ""  # the line that waited goes on in this version: read with it
            end = len(text)
            if place == last and not text.endswith(("\n", "\r")):
                end = max(text.rfind("\n"), text.rfind("\r")) + 1  # its last line may grow
                self._waiting, self._waiting_place = text[end:], place
            if start < end:
                parts.append(text[start:end])
                if place != last and not text.endswith(("\n", "\r")):
                    parts.append(separator(outputs, place))
            self._read[place] = (max(start, end), _digest(text[: max(start, end)]))
            if end == len(text):
                self._whole.add(digest)
        if waiting:  # its output did not go on (cleared, run again): the line ended as it was
            parts.insert(0, waiting + "\n")
        return "".join(parts)


_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*+"')
_TEXT_OPEN = re.compile(r'^\s*+"text"\s*+:\s*+\[\s*+$')
_TEXT_ONE = re.compile(r'^\s*+"text"\s*+:\s*+("(?:[^"\\\n]|\\.)*+")\s*+,?\s*+$')
_LIST_CLOSE = re.compile(r"^\s*+\]")


def salvaged_text(document: bytes) -> str:
    """The stream text of a notebook cut short (not valid JSON): the strings of each ``"text"``
    list written one per line, as Jupyter writes them."""
    parts: list[str] = []
    inside = False
    for line in document.decode("utf-8", "replace").splitlines():
        if inside:
            if _LIST_CLOSE.match(line):
                inside = False
                continue
            found = _STRING.search(line)
            if found is not None:
                parts.append(_decoded(found.group()))
            continue
        if _TEXT_OPEN.match(line):
            inside = True
            if parts and not parts[-1].endswith(("\n", "\r")):
                parts.append("\n")
            continue
        one = _TEXT_ONE.match(line)
        if one is not None:
            if parts and not parts[-1].endswith(("\n", "\r")):
                parts.append("\n")
            parts.append(_decoded(one.group(1)))
    return "".join(parts)


def _decoded(literal: str) -> str:
    try:
        value = json.loads(literal)
    except ValueError:
        return ""
    return value if isinstance(value, str) else ""
