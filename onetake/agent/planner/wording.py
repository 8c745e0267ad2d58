"""Wording one video: phrase templates filled from the brief's slots, in a seeded order.

A `Wording` is the state every scene's lines share: the slots, which keyed lines
have been said, and how often each template has been used (a used one goes to the
back, so the same sentence shape does not come round again while others are left).
"""

from __future__ import annotations

import hashlib
import re
import string

from .cue_models import Cues
from .slots import template_slots
from .text import squash

_FIELD_RE = re.compile(r"\{(\w+)\}")


def _stable(seed: int, key: str) -> int:
    return int.from_bytes(hashlib.blake2b(f"{seed}|{key}".encode(), digest_size=8).digest(), "big")


class Wording:
    def __init__(self, cues: Cues, seed: int):
        self.cues = cues
        self.seed = seed
        self.salt = hashlib.blake2b(cues.text.encode(), digest_size=4).hexdigest()
        self.used: set[str] = set()  # keys of lines already said
        self.template_of: dict[str, str] = {}
        self.template_uses: dict[str, int] = {}
        self.scarce = False  # a short video: no generic filler lines at all
        self.slots = template_slots(cues)

    def order(self, options: list[str], key: str) -> list[str]:
        """`options` rotated to start at a place the seed, the prompt and `key` pick."""
        if not options:
            return []
        k = _stable(self.seed, self.salt + key) % len(options)
        return options[k:] + options[:k]

    def fill(self, template: str, **extra: str | None) -> str | None:
        """The template with its placeholders filled, or None when one has no value."""
        values = {**self.slots, **extra}
        for name in _FIELD_RE.findall(template):
            if not values.get(name):
                return None
        text = string.Formatter().vformat(template, (), values)
        text = re.sub(r"\bIt is\b", "It's", text)
        return squash(text)

    def variants(self, templates: list[str], key: str, limit: int = 3, **extra: str | None) -> list[str]:
        """Up to `limit` distinct wordings from `templates`, the least used templates first."""
        out: list[str] = []
        ordered = sorted(self.order(templates, key), key=lambda t: self.template_uses.get(t, 0))
        for t in ordered:
            s = self.fill(t, **extra)
            if s and s not in out:
                out.append(s)
                self.template_of.setdefault(s, t)
            if len(out) >= limit:
                break
        return out
