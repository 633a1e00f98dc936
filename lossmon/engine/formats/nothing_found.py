"""Texts in which a pure reader of text found nothing, remembered: a line a log repeats all run
long (a library warning every 500 steps) is then searched once, not every time. Only for
functions whose answer depends on the text alone. Bounded: texts up to MAX_CHARS characters, at
most MAX_TEXTS of them (forgotten all at once when full)."""

from __future__ import annotations

MAX_TEXTS = 1024
MAX_CHARS = 2000


class NothingFound:
    __slots__ = ("_texts",)

    def __init__(self) -> None:
        self._texts: set[str] = set()

    def __contains__(self, text: str) -> bool:
        return text in self._texts

    def add(self, text: str) -> None:
        if len(text) > MAX_CHARS:
            return
        if len(self._texts) >= MAX_TEXTS:
            self._texts.clear()
        self._texts.add(text)

    def __len__(self) -> int:
        return len(self._texts)
