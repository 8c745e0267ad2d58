"""Last pass over the scene list: layouts, headlines, B-roll queries, media and lower thirds."""

from __future__ import annotations

import re

from onetake.agent.storyboard import Layout, LowerThird, SceneRole

from .cues import Cues
from .scene_spec import SceneSpec
from .text import headline, is_steps, noun_query, split_list, strip_article, title_case


_ELAB_HEADLINES = {
    "who": "Who It's For", "day": "Part of Your Day", "why": "Why It Matters", "closer": "A Closer Look",
    "start": "Getting Started", "expect": "What to Expect", "feel": "How It Feels", "recap": "In Short",
    "simple": "Keeping It Simple", "moment": "The Small Moments", "care": "What Goes Into It", "look": "Take Your Time",
}


# --- layouts, headlines, queries, media ---------------------------------------------------------

def _noun_head(phrase: str) -> str:
    """'records sliding from sleeves' -> 'records'; 'towering folded-paper planets' -> 'folded-paper planets'."""
    toks = strip_article(phrase).split()
    cut = len(toks)
    for i, t in enumerate(toks):
        low = t.lower().strip(",.")
        if i > 0 and (low.endswith("ing") or low in ("on", "in", "at", "from", "with", "of", "for", "into", "across")):
            cut = i
            break
    return " ".join(toks[:cut][-2:])


def _list_headline(phrases: list[str]) -> str:
    heads: list[str] = []
    for p in phrases:
        for it in split_list(p):
            h = _noun_head(it)
            if h and h.lower() not in (x.lower() for x in heads):
                heads.append(h)
    if len(heads) >= 2 and len(heads[0].split()) + len(heads[1].split()) <= 5:
        return title_case(f"{heads[0]} & {heads[1]}")
    return headline(phrases[0]) if phrases else ""


