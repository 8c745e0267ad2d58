"""The brief's facts as optional lines (description, benefit, audience, claims, features),
and the fact-free pads a scene may take when it has words to spare."""

from __future__ import annotations

import re

from . import phrases as P
from .line_fit import Line
from .text import is_steps, join_list
from .wording import Wording

_PLACE_DOMAINS = ("venue", "education", "care", "food", "subscription")


def _spoken(item: str) -> str:
    """A feature as said mid-sentence: 'Offline sync' -> 'offline sync', 'AI Search' kept."""
    return item if any(ch.isupper() for ch in item[1:]) or item.split()[0].isupper() else item[:1].lower() + item[1:]


def fact_lines(w: Wording) -> dict[str, Line]:
    """Each fact of the brief as a line, by name; a scene is given the ones it should say."""
    c = w.cues
    out: dict[str, Line] = {}
    for name, value, pool, key, skip_cost in (("description", c.description, P.DESCRIPTION, "desc", 2.0),
                                              ("benefit", c.benefit, P.BENEFIT, "benefit", 2.5),
                                              ("audience", c.audience, P.AUDIENCE, "audience", 1.5)):
        v = w.variants(pool, key) if value else []
        if v:
            out[name] = Line(v, skip_cost=skip_cost, key=f"fact:{name}")
    for i, f in enumerate(c.facts):
        # a figure is what a viewer remembers: keep it over a plain claim when words run short
        out[f"fact{i}"] = Line([f], skip_cost=2.3 if re.search(r"\d", f) else 1.8, key=f"fact:{i}", verbatim=True)
    if c.features and not is_steps(c.features):  # a how-to's steps are said in order by the bullets scene
        v = w.variants(P.FEATURES, "feat", list=feature_list(w))
        if v:
            out["features"] = Line(v, skip_cost=2.2, key="fact:features")
        if len(c.features) >= 2:
            first, last = _feature_ends(w)
            pool = P.FEATURES_MORE_PLACE if c.domain in _PLACE_DOMAINS else P.FEATURES_MORE
            v = w.variants(pool, "feat-more", first=first, last=last)
            if v:
                out["features_more"] = Line(v, skip_cost=0.9, key="fact:features-more")
    return out


def feature_list(w: Wording) -> str:
    return join_list([_spoken(f) for f in w.cues.features[:6]])


def _feature_ends(w: Wording) -> tuple[str, str]:
    feats = [_spoken(f) for f in w.cues.features[:6]]
    first = re.sub(r"^(?:a|an|the)\s+", "", feats[0], flags=re.I)
    last = re.sub(r"^(?:a|an)\s+", "the ", feats[-1], flags=re.I)
    return first, last


def pad_lines(w: Wording, kinds: list[str], scene_key: str) -> list[Line]:
    """Fact-free lines of the given pad kinds, cheapest first; a scarce video skips the generic fillers."""
    out: list[Line] = []
    fillers: list[str] = []
    for kind in kinds:
        for t in w.order(P.PADS.get(kind, []), f"pad:{kind}:{scene_key}"):
            s = w.fill(t)
            if not s:
                continue
            if s in P.FILLERS:
                if not w.scarce:
                    fillers.append(s)
                continue
            out.append(Line([s], take_cost=0.25 + 0.04 * len(out), key=f"pad:{s}"))
    for s in fillers:  # generic lines come last, and cost a little more
        out.append(Line([s], take_cost=0.4 + 0.04 * len(out), key=f"pad:{s}"))
    return out
