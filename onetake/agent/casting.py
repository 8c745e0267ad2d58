"""Casting: which presenter appears and which voice speaks.

Explicit choices always win. Otherwise the presenter is matched to the
brief's description of its host (gender, age, role) and the voice follows
the presenter.
"""

from __future__ import annotations

import hashlib
import re

from pydantic import BaseModel

from onetake.avatar.catalogue import PresenterInfo, get_presenter, list_presenters
from onetake.errors import InvalidInput
from onetake.voice.catalogue import get_voice, list_voices


class Cast(BaseModel):
    presenter_id: str
    voice_id: str
    notes: list[str] = []  # what was decided and why, for the user and the session log


_FEMALE = re.compile(r"\b(she|her|woman|women|female|lady|girl|mother|mom|grandmother|actress|hostess|businesswoman|saleswoman|spokeswoman)\b", re.I)
_MALE = re.compile(r"\b(he|him|his|man|men|male|guy|gentleman|boy|father|dad|grandfather|actor|businessman|salesman|spokesman)\b", re.I)
_SENIOR = re.compile(r"\b(older|old|senior|elderly|grey-haired|gray-haired|retired|veteran|grandmother|grandfather|grandpa|grandma)\b", re.I)
_YOUNG = re.compile(r"\b(young|youthful|student|teen|teenage|gen z|college)\b", re.I)
_ROLE_STYLES = {
    "business": re.compile(r"\b(ceo|cto|cfo|coo|founder|executive|director|manager|banker|lawyer|consultant|corporate|professional)\b", re.I),
    "lab coat": re.compile(r"\b(doctor|dentist|nurse|scientist|researcher|physician|pharmacist|clinic|lab)\b", re.I),
    "casual": re.compile(r"\b(casual|creator|influencer|friendly|streamer|vlogger|barista|chef)\b", re.I),
    "education": re.compile(r"\b(teacher|professor|tutor|trainer|educator|lecturer)\b", re.I),
}
# A given name says a gender for ids like "Judy_ConfidentSpeaking_Front_public" from existing clients.
_GIVEN_NAMES = {
    "female": {"judy", "anna", "sarah", "maria", "emma", "olivia", "sophia", "lily", "kristin", "abigail", "amy", "susan", "monica", "vanessa", "wendy", "rachel", "katie", "emily", "grace", "chloe", "leah", "anya", "mia", "nina"},
    "male": {"josh", "tyler", "eric", "edward", "wayne", "tyler", "daniel", "brandon", "justin", "joon", "adrian", "aditya", "leon", "mark", "tony", "jeff", "kayden", "shawn", "harrison", "santa", "john", "james", "david", "michael", "oliver"},
}


def cast(hint: str, avatar_id: str | None, voice_id: str | None, variety: str = "", language: str = "en") -> Cast:
    """`variety` (e.g. the prompt and seed) picks among equally fitting presenters, so
    briefs that say nothing about their host do not all get the same face."""
    notes: list[str] = []
    if avatar_id:
        presenter = resolve_avatar_id(avatar_id, notes)
    else:
        presenter = match_presenter(hint, variety)
        described = " to fit the brief's description of its host" if _has_cues(hint) else ""
        notes.append(f"Presenter: {presenter.name} ({presenter.id}){described}.")
    if voice_id:
        try:
            voice = get_voice(voice_id)
        except KeyError:
            raise InvalidInput("voice", f"unknown voice id '{voice_id}'; `onetake voices` lists the {len(list_voices())} valid ids") from None
    else:
        voice = get_voice(presenter.default_voice_id)
        if not voice.language.lower().startswith(language.lower()):  # the narration's language wins
            speakers = [v for v in list_voices() if v.language.lower().startswith(language.lower())]
            voice = next((v for v in speakers if v.gender == voice.gender), speakers[0]) if speakers else voice
    return Cast(presenter_id=presenter.id, voice_id=voice.id, notes=notes)


def resolve_avatar_id(avatar_id: str, notes: list[str]) -> PresenterInfo:
    try:
        return get_presenter(avatar_id)
    except KeyError:
        pass
    if "_public" in avatar_id.lower():
        given = re.split(r"[_\-\s]", avatar_id)[0].lower()
        gender = next((g for g, names in _GIVEN_NAMES.items() if given in names), None)
        presenter = match_presenter(f"{gender or ''} {avatar_id.replace('_', ' ')}")
        notes.append(f"Avatar '{avatar_id}' is not in this catalogue; used the closest stock presenter, {presenter.name} ({presenter.id}).")
        return presenter
    valid = ", ".join(p.id for p in list_presenters())
    raise InvalidInput("avatar", f"unknown avatar id '{avatar_id}'; valid ids: {valid}")


def match_presenter(hint: str, variety: str = "") -> PresenterInfo:
    """Score every presenter against the cues in `hint`; ties go to a stable hash of `variety`."""
    gender = _gender_of(hint)
    age = "senior" if _SENIOR.search(hint) else "young" if _YOUNG.search(hint) else None
    styles = {style for style, pattern in _ROLE_STYLES.items() if pattern.search(hint)}

    def score(p: PresenterInfo) -> float:
        s = 0.0
        if gender:
            s += 4 if p.gender == gender else -4
        if age:
            s += 2 if p.age_group == age else 0
        s += sum(1.5 for style in styles if style in p.style)
        if "lab coat" in p.style and "lab coat" not in styles:
            s -= 1  # a lab coat says "medicine or science": only when the brief does
        return s

    def tie_break(p: PresenterInfo) -> int:
        return int(hashlib.sha1(f"{variety}/{p.id}".encode()).hexdigest()[:8], 16) if variety else 0

    return max(list_presenters(), key=lambda p: (score(p), tie_break(p)))


def _has_cues(hint: str) -> bool:
    return bool(_gender_of(hint) or _SENIOR.search(hint) or _YOUNG.search(hint) or any(p.search(hint) for p in _ROLE_STYLES.values()))


def _gender_of(hint: str) -> str | None:
    female, male = len(_FEMALE.findall(hint)), len(_MALE.findall(hint))
    for word in re.findall(r"[A-Za-z]+", hint):
        for gender, names in _GIVEN_NAMES.items():
            if word.lower() in names and word[0].isupper():
                (female, male) = (female + 2, male) if gender == "female" else (female, male + 2)
    if female == male:
        return None
    return "female" if female > male else "male"
