"""The values a phrase template's placeholders take, worked out once from a brief's cues.

See phrases.py for the placeholders; a slot left None makes every template using it unusable.
"""

from __future__ import annotations

import re

from .cue_models import Cues
from .lexicon import NON_NOUNS, THE_NOUNS
from .text import capitalize_first

_ACTIVITY_RE = re.compile(
    r"\b((?:[a-z]+\s+)?(?:management|planning|tracking|scheduling|accounting|budgeting|editing|"
    r"design|marketing|hiring|booking|invoicing|note-taking|reporting|collaboration))\s+"
    r"(?:app|platform|tool|software|suite|system)\b")


def template_slots(c: Cues) -> dict[str, str | None]:
    brand = c.brand
    the_brand = None
    if brand:
        last = brand.split()[-1].lower()
        the_brand = f"the {brand}" if last in THE_NOUNS and not brand.lower().startswith("the ") else brand
    subject = _comma_participle(c.subject) if c.subject else None
    our_subject = None
    if subject:
        if re.match(r"^(?:a|an)\s+", subject, re.I) and (c.presenter.company_voice or not brand):
            our_subject = re.sub(r"^(?:a|an)\s+", "our ", subject, flags=re.I)
        elif re.match(r"^(?:a|an)\s+", subject, re.I):
            our_subject = re.sub(r"^(?:a|an)\s+", "the ", subject, flags=re.I)
        else:
            our_subject = subject
    company = None
    if c.company:
        company = re.sub(r"^(?:a|an)\s+", "our ", c.company, flags=re.I)
    role = c.presenter.role
    it = brand or "it"
    activity = None
    if subject and c.domain == "software":
        am = _ACTIVITY_RE.search(subject)
        if am:
            words_ = am.group(1).split()
            if len(words_) == 2 and (words_[0] in NON_NOUNS or words_[0] in ("new", "our", "the", "a", "an")):
                words_ = words_[1:]
            activity = capitalize_first(" ".join(words_))
    return {
        "Activity": activity,
        "Our_subject_cap": capitalize_first(our_subject) if our_subject else None,
        "brand": brand,
        "the_brand": the_brand,
        "Brand_or_it": capitalize_first(brand or "it"),
        "brand_or_it": brand or "it",
        "brand_or_us": brand or "us",
        "the_brand_or_us": the_brand,
        "subject": subject,
        "our_subject": our_subject,
        "our_subject_or_it": our_subject or brand or "it",
        "Audience_cap": capitalize_first(c.audience) if c.audience else None,
        "company": company,
        "it": it,
        "It_cap": capitalize_first(it),
        "audience": c.audience,
        "description": c.description,
        "benefit": c.benefit,
        "role": role,
        "role_lower": role if role and role.isupper() else (role.lower() if role else None),
        "name": c.presenter.name,
    }


def _comma_participle(np: str) -> str:
    """'a lamp inspired by origami' -> 'a lamp, inspired by origami' (reads as an aside when spoken)."""
    return re.sub(r"(?<!,)\s+(inspired|crafted|made|designed|built|created|handmade|powered)\s+(by|from|with|for|in)\b", r", \1 \2", np)
