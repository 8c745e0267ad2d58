"""The call to action: the closing scene's lines, and the wording the end card shows."""

from __future__ import annotations

import re

from . import phrases as P
from .fact_lines import pad_lines
from .line_fit import Line
from .scene_spec import SceneSpec
from .text import as_sentence, capitalize_first
from .wording import Wording

_WELCOMING_DOMAINS = ("venue", "subscription", "care", "food", "education")  # places whose close welcomes the viewer in


def cta_core(w: Wording, key: str = "cta") -> list[str]:
    """Wordings of the call to action, preferred first."""
    c = w.cues
    if c.cta.verbatim:
        return [as_sentence(c.cta.verbatim)]
    if c.cta.action:
        action = c.cta.action
        pool = list(P.CTA_ACTION)
        if re.search(r"\b(?:today|now|tonight)\b", action, re.I):
            pool = [t for t in pool if "today" not in t]
        return w.variants(pool, key, action=action, Action=capitalize_first(action))
    pool = P.CTA_DEFAULT.get(c.domain, P.CTA_DEFAULT["general"])
    return w.variants(pool, key) or w.variants(P.CTA_DEFAULT["general"], key)


def cta_lines(w: Wording, sp: SceneSpec, key: str) -> list[Line]:
    c = w.cues
    out: list[Line] = []
    if c.domain == "weather":
        out.append(Line(w.variants(P.CTA_PRE_WEATHER, key + ":pre"), skip_cost=1.5))
    core = cta_core(w)
    if not c.cta.action:
        core = core[:1]  # the end card shows this exact line
    out.append(Line(core, essential=True, verbatim=bool(c.cta.verbatim)))
    if sp.family or (c.audience and re.search(r"\bfamil", c.audience, re.I) and c.domain == "venue"):
        out.append(Line(w.variants(P.CTA_FAMILY, key + ":fam"), skip_cost=2.5))
    if c.domain == "weather":
        out += pad_lines(w, ["weather_cta"], key)
        return out
    closers = w.variants(P.CTA_CLOSERS.get(c.tone, P.CTA_CLOSERS["warm"]), key + ":close")
    if c.domain in _WELCOMING_DOMAINS:
        closers = w.variants(P.CTA_WELCOME, key + ":wel") + closers
    closers = [v for v in closers if v not in P.FILLERS] + ([] if w.scarce else [v for v in closers if v in P.FILLERS])
    out.append(Line(closers, skip_cost=0.5))
    out += pad_lines(w, ["cta"], key)
    return out


def cta_text(w: Wording) -> str:
    """The call to action as the end card shows it (no 'Ready?' or 'today')."""
    c = w.cues
    if c.cta.verbatim:
        return c.cta.verbatim.strip().rstrip(".")
    if c.cta.action:
        return capitalize_first(c.cta.action)
    return cta_core(w)[0].rstrip(".!")
