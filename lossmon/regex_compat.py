"""Possessive quantifiers and atomic groups on Python 3.10.

lossmon's patterns keep matching linear-time with possessive quantifiers (``*+``, ``++``, ``?+``,
``{m,n}+``) and atomic groups (``(?>...)``), which Python's ``re`` reads from 3.11 only. On 3.10,
:func:`install` makes ``re`` compile such a pattern (one it refuses) in an equivalent form: each
atomic part ``X`` becomes ``(?=(?P<_lossmon_aN>X))(?P=_lossmon_aN)``: a lookahead is atomic (it
never gives back what it matched), and the backreference then consumes exactly that text. The
groups this adds are hidden: the compiled pattern is wrapped so that group numbers, ``groups()``,
``groupdict()``, ``findall`` and ``lastgroup`` are those of the original pattern.

On 3.11+ nothing is installed; :func:`emulate` still builds the 3.10 form, so that tests can
compare both forms' matches on the fuzz corpus (tests/test_regex_compat.py).
"""

from __future__ import annotations

import re
import sys

_PREFIX = "_lossmon_a"
_QUANTIFIER_START = "*+?{"


def emulate(source: str | bytes) -> str | bytes:
    """``source`` with every possessive quantifier and atomic group in the 3.10 form."""
    if isinstance(source, bytes):
        return _Rewriter(source.decode("latin-1")).run().encode("latin-1")
    return _Rewriter(source).run()


