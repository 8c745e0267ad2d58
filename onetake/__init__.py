"""onetake: one prompt in, one finished presenter video out."""

__version__ = "0.1.0"
