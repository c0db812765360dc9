"""Reading untrusted YAML safely, keeping where every value stands in the file.

The file is composed into a node graph by libyaml's C parser (the pure-Python parser
only when libyaml is missing, or when the text could nest deeper than the C composer's
stack survives), then turned into plain Python data by our own small converter. The node
graph is kept: its marks let the loader report any later problem at ``LINE:COLUMN``.

Scalars follow the YAML 1.2 core schema, as editors (yaml-language-server) do: ``yes``,
``no``, ``on`` and ``off`` stay text, ``1:30`` is not a number and ``012`` is twelve.
Only plain data is accepted: text, numbers, true/false, null, lists and mappings. Any
other tag (``!!python/...``, ``!!binary``, ``!custom``) is refused at its line; nothing
in a file can ever make Python run code.

>>> doc = parse_text("a: [1, yes, ~]\\n", "x.yaml")
>>> doc.data, doc.problems
({'a': [1, 'yes', None]}, [])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_BYTES = 8 * 1024 * 1024
# Nodes that aliases may add on top of the file's own: generous for sharing a tag list,
# far below what a "billion laughs" file asks for.
MAX_ALIAS_NODES = 10_000
MAX_DEPTH = 32
# The C composer recurses in C; beyond some ten thousand levels it overflows the stack.
# Texts that might nest deeper than this go to the pure-Python parser, which fails cleanly.
_C_SAFE_DEPTH = 3_000

try:
    from yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]

    _HAS_C = True
except ImportError:  # PyYAML built without libyaml: the pure parser does the same job
    _HAS_C = False

_PLAIN = "?plain"  # our tag for an untagged plain scalar, resolved by ``_plain_value``
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

# An empty plain value stays "" (YAML 1.2 would say null): for a designer, `ask:` with
# nothing after it is an empty question, and "must not be empty" says so best.
_WORDS: dict[str, object] = {
    "": "",
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_INT_RE = re.compile(r"[-+]?[0-9]{1,30}")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_NUMBER_START = frozenset("0123456789+-.")


@dataclass(frozen=True, slots=True)
class Problem:
    """One designer-facing error, at a 1-based line and column of a file."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: error: {self.message}"


@dataclass
class Document:
    """A parsed file: its data, its node graph (for marks) and what was wrong with it."""

    path: str
    data: object = None
    root: Node | None = None
    problems: list[Problem] = field(default_factory=list)
    # ids of nodes already reported, so later checks do not report them a second time
    reported: set[int] = field(default_factory=set)

    def at(self, node: Node, message: str) -> Problem:
        """A problem at ``node``'s first character."""
        mark = node.start_mark
        return Problem(self.path, mark.line + 1, mark.column + 1, message)


