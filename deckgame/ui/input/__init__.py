"""Input devices other than the keyboard and the pointer: game controllers
(:mod:`.controller`, with a fake one for tests in :mod:`.fake`)."""
