"""Hostile deck files made by mutating real ones, and the promises the loader keeps for each.

Shared by ``tests/robustness/test_loader_fuzz.py`` (a few thousand inputs in CI) and
``scripts/fuzz_loader.py`` (the long run on demand): one mutator, one list of checks.

A :class:`Mutator` starts from a seed file (a built-in deck, a file of the YAML test suite)
and applies one to four mutations drawn with its own seeded ``random.Random``: the same
seed gives the same inputs on every machine.

>>> mutator = Mutator([b"name: x\\n"], seed=1)
>>> mutator.next_input() == Mutator([b"name: x\\n"], seed=1).next_input()
True
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from deckgame.loader import LoadedDeck, load_deck_file, load_pack_file
from deckgame.yamlsafe import MAX_BYTES, MAX_MESSAGE, Problem

REPO = Path(__file__).resolve().parents[2]
DECKS = REPO / "decks"
CORPORA = REPO.parent / "shared" / "corpora"

GOOD = (
    "name: Tiny\ntype: emotional\nlevels:\n  1:\n    - ask: Hello {player}?\n"
    "    - do: Wave at {other}.\n      seconds: 30\n      tags: [home]\n"
    "closing:\n  - ask: Bye?\n"
)

# Values a designer (or an attacker) might put where a scalar stands.
HOSTILE_VALUES: tuple[str, ...] = (
    "9" * 31,
    "-" + "9" * 400,
    "9" * 5000,
    "1e999",
    "-1e999",
    ".inf",
    "-.inf",
    ".NaN",
    "0x1F",
    "0o17",
    "1_000",
    "012",
    "+12",
    "1:30",
    "true",
    "~",
    "null",
    "''",
    '""',
    "yes",
    "[]",
    "{}",
    "[a, [b, [c]]]",
    "{a: {b: {c: d}}}",
    "&anchor value",
    "*anchor",
    "*undefined",
    "!!python/object/apply:os.system ['true']",
    "!!binary aGVsbG8=",
    "!custom x",
    "!!int soon",
    "!!float x",
    "!!str 12",
    "!<tag:%0Afoo> x",
    '"line\\nbreak"',
    '"\\ud800 lone surrogate"',
    '"\\x00 nul"',
    '"\\u2028 separator"',
    "'it''s'",
    ">\n  folded\n  text\n",
    "|\n  literal\n   text\n",
    "|-\n\tbad indent",
    '"{pla\\nyer}"',
    "Hi {name}",
    "{{ok}} {player.__class__}",
    "Hi }",
    "مرحبا ‮olleh‭",
    "e\u0301\u0301\u0301 Z\u0351\u0352",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467",
    "\ufeffbom inside",
    "\u0085nel",
    "a: b: c",
    "- x",
    "? complex",
    "%YAML 1.1",
    "key: [unclosed",
    "'unclosed",
)
ODD_BYTES: tuple[bytes, ...] = (
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",  # an encoded surrogate: not UTF-8
    b"\xef\xbb\xbf",  # a BOM, here in the middle
    b"\r",
    b"\r\n",
    b"\t",
    b"\x85",
    b"\xe2\x80\xa8",
    b"\x1b[31m",
    b"\x7f",
)


def seed_files(corpus: Path | None = CORPORA) -> list[Path]:
    """The files mutations start from: the built-in decks and, when present, the corpora."""
    files = sorted(DECKS.rglob("*.yaml"))
    if corpus is not None and corpus.is_dir():
        files += sorted(path for path in corpus.rglob("*") if path.is_file())
    return files


def seed_texts(corpus: Path | None = CORPORA) -> list[bytes]:
    """The seed files' bytes, the decks first (``deck_count`` says how many)."""
    return [GOOD.encode(), *(path.read_bytes() for path in seed_files(corpus))]


def deck_count() -> int:
    """How many of ``seed_texts()`` are decks (GOOD and the built-in ones)."""
    return 1 + len(list(DECKS.rglob("*.yaml")))


