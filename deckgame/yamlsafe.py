"""Reading untrusted YAML safely, keeping where every value stands in the file.

The file is composed into a node graph by libyaml's C parser (the pure-Python parser only
when libyaml is missing), then turned into plain Python data by our own small converter.
The node graph is kept: its marks let the loader report any later problem at
``LINE:COLUMN``. Composition counts nodes and depth as it goes and stops a file no deck
could be (too many values, nested too deeply) at once: the C composer recurses, and every
node costs memory, so neither is left to grow with the file.

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

from deckgame.model import clipped, quoted

MAX_BYTES = 8 * 1024 * 1024
# Nodes that aliases may add on top of the file's own: generous for sharing a tag list,
# far below what a "billion laughs" file asks for.
MAX_ALIAS_NODES = 10_000
MAX_DEPTH = 32
# Keys, values, lists and mappings in one file. A card is three to seven of them, so this
# holds a deck of 35,000 to 80,000 cards (the core pack has 700). The cap bounds what a
# file of nothing but values costs (8 MB hold 2.6 million of them): each node takes some
# 350 bytes, and each may come back from validation as an error of 650 more.
MAX_NODES = 250_000
# A problem is one line an editor can jump to, not a copy of the file.
MAX_MESSAGE = 400
# Problems listed per file; past these, one more line says how many were left out. Every
# one costs a sentence (and a "did you mean"), and no designer reads a hundred thousand.
MAX_PROBLEMS = 10_000

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
_MERGE = "tag:yaml.org,2002:merge"

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
_INT_RE = re.compile(r"[-+]?[0-9]+")
# Longer integers are read as (inexact) floats: exact enough to say a number is too big,
# and Python's int() of a long digit string takes time quadratic in its length.
_INT_DIGITS = 30
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_NUMBER_START = frozenset("0123456789+-.")
# Line breaks as YAML (1.1, as both libyaml and the pure parser) counts them.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Problem:
    """One designer-facing error, at a 1-based line and column of a file.

    The message is always one line: whatever it quotes from the file, a line break in it
    is escaped (an editor reads ``PATH:LINE:COLUMN: error: MESSAGE`` one line at a time).
    """

    path: str
    line: int
    column: int
    message: str

    def __post_init__(self) -> None:
        if not self.message.isprintable() or len(self.message) > MAX_MESSAGE:
            object.__setattr__(self, "message", clipped(self.message, MAX_MESSAGE))

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
    # problems found once MAX_PROBLEMS were listed: how many, and where the first stands
    unlisted: int = 0
    unlisted_at: tuple[int, int] = (1, 1)

    # the text parsed (without a BOM), for places at its very end
    text: str = field(default="", repr=False)

    def at(self, node: Node, message: str) -> Problem:
        """A problem at ``node``'s first character."""
        return Problem(self.path, *self.place(node.start_mark), message)

    def place(self, mark: Any) -> tuple[int, int]:
        """A parser's mark as a 1-based line and column inside the file.

        At the end of a file without a final line break, libyaml's marks stand on a line
        after the last one; an editor has no such line, so the end of the last is used.
        """
        if mark.index >= len(self.text) and mark.column == 0 and mark.line > 0:
            return _position(self.text, len(self.text))
        return mark.line + 1, mark.column + 1

    @property
    def full(self) -> bool:
        """Whether ``MAX_PROBLEMS`` are listed: later problems are only counted."""
        return len(self.problems) >= MAX_PROBLEMS

    def report(self, node: Node, message: str) -> None:
        """List a problem at ``node``, or count it when the list is full."""
        if self.full:
            self.count_unlisted(node)
        else:
            self.problems.append(self.at(node, message))

    def add(self, problem: Problem) -> None:
        """List ``problem``, or count it when the list is full."""
        if not self.full:
            self.problems.append(problem)
        elif not self.unlisted:
            self.unlisted, self.unlisted_at = 1, (problem.line, problem.column)
        else:
            self.unlisted += 1

    def count_unlisted(self, node: Node) -> None:
        """Count a problem at ``node`` that is not listed (call only when ``full``)."""
        if not self.unlisted:
            self.unlisted_at = self.place(node.start_mark)
        self.unlisted += 1

    def listed(self) -> list[Problem]:
        """The problems listed, in file order, and last one saying how many more were found."""
        ordered = sorted(self.problems, key=lambda p: (p.line, p.column, p.message))
        if not self.unlisted:
            return ordered
        more = f"{self.unlisted:,} more problem" + ("s" if self.unlisted > 1 else "")
        return [
            *ordered,
            Problem(
                self.path,
                *self.unlisted_at,
                f"{more} from here on not listed (a file lists at most {MAX_PROBLEMS:,}): "
                "fix the ones above first",
            ),
        ]


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
            return _PLAIN
        result: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return result

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        # No path resolvers are registered, so the base class has nothing to do here.
        self.nodes += 1
        self.depth += 1
        # ``current_node`` is the collection the new node goes in. Deeper than this, it is
        # a collection the converter would refuse anyway: say so now, where it starts.
        if self.depth > MAX_DEPTH + 1:
            raise _Limit(current_node, _too_deep())
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
        # The bytes before the bad one decode: count lines and columns in their text.
        before = raw[: exc.start].decode("utf-8").removeprefix("\ufeff")
        line, column = _position(before, len(before))
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
        line, column = _position(text, offset)
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
    converter = _Converter(doc)
    try:
        doc.data = converter.value(root, 0, False)
    except _Abort:
        doc.data = None
    return doc


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``text[offset]``, lines ending as YAML ends them.

    >>> _position("a\\rb\\r\\nc\\nd", 7)
    (4, 1)
    """
    line = 1
    line_start = 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line += 1
        line_start = match.end()
    return line, offset - line_start + 1


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


def _tag_name(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return clipped("!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag)


def _too_deep() -> str:
    return f"nested more than {MAX_DEPTH} levels deep: a deck is never this deep"


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
        return refuse(self.doc, node, message)

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
            self.refuse(node, _too_deep())
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
        first: dict[object, Node] = {}  # by the key as written: 1 and "1" are one
        by_value: dict[object, Node] = {}  # by the key as Python holds it: true and 1 are one
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.refuse(key_node, "a key must be plain text or a number, not a list or mapping")
                continue
            if key_node.tag == _MERGE or (key_node.tag == _PLAIN and key_node.value == "<<"):
                self.refuse(key_node, "merge keys (<<) are not supported: write the keys out")
                continue
            key = self.scalar(key_node)
            if key is _REFUSED:
                continue
            # 1 and "1" name the same level, so they clash as keys too; and so do keys
            # Python takes for one (true and 1, 1 and 1.0): a dict would keep only one.
            same = str(key) if isinstance(key, int | str) and not isinstance(key, bool) else key
            earlier_node = first.get(same)
            if earlier_node is None:
                earlier_node = by_value.get(key)
            if earlier_node is not None:
                earlier = earlier_node.start_mark
                self.refuse(
                    key_node,
                    f"duplicate key {quoted(key_node.value)} (first at line {earlier.line + 1}, "
                    f"column {earlier.column + 1}): each key once per mapping",
                )
                continue
            first[same] = by_value[key] = key_node
            result[key] = self.value(value_node, depth + 1, aliased)
        return result

    def scalar(self, node: ScalarNode) -> object:
        value = _scalar_value(node.tag, node.value)
        if value is _NOT_OF_TAG:
            return self.refuse(
                node, f"{quoted(node.value)} is not a valid {_tag_name(node.tag)} value"
            )
        if value is _OTHER_TAG:
            return self.refuse(node, _tag_message(node.tag))
        return value


class _Refused:
    """Stands in for a refused value; pydantic rejects it, and the loader hides that echo."""

    def __repr__(self) -> str:
        return "<refused>"


_REFUSED = _Refused()
_NOT_OF_TAG = object()  # the text is not a value of its (standard) tag: '!!int soon'
_OTHER_TAG = object()  # a tag a deck file may not use
_TAGGED: dict[str, type] = {_INT: int, _FLOAT: float, _BOOL: bool, _NULL: type(None)}


def _scalar_value(tag: str, text: str) -> object:
    """The value of a scalar as the converter reads it (or one of the two markers)."""
    if tag == _PLAIN:
        return _plain_value(text)
    if tag == _STR:
        return text
    wanted = _TAGGED.get(tag)
    if wanted is None:
        return _OTHER_TAG
    value = _plain_value(text)
    if wanted is float and type(value) is int:
        return float(value)
    return value if type(value) is wanted else _NOT_OF_TAG


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
            digits = len(text) - (text[0] in "+-")
            return int(text) if digits <= _INT_DIGITS else float(text)
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


def refuse(doc: Document, node: Node, message: str) -> object:
    """Report a problem at ``node`` and return the stand-in its value becomes.

    Validation then skips the stand-in and everything inside ``node``, as for a value
    the converter refused.
    """
    doc.report(node, message)
    doc.reported.add(id(node))
    return _REFUSED


def key_value(node: ScalarNode) -> object:
    """A mapping key's value as the converter reads it (its text when it was refused)."""
    value = _scalar_value(node.tag, node.value)
    return node.value if value is _NOT_OF_TAG or value is _OTHER_TAG else value


