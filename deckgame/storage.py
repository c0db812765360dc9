"""Settings, the autosave and the per-group history of dealt cards, on disk.

Every file is a small JSON envelope ``{"format": ..., "version": ..., "data": ...}`` written
atomically (temp file in the same folder, fsync, rename, fsync of the folder): a kill at any
moment leaves the old file or the new one, never a broken one. A file that is corrupt or
belongs to something else is moved aside (``NAME.broken-YYYYmmdd-HHMMSS``) with a message and
the game starts fresh. Saves hold names, card ids and counts only, never answers and never a
card's text: the history keeps, per group, the cards dealt and the cards starred (by id).

>>> import tempfile
>>> store = Store(Path(tempfile.mkdtemp()))
>>> store.save_settings({"theme": "dark"})
>>> store.load_settings()
{'theme': 'dark'}
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from deckgame.paths import user_config_dir, user_data_dir

JSONDict = dict[str, Any]

VERSION = 1
SETTINGS = "deckgame.settings"
AUTOSAVE = "deckgame.autosave"
HISTORY = "deckgame.history"
# A card history longer than this per group is trimmed oldest first: it only steers order.
HISTORY_LIMIT = 20_000


# A temp file this old was left by a write that was killed (writes take milliseconds).
STALE_TEMP_SECONDS = 60.0


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def remove_stale_temps(path: Path, now: float | None = None) -> list[Path]:
    """Remove the temp files that killed writes of ``path`` left behind; returns them.

    A temp file is stale when the process that wrote it is gone, or when it is older than
    :data:`STALE_TEMP_SECONDS` (a process id can be reused). Our own process's is kept.
    """
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        candidates = list(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))
    except OSError:
        return removed
    for tmp in candidates:
        pid_text = tmp.name[len(path.name) + 2 : -len(".tmp")]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        try:
            old = now - tmp.stat().st_mtime > STALE_TEMP_SECONDS
        except OSError:
            continue
        if old or not _alive(int(pid_text)):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # signal 0 is CTRL_C_EVENT on Windows: let age decide there
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or unknown here: let age decide
    return True


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows), so optional.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Store:
    """The game's files: settings in the config folder, autosave and history in the data folder.

    ``messages`` collects what the player should be told (a file moved aside, and why).
    """

    def __init__(self, data_dir: Path | None = None, config_dir: Path | None = None) -> None:
        self.data_dir = data_dir if data_dir is not None else user_data_dir()
        self.config_dir = (
            config_dir
            if config_dir is not None
            else (data_dir if data_dir is not None else user_config_dir())
        )
        self.messages: list[str] = []
        self.last_set_aside: Path | None = None  # where the last unusable file was moved
        # Files there but not readable now (permissions, a disk error): never overwritten
        # by a read-modify-write that took them for empty.
        self._unreadable: set[Path] = set()

    @property
    def settings_path(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def autosave_path(self) -> Path:
        return self.data_dir / "autosave.json"

    @property
    def history_path(self) -> Path:
        return self.data_dir / "history.json"

    # -- envelopes ---------------------------------------------------------------------

    def _write(self, path: Path, kind: str, data: Any) -> None:
        envelope = {"format": kind, "version": VERSION, "data": data}
        atomic_write_text(path, json.dumps(envelope, ensure_ascii=False, separators=(",", ":")))

    def _read(self, path: Path, kind: str) -> Any | None:
        """The envelope's data, or None when absent; a bad file is moved aside."""
        remove_stale_temps(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self.messages.append(f"could not read {path}: {exc.strerror or exc}")
            self._unreadable.add(path)
            return None
        self._unreadable.discard(path)
        reason = None
        try:
            envelope = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):
            # ValueError covers bad UTF-8 and bad JSON, and also a number too long to read
            # (Python refuses integers of more than 4300 digits): all unreadable.
            reason = "it is not a readable save file"
        else:
            if not isinstance(envelope, dict) or envelope.get("format") != kind:
                reason = "it is not a deckgame file of this kind"
            elif envelope.get("version") != VERSION:
                reason = f"it has version {envelope.get('version')!r}, expected {VERSION}"
            elif envelope.get("data") is None:
                reason = "it holds nothing"  # never written so: None means "no file" here
            else:
                return envelope.get("data")
        self._move_aside(path, reason)
        return None

    def _move_aside(self, path: Path, reason: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.broken-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
        try:
            os.replace(path, target)
        except OSError as exc:
            self.messages.append(f"{path} is unusable ({reason}) and could not be moved: {exc}")
            return
        self.last_set_aside = target
        self.messages.append(f"{path} was moved aside to {target.name} ({reason}); starting fresh")

    # -- settings ----------------------------------------------------------------------

    def load_settings(self) -> JSONDict:
        """The saved settings, or ``{}`` when there are none (or they were unusable)."""
        data = self._read(self.settings_path, SETTINGS)
        if data is None:
            return {}
        if not isinstance(data, dict):
            self._move_aside(self.settings_path, "its settings are not a mapping")
            return {}
        return data

    def save_settings(self, settings: JSONDict) -> None:
        self._write(self.settings_path, SETTINGS, settings)

    # -- autosave ----------------------------------------------------------------------

    def load_autosave(self) -> JSONDict | None:
        """The last autosaved session as plain data, or None."""
        data = self._read(self.autosave_path, AUTOSAVE)
        if data is None:
            return None
        if not isinstance(data, dict):
            self._move_aside(self.autosave_path, "its session is not a mapping")
            return None
        return data

    def save_autosave(self, session: JSONDict) -> None:
        self._write(self.autosave_path, AUTOSAVE, session)

    def set_aside_autosave(self, reason: str) -> Path | None:
        """Move an autosave that cannot be continued out of the way (kept, never deleted);
        returns where it went, or None when there was none or it could not be moved."""
        if not self.autosave_path.exists():
            return None
        self.last_set_aside = None
        self._move_aside(self.autosave_path, reason)
        return self.last_set_aside

    def clear_autosave(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.autosave_path.unlink()

    def has_autosave(self) -> bool:
        return self.autosave_path.is_file()

    # -- history ----------------------------------------------------------------------
    # {"groups": {group key: [card id, ...]},
    #  "starred": {group key: {"players": [name, ...], "cards": [card id, ...]}}}
    # Both oldest first; a group's stars move to the end (newest) when it stars again.

    def _load_history_data(self) -> tuple[dict[str, list[str]], dict[str, JSONDict]]:
        data = self._read(self.history_path, HISTORY)
        if data is None:
            return {}, {}
        groups = data.get("groups") if isinstance(data, dict) else None
        starred = data.get("starred", {}) if isinstance(data, dict) else None
        if _is_id_lists(groups) and _is_starred_map(starred):
            return groups, starred
        self._move_aside(self.history_path, "its history is not in the expected shape")
        return {}, {}

    def _write_history(self, groups: dict[str, list[str]], starred: dict[str, JSONDict]) -> None:
        if self.history_path in self._unreadable:
            # What we read was nothing because the file could not be read: writing now would
            # replace every group's history with this one night.
            self.messages.append(f"{self.history_path} could not be read: tonight is not added")
            return
        data: JSONDict = {"groups": groups}
        if starred:
            data["starred"] = starred
        self._write(self.history_path, HISTORY, data)

    def load_history(self, players: Sequence[str]) -> list[str]:
        """Card ids this group has been dealt before, oldest first."""
        groups, _starred = self._load_history_data()
        return list(groups.get(group_key(players), []))

    def add_history(
        self, players: Sequence[str], card_ids: Iterable[str], *, starred: Iterable[str] = ()
    ) -> None:
        """Remember cards dealt to this group (kept in order, each once) and the cards it
        starred (ids only), in one write."""
        groups, stars = self._load_history_data()
        key = group_key(players)
        groups[key] = _appended(groups.get(key, []), card_ids)
        new_stars = list(starred)
        if new_stars:
            entry = stars.pop(key, None)
            old = entry["cards"] if entry is not None else []
            # Re-inserted last: the group that starred most recently is listed first.
            stars[key] = {"players": list(players), "cards": _appended(old, new_stars)}
        self._write_history(groups, stars)

    def reset_history(self, players: Sequence[str]) -> None:
        """Forget what this group has seen: every card is fresh again (its stars stay)."""
        groups, stars = self._load_history_data()
        if groups.pop(group_key(players), None) is not None:
            self._write_history(groups, stars)

    def load_starred(self) -> list[StarredCards]:
        """Every group's starred cards, the group that starred most recently first."""
        _groups, stars = self._load_history_data()
        return [
            StarredCards(tuple(entry["players"]), tuple(entry["cards"]))
            for entry in reversed(stars.values())
            if entry["cards"]
        ]

    def has_starred(self) -> bool:
        return bool(self.load_starred())


@dataclass(frozen=True)
class StarredCards:
    """One group's starred cards: the names as they were entered, and card ids (no text)."""

    players: tuple[str, ...]
    cards: tuple[str, ...]


def _appended(ids: list[str], more: Iterable[str]) -> list[str]:
    """``ids`` with ``more`` moved to (or added at) the end, each once, trimmed oldest first."""
    seen = dict.fromkeys(ids)
    for card_id in more:
        seen.pop(card_id, None)
        seen[card_id] = None
    return list(seen)[-HISTORY_LIMIT:]


def _is_strings(value: object) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_id_lists(value: object) -> TypeGuard[dict[str, list[str]]]:
    return isinstance(value, dict) and all(_is_strings(ids) for ids in value.values())


def _is_starred_map(value: object) -> TypeGuard[dict[str, JSONDict]]:
    return isinstance(value, dict) and all(
        isinstance(entry, dict)
        and _is_strings(entry.get("players"))
        and _is_strings(entry.get("cards"))
        for entry in value.values()
    )


def group_key(players: Sequence[str]) -> str:
    """The same people in any seat order are the same group.

    >>> group_key(["Ben", "ana"]) == group_key(["Ana", "ben "])
    True
    """
    return "\n".join(sorted(name.strip().casefold() for name in players))
