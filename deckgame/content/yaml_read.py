"""Reading untrusted YAML safely, keeping where every value stands in the file.

The file is composed into a node graph by libyaml's C parser (the pure-Python parser only
when libyaml is missing), then turned into plain Python data by our own small converter
(:mod:`deckgame.content.yaml_values`). Composition counts nodes and depth as it goes and
stops a file no deck could be (too many values, nested too deeply) at once: the C composer
recurses, and every node costs memory, so neither is left to grow with the file.

>>> doc = parse_text("a: [1, yes, ~]\\n", "x.yaml")
>>> doc.data, doc.problems
({'a': [1, 'yes', None]}, [])
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

import yaml
from yaml.nodes import Node, ScalarNode

from deckgame.content.problems import Document, Problem, position
from deckgame.content.text import clipped
from deckgame.content.yaml_values import (
    MAX_DEPTH,
    PLAIN,
    ConversionAborted,
    Converter,
    too_deep,
)

__all__ = ["MAX_BYTES", "MAX_NODES", "parse_bytes", "parse_text", "read_file"]

MAX_BYTES = 8 * 1024 * 1024
# Keys, values, lists and mappings in one file. A card is three to seven of them, so this
# holds a deck of 35,000 to 80,000 cards (the core pack has 700). The cap bounds what a
# file of nothing but values costs (8 MB hold 2.6 million of them): each node takes some
# 350 bytes, and each may come back from validation as an error of 650 more.
MAX_NODES = 250_000

try:
    from yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]

    _HAS_C = True
except ImportError:  # PyYAML built without libyaml: the pure parser does the same job
    _HAS_C = False


class _Resolver(yaml.resolver.BaseResolver):
    """Tags untagged plain scalars as ``?plain``; the converter applies the core schema.

    It also keeps count while the composer builds the graph (the composer tells its
    resolver each time it starts a node and finishes one): a file that could never be a
    deck stops at the node that shows it, before it costs more time or memory.
    """

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.nodes = 0

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode and implicit[0]:
            return PLAIN
        result: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return result

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        # No path resolvers are registered, so the base class has nothing to do here.
        self.nodes += 1
        self.depth += 1
        # ``current_node`` is the collection the new node goes in. Deeper than this, it is
        # a collection the converter would refuse anyway: say so now, where it starts.
        if self.depth > MAX_DEPTH + 1:
            raise _Limit(current_node, too_deep())
        if self.nodes > MAX_NODES:
            raise _Limit(
                current_node,
                f"the file holds more than {MAX_NODES:,} keys and values: no deck is this "
                "big; split it into several deck files",
            )

    def ascend_resolver(self) -> None:
        self.depth -= 1


class _Limit(Exception):
    """Stops composition of a file past a limit; carries the node to report it at."""

    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


if _HAS_C:

    class _CComposer(_CParser, _Resolver):
        def __init__(self, text: str) -> None:
            _CParser.__init__(self, text)
            _Resolver.__init__(self)


class _PyComposer(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver,
):
    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)

    def scan_yaml_directive_number(self, start_mark: Any) -> int:
        # As libyaml does: a version number has at most 9 digits (the pure scanner would
        # hand any length to int(), which refuses more than 4300 of them).
        length = 0
        while "0" <= self.peek(length) <= "9":
            length += 1
        if length > 9:
            raise yaml.scanner.ScannerError(
                "while scanning a directive",
                start_mark,
                "found extremely long version number",
                self.get_mark(),
            )
        number: int = super().scan_yaml_directive_number(start_mark)
        return number


def read_file(path: Path, label: str | None = None) -> Document:
    """Read and parse one file, never reading more than ``MAX_BYTES`` of it."""
    name = label if label is not None else str(path)
    doc = Document(name)
    try:
        with path.open("rb") as stream:
            raw = _read_capped(stream)
    except OSError as exc:
        doc.problems.append(Problem(name, 1, 1, f"cannot read the file: {exc.strerror or exc}"))
        return doc
    if len(raw) > MAX_BYTES:
        doc.problems.append(
            Problem(
                name,
                1,
                1,
                f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB: "
                "split it into several deck files",
            )
        )
        return doc
    return parse_bytes(raw, name)


def _read_capped(stream: BinaryIO) -> bytes:
    """At most ``MAX_BYTES + 1`` bytes: enough to tell a file is too big, never the whole of it.

    Read in chunks, as ``read(MAX_BYTES + 1)`` would allocate the full 8 MB up front
    even for a tiny file, and a FIFO or device file has no size to ask for.
    """
    chunks: list[bytes] = []
    total = 0
    while total <= MAX_BYTES:
        chunk = stream.read(min(1 << 20, MAX_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def parse_bytes(raw: bytes, path: str) -> Document:
    """Decode UTF-8 (a BOM is fine) and parse."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The bytes before the bad one decode: count lines and columns in their text.
        before = raw[: exc.start].decode("utf-8").removeprefix("\ufeff")
        line, column = position(before, len(before))
        doc = Document(path)
        doc.problems.append(
            Problem(
                path,
                line,
                column,
                f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}): save it as UTF-8 text",
            )
        )
        return doc
    return parse_text(text, path)