def finish(specs: list[SceneSpec], cues: Cues, image_indexes: list[int], cta_text: str | None) -> None:
    """Layouts, headlines, visual queries, media and the lower third, in place."""
    broll_ids = [i for i, s in enumerate(specs) if s.role in (SceneRole.broll, SceneRole.montage)]
    media_for: dict[int, list[int]] = {}
    if image_indexes and broll_ids:
        m, k = len(image_indexes), len(broll_ids)
        if m >= k:
            for j, sid in enumerate(broll_ids):
                media_for[sid] = image_indexes[j * m // k:(j + 1) * m // k]
        else:
            for j in range(m):
                media_for[broll_ids[round(j * (k - 1) / max(1, m - 1)) if m > 1 else 0]] = [image_indexes[j]]
    brand = cues.brand
    prev: Layout | None = None
    for i, sp in enumerate(specs):
        role = sp.role
        if role is SceneRole.hook:
            layout = Layout.presenter_full
        elif role is SceneRole.cta:
            layout = Layout.end_card
        elif role is SceneRole.bullets:
            layout = Layout.bullets
        elif role in (SceneRole.broll, SceneRole.montage):
            if i in media_for:
                sp.media = media_for[i]
                layout = Layout.broll
            else:
                layout = Layout.title_card if prev is not Layout.title_card else Layout.presenter_panel
        elif sp.elaborate == "feature":
            layout = Layout.title_card if prev is not Layout.title_card else Layout.presenter_panel
        else:
            layout = Layout.presenter_panel if prev is not Layout.presenter_panel else Layout.presenter_full
        if layout is prev and layout is Layout.presenter_full and role is not SceneRole.hook:
            layout = Layout.presenter_panel
        sp.layout = layout
        prev = layout
        sp.headline = _headline_for(sp, cues, cta_text)
        n_words = len(sp.headline.split())
        if (i > 0 and sp.headline == specs[i - 1].headline) or not 2 <= n_words <= 6:
            sp.headline = _FALLBACK_HEADLINES.get(role, "Take a Closer Look")
            if role is SceneRole.hook and cues.brand:
                sp.headline = headline(f"Meet {cues.brand}", max_words=6)
            if i > 0 and sp.headline == specs[i - 1].headline:
                sp.headline = "Take a Closer Look" if sp.headline != "Take a Closer Look" else "In Detail"
        sp.visual_query = _query_for(sp, cues)
    # lower third on the first scene that shows the presenter
    p = cues.presenter
    if p.specific:
        for sp in specs:
            if sp.layout in (Layout.presenter_full, Layout.presenter_panel):
                if p.name:
                    title = p.role or ""
                    if brand and p.company_voice:
                        title = f"{title}, {brand}" if title else brand
                    sp.lower_third = LowerThird(name=p.name, title=title)
                else:  # a role but no name: casting fills in the presenter's own name
                    title = ", ".join(part for part in (p.role, brand) if part)
                    sp.lower_third = LowerThird(name="", title=title)
                break


_FALLBACK_HEADLINES = {
    SceneRole.hook: "Welcome In", SceneRole.quote: "In Their Words", SceneRole.stat: "By the Numbers",
    SceneRole.problem: "The Challenge",
    SceneRole.presenter: "Take a Closer Look", SceneRole.solution: "How It Helps",
    SceneRole.broll: "In Detail", SceneRole.montage: "In Detail", SceneRole.bullets: "At a Glance",
    SceneRole.cta: "Get in Touch",
}


def _headline_for(sp: SceneSpec, cues: Cues, cta_text: str | None) -> str:
    brand = cues.brand
    subj = cues.subject or cues.description or cues.company or ""
    role = sp.role
    if sp.elaborate == "feature" and sp.feature:
        return title_case(sp.feature) if len(sp.feature.split()) >= 2 else title_case(f"{sp.feature} in Focus")
    if sp.elaborate == "audience" and cues.audience:
        h = title_case(f"Made for {cues.audience}")
        return h if len(h.split()) <= 6 else "Who It's For"
    if sp.elaborate in _ELAB_HEADLINES:
        return _ELAB_HEADLINES[sp.elaborate]
    if role is SceneRole.hook:
        if brand:
            return brand if len(brand.split()) >= 2 else f"Meet {brand}"
        if subj:  # "our app" alone is one word on screen: "Meet Our App", not "App Welcome In"
            h = headline(subj)
            return h if len(h.split()) >= 2 else headline(f"Meet {subj}", min_words=1)
        return "Welcome In"
    if role is SceneRole.cta:
        if cta_text:
            first = re.split(r"\s+(?:and|to see|so|then)\s+|,\s*|[.!?](?:\s|$)", cta_text)[0]
            for cand in (first, cta_text):
                h = headline(cand, max_words=6)
                if 2 <= len(h.split()) <= 6:
                    return h
        return f"Discover {brand}" if brand else "Get in Touch"
    if role is SceneRole.bullets:
        if is_steps(sp.bullets):
            return "Step by Step"
        if sp.bullet_head:
            return title_case(sp.bullet_head)
        return f"Why {brand}" if brand and len(brand.split()) <= 5 else "At a Glance"
    if role in (SceneRole.broll, SceneRole.montage):
        if role is SceneRole.montage and sp.message:
            return headline(sp.message)
        if sp.shots:
            return _list_headline(sp.shots)
        return headline(subj or brand or "", fallback="In Detail")
    if sp.statement:
        return headline(sp.statement, fallback=brand or "")
    if sp.topic:
        if re.search(r"\b(?:product\s+)?benefits?\b|\bhow it works\b|\bfeatures?\b", sp.topic, re.I) and (cues.description or cues.benefit):
            return headline(cues.description or cues.benefit or "")
        return headline(sp.topic, fallback=brand or "")
    if cues.description:
        return headline(cues.description)
    if cues.benefit:
        return headline(cues.benefit)
    if subj:
        return headline(subj, fallback=brand or "")
    return brand if brand and len(brand.split()) >= 2 else "Take a Closer Look"


def _query_for(sp: SceneSpec, cues: Cues) -> str:
    subj = " ".join(x for x in (cues.subject, cues.description) if x)
    if sp.role in (SceneRole.broll, SceneRole.montage) and sp.shots:
        return noun_query(" ".join(sp.shots))
    if sp.elaborate == "feature" and sp.feature:
        q = noun_query(" ".join(x for x in (sp.feature, cues.subject or cues.description or cues.brand) if x))
        if q:
            return q
    if sp.role is SceneRole.bullets and sp.bullets:
        return noun_query(" ".join(sp.bullets))
    if sp.role is SceneRole.hook:
        return noun_query(" ".join(x for x in (cues.setting, subj) if x)) or noun_query(cues.brand or "")
    if sp.topic or sp.statement:
        q = noun_query(sp.topic or sp.statement or "")
        if q:
            return q
    return noun_query(subj or cues.brand or cues.setting or "") or "presenter studio"
