"""YAML nodes -> plain data: the core schema's scalars, aliases followed within a budget,
and what was refused, reported at its node.

Scalars follow the YAML 1.2 core schema, as editors (yaml-language-server) do: ``yes``,
``no``, ``on`` and ``off`` stay text, ``1:30`` is not a number and ``012`` is twelve.
Only plain data is accepted: text, numbers, true/false, null, lists and mappings. Any
other tag (``!!python/...``, ``!!binary``, ``!custom``) is refused at its line; nothing
in a file can ever make Python run code.

>>> plain_value("012"), plain_value("yes"), plain_value("~")
(12, 'yes', None)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from deckgame.content.problems import Document
from deckgame.content.text import clipped, quoted

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "PLAIN",
    "ConversionAborted",
    "Converter",
    "NodeFinder",
    "is_refused",
    "key_value",
    "loc_key",
    "plain_value",
    "refuse",
    "too_deep",
]

# Nodes that aliases may add on top of the file's own: generous for sharing a tag list,
# far below what a "billion laughs" file asks for.
MAX_ALIAS_NODES = 10_000
MAX_DEPTH = 32

PLAIN = "?plain"  # our tag for an untagged plain scalar, resolved by ``plain_value``
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


def _tag_name(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return clipped("!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag)


def too_deep() -> str:
    return f"nested more than {MAX_DEPTH} levels deep: a deck is never this deep"


class ConversionAborted(Exception):
    """Stops conversion of a file that cannot be read further (a bomb, a cycle, nesting)."""


class Converter:
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
                raise ConversionAborted
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if depth >= MAX_DEPTH:
            self.refuse(node, too_deep())
            raise ConversionAborted
        key = id(node)
        if key in self.open:
            self.refuse(node, "an alias refers to a value that contains it (a loop)")
            raise ConversionAborted
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
            if key_node.tag == _MERGE or (key_node.tag == PLAIN and key_node.value == "<<"):
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
    if tag == PLAIN:
        return plain_value(text)
    if tag == _STR:
        return text
    wanted = _TAGGED.get(tag)
    if wanted is None:
        return _OTHER_TAG
    value = plain_value(text)
    if wanted is float and type(value) is int:
        return float(value)
    return value if type(value) is wanted else _NOT_OF_TAG


def _tag_message(tag: str) -> str:
    return (
        f"the tag {_tag_name(tag)} is not allowed: a deck file holds plain text, numbers, "
        "lists and mappings only"
    )


def plain_value(text: str) -> object:
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