class _Rewriter:
    """One left-to-right pass over a pattern's source. ``out`` holds emitted pieces; each nesting
    level remembers where (in ``out``) its last atom starts, so a quantifier knows what it repeats."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.position = 0
        self.out: list[str] = []
        self.count = 0

    def run(self) -> str:
        # Frames: [index in out where the group starts (None at top), atomic?, last atom's index]
        stack: list[list] = [[None, False, None]]
        source = self.source
        while self.position < len(source):
            char = source[self.position]
            if char == "\\":
                self._atom(stack, self._escape())
            elif char == "[":
                self._atom(stack, self._char_class())
            elif char == "(":
                head = self._group_head()
                if head is None:  # (?i) flags or a (?#comment): not an atom
                    continue
                text, atomic = head
                if atomic is None:  # a backreference: an atom, not a group
                    self._atom(stack, text)
                    continue
                stack.append([len(self.out), atomic, None])
                self.out.append(text)
            elif char == ")":
                self.position += 1
                start, atomic, _ = stack.pop()
                if len(stack) == 0 or start is None:
                    raise re.error("unbalanced parenthesis", self.source, self.position)
                self.out.append(")")
                if atomic:  # (?>X) was emitted as (?:X): make it atomic
                    self._make_atomic(start)
                stack[-1][2] = start
            elif char in _QUANTIFIER_START and self._is_quantifier():
                quantifier = self._quantifier()
                start = stack[-1][2]
                if start is None:
                    raise re.error("nothing to repeat", self.source, self.position)
                if self.position < len(source) and source[self.position] == "+":
                    self.position += 1
                    self.out.append(quantifier)
                    self._make_atomic(start)
                else:
                    if self.position < len(source) and source[self.position] == "?":
                        quantifier += "?"
                        self.position += 1
                    self.out.append(quantifier)
                stack[-1][2] = None  # a repeat cannot be repeated again
            else:
                if char == "|":
                    self.out.append(char)
                    self.position += 1
                    stack[-1][2] = None
                    continue
                self.position += 1
                self._atom(stack, char)
        if len(stack) != 1:
            raise re.error("missing ), unterminated subpattern", self.source, self.position)
        return "".join(self.out)

    def _atom(self, stack: list[list], text: str) -> None:
        stack[-1][2] = len(self.out)
        self.out.append(text)

    def _make_atomic(self, start: int) -> None:
        self.count += 1
        name = f"{_PREFIX}{self.count}"
        inner = "".join(self.out[start:])
        del self.out[start:]
        self.out.append(f"(?=(?P<{name}>{inner}))(?P={name})")

    def _escape(self) -> str:
        source, position = self.source, self.position
        kind = source[position + 1 : position + 2]
        if not kind:
            raise re.error("bad escape (end of pattern)", source, position)
        if kind in "123456789":
            raise re.error("numbered backreferences are not supported by the 3.10 form", source, position)
        length = {"x": 4, "u": 6, "U": 10}.get(kind, 2)
        if kind == "N":
            length = source.index("}", position) + 1 - position
        elif kind == "0":
            length = 2
            while length < 4 and position + length < len(source) and source[position + length] in "01234567":
                length += 1
        self.position += length
        return source[position : position + length]

    def _char_class(self) -> str:
        source, start = self.source, self.position
        position = start + 1
        if source[position : position + 1] == "^":
            position += 1
        if source[position : position + 1] == "]":
            position += 1
        while position < len(source) and source[position] != "]":
            position += 2 if source[position] == "\\" else 1
        if position >= len(source):
            raise re.error("unterminated character set", source, start)
        self.position = position + 1
        return source[start : self.position]

    def _group_head(self):
        """(text to emit, atomic?) for the group opening here, or None for a flags/comment group
        (copied, or dropped for a comment)."""
        source, position = self.source, self.position
        if source[position + 1 : position + 2] != "?":
            self.position += 1
            return "(", False
        rest = source[position + 2 :]
        if rest.startswith(">"):
            self.position += 3
            return "(?:", True
        if rest.startswith("#"):
            self.position = source.index(")", position) + 1
            return None
        if rest.startswith("P<"):
            end = source.index(">", position) + 1
            self.position = end
            return source[position:end], False
        if rest.startswith("P="):
            end = source.index(")", position) + 1
            self.position = end
            return source[position:end], None
        for opener in (":", "=", "!", "<=", "<!"):
            if rest.startswith(opener):
                self.position += 2 + len(opener)
                return source[position : self.position], False
        if rest.startswith("("):  # (?(id)yes|no)
            end = source.index(")", position + 3) + 1
            self.position = end
            return source[position:end], False
        # Inline flags: global "(?i)" (not a group) or scoped "(?i:...)", "(?-i:...)"
        index = position + 2
        while index < len(source) and source[index] not in ":)":
            index += 1
        if index >= len(source):
            raise re.error("missing ), unterminated subpattern", source, position)
        self.position = index + 1
        if source[index] == ")":
            self.out.append(source[position : index + 1])
            return None
        return source[position : index + 1], False

    def _is_quantifier(self) -> bool:
        if self.source[self.position] != "{":
            return True
        return re.match(r"\{\d*(?:,\d*)?\}", self.source[self.position :]) is not None

    def _quantifier(self) -> str:
        char = self.source[self.position]
        if char == "{":
            end = self.source.index("}", self.position) + 1
            text = self.source[self.position : end]
            self.position = end
            return text
        self.position += 1
        return char


class EmulatedPattern:
    """A compiled 3.10 form that answers like the original pattern (its groups, not the hidden ones)."""

    def __init__(self, original: str | bytes, flags: int) -> None:
        self.pattern = original
        self._compiled = re.compile(emulate(original), flags)
        self.flags = self._compiled.flags
        hidden = {number for name, number in self._compiled.groupindex.items() if name.startswith(_PREFIX)}
        self._numbers = [0] + [n for n in range(1, self._compiled.groups + 1) if n not in hidden]
        self._original_of = {number: index for index, number in enumerate(self._numbers)}
        self.groups = len(self._numbers) - 1
        self.groupindex = {
            name: self._original_of[number]
            for name, number in self._compiled.groupindex.items()
            if not name.startswith(_PREFIX)
        }

    def __reduce__(self):
        return (compile_pattern, (self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"EmulatedPattern({self.pattern!r})"

    def _wrap(self, match):
        return None if match is None else EmulatedMatch(match, self)

    def match(self, string, *args):
        return self._wrap(self._compiled.match(string, *args))

    def fullmatch(self, string, *args):
        return self._wrap(self._compiled.fullmatch(string, *args))

    def search(self, string, *args):
        return self._wrap(self._compiled.search(string, *args))

    def finditer(self, string, *args):
        return (EmulatedMatch(match, self) for match in self._compiled.finditer(string, *args))

    def findall(self, string, *args):
        if self.groups == 0:
            return [match.group(0) for match in self._compiled.finditer(string, *args)]
        numbers = self._numbers[1:]
        empty = string[:0]
        if self.groups == 1:
            return [match.group(numbers[0]) or empty for match in self._compiled.finditer(string, *args)]
        return [tuple(value or empty for value in match.group(*numbers)) for match in self._compiled.finditer(string, *args)]

    def sub(self, replacement, string, count=0):
        return self.subn(replacement, string, count)[0]

    def subn(self, replacement, string, count=0):
        if callable(replacement):
            return self._compiled.subn(lambda match: replacement(EmulatedMatch(match, self)), string, count)
        return self._compiled.subn(lambda match: EmulatedMatch(match, self).expand(replacement), string, count)

    def split(self, string, maxsplit=0):
        pieces, last = [], 0
        for index, match in enumerate(self.finditer(string)):
            if maxsplit and index >= maxsplit:
                break
            pieces.append(string[last : match.start()])
            pieces.extend(match.groups())
            last = match.end()
        pieces.append(string[last:])
        return pieces


class EmulatedMatch:
    """A match of an :class:`EmulatedPattern`, numbered like the original pattern's."""

    __slots__ = ("_match", "re", "string", "pos", "endpos")

    def __init__(self, match: re.Match, pattern: EmulatedPattern) -> None:
        self._match, self.re = match, pattern
        self.string, self.pos, self.endpos = match.string, match.pos, match.endpos

    def _number(self, group):
        if isinstance(group, int):
            if not 0 <= group <= self.re.groups:
                raise IndexError("no such group")
            return self.re._numbers[group]
        if group not in self.re.groupindex:
            raise IndexError("no such group")
        return group

    def group(self, *groups):
        if not groups:
            return self._match.group(0)
        return self._match.group(*(self._number(group) for group in groups))

    def __getitem__(self, group):
        return self.group(group)

    def groups(self, default=None):
        return tuple(self._match.group(number) if self._match.group(number) is not None else default
                     for number in self.re._numbers[1:])

    def groupdict(self, default=None):
        return {name: (value if value is not None else default)
                for name, value in self._match.groupdict().items() if not name.startswith(_PREFIX)}

    def start(self, group=0):
        return self._match.start(self._number(group))

    def end(self, group=0):
        return self._match.end(self._number(group))

    def span(self, group=0):
        return self._match.span(self._number(group))

    @property
    def lastindex(self):
        """The original group that closed last (a hidden group's is its enclosing original one)."""
        best = None
        for index, number in enumerate(self.re._numbers[1:], 1):
            start, end = self._match.span(number)
            if start < 0:
                continue
            if best is not None:
                best_start, best_end = self._match.span(self.re._numbers[best])
                # a later group ending where the best ends closed after it unless nested in it
                if end < best_end or (end == best_end and start < best_end):
                    continue
            best = index
        return best

    @property
    def lastgroup(self):
        index = self.lastindex
        if index is None:
            return None
        return next((name for name, number in self.re.groupindex.items() if number == index), None)

    def expand(self, template):
        return re._expand(self.re, self, template) if hasattr(re, "_expand") else self._match.expand(template)

    def __repr__(self) -> str:
        return f"<EmulatedMatch span={self.span()!r} match={self.group(0)!r}>"


