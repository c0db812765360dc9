"""``deckgame print PATH... -o cards.pdf``: print-and-play sheets of poker-size cards."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from deckgame.commands import report_missing
from deckgame.options import AUDIENCE_IDS, MAX_LEVEL, MIN_LEVEL

if TYPE_CHECKING:
    from deckgame.loader import Library
    from deckgame.model import Card
    from deckgame.printing import PaperNames

HELP = "lay decks out as a print-and-play PDF (poker size, bleed, crop marks, duplex backs)"
DESCRIPTION = """\
Lay out the cards of deck files or folders as a PDF for printing at home or at a print
shop: poker size (63 x 88 mm) with 3 mm bleed and crop marks, on A4 or Letter. The cards
look as in the game, drawn as vector shapes with real text (sharp at any size, selectable
and searchable, fonts embedded). {player} and {other} print as a line to write a name on,
or as the two names given with --names. --backs adds a page of card backs after each
page of fronts, placed for double-sided printing flipped on the long edge. The filters
work as in a session. Needs the optional extra: pip install 'deckgame[print]'."""

INSTALL_HINT = (
    "deckgame print: making PDFs needs the optional extra 'print' (fpdf2 and uharfbuzz).\n"
    "Install it with:  pip install 'deckgame[print]'   (or: pip install fpdf2 uharfbuzz)"
)
PROGRESS_MIN = 10  # fewer cards than this render too fast to need a progress bar


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="deck files or folders")
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("cards.pdf"), help="the PDF to write"
    )
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size")
    parser.add_argument(
        "--orientation",
        choices=("auto", "portrait", "landscape"),
        default="auto",
        help="page orientation (default: whichever holds more cards)",
    )
    parser.add_argument("--backs", action="store_true", help="add card backs for duplex printing")
    parser.add_argument("--audience", choices=AUDIENCE_IDS)
    parser.add_argument("--types", metavar="T,T", help="intimacy types to print (default all)")
    parser.add_argument(
        "--levels",
        metavar="N,N",
        help="depth levels to print; name 'closing' too for the closing cards, as in 3,4,closing "
        "(default: every level and the closing cards)",
    )
    parser.add_argument("--exclude", metavar="TAG,TAG", help="content tags to leave out")
    parser.add_argument(
        "--theme", choices=("light", "dark", "contrast"), default="light", help="card colours"
    )
    parser.add_argument(
        "--names",
        metavar="NAME,NAME",
        help="print {player} and {other} as these two names (default: a line to write on)",
    )
    parser.add_argument(
        "--dpi",
        type=int,
        default=600,
        help="resolution of the type icons, the only pictures: text and shapes are vector "
        "(default 600)",
    )


class ProgressBar:
    """Progress on a terminal as a bar redrawn in place; elsewhere a plain line now and then."""

    def __init__(self, stream: TextIO, label: str = "Rendering") -> None:
        self.stream = stream
        self.label = label
        self.tty = stream.isatty()
        self._last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_MIN:
            return
        if self.tty:
            width = 30
            filled = round(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            end = "\n" if done >= total else ""
            self.stream.write(f"\r{self.label} [{bar}] {done}/{total} cards{end}")
            self.stream.flush()
            return
        tenth = done * 10 // total
        if tenth != self._last_tenth:  # a log file gets at most eleven lines, not hundreds
            self._last_tenth = tenth
            self.stream.write(f"{self.label}: {done}/{total} cards\n")
            self.stream.flush()


def _fail(message: str) -> int:
    print(f"deckgame print: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    try:  # checked first: no point laying out without them
        import fpdf  # noqa: F401
        import uharfbuzz  # type: ignore[import-untyped]  # noqa: F401  (fpdf2 shapes with it)
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    from deckgame.commands.session_options import (
        SessionOptionError,
        excluded_from,
        types_from,
    )
    from deckgame.printing import PaperNames

    try:
        types = types_from(args.types)
        levels, closing = _levels(args.levels)
        names = PaperNames.parse(args.names)
    except (SessionOptionError, ValueError) as error:
        return _fail(str(error))
    if args.dpi < 72 or args.dpi > 1200:
        return _fail("--dpi must be 72-1200")
    if report_missing("print", args.paths):
        return 2

    # The icons are drawn offscreen: set before pygame starts so no display is needed.
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from deckgame.model import IntimacyType
    from deckgame.printing import CardFilter, select_cards

    library = _loaded(args.paths)
    keep = CardFilter(
        audience=args.audience,
        types=frozenset(IntimacyType(t) for t in types) if types else None,
        levels=levels,
        closing=closing,
        excluded=excluded_from(args.exclude),
    )
    cards = select_cards([*library.cards, *library.closing], keep)
    if not cards:
        print("deckgame print: no cards to print (check the paths and filters)", file=sys.stderr)
        return 1
    return _write(args, library, cards, names)


def _loaded(paths: list[Path]) -> Library:
    """The decks at ``paths``, every problem and skipped deck said on stderr."""
    from deckgame.loader import load_paths

    library = load_paths(paths)
    for problem in library.problems:
        print(problem, file=sys.stderr)
    if library.skipped:
        skipped = ", ".join(str(d.path) for d in library.skipped)
        print(f"deckgame print: skipped (fix the problems above): {skipped}", file=sys.stderr)
    return library


def _write(args: argparse.Namespace, library: Library, cards: list[Card], names: PaperNames) -> int:
    """Lay ``cards`` out in the PDF ``args`` ask for and say how to print it."""
    from deckgame.print_pdf import write_vector_pdf
    from deckgame.printing import PAPERS, plan_sheet, px
    from deckgame.ui.print_fonts import print_fonts
    from deckgame.ui.print_vector import Printer, icon_image
    from deckgame.ui.printfaces import MARK
    from deckgame.ui.theme import theme_named

    sheet = plan_sheet(PAPERS[args.paper], args.orientation)
    printer = Printer(theme_named(args.theme), names, library.level_names)
    side = px(MARK, args.dpi)  # the largest an icon prints: on a back
    texts = [t for c in cards for t in (c.text, c.follow_up or "", c.deck)]
    texts += [names.player, names.other]

    try:
        count = write_vector_pdf(
            args.output,
            cards,
            sheet,
            fonts=print_fonts(texts),
            icons=lambda name, colour: icon_image(name, colour, side),
            front=printer.front,
            back=printer.back if args.backs else None,
            progress=ProgressBar(sys.stderr, "Laying out"),
            title=", ".join(d.name for d in library.decks if d.ok),
        )
    except OSError as error:
        print(f"deckgame print: cannot write {args.output}: {error}", file=sys.stderr)
        return 1
    print(
        f"Wrote {args.output}: {len(cards)} cards on {count} pages "
        f"({sheet.paper.name} {sheet.orientation}, {sheet.cols}x{sheet.rows} per page)"
    )
    if args.backs:
        print("Print double-sided, flipping on the long edge, at 100 % (no 'fit to page').")
    else:
        print("Print at 100 % (no 'fit to page'), then cut along the crop marks.")
    return 0


def _levels(text: str | None) -> tuple[frozenset[int] | None, bool]:
    """``--levels 1,2,closing`` -> ({1, 2}, True); absent -> every level and closing."""
    from deckgame.commands.session_options import split_list

    if text is None:
        return None, True
    levels: set[int] = set()
    closing = False
    for part in split_list(text):
        if part.lower() == "closing":
            closing = True
        elif part.isdigit() and MIN_LEVEL <= int(part) <= MAX_LEVEL:
            levels.add(int(part))
        else:
            raise ValueError(
                f"--levels: '{part}' is not a level {MIN_LEVEL}-{MAX_LEVEL} or 'closing'"
            )
    if not levels and not closing:
        raise ValueError("--levels: name at least one level")
    return frozenset(levels), closing
