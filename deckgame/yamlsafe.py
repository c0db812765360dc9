"""Reading untrusted YAML safely, keeping where every value stands in the file.

The file is composed into a node graph by libyaml's C parser (the pure-Python parser only
when libyaml is missing), then turned into plain Python data by our own small converter.
The node graph is kept: its marks let the loader report any later problem at
``LINE:COLUMN``. Scalars follow the YAML 1.2 core schema (``yes`` stays text); any tag
but the plain ones is refused, so nothing in a file can make Python run code.

The parts live in :mod:`deckgame.content`: ``yaml_read`` (bytes -> node graph, with the
size, node and depth limits), ``yaml_values`` (nodes -> plain data, refusals, finding a
node by an error's location) and ``problems`` (``Problem``, ``Document``). This module
is their front door.

>>> doc = parse_text("a: [1, yes, ~]\\n", "x.yaml")
>>> doc.data, doc.problems
({'a': [1, 'yes', None]}, [])
"""

from __future__ import annotations

from deckgame.content.problems import MAX_MESSAGE, MAX_PROBLEMS, Document, Problem
from deckgame.content.yaml_read import MAX_BYTES, MAX_NODES, parse_bytes, parse_text, read_file
from deckgame.content.yaml_values import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    NodeFinder,
    is_refused,
    key_value,
    loc_key,
    refuse,
)

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_MESSAGE",
    "MAX_NODES",
    "MAX_PROBLEMS",
    "Document",
    "NodeFinder",
    "Problem",
    "is_refused",
    "key_value",
    "loc_key",
    "parse_bytes",
    "parse_text",
    "read_file",
    "refuse",
]
