"""The message catalogues: extract the words the code shows, update and check the translations.

    python scripts/i18n.py extract          # deckgame/locale/deckgame.pot from the code
    python scripts/i18n.py update [LANG..]  # merge the template into each LANG's .po
    python scripts/i18n.py init LANG        # start a new language's .po from the template
    python scripts/i18n.py compile [--out DIR]  # .mo files (the wheel builds its own)
    python scripts/i18n.py check            # every catalogue matches the code, exit 1 if not

Wraps Babel's API (the test extra installs it): keywords ``_``, ``N_``, ``ngettext:1,2``,
``pgettext:1c,2``; ``# Translators:`` comments above a call go to the translators. The
template keeps file names but no line numbers, so moving code does not touch it; ``extract``
rewrites it only when a message or a comment changed. ``check`` compares each ``.po`` with a
fresh extraction (a message missing, a stale one left over), checks that every translation
keeps its ``{placeholders}``, and runs ``msgfmt --check`` when gettext is installed.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "deckgame" / "locale"
TEMPLATE = LOCALE / "deckgame.pot"
DOMAIN = "deckgame"
KEYWORDS: dict[str, object] = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
COMMENT_TAGS = ("Translators:",)
HEADER = """\
# The words deckgame's screens show, for translators (made by: python scripts/i18n.py extract).
# Placeholders in {braces} stay as they are; the order of words around them is yours.
#"""
PLACEHOLDER = re.compile(r"\{[^{}]*\}")

Key = tuple[str | None, str]  # (context, msgid)


def shown(path: Path) -> str:
    """``path`` as the messages say it: from the checkout's root when inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """Every language with a ``.po`` under ``deckgame/locale``."""
    return sorted(p.parent.parent.name for p in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def extract() -> Catalog:
    """A fresh template from the code under ``deckgame/``, as Babel reads it."""
    catalog = Catalog(
        project="deckgame",
        version="0.1.0",
        charset="utf-8",
        fuzzy=False,
        header_comment=HEADER,
    )
    found = extract_from_dir(
        ROOT,
        method_map=[("deckgame/**.py", "python")],
        keywords=KEYWORDS,  # type: ignore[arg-type]
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _body(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, omit_header=True, include_lineno=False, sort_output=True, width=96)
    return out.getvalue()


def keys(catalog: Catalog) -> dict[Key, bool]:
    """Each message of a catalogue (not the header, not obsolete) -> whether it is plural."""
    return {
        (m.context, m.id if isinstance(m.id, str) else m.id[0]): m.pluralizable
        for m in catalog
        if m.id
    }


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def write_template(catalog: Catalog) -> bool:
    """Writes the template when its messages or comments differ; True when it did."""
    if TEMPLATE.exists() and _body(read(TEMPLATE)) == _body(catalog):
        return False
    LOCALE.mkdir(parents=True, exist_ok=True)
    with TEMPLATE.open("wb") as handle:
        write_po(handle, catalog, include_lineno=False, sort_output=True, width=96)
    return True


def update(langs: list[str], template: Catalog) -> None:
    for lang in langs:
        path = po_path(lang)
        catalog = read(path, lang)
        catalog.update(template, update_creation_date=False)
        with path.open("wb") as handle:
            write_po(handle, catalog, include_lineno=False, width=96)
        print(f"updated {shown(path)}")


def init(lang: str, template: Catalog) -> None:
    path = po_path(lang)
    if path.exists():
        raise SystemExit(f"{path} exists: use update")
    catalog = read(TEMPLATE, lang)
    catalog.locale = lang
    catalog.fuzzy = False
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, include_lineno=False, width=96)
    print(f"created {shown(path)}")


def compile_to(out: Path) -> list[Path]:
    written = []
    for lang in languages():
        catalog = read(po_path(lang), lang)
        target = out / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_mo(handle, catalog)
        written.append(target)
    return written


def placeholder_problems(catalog: Catalog) -> list[str]:
    """Translations whose ``{placeholders}`` are not those of the English."""
    problems = []
    for m in catalog:
        if not m.id or not m.string or m.fuzzy:  # a fuzzy guess is not used: no check yet
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for form in strings:
            found = set(PLACEHOLDER.findall(form))
            if form and found - wanted:
                problems.append(f"{m.id!r}: {form!r} has placeholders the English has not")
            # a plural form may drop {n} ("one card"); a plain message keeps every name
            if form and len(strings) == 1 and found != wanted:
                problems.append(f"{m.id!r}: {form!r} lost a placeholder")
    return problems


def catalogue_problems(path: Path, template: Catalog) -> list[str]:
    """What is wrong with one ``.po`` (or the ``.pot``) against a fresh extraction."""
    catalog = read(path)
    have, want = keys(catalog), keys(template)
    problems = [f"missing {ctx + ': ' if ctx else ''}{mid!r}" for ctx, mid in want.keys() - have]
    problems += [f"stale {ctx + ': ' if ctx else ''}{mid!r}" for ctx, mid in have.keys() - want]
    problems += [
        f"{mid!r}: plural in one, not the other"
        for (ctx, mid), plural in want.items()
        if (ctx, mid) in have and have[(ctx, mid)] != plural
    ]
    return sorted(problems) + placeholder_problems(catalog)


def msgfmt_problems(path: Path) -> list[str]:
    """``msgfmt --check``'s complaints (nothing when gettext is not installed)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return []
    done = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [] if done.returncode == 0 else done.stderr.strip().splitlines()


def check() -> int:
    template = extract()
    paths = [TEMPLATE] + [po_path(lang) for lang in languages()]
    bad = 0
    for path in paths:
        if not path.exists():
            print(f"{shown(path)}: missing (run: python scripts/i18n.py extract)")
            bad += 1
            continue
        problems = catalogue_problems(path, template) + msgfmt_problems(path)
        for problem in problems:
            print(f"{shown(path)}: {problem}")
        bad += len(problems)
    print(f"{len(paths)} catalogue(s), {len(keys(template))} messages, {bad} problem(s)")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/i18n.py", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--locale", type=Path, help="the catalogues' folder (default: deckgame/locale), e.g. a copy"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("extract", help="write deckgame/locale/deckgame.pot from the code")
    up = sub.add_parser("update", help="merge the template into the .po files")
    up.add_argument("langs", nargs="*", help="default: every language")
    new = sub.add_parser("init", help="start a language's .po from the template")
    new.add_argument("lang")
    comp = sub.add_parser("compile", help="write .mo files")
    comp.add_argument("--out", type=Path, default=ROOT / "build" / "locale")
    sub.add_parser("check", help="every catalogue matches the code")
    args = parser.parse_args(argv)
    if args.locale is not None:
        global LOCALE, TEMPLATE
        LOCALE = args.locale.resolve()
        TEMPLATE = LOCALE / "deckgame.pot"
    if args.command == "extract":
        catalog = extract()
        changed = write_template(catalog)
        state = "written" if changed else "unchanged"
        print(f"{shown(TEMPLATE)}: {len(keys(catalog))} messages, {state}")
    elif args.command == "update":
        update(args.langs or languages(), read(TEMPLATE))
    elif args.command == "init":
        init(args.lang, read(TEMPLATE))
    elif args.command == "compile":
        for path in compile_to(args.out):
            print(path)
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
