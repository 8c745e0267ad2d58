"""The writer: Reading -> Storyboard, saying what the brief says (beats, select, scenes, write)."""

from .write import retimed, write

__all__ = ["retimed", "write"]
