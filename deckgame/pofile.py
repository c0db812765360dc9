"""A small, pure-Python reader of gettext ``.po`` files and writer of ``.mo`` files.

The build hook (``hatch_build.py``) compiles the catalogues with it, so building the wheel
needs no Babel; a source checkout or an editable install, which has no ``.mo`` files, reads
the ``.po`` through it at start (a few milliseconds for the whole catalogue). Imports only
the standard library and nothing of deckgame, so the build hook can load it by path.

>>> po = 'msgid ""\\nmsgstr "Plural-Forms: nplurals=2; plural=(n != 1);\\\\n"\\n\\n'
>>> po += 'msgctxt "button"\\nmsgid "Pass"\\nmsgstr "Paso"\\n'
>>> entries = parse_po(po)
>>> [(e.context, e.msgid, e.msgstr) for e in entries][1]
('button', 'Pass', ('Paso',))
>>> import gettext, io
>>> gettext.GNUTranslations(io.BytesIO(mo_bytes(entries))).pgettext("button", "Pass")
'Paso'
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field

__all__ = ["PoEntry", "PoSyntaxError", "mo_bytes", "parse_po"]


class PoSyntaxError(ValueError):
    """A ``.po`` file this reader cannot make sense of (the line is in the message)."""


@dataclass
class PoEntry:
    """One message: its context, English singular (and plural), translations, flags."""

    msgid: str
    msgstr: tuple[str, ...] = ()
    context: str | None = None
    plural: str | None = None
    flags: frozenset[str] = frozenset()
    obsolete: bool = False

    @property
    def translated(self) -> bool:
        """True when every form is translated and the entry is not marked fuzzy."""
        return bool(self.msgstr) and all(self.msgstr) and "fuzzy" not in self.flags


@dataclass
class _Builder:
    entries: list[PoEntry] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    last: str | None = None
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def complete(self) -> bool:
        """True once the entry has its translation (the next keyword starts another)."""
        return any(k == "msgstr" or k.startswith("msgstr[") for k in self.fields)

    def finish(self) -> None:
        if "msgid" in self.fields:
            forms = sorted(
                (int(k[7:-1]), v) for k, v in self.fields.items() if k.startswith("msgstr[")
            )
            msgstr = tuple(v for _, v in forms) or (self.fields.get("msgstr", ""),)
            self.entries.append(
                PoEntry(
                    msgid=self.fields["msgid"],
                    msgstr=msgstr,
                    context=self.fields.get("msgctxt"),
                    plural=self.fields.get("msgid_plural"),
                    flags=frozenset(self.flags),
                    obsolete=self.obsolete,
                )
            )
        self.fields, self.last, self.flags, self.obsolete = {}, None, set(), False


_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}
_ESCAPE = re.compile(r"\\(.)")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def _unescape(match: re.Match[str]) -> str:
    ch = match.group(1)
    if ch not in _ESCAPES:
        raise ValueError(f"unknown escape \\{ch}")
    return _ESCAPES[ch]


def _unquote(text: str, number: int) -> str:
    if not _QUOTED.fullmatch(text):
        raise PoSyntaxError(f"line {number}: expected a quoted string, got {text!r}")
    try:
        return _ESCAPE.sub(_unescape, text[1:-1])
    except ValueError as error:
        raise PoSyntaxError(f"line {number}: {error} in {text!r}") from None


def parse_po(text: str) -> list[PoEntry]:
    """Every entry of a ``.po`` file's text, the header (``msgid ""``) first."""
    b = _Builder()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            b.finish()
            continue
        if line.startswith("#"):
            if b.complete:
                b.finish()  # a comment after a finished entry starts the next one
            if line.startswith("#,"):
                b.flags.update(f.strip() for f in line[2:].split(",") if f.strip())
            continue
        if line.startswith('"'):
            if b.last is None:
                raise PoSyntaxError(f"line {number}: a string continues nothing")
            b.fields[b.last] += _unquote(line, number)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and b.complete:
            b.finish()
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not (
            keyword.startswith("msgstr[") and keyword.endswith("]") and keyword[7:-1].isdigit()
        ):
            raise PoSyntaxError(f"line {number}: unknown keyword {keyword!r}")
        b.obsolete = b.obsolete or obsolete
        b.fields[keyword] = _unquote(rest.strip(), number)
        b.last = keyword
    b.finish()
    return b.entries


def _key(entry: PoEntry) -> bytes:
    key = entry.msgid if entry.plural is None else f"{entry.msgid}\0{entry.plural}"
    if entry.context is not None:
        key = f"{entry.context}\x04{key}"
    return key.encode("utf-8")


def mo_bytes(entries: list[PoEntry]) -> bytes:
    """The ``.mo`` file (GNU format, little-endian) of the translated, non-obsolete entries;
    the header is always kept, an untranslated or fuzzy message is left out (shown in English).
    """
    table: dict[bytes, bytes] = {}
    for entry in entries:
        if entry.obsolete:
            continue
        if entry.msgid == "" and entry.context is None:
            table[b""] = entry.msgstr[0].encode("utf-8") if entry.msgstr else b""
        elif entry.translated:
            table[_key(entry)] = "\0".join(entry.msgstr).encode("utf-8")
    keys = sorted(table)
    header_size = 7 * 4
    ids_offset = header_size
    strs_offset = ids_offset + 8 * len(keys)
    data_offset = strs_offset + 8 * len(keys)
    ids = b"".join(k + b"\0" for k in keys)
    strs = b"".join(table[k] + b"\0" for k in keys)
    id_table: list[int] = []
    position = data_offset
    for k in keys:
        id_table += [len(k), position]
        position += len(k) + 1
    str_table: list[int] = []
    for k in keys:
        str_table += [len(table[k]), position]
        position += len(table[k]) + 1
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), ids_offset, strs_offset, 0, 0)
    return (
        header
        + struct.pack(f"<{len(id_table)}I", *id_table)
        + struct.pack(f"<{len(str_table)}I", *str_table)
        + ids
        + strs
    )
