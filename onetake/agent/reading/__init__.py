"""The Reading of a brief: made once, consulted by every later stage."""

from .models import Reading
from .read import read

__all__ = ["Reading", "read"]
