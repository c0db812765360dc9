"""``python -m deckgame`` runs the command line."""

import sys

from deckgame.cli import main

sys.exit(main())
