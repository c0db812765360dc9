"""Sharing packs: a folder zipped (``deckgame pack``), and a deck, folder or zip checked
and copied into the user's deck folder (``deckgame install``).

A zip is untrusted: every member is checked before anything is unpacked (no path out of
the folder, no link, no member or total larger than a deck could be), then unpacked into
a temporary folder, reading never more than each member claims. The decks there are
validated as the game loads them, ids checked against every deck already loaded, and
only then copied in place. A refusal writes nothing to the deck folder.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from deckgame.clashes import duplicate_message
from deckgame.content.deck_file import LoadedDeck
from deckgame.content.library import DECK_SUFFIXES, Library, load_library, load_paths
from deckgame.content.problems import Problem
from deckgame.content.yaml_read import MAX_BYTES

__all__ = [
    "MAX_MEMBERS",
    "MAX_TOTAL_BYTES",
    "Installed",
    "PackError",
    "PackInfo",
    "install",
    "pack_folder",
    "pack_info",
]

MAX_MEMBERS = 2_000
MAX_TOTAL_BYTES = 64 * 1024 * 1024  # a pack of many big decks; far below a zip bomb
_MB = 1024 * 1024
_CHUNK = 1 << 16
_SHOWN_CLASHES = 10  # a pack installed twice clashes on every card: a few say enough


class PackError(Exception):
    """A pack cannot be made or installed; ``lines`` say why, one problem each."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class Installed:
    """What ``install`` put in place."""

    target: Path
    decks: int
    cards: int


@dataclass(frozen=True)
class PackInfo:
    """What a pack (or a group of loose decks) says of itself, as the Decks screen shows
    an installed one: who wrote it, under which licence, in which languages, how big."""

    decks: int
    cards: int  # the cards of the decks that loaded, closing cards included
    authors: tuple[str, ...] = ()
    licences: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()


def pack_info(decks: Iterable[LoadedDeck]) -> PackInfo:
    """The decks' authors, licences and languages (each once, in deck order) and counts.

    >>> from deckgame.content.deck_file import Origin
    >>> pack_info([LoadedDeck(Path("a.yaml"), Origin.USER, "P", None, (), (), ())])
    PackInfo(decks=1, cards=0, authors=(), licences=(), languages=())
    """
    authors: dict[str, None] = {}
    licences: dict[str, None] = {}
    languages: dict[str, None] = {}
    count = cards = 0
    for deck in decks:
        count += 1
        cards += len(deck.cards) + len(deck.closing)
        spec = deck.spec
        if spec is None:
            continue
        for found, value in ((authors, spec.author), (licences, spec.license)):
            if value:
                found[value] = None
        languages[spec.language] = None
    return PackInfo(count, cards, tuple(authors), tuple(licences), tuple(languages))


def _is_deck_file(name: str) -> bool:
    return name.endswith(DECK_SUFFIXES) and not name.startswith(".")


def _deck_files(folder: Path) -> Iterator[Path]:
    """The deck files and pack files under ``folder`` as the loader finds them (hidden
    files and folders left out; links left out, a pack holds only its own files)."""
    for parent, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(parent) / name
            if _is_deck_file(name) and not path.is_symlink() and path.is_file():
                yield path


def _refuse_problems(problems: list[Problem]) -> None:
    if problems:
        raise PackError([str(problem) for problem in problems])


def pack_folder(folder: Path, out: Path, *, force: bool = False) -> int:
    """Zip the valid pack ``folder`` as ``out`` (its files under the folder's name);
    returns how many files went in."""
    if not folder.is_dir():
        raise PackError([f"{folder}: not a folder (a pack is a folder of deck files)"])
    if out.exists() and not force:
        raise PackError([f"{out} already exists (use --force)"])
    _refuse_problems(load_paths([folder]).problems)
    root = folder.resolve()
    files = list(_deck_files(root))
    partial = out.with_name(f".{out.name}.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, f"{root.name}/{path.relative_to(root).as_posix()}")
    partial.replace(out)
    return len(files)


def install(source: Path, decks_dir: Path, *, force: bool = False) -> Installed:
    """Check ``source`` (a deck file, a pack folder or a zipped pack) and copy it into
    ``decks_dir``; raises :class:`PackError`, having written nothing, when it is refused."""
    with tempfile.TemporaryDirectory(prefix="deckgame-install-") as staging:
        inside: Path | None = None  # the zip's root in the temporary folder
        if source.is_file() and source.suffix.lower() == ".zip":
            staged, inside = _unzip(source, Path(staging))
            library = load_paths([staged])
            _refuse_problems(_relabelled(library.problems, inside, source))
        elif source.is_dir() or (source.is_file() and _is_deck_file(source.name)):
            library = load_paths([source])
            _refuse_problems(library.problems)
            staged = Path(staging) / (source.resolve().name or "decks")
            _copy_in(source, staged)
        else:
            raise PackError([f"{source}: not a deck file (.yaml), a pack folder or a .zip"])
        target = decks_dir / staged.name
        if target.exists() and not force:
            raise PackError([f"{target} is already installed: use --force to replace it"])
        clashes = _clashes(library, target)
        if clashes:
            shown = _relabelled(clashes, inside, source) if inside else clashes
            lines = [str(p) for p in shown[:_SHOWN_CLASHES]]
            if len(clashes) > _SHOWN_CLASHES:
                lines.append(
                    f"... and {len(clashes) - _SHOWN_CLASHES:,} more ids that decks already "
                    "loaded use: is this pack built in, or installed under another name?"
                )
            raise PackError(lines)
        _put_in_place(staged, target)
    from deckgame.scaffold import place_schema

    # Deck files reference the schema beside them (as `deckgame new` writes) or one folder
    # up (as the built-in pack's do): both are in place for an editor.
    place_schema(decks_dir)
    if target.is_dir():
        place_schema(target)
    cards = len(library.cards) + len(library.closing)
    return Installed(target, len(library.decks), cards)


def _copy_in(source: Path, staged: Path) -> None:
    if source.is_file():
        shutil.copyfile(source, staged)
        return
    root = source.resolve()
    for path in _deck_files(root):
        copy = staged / path.relative_to(root)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)


