"""The writer: Reading -> Storyboard, saying what the brief says (beats, select, scenes, write)."""

from .write import write

__all__ = ["write"]