@dataclass
class Mutator:
    """Seeded hostile inputs: each a seed file with one to four mutations applied."""

    seeds: Sequence[bytes]
    seed: int = 0
    # The first ``decks`` seeds are decks: drawn half the time, so that mutations reach
    # validation too, not only the parser.
    decks: int = 0
    # Mutations that make inputs of megabytes (near the 8 MB cap): slow, so rare.
    big: float = 0.01
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.small: list[Callable[[bytes], bytes]] = [
            self.flip_bytes,
            self.insert_bytes,
            self.delete_line,
            self.duplicate_line,
            self.swap_lines,
            self.splice,
            self.hostile_scalar,
            self.hostile_scalar,
            self.hostile_scalar,
            self.hostile_key,
            self.line_ends,
            self.tab_indent,
            self.nest,
            self.long_line,
            self.truncate,
            self.directive,
            self.documents,
            self.alias_everything,
            self.reindent,
        ]
        self.large: list[Callable[[bytes], bytes]] = [
            self.repeat_lines,
            self.flow_flood,
            self.key_flood,
            self.huge_line,
            self.deep_flood,
        ]

    def next_input(self) -> tuple[bytes, str]:
        """One hostile input and the names of the mutations that made it."""
        rng = self.rng
        if self.decks and rng.random() < 0.5:
            data = self.seeds[rng.randrange(self.decks)]
        else:
            data = rng.choice(self.seeds)
        names: list[str] = []
        for _ in range(rng.randint(1, 4)):
            pool = self.large if rng.random() < self.big else self.small
            mutation = rng.choice(pool)
            data = mutation(data)
            names.append(mutation.__name__)
        if len(data) > MAX_BYTES + 16:
            data = data[: MAX_BYTES + 16]  # past the cap is refused unread: no need for more
        return data, "+".join(names)

    # --- helpers ---------------------------------------------------------------------

    def _lines(self, data: bytes) -> list[bytes]:
        return data.splitlines(keepends=True) or [b""]

    def _where(self, data: bytes) -> int:
        return self.rng.randint(0, len(data))

    # --- small mutations ---------------------------------------------------------------

    def flip_bytes(self, data: bytes) -> bytes:
        if not data:
            return bytes([self.rng.randrange(256)])
        out = bytearray(data)
        for _ in range(self.rng.randint(1, 8)):
            out[self.rng.randrange(len(out))] = self.rng.randrange(256)
        return bytes(out)

    def insert_bytes(self, data: bytes) -> bytes:
        at = self._where(data)
        return data[:at] + self.rng.choice(ODD_BYTES) + data[at:]

    def delete_line(self, data: bytes) -> bytes:
        lines = self._lines(data)
        del lines[self.rng.randrange(len(lines))]
        return b"".join(lines)

    def duplicate_line(self, data: bytes) -> bytes:
        lines = self._lines(data)
        at = self.rng.randrange(len(lines))
        lines.insert(at, lines[at])
        return b"".join(lines)

    def swap_lines(self, data: bytes) -> bytes:
        lines = self._lines(data)
        a, b = self.rng.randrange(len(lines)), self.rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
        return b"".join(lines)

    def splice(self, data: bytes) -> bytes:
        other = self.rng.choice(self.seeds)
        return data[: self._where(data)] + other[self.rng.randint(0, len(other)) :]

    def hostile_scalar(self, data: bytes) -> bytes:
        """A value after ``key: `` or ``- `` replaced by a hostile one."""
        text = data.decode("utf-8", "replace")
        spots = [m.start(2) for m in re.finditer(r"(: |- )([^\n]*)", text)]
        value = self.rng.choice(HOSTILE_VALUES)
        if not spots:
            return data + value.encode()
        at = self.rng.choice(spots)
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        return (text[:at] + value + text[end:]).encode("utf-8", "surrogatepass")

    def hostile_key(self, data: bytes) -> bytes:
        key = self.rng.choice(
            ["true", "null", "1.5", "0", "01", '"1"', "~", "<<", "? [a]", "[a, b]", "secnds"]
        )
        lines = self._lines(data)
        at = self.rng.randrange(len(lines))
        indent = re.match(rb"[ -]*", lines[at])
        prefix = indent.group() if indent else b""
        lines.insert(at, prefix + key.encode() + b": 1\n")
        return b"".join(lines)

    def line_ends(self, data: bytes) -> bytes:
        end = self.rng.choice([b"\r", b"\r\n", b"\n\r", b"\xc2\x85", b"\xe2\x80\xa8"])
        if self.rng.random() < 0.5:
            return data.replace(b"\n", end)
        lines = self._lines(data)
        at = self.rng.randrange(len(lines))
        lines[at] = lines[at].rstrip(b"\r\n") + end
        return b"".join(lines)

    def tab_indent(self, data: bytes) -> bytes:
        lines = self._lines(data)
        at = self.rng.randrange(len(lines))
        lines[at] = re.sub(rb"^ {1,4}", b"\t", lines[at])
        return b"".join(lines)

    def nest(self, data: bytes) -> bytes:
        depth = self.rng.choice([5, 31, 32, 33, 34, 40, 70, 999, 1001, 3000])
        shape = self.rng.choice(["flow", "map", "block", "unclosed"])
        if shape == "flow":
            value = "[" * depth + "x" + "]" * depth
        elif shape == "map":
            value = "{a: " * depth + "x" + "}" * depth
        elif shape == "block":
            value = "\n" + "".join("  " * i + f"k{i}:\n" for i in range(min(depth, 400)))
        else:
            value = "[" * depth
        at = self._where(data)
        return data[:at] + value.encode() + data[at:]

    def long_line(self, data: bytes) -> bytes:
        size = self.rng.choice([2_999, 3_001, 5_000, 20_000, 70_000])
        value = self.rng.choice(["x", "é", "{", "[", " ", "a b ", "\\", "'"]) * size
        return data + b"description: " + value.encode() + b"\n"

    def truncate(self, data: bytes) -> bytes:
        return data[: self._where(data)]

    def directive(self, data: bytes) -> bytes:
        head = self.rng.choice(
            [
                "%YAML 1.1\n---\n",
                "%YAML 1.2\n---\n",
                "%YAML 2.0\n---\n",
                "%YAML 1." + "1" * 4301 + "\n---\n",
                "%YAML 1.1\n%YAML 1.1\n---\n",
                "%TAG ! tag:example.com,2000:\n---\n",
                "%TAG !e! tag:x,%0A:\n---\n",
                "%FOO bar\n---\n",
            ]
        )
        return head.encode() + data

    def documents(self, data: bytes) -> bytes:
        return self.rng.choice([b"---\n" + data, data + b"\n...\n", data + b"\n---\n" + data])

    def alias_everything(self, data: bytes) -> bytes:
        """An anchor on the first value and aliases to it on later ones."""
        text = data.decode("utf-8", "replace")
        count = 0

        def swap(match: re.Match[str]) -> str:
            nonlocal count
            count += 1
            if count == 1:
                return f"{match.group(1)}&a {match.group(2)}"
            return f"{match.group(1)}*a" if self.rng.random() < 0.5 else match.group(0)

        text = re.sub(r"(: )([^\n&*]+)", swap, text)
        return text.encode("utf-8", "surrogatepass")

    def reindent(self, data: bytes) -> bytes:
        lines = self._lines(data)
        at = self.rng.randrange(len(lines))
        lines[at] = b" " * self.rng.randint(0, 9) + lines[at].lstrip(b" ")
        return b"".join(lines)

    # --- large mutations (megabytes) ---------------------------------------------------

    def repeat_lines(self, data: bytes) -> bytes:
        lines = self._lines(data)
        at = self.rng.randrange(len(lines))
        line = lines[at] if lines[at].endswith(b"\n") else lines[at] + b"\n"
        times = min(MAX_BYTES // max(len(line), 1), self.rng.choice([1_000, 50_000, 400_000]))
        return b"".join([*lines[:at], line * times, *lines[at:]])

    def flow_flood(self, data: bytes) -> bytes:
        items = self.rng.choice([100_000, 600_000, 2_600_000])
        return data + b"\ntags: [" + b"a," * items + b"]\n"

    def key_flood(self, data: bytes) -> bytes:
        keys = self.rng.choice([5_000, 50_000, 400_000])
        return data + b"".join(b"k%d: 1\n" % i for i in range(keys))

    def huge_line(self, data: bytes) -> bytes:
        return data + b"description: " + b"x" * self.rng.choice([1 << 20, 7_500_000]) + b"\n"

    def deep_flood(self, data: bytes) -> bytes:
        return data + b"\na: " + b"[" * self.rng.choice([3_000, 500_000, 4_000_000])


# --- the promises ------------------------------------------------------------------------

PROBLEM_LINE = re.compile(r"(?P<path>.+):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.+)")
# Pydantic's own words: a designer must never see them (messages.py rewords every error).
PYDANTIC_WORDS = (
    "Input should",
    "input_value",
    "Unable to parse",
    "Value error",
    "Field required",
    "Extra inputs",
    "Dictionary",
    "dictionary",
    "pydantic",
)
_YAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def yaml_lines(data: bytes) -> list[int]:
    """The length (in characters) of each line, counted as YAML counts lines."""
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    return [len(line) for line in _YAML_BREAK.split(text)]


def broken_promises(path: Path, data: bytes, problems: Sequence[Problem]) -> list[str]:
    """What is wrong with the problems reported for ``data`` (saved at ``path``)."""
    wrong: list[str] = []
    lengths = yaml_lines(data)
    for problem in problems:
        text = str(problem)
        match = PROBLEM_LINE.fullmatch(text)
        if len(text.splitlines()) != 1 or match is None:
            wrong.append(f"not one PATH:LINE:COL: error: MESSAGE line: {text!r}")
            continue
        if problem.path != str(path):
            wrong.append(f"the wrong path: {text!r}")
        line, column = problem.line, problem.column
        if not 1 <= line <= len(lengths) or not 1 <= column <= lengths[line - 1] + 1:
            wrong.append(f"a place outside the file ({len(lengths)} lines): {text!r}")
        message = problem.message
        if message.startswith("cannot read this file ("):
            wrong.append(f"the last-resort handler caught a bug: {text!r}")
        if not message.isprintable() or len(message) > MAX_MESSAGE:
            wrong.append(f"a message that does not print as one short line: {text!r}")
        if any(word in message for word in PYDANTIC_WORDS):
            wrong.append(f"pydantic's words: {text!r}")
        if "Traceback" in message:
            wrong.append(f"a traceback in a message: {text!r}")
    return wrong


@dataclass
class Outcome:
    """One input loaded: how long it took and what, if anything, went wrong."""

    seconds: float
    wrong: list[str]
    deck: LoadedDeck | None = None
    cpu_seconds: float = 0.0  # this process's CPU time: steadier than the clock on a busy machine


def check_input(folder: Path, data: bytes, as_pack: bool = False) -> Outcome:
    """Load ``data`` as a deck file (or a ``pack.yaml``) and check every promise.

    An exception escaping the loader is not caught here: it is the worst failure, and
    the caller reports it with its traceback.
    """
    path = folder / ("pack.yaml" if as_pack else "fuzzed.yaml")
    path.write_bytes(data)
    start, cpu = time.perf_counter(), time.process_time()
    if as_pack:
        spec, problems = load_pack_file(path)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        wrong = broken_promises(path, data, problems)
        if (spec is None) == (not problems):
            wrong.append("a pack must come with no problems or with no spec")
        return Outcome(seconds, wrong, None, cpu)
    deck = load_deck_file(path)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    wrong = broken_promises(path, data, deck.problems)
    if deck.ok and (deck.spec is None or not deck.cards):
        wrong.append("a deck without problems must have a spec and cards")
    if not deck.ok and not deck.problems:
        wrong.append("a skipped deck must say why")
    return Outcome(seconds, wrong, deck, cpu)