def _relabelled(problems: list[Problem], inside: Path, source: Path) -> list[Problem]:
    """``problems`` named inside the zip (``pack.zip/a.yaml``), not in the temporary
    folder it was unpacked to."""
    prefix = str(inside)
    return [
        dataclasses.replace(p, path=str(source) + p.path[len(prefix) :])
        if p.path.startswith(prefix)
        else p
        for p in problems
    ]


def _clashes(library: Library, target: Path) -> list[Problem]:
    """Card ids of ``library`` that the decks already loaded hold (built-in, the user's;
    not the version ``target`` replaces): the game would skip such decks."""
    claimed: dict[str, tuple[str, int, int]] = {}
    for deck in load_library().decks:
        if deck.ok and target != deck.path and target not in deck.path.parents:
            for card_id, (line, column) in deck.places.items():
                claimed.setdefault(card_id, (str(deck.path), line, column))
    return [
        Problem(str(deck.path), *deck.places[card_id], duplicate_message(card_id, first))
        for deck in library.decks
        for card_id in deck.places
        if (first := claimed.get(card_id)) is not None
    ]


def _put_in_place(staged: Path, target: Path) -> None:
    """Copy ``staged`` beside ``target`` under a hidden name, then swap it in."""
    target.parent.mkdir(parents=True, exist_ok=True)
    hidden = target.with_name(f".{target.name}.installing")
    if hidden.exists():
        shutil.rmtree(hidden) if hidden.is_dir() else hidden.unlink()
    if staged.is_dir():
        shutil.copytree(staged, hidden)
    else:
        shutil.copyfile(staged, hidden)
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.exists() or target.is_symlink():
        target.unlink()
    hidden.rename(target)


def _unzip(source: Path, staging: Path) -> tuple[Path, Path]:
    """Unpack the zip's deck files into ``staging``: the folder they form, and where the
    zip's own root is in it."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PackError([f"{source}: not a zip file ({type(exc).__name__})"]) from None
    with archive:
        members = _checked_members(source, archive)
        if not members:
            raise PackError([f"{source}: no deck files (.yaml) in the zip"])
        tops = {PurePosixPath(info.filename).parts[0] for info in members}
        nested = len(tops) == 1 and all(len(PurePosixPath(i.filename).parts) > 1 for i in members)
        root = staging if nested else staging / source.stem
        for info in members:
            _extract(source, archive, info, root / PurePosixPath(info.filename))
    return (staging / tops.pop() if nested else root), root


def _checked_members(source: Path, archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The deck members of the zip, once every member has passed the checks."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackError([f"{source}: {len(infos):,} members, more than a pack holds"])
    problems: list[str] = []
    members: list[zipfile.ZipInfo] = []
    total = 0
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name).parts
        mode = info.external_attr >> 16
        if name.startswith(("/", "\\")) or ".." in parts or "\\" in name or ":" in name:
            problems.append(f"{source}: {name!r} points outside the pack's folder")
        elif stat.S_ISLNK(mode):
            problems.append(f"{source}: {name!r} is a symbolic link; a pack holds only files")
        elif info.flag_bits & 0x1:
            problems.append(f"{source}: {name!r} is encrypted")
        elif info.file_size > MAX_BYTES:
            problems.append(
                f"{source}: {name!r} claims {info.file_size / _MB:,.0f} MB, more than the "
                f"{MAX_BYTES // _MB} MB a deck file may be"
            )
        elif not info.is_dir() and _is_deck_file(parts[-1]) and not _hidden(parts):
            members.append(info)
            total += info.file_size
    if total > MAX_TOTAL_BYTES:
        problems.append(f"{source}: its decks unpack to more than {MAX_TOTAL_BYTES // _MB} MB")
    if problems:
        raise PackError(problems)
    return members


def _hidden(parts: tuple[str, ...]) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in parts)


def _extract(source: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Write one member, never more bytes than it claims (a lying header stops here)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    left = info.file_size
    try:
        with archive.open(info) as stream, path.open("wb") as out:
            while chunk := stream.read(min(_CHUNK, left + 1)):
                left -= len(chunk)
                if left < 0:
                    raise PackError([f"{source}: {info.filename!r} holds more than it claims"])
                out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise PackError([f"{source}: {info.filename!r} cannot be unpacked ({exc})"]) from None
