"""Scene words -> icons: cosine similarity over the embedding index, plus a boost for exact name and tag hits.

The model ranks meaning ("vinyl" finds a disc); the boost fixes what it
blurs (a query "ring" should show a ring, not a bell's "ringing").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from onetake.visuals.icons.catalogue import Icon, icons
from onetake.visuals.icons.index import embeddings

NAME_BOOST = 0.18  # the query word is the icon's whole name, or its first or last word
TAG_BOOST = 0.07
# Pictures a brand video should show only when asked for by name: "paper" must not find a toilet roll.
UNSOUGHT = frozenset({"toilet", "roll-of-paper", "water-closet", "restroom", "mens-room", "womens-room", "pile-of-poo",
                      "face-vomiting", "nauseated-face", "middle-finger"})
UNSOUGHT_PENALTY = 0.3
_STOP = {"a", "an", "the", "of", "and", "or", "with", "for", "in", "on", "at", "to", "from", "our", "your", "its", "their", "my", "some", "new"}


@dataclass(frozen=True)
class IconMatch:
    icon: Icon
    score: float


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def query_terms(query: str) -> tuple[list[str], set[str]]:
    """Phrases to embed (the whole query and each listed part) and single nouns for exact hits."""
    parts = [p.strip() for p in re.split(r"[,;/]|\band\b|\bwith\b", query.lower()) if p.strip()]
    words = {_singular(w) for w in re.findall(r"[a-z][a-z0-9-]+", query.lower()) if w not in _STOP}
    phrases = list(dict.fromkeys([query.strip().lower(), *parts]))[:8]
    return [p for p in phrases if p], words


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, list[int]], dict[str, list[int]], dict[str, list[int]], np.ndarray]:
    """word -> icons named exactly that; word -> icons whose first or last name word it is; word -> icons tagged with it."""
    exact: dict[str, list[int]] = {}
    edge: dict[str, list[int]] = {}
    tagged: dict[str, list[int]] = {}
    single = np.zeros(len(icons()), bool)
    for i, icon in enumerate(icons()):
        parts = icon.name.split("-")
        exact.setdefault(icon.name, []).append(i)
        single[i] = len(parts) == 1
        if len(parts) <= 2:
            for word in {parts[0], parts[-1]}:
                edge.setdefault(word, []).append(i)
        for tag in {_singular(t.lower()) for t in icon.tags}:
            tagged.setdefault(tag, []).append(i)
    return exact, edge, tagged, single


def match_icons(query: str, k: int = 6, colour: bool | None = None) -> list[IconMatch]:
    """The k icons that best show `query` (a scene's nouns). colour=True: emoji only; False: line icons only."""
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    phrases, words = query_terms(query)
    if not phrases:
        return []
    from onetake.visuals.icons.embed import embed

    items = icons()
    scores = (embeddings() @ embed(phrases).T).max(axis=1)
    exact, edge, tagged, single = _lookup()
    boost = np.zeros(len(items), np.float32)
    for word in words:
        hits = np.array(tagged.get(word, []), int)
        boost[hits] = np.maximum(boost[hits], TAG_BOOST)
        hits = np.array(edge.get(word, []), int)
        boost[hits] = np.maximum(boost[hits], np.where(single[hits], NAME_BOOST, NAME_BOOST * 0.4))
        hits = np.array(exact.get(word, []), int)
        boost[hits] = NAME_BOOST
    scores = scores + boost
    for i in _unsought():
        if not set(items[i].name.split("-")) <= words:
            scores[i] -= UNSOUGHT_PENALTY
    if colour is not None:
        scores = np.where(_is_colour() == colour, scores, -np.inf)
    best = np.argsort(-scores)[:k]
    return [IconMatch(items[i], float(scores[i])) for i in best if np.isfinite(scores[i])]


@lru_cache(maxsize=1)
def _is_colour() -> np.ndarray:
    return np.array([icon.colour for icon in icons()])


@lru_cache(maxsize=1)
def _unsought() -> tuple[int, ...]:
    return tuple(i for i, icon in enumerate(icons()) if icon.colour and icon.name in UNSOUGHT)