_ATOMIC_SYNTAX = re.compile(r"(?:[*+?}]\+|\(\?>)")
_cache: dict[tuple[type, str | bytes, int], EmulatedPattern] = {}


def compile_pattern(source: str | bytes, flags: int = 0):
    """re.compile, or the 3.10 form of a pattern ``re`` refuses for its possessive or atomic parts."""
    try:
        return _original_compile(source, flags)
    except re.error:
        text = source.decode("latin-1") if isinstance(source, bytes) else source
        if not isinstance(source, (str, bytes)) or not _ATOMIC_SYNTAX.search(text):
            raise
    key = (type(source), source, int(flags))
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = EmulatedPattern(source, flags)
    return found


_original_compile = re._compile if hasattr(re, "_compile") else None


def install() -> None:
    """On Python < 3.11, let ``re`` compile possessive and atomic patterns (every ``re`` function
    compiles through ``re._compile``); a pattern it already reads is compiled as before."""
    global _original_compile
    if sys.version_info >= (3, 11) or getattr(re._compile, "__lossmon__", False):
        return
    _original_compile = re._compile

    def _compile(pattern, flags):
        if isinstance(pattern, EmulatedPattern):
            return pattern
        return compile_pattern(pattern, flags)

    _compile.__lossmon__ = True
    re._compile = _compile