def loc_key(value: object) -> int | str:
    """A key as pydantic names it in an error's location: true is 1, 1.5 is '1.5'."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | str):
        return value
    return str(value)


class NodeFinder:
    """Follows pydantic error locations through one file's node graph.

    Each mapping's keys are indexed the first time a location passes through it, so a
    file with thousands of problems in one mapping costs one pass over its keys, not
    one per problem.
    """

    def __init__(self, root: Node) -> None:
        self.root = root
        self._indexes: dict[int, dict[int | str, tuple[ScalarNode, Node]]] = {}

    def find(self, loc: Sequence[int | str]) -> tuple[list[Node], Node | None]:
        """The chain of nodes ``loc`` reaches and, when its last step named a key, the key.

        The chain starts at the root; its last node is as deep as the location could be
        followed. The key node lets an unknown key be reported at the key itself.
        """
        chain: list[Node] = [self.root]
        key_node: Node | None = None
        node = self.root
        for step in loc:
            if step == "[key]":  # pydantic's marker for a bad dict key: keep the key node
                break
            key_node = None
            if isinstance(node, MappingNode):
                found = self.keys(node).get(step)
                if found is None:
                    break
                key_node, node = found
            elif isinstance(node, SequenceNode) and isinstance(step, int):
                if not 0 <= step < len(node.value):
                    break
                node = node.value[step]
            else:
                break
            chain.append(node)
        return chain, key_node

    def keys(self, node: MappingNode) -> dict[int | str, tuple[ScalarNode, Node]]:
        """The mapping's (key node, value node) by key as pydantic names it; first wins."""
        index = self._indexes.get(id(node))
        if index is None:
            index = {}
            for k_node, v_node in node.value:
                if isinstance(k_node, ScalarNode):
                    index.setdefault(loc_key(key_value(k_node)), (k_node, v_node))
            self._indexes[id(node)] = index
        return index
