"""The opening scene's lines: an opener, who is speaking, and what the video is about."""

from __future__ import annotations

import re

from . import phrases as P
from .fact_lines import feature_list
from .lexicon import DEMO_KINDS
from .line_fit import Line
from .scene_spec import SceneSpec
from .text import as_sentence
from .wording import Wording


def hook_lines(w: Wording, sp: SceneSpec, key: str, features_assigned: bool) -> list[Line]:
    """`features_assigned`: the scene was also given the features line (a short video can name
    the brand, what it is and what it has in one sentence)."""
    c, s = w.cues, w.slots
    out: list[Line] = []
    p = c.presenter
    opener_pool = P.WEATHER_OPENERS if c.domain == "weather" else P.OPENERS.get(c.tone, P.OPENERS["warm"])
    welcome = bool(sp.statement and re.match(r"^welcome\b", sp.statement, re.I))
    if not sp.scripts and not welcome:
        out.append(Line(w.variants(opener_pool, key + ":open"), skip_cost=0.4, key="opener"))
    if welcome:
        out.append(Line([as_sentence(sp.statement)], essential=True))
    if sp.shots:
        out.append(Line(w.variants(P.SHOTS_ONE, key + ":sh", list=sp.shots[0]), skip_cost=1.0, key=f"shots:{sp.shots[0].lower()}"))
    if s["company"] and not c.brand:
        out.append(Line(w.variants(P.COMPANY_WELCOME, key + ":co"), skip_cost=1.0, key="fact:company"))
    intro: list[str] = []
    intro_key = "intro"
    person: list[str] = []
    if p.name:
        if p.role and c.brand and p.company_voice:
            person = w.variants(P.NAME_ROLE_BRAND, key + ":nm")
        elif p.role and p.company_voice:
            person = w.variants(P.NAME_ROLE_COMPANY, key + ":nm")
        elif p.role and p.specific and p.role.lower() not in ("host", "presenter"):
            person = w.variants(P.NAME_ROLE, key + ":nm")
        else:
            person = w.variants(P.NAME_ONLY, key + ":nm")
    elif p.role and p.company_voice and s["our_subject"] and not c.brand:
        intro = w.variants(P.ROLE_COMPANY, key + ":rc")
    elif p.role and p.specific and not p.company_voice:
        person = w.variants(P.ROLE_SERVICE, key + ":rs", role=s["role_lower"])
    if person:
        out.append(Line(person, essential=True))
    if not intro:
        if c.domain == "weather" and s["subject"]:
            intro = w.variants(P.INTRO_WEATHER, key + ":in")
        elif c.brand and c.domain == "venue":
            intro = w.variants(P.INTRO_VENUE, key + ":in")
        elif c.brand and s["subject"]:
            intro = w.variants(P.INTRO_BRAND_SUBJECT, key + ":in")
        elif c.brand and c.description and features_assigned and not sp.scripts:
            # short video: say what it is and what it has in one line
            intro = [t for t in (w.fill(x, subject=c.description, list=feature_list(w)) for x in P.INTRO_BRAND_FEATURES) if t]
            intro_key = "fact:features"
            if key != "s-1":
                w.used.add("fact:description")
        elif c.brand and c.description:
            intro = w.variants(P.INTRO_BRAND_SUBJECT, key + ":in", subject=c.description)
            if key != "s-1":
                w.used.add("fact:description")
        elif c.brand:
            intro = w.variants(P.INTRO_BRAND, key + ":in")
        elif s["our_subject"] and c.kind in DEMO_KINDS:
            intro = w.variants(P.INTRO_TOUR, key + ":in")
        elif c.subject and not c.brand and not re.match(r"(?:a|an|the|our|my|this|today's)\s", c.subject, re.I) \
                and c.kind in ("explainer", "tutorial", "how-to", None):
            intro = w.variants(P.INTRO_TOPIC, key + ":in")
        elif s["our_subject"] and p.company_voice:
            intro = w.variants(P.INTRO_COMPANY_VOICE, key + ":in")
        elif s["our_subject"]:
            intro = w.variants(P.INTRO_SUBJECT, key + ":in")
        elif not s["company"] and not person and not sp.statement:
            intro = w.variants(P.INTRO_NOTHING, key + ":in")
    named = bool(c.brand) and any(c.brand in v for ln in out for v in ln.variants)
    if intro and not (named and (welcome or not (s["subject"] or c.description))):
        out.append(Line(intro, essential=not (welcome or sp.scripts or named), skip_cost=0.3 if named else 1.0, key=intro_key))
    if sp.statement and not welcome:
        out.append(Line([as_sentence(sp.statement)], essential=True, key=f"said:{sp.statement.lower()}"))
    return out