class _Resolver(yaml.resolver.BaseResolver):
    """Tags untagged plain scalars as ``?plain``; the converter applies the core schema."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode and implicit[0]:
            return _PLAIN
        result: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return result


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


class _Abort(Exception):
    """Stops conversion of a file that cannot be read further (a bomb, a cycle, nesting)."""


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
        line, column = _byte_position(raw, exc.start)
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
    doc = Document(path)
    if text.startswith("\ufeff"):
        text = text[1:]  # a UTF-8 BOM: editors on Windows add it; it is not content
    use_c = _HAS_C and _nesting_bound(text) <= _C_SAFE_DEPTH
    try:
        composer = _CComposer(text) if use_c else _PyComposer(text)
        root = composer.get_single_node()
    except yaml.reader.ReaderError as exc:
        offset = exc.position
        if use_c:  # libyaml counts bytes of the UTF-8 text, the pure reader characters
            line, column = _byte_position(text.encode("utf-8"), offset)
        else:
            line, column = _char_position(text, offset)
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
        doc.problems.append(_syntax_problem(path, exc))
        return doc
    except RecursionError:
        doc.problems.append(Problem(path, 1, 1, "the file is nested too deeply to be a deck"))
        return doc
    except yaml.YAMLError as exc:  # unmarked: rare, but never a traceback
        doc.problems.append(Problem(path, 1, 1, f"cannot read the YAML: {exc}"))
        return doc
    doc.root = root
    if root is None:
        return doc
    converter = _Converter(doc)
    try:
        doc.data = converter.value(root, 0, False)
    except _Abort:
        doc.data = None
    return doc


def _nesting_bound(text: str) -> int:
    """An upper bound on how deep ``text`` can nest.

    Block nesting needs either more indentation or another ``- ``/``? `` on the same
    line, so it is bounded by the longest line; flow nesting by the bracket depth
    (brackets inside quoted text only make the bound looser, never too small).
    """
    longest = max((len(line) for line in text.splitlines()), default=0)
    depth = deepest = 0
    for match in re.finditer(r"[\[{\]}]", text):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return longest + deepest + 1


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def _char_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


# Substrings of libyaml's (and the pure parser's) messages -> what a designer should do.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "text with ': ' in it must be put in quotes"),
    ("undefined alias", "every *name needs an &name earlier in the file"),
    ("'\\t'", "YAML indents with spaces, not tabs"),
    ("tab character", "YAML indents with spaces, not tabs"),
)


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = " ".join((exc.problem or "malformed YAML").split())
    context = " ".join((exc.context or "").split())
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


def _quoted(value: object) -> str:
    """A value in single quotes, or escaped when it holds line breaks or control characters."""
    text = str(value)
    return f"'{text}'" if text.isprintable() else repr(text)


def _tag_name(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


class _Converter:
    """Turns the node graph into dicts, lists and scalars, checking as it goes.

    Aliases are followed (the same node reached again), but every node reached a
    second time counts against ``MAX_ALIAS_NODES``: a bomb stops in a few milliseconds.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        self.open: set[int] = set()
        self.alias_budget = MAX_ALIAS_NODES

    def refuse(self, node: Node, message: str) -> object:
        self.doc.problems.append(self.doc.at(node, message))
        self.doc.reported.add(id(node))
        return _REFUSED

    def value(self, node: Node, depth: int, aliased: bool) -> object:
        if aliased:
            self.alias_budget -= 1
            if self.alias_budget < 0:
                self.refuse(
                    node,
                    f"anchors and aliases expand this file by more than {MAX_ALIAS_NODES} "
                    "values (a YAML bomb?): write the values out instead",
                )
                raise _Abort
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if depth >= MAX_DEPTH:
            self.refuse(
                node, f"nested more than {MAX_DEPTH} levels deep: a deck is never this deep"
            )
            raise _Abort
        key = id(node)
        if key in self.open:
            self.refuse(node, "an alias refers to a value that contains it (a loop)")
            raise _Abort
        if key in self.seen:
            aliased = True
        else:
            self.seen.add(key)
        self.open.add(key)
        try:
            if isinstance(node, MappingNode):
                return self.mapping(node, depth, aliased)
            if isinstance(node, SequenceNode):
                if node.tag != _SEQ:
                    return self.refuse(node, _tag_message(node.tag))
                return [self.value(item, depth + 1, aliased) for item in node.value]
            return self.refuse(node, "a value YAML cannot represent here")
        finally:
            self.open.discard(key)

    def mapping(self, node: MappingNode, depth: int, aliased: bool) -> object:
        if node.tag != _MAP:
            return self.refuse(node, _tag_message(node.tag))
        result: dict[object, object] = {}
        first: dict[object, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.refuse(key_node, "a key must be plain text or a number, not a list or mapping")
                continue
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                key_node.tag == _PLAIN and key_node.value == "<<"
            ):
                self.refuse(key_node, "merge keys (<<) are not supported: write the keys out")
                continue
            key = self.scalar(key_node)
            if key is _REFUSED:
                continue
            # 1 and "1" name the same level, so they clash as keys too
            same = str(key) if isinstance(key, int | str) and not isinstance(key, bool) else key
            if same in first:
                earlier = first[same].start_mark
                self.refuse(
                    key_node,
                    f"duplicate key {_quoted(key)} (first at line {earlier.line + 1}, "
                    f"column {earlier.column + 1}): each key once per mapping",
                )
                continue
            first[same] = key_node
            result[key] = self.value(value_node, depth + 1, aliased)
        return result

    def scalar(self, node: ScalarNode) -> object:
        tag = node.tag
        text: str = node.value
        if tag == _PLAIN:
            return _plain_value(text)
        if tag == _STR:
            return text
        if tag in (_INT, _FLOAT, _BOOL, _NULL):
            value = _plain_value(text)
            wanted = {_INT: int, _FLOAT: float, _BOOL: bool, _NULL: type(None)}[tag]
            if tag == _FLOAT and type(value) is int:
                return float(value)
            if type(value) is wanted:
                return value
            return self.refuse(node, f"{_quoted(text)} is not a valid {_tag_name(tag)} value")
        return self.refuse(node, _tag_message(tag))


class _Refused:
    """Stands in for a refused value; pydantic rejects it, and the loader hides that echo."""

    def __repr__(self) -> str:
        return "<refused>"


_REFUSED = _Refused()


def _tag_message(tag: str) -> str:
    return (
        f"the tag {_tag_name(tag)} is not allowed: a deck file holds plain text, numbers, "
        "lists and mappings only"
    )


def _plain_value(text: str) -> object:
    """The YAML 1.2 core schema for an untagged plain scalar."""
    if text in _WORDS:
        return _WORDS[text]
    if text[0] in _NUMBER_START:
        if _INT_RE.fullmatch(text):
            return int(text)
        if _FLOAT_RE.fullmatch(text):
            return float(text)
        lowered = text.lower()
        if lowered in (".inf", "+.inf"):
            return float("inf")
        if lowered == "-.inf":
            return float("-inf")
        if lowered == ".nan":
            return float("nan")
    return text


def is_refused(value: object) -> bool:
    """Whether ``value`` stands in for something already reported."""
    return value is _REFUSED


def find_node(root: Node, loc: Sequence[int | str]) -> tuple[list[Node], Node | None]:
    """Follow a pydantic location through the node graph.

    Returns the chain of nodes reached (the root first; the last is as deep as the
    location could be followed) and, when the last step named a mapping key, that
    key's node (so an unknown key can be reported at the key itself).
    """
    chain: list[Node] = [root]
    key_node: Node | None = None
    node = root
    for step in loc:
        if step == "[key]":  # pydantic's marker for a bad dict key: keep the key node
            break
        key_node = None
        if isinstance(node, MappingNode):
            wanted = str(step)
            found: Node | None = None
            for k_node, v_node in node.value:
                if isinstance(k_node, ScalarNode) and _key_text(k_node) == wanted:
                    found, key_node = v_node, k_node
                    break
            if found is None:
                break
            node = found
        elif isinstance(node, SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(node.value):
                break
            node = node.value[step]
        else:
            break
        chain.append(node)
    return chain, key_node


def _key_text(node: ScalarNode) -> str:
    value = _plain_value(node.value) if node.tag == _PLAIN else node.value
    return str(value)
