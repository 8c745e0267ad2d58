"""Memory per API key: what completed sessions established about a brand, and its recall for a new prompt.

Learned when a session's video completes (not in incognito mode): the brand the Reading found, and
what the brief itself said about it (web address, call to action, colours, tone) or chose (brand
kit, presenter, voice). Recalled when a new prompt names a remembered brand, or speaks of "our
brand": the facts travel in the request as a `Remembered` and fill only the blanks the new brief
leaves (agent/remembered.py), so the brief always wins.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from onetake.brief.models import Remembered
from onetake.service.db import now
from onetake.service.ids import new_id
from onetake.service.models import MemoryFact

KINDS = ("url", "cta", "colours", "tone", "avatar_id", "voice_id", "brand_kit_id")
# A prompt that speaks of its own organisation without naming it: the most recent brand is meant.
_OWN = re.compile(r"\b(?:our|my)\s+(?:own\s+|usual\s+)?(?:brand|company|business|studio|shop|store|firm|agency|organi[sz]ation|startup|"
                  r"restaurant|caf[eé]|bakery|clinic|practice|gym|school|salon|label|team)\b", re.I)


def facts_of(reading: dict, request: dict) -> tuple[str, dict] | None:
    """(brand, {kind: value}) a completed session established; None when it found no brand to file them under."""
    brand = (reading.get("brand") or "").strip()
    if not brand:
        return None
    cta = reading.get("cta") or {}
    directions = reading.get("directions") or {}
    facts = {
        "url": cta.get("url") or "",
        "cta": cta.get("text") or "",
        "colours": list(directions.get("colours") or []),
        "tone": list(directions.get("tone") or []),
        "avatar_id": request.get("avatar_id"),
        "voice_id": request.get("voice_id"),
        "brand_kit_id": request.get("brand_kit_id"),
    }
    return brand, {k: v for k, v in facts.items() if v}


def learn(s, key_id: str, session_id: str, reading: dict, request: dict) -> int:
    """File what the session established; a newer session's word replaces an older one's, and a fact it only
    repeated (recalled from memory, or said again) keeps its first source. Returns the facts written."""
    found = facts_of(reading, request)
    if found is None:
        return 0
    brand, facts = found
    brand_key = brand.casefold()
    existing = {f.kind: f for f in s.scalars(select(MemoryFact).where(MemoryFact.key_id == key_id, MemoryFact.brand_key == brand_key))}
    written = 0
    for kind, value in facts.items():
        fact = existing.get(kind)
        if fact is not None and fact.value == value:
            continue
        if fact is None:
            fact = MemoryFact(id=new_id("mem"), key_id=key_id, brand_key=brand_key, kind=kind, created_at=now())
            s.add(fact)
        fact.brand, fact.value, fact.source_session_id, fact.updated_at = brand, value, session_id, now()
        written += 1
    return written


def recall(s, key_id: str, prompt: str) -> tuple[Remembered, list[MemoryFact]] | None:
    """The remembered brand this prompt names (the longest name found wins), else the newest one when it says "our brand"."""
    rows = list(s.scalars(select(MemoryFact).where(MemoryFact.key_id == key_id)))
    if not rows:
        return None
    brands: dict[str, list[MemoryFact]] = {}
    for row in rows:
        brands.setdefault(row.brand_key, []).append(row)
    named = [b for b in brands if re.search(rf"(?<!\w){re.escape(b)}(?!\w)", prompt.casefold())]
    if named:
        chosen = max(named, key=len)
    elif _OWN.search(prompt):
        chosen = max(brands, key=lambda b: max(f.updated_at for f in brands[b]))
    else:
        return None
    facts = brands[chosen]
    values = {f.kind: f.value for f in facts}
    newest = max(facts, key=lambda f: f.updated_at)
    remembered = Remembered(brand=newest.brand, url=values.get("url") or "", cta=values.get("cta") or "",
                            colours=tuple(values.get("colours") or ()), tone=tuple(values.get("tone") or ()),
                            avatar_id=values.get("avatar_id"), voice_id=values.get("voice_id"), brand_kit_id=values.get("brand_kit_id"))
    return remembered, facts


def fact_view(fact: MemoryFact) -> dict:
    return {"id": fact.id, "brand": fact.brand, "kind": fact.kind, "value": fact.value, "source_session_id": fact.source_session_id,
            "created_at": fact.created_at, "updated_at": fact.updated_at}
