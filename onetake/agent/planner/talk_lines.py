"""A talking scene's lines: its statement or topic, or, for a brief with few facts, what the
kind of video asks for (generic steps, nothing invented)."""

from __future__ import annotations

import re

from onetake.agent.storyboard import SceneRole

from . import phrases as P
from .claims import _FINITE_RE
from .fact_lines import fact_lines
from .lexicon import PRODUCTION_RE, TOUR_KINDS
from .line_fit import Line
from .scene_spec import SceneSpec
from .text import as_sentence, squash
from .wording import Wording


def talk_lines(w: Wording, sp: SceneSpec, key: str) -> list[Line]:
    out: list[Line] = []
    if sp.role is SceneRole.quote and not sp.scripts:
        out.append(Line(w.variants(P.QUOTE_LEAD, key + ":q"), essential=True, key="quote-lead"))
        return out
    if not sp.statement and not sp.topic and not sp.scripts:
        c = w.cues
        if c.domain != "weather" and not (c.benefit or c.description or c.facts or c.features):
            genre = genre_lines(w, key)
            v = w.variants(P.SUBJECT_RESTATE, key + ":rs")
            if v and not genre:
                out.append(Line(v, skip_cost=2.0, key="restate"))
            v = w.variants(P.ACTIVITY, key + ":act")
            if v:
                out.append(Line(v, skip_cost=1.5, key="activity"))
            out += genre
        elif c.domain == "weather":
            v = w.variants(P.WEATHER_SHAPE, key + ":ws")
            if v:
                out.append(Line(v, skip_cost=1.2, key="genre:weather"))
    if sp.statement:
        out.append(Line([as_sentence(sp.statement)], essential=True, key=f"said:{sp.statement.lower()}"))
    elif sp.topic:
        if re.search(r"\b(?:benefits?|how it works|features?|what it does)\b", sp.topic, re.I) and (w.cues.benefit or w.cues.description):
            facts = fact_lines(w)
            for name in ("description", "benefit"):
                ln = facts.get(name)
                if ln and ln.key not in w.used:
                    ln.essential = name == "benefit" or not w.cues.benefit
                    if name == "benefit" and "description" in facts:
                        ln.variants = w.variants(P.BENEFIT, key + ":bn", It_cap="It", brand_or_it="it")
                    out.append(ln)
        else:
            v = topic_variants(w, sp.topic, key + ":t")
            if v:
                out.append(Line(v, essential=True, key=f"topic:{sp.topic.lower()}"))
    return out


def topic_variants(w: Wording, topic: str, key: str) -> list[str]:
    """Wordings of a line about `topic`; none for a production note ("close-ups of the lamp")."""
    c = w.cues
    topic = squash(topic).strip(" .")
    if not topic or PRODUCTION_RE.search(topic):
        return []
    if re.match(r"^(?:how|why|what|where|when)\b", topic, re.I):
        return w.variants(P.TOPIC_HOW, key, how=topic)
    appositive = re.match(rf"^({re.escape(c.brand)}),\s+((?:a|an|the)\s+.+)$", topic) if c.brand else None
    if appositive:  # "Orbit Notes, the note app that links ideas" is a name and what it is: say it as a sentence
        return [f"{appositive.group(1)} is {appositive.group(2)}."]
    if _FINITE_RE.search(topic) and re.match(r"^(?:we|our|it|you|they|this|these|the|[A-Z])", topic):
        return [as_sentence(topic)]
    pool = P.TOPIC_VENUE if c.domain == "venue" else P.TOPIC
    return w.variants(pool, key, np=topic)


def genre_lines(w: Wording, key: str) -> list[Line]:
    """Lines shaped by the kind of video asked for (walkthrough, explainer), for a brief
    with no facts: generic steps, nothing invented. Said once a video."""
    c = w.cues
    out: list[Line] = []
    if c.kind in TOUR_KINDS:
        v = w.variants(P.HOW_IT_WORKS, key + ":how")
        if v:
            out.append(Line(v, skip_cost=1.8, key="genre:how"))
        for j, t in enumerate(P.WALKTHROUGH_STEPS):
            text = w.fill(t)
            if text:
                out.append(Line([text], skip_cost=1.1 - 0.1 * j, key="genre:" + text.lower()))
    elif c.kind == "explainer":
        for j, t in enumerate(P.EXPLAINER):
            out.append(Line([t], skip_cost=1.1 - 0.1 * j, key="genre:" + t.lower()))
    return out
