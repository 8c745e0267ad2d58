"""Facts read from the prompt: duration, orientation, brand, subject, presenter, CTA, quotes...

Everything here is a pure function of the prompt text. Scene structure is read
separately (structure.py) because it needs these facts. The finders live by concern in
frame_cues, names, subject, people and claims; this module assembles them.
"""

from __future__ import annotations

from .claims import _AVATAR_IMAGE_RE, _FINITE_RE, _KIND_RE, find_cta, find_domain, find_facts, find_setting, find_tones, find_when
from .cue_models import CtaCue, Cues, Presenter, Quote
from .frame_cues import parse_duration, parse_orientation
from .lexicon import GENERIC_AUDIENCE_RE
from .names import find_brand, find_quotes
from onetake.agent.reading.palette import extract_colours
from .people import find_presenter
from .subject import find_audience, find_company, find_description, find_features, find_subject
from .text import normalize, split_sentences


def extract(prompt: str) -> Cues:
    text = normalize(prompt)
    sentences = split_sentences(text)
    cues = Cues(text=text, sentences=sentences)
    cues.duration = parse_duration(text)
    cues.orientation = parse_orientation(text)
    cues.quotes = find_quotes(text)
    cues.brand = find_brand(text, cues.quotes)
    for q in cues.quotes:
        if cues.brand and q.text == cues.brand:
            q.kind = "name"
    cues.subject = find_subject(text, cues.brand)
    cues.company = find_company(text)
    cues.description, cues.benefit = find_description(text, cues.brand)
    cues.audience = find_audience(text)
    if cues.audience and GENERIC_AUDIENCE_RE.match(cues.audience):
        cues.audience = None
    cues.features, cues.feature_head = find_features(text)
    cues.presenter = find_presenter(text)
    cues.tones, cues.tone = find_tones(text)
    cues.colours, cues.colour_mode = extract_colours(text, sentences)
    cues.cta = find_cta(text, cues.quotes)
    cues.avatar_image = bool(_AVATAR_IMAGE_RE.search(text))
    cues.setting = find_setting(text)
    km = _KIND_RE.search(text[:sentences[0][1]] if sentences else text)
    cues.kind = km.group(1).lower() if km else None
    cues.domain = find_domain(cues.subject, cues.description, cues.brand, cues.company, text)
    cues.facts = find_facts(text, sentences, cues.brand)
    when = find_when(text)
    if when and not any(when.split(": ", 1)[1].split(",")[0] in f for f in cues.facts):
        cues.facts.insert(0, when)
    if not cues.tone:
        cues.tone = "confident" if cues.domain in ("software", "device") else "warm"
    return cues


__all__ = ["CtaCue", "Cues", "Presenter", "Quote", "extract", "parse_duration", "parse_orientation", "_FINITE_RE"]
