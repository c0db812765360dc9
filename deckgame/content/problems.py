"""Problems found in a deck file, each at a 1-based ``LINE:COLUMN``, and the parsed
document that collects them.

>>> str(Problem("a.yaml", 3, 7, "unknown key 'x'"))
"a.yaml:3:7: error: unknown key 'x'"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from deckgame.content.text import clipped

if TYPE_CHECKING:
    from yaml.nodes import Node

__all__ = ["MAX_MESSAGE", "MAX_PROBLEMS", "Document", "Problem", "position"]

# A problem is one line an editor can jump to, not a copy of the file.
MAX_MESSAGE = 400
# Problems listed per file; past these, one more line says how many were left out. Every
# one costs a sentence (and a "did you mean"), and no designer reads a hundred thousand.
MAX_PROBLEMS = 10_000
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
            return position(self.text, len(self.text))
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


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``text[offset]``, lines ending as YAML ends them.

    >>> position("a\\rb\\r\\nc\\nd", 7)
    (4, 1)
    """
    line = 1
    line_start = 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line += 1
        line_start = match.end()
    return line, offset - line_start + 1
