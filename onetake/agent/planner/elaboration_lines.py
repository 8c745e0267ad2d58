"""An elaboration scene's lines (structure.elaboration_specs): a line naming its point (a
feature, a recap, a theme such as "why" or "start"), then optional generic lines about it."""

from __future__ import annotations

from . import phrases as P
from .lexicon import PRODUCTION_RE
from .line_fit import Line
from .scene_spec import SceneSpec
from .text import capitalize_first, join_list
from .wording import Wording

# theme -> (the lines that open the scene, the lines that may follow)
_THEME_POOLS = {
    "audience": (P.AUDIENCE_FIRST, P.AUDIENCE_ELABORATE), "who": (P.WHO_FIRST, P.WHO_ELABORATE),
    "day": (P.DAY_FIRST, P.DAY_ELABORATE), "why": (P.WHY_FIRST, P.WHY_ELABORATE),
    "closer": (P.CLOSER_FIRST, P.CLOSER_ELABORATE), "start": (P.START_FIRST, P.START_ELABORATE),
    "expect": (P.EXPECT_FIRST, P.EXPECT_ELABORATE), "feel": (P.FEEL_FIRST, P.FEEL_ELABORATE),
    "recap": (P.RECAP_FIRST, P.RECAP_ELABORATE),
    "simple": (P.SIMPLE_FIRST, P.SIMPLE_ELABORATE), "moment": (P.MOMENT_FIRST, P.MOMENT_ELABORATE),
    "care": (P.CARE_FIRST, P.CARE_ELABORATE), "look": (P.LOOK_FIRST, P.LOOK_ELABORATE),
}


def _mid_sentence(phrase: str) -> str:
    """'Offline sync' -> 'offline sync'; a name with capitals inside ('AI search', 'iPhone') is kept."""
    return phrase if any(ch.isupper() for ch in phrase[1:]) else phrase.lower()


def elaboration_lines(w: Wording, sp: SceneSpec, key: str) -> list[Line]:
    """The opening line is essential; the generic ones (each said at most once a video) are
    taken as the word budget needs."""
    extra: dict[str, str | None] = {}
    if sp.elaborate == "feature" and sp.feature:
        f = sp.feature
        low = f.lower()
        spoken = _mid_sentence(f)
        extra = {"feature": spoken, "Feature_cap": capitalize_first(spoken)}
        first = {"first": P.FEATURE_FIRST, "last": P.FEATURE_LAST}.get(sp.feature_pos, P.FEATURE_NEXT)
        hints = [h for stem, hs in P.FEATURE_HINTS.items() if stem in low for h in hs]
        body = hints + w.order(P.FEATURE_ELABORATE, key + ":fe")
    elif sp.elaborate == "recap":
        extra = {"list": join_list([_mid_sentence(b) for b in sp.bullets])}
        first, body = P.RECAP_FIRST, w.order(P.RECAP_ELABORATE, key + ":re")
    else:
        first, rest = _THEME_POOLS.get(sp.elaborate or "", (P.CLOSER_FIRST, P.CLOSER_ELABORATE))
        body = w.order(rest, key + ":el")
    out: list[Line] = []
    v = w.variants(first, key + ":first", **extra)
    if v:
        out.append(Line(v, essential=True, key=f"elab-first:{sp.elaborate}:{sp.feature or ''}"))
    for j, t in enumerate(body):
        text = w.fill(t, **extra)
        if text and not PRODUCTION_RE.search(text):
            out.append(Line([text], skip_cost=0.3, take_cost=0.02 * j, key="elab:" + text.lower()))
    return out