def parse_text(text: str, path: str) -> Document:
    """Parse one YAML document from ``text`` into plain data plus its node graph."""
    if text.startswith("\ufeff"):
        text = text[1:]  # a UTF-8 BOM: editors on Windows add it; it is not content
    doc = Document(path, text=text)
    use_c = _HAS_C
    try:
        composer = _CComposer(text) if use_c else _PyComposer(text)
        root = composer.get_single_node()
    except _Limit as exc:
        doc.problems.append(doc.at(exc.node, exc.message))
        return doc
    except yaml.reader.ReaderError as exc:
        offset = exc.position
        if use_c:  # libyaml counts bytes of the UTF-8 text, the pure reader characters
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", "replace"))
        line, column = position(text, offset)
        doc.problems.append(
            Problem(
                path,
                line,
                column,
                f"the file holds a character YAML does not allow (#x{exc.character:04x}): "
                "is it a text file?",
            )
        )
        return doc
    except yaml.MarkedYAMLError as exc:
        doc.problems.append(_syntax_problem(doc, exc))
        return doc
    except yaml.YAMLError as exc:  # unmarked: rare, but never a traceback
        doc.problems.append(Problem(path, 1, 1, f"cannot read the YAML: {exc}"))
        return doc
    doc.root = root
    if root is None:
        return doc
    converter = Converter(doc)
    try:
        doc.data = converter.value(root, 0, False)
    except ConversionAborted:
        doc.data = None
    return doc


# Substrings of libyaml's (and the pure parser's) messages -> what a designer should do.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "text with ': ' in it must be put in quotes"),
    ("undefined alias", "every *name needs an &name earlier in the file"),
    ("'\\t'", "YAML indents with spaces, not tabs"),
    ("tab character", "YAML indents with spaces, not tabs"),
    ("maximum nesting depth", "a deck is never nested this deep"),
)
# What a parser's message may quote from the file (an alias's name, a character).
_SYNTAX_SHOWN = 120


def _syntax_problem(doc: Document, exc: yaml.MarkedYAMLError) -> Problem:
    path = doc.path
    mark = exc.problem_mark or exc.context_mark
    line, column = doc.place(mark) if mark is not None else (1, 1)
    problem = clipped(" ".join((exc.problem or "malformed YAML").split()), _SYNTAX_SHOWN)
    context = clipped(" ".join((exc.context or "").split()), _SYNTAX_SHOWN)
    if "expected a single document" in context or "but found another document" in problem:
        return Problem(path, line, column, "a second YAML document: one deck per file")
    message = f"YAML syntax: {problem}"
    if context:
        started = exc.context_mark
        if started is not None and exc.context_mark is not exc.problem_mark:
            context += f" started at line {started.line + 1}, column {started.column + 1}"
        message += f" ({context})"
    hints = [hint for needle, hint in _SYNTAX_HINTS if needle in problem]
    if hints:
        message += f": {hints[0]}"
    return Problem(path, line, column, message)
