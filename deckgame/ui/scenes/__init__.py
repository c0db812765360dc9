"""The screens of the game; each keeps the frame contract of ``base.Scene``."""
