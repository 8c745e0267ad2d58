"""Casting: which presenter appears and which voice speaks.

Explicit choices always win. Otherwise the presenter is matched to the
brief's description of its host (gender, age, role) and the voice follows
the presenter.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pydantic import BaseModel

from onetake.avatar.catalogue import PresenterInfo, get_presenter, list_presenters
from onetake.avatar.photo.model import PhotoAvatar
from onetake.errors import InvalidInput
from onetake.voice.catalogue import default_voice_for, get_voice, list_voices


class Cast(BaseModel):
    presenter_id: str
    voice_id: str
    notes: list[str] = []  # what was decided and why, for the user and the session log
    photo: PhotoAvatar | None = None  # set when a photo avatar presents (presenter_id is then its id)

    @property
    def presenter_name(self) -> str:
        if self.photo is not None:
            return self.photo.name
        return get_presenter(self.presenter_id).name


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
    "female": {"judy", "anna", "sarah", "maria", "emma", "olivia", "sophia", "lily", "kristin", "abigail", "amy", "susan", "monica", "vanessa", "wendy", "rachel", "katie", "emily", "grace", "chloe", "leah", "anya", "mia", "nina",
               "adriana", "amelia", "annie", "ava", "bella", "brittany", "caroline", "daisy", "diana", "elena", "elizabeth", "ella", "esther", "fiona", "hannah", "helen", "isabella", "jasmine", "jennifer", "jessica", "jocelyn", "julia", "karen", "kate", "laura", "lina", "linda", "lisa", "lucy", "marianne", "mary", "megan", "mei", "michelle", "naomi", "natalie", "priya", "rika", "rose", "ruby", "sandra", "silvia", "sofia", "stella", "tina", "valeria", "victoria", "yara", "zoe", "margaret", "amara", "aisha", "fatima", "keiko", "yuki", "camila", "lucia", "ana"},
    "male": {"josh", "tyler", "eric", "edward", "wayne", "daniel", "brandon", "justin", "joon", "adrian", "aditya", "leon", "mark", "tony", "jeff", "kayden", "shawn", "harrison", "santa", "john", "james", "david", "michael", "oliver",
             "aaron", "ahmed", "alex", "andrew", "anthony", "ben", "bob", "brian", "carlos", "chris", "connor", "dean", "derek", "ethan", "felix", "frank", "gabriel", "george", "henry", "hiro", "ivan", "jack", "jacob", "jason", "jin", "jorge", "kevin", "kenji", "liam", "lucas", "luis", "marco", "marcus", "matt", "max", "mike", "noah", "omar", "oscar", "paul", "peter", "raj", "ryan", "sam", "scott", "steve", "thomas", "tom", "victor", "william", "yusuf", "mohammed", "rahul", "diego"},
}

# Names that are also everyday words or brands ("Max Fitness", "Ruby's Bakery"): they tell the gender of
# a reference-service id ("Daisy-inskirt-20220818"), not of a brief's host.
_ALSO_WORDS = {"max", "rose", "ruby", "daisy", "frank", "sam", "stella", "victoria", "jack", "tom", "bob", "ben",
               "dean", "felix", "lucy", "ava", "mei", "scott", "oscar"}


def cast(hint: str, avatar_id: str | None, voice_id: str | None, variety: str = "",
         avatar_image: Path | None = None, language: str | None = None, image_field: str = "avatar_image",
         style_tags: tuple[str, ...] = ()) -> Cast:
    """`variety` (e.g. the prompt and seed) picks among equally fitting presenters, so
    briefs that say nothing about their host do not all get the same face.

    `avatar_image` makes a photo avatar of that picture (InvalidInput naming
    `image_field` when it cannot be one); `language` (BCP-47, e.g. the storyboard's)
    picks a voice that speaks it unless a voice is named.
    """
    notes: list[str] = []
    presenter: PresenterInfo | None = None
    photo: PhotoAvatar | None = None
    if avatar_image is not None:
        from onetake.avatar.photo import prepare_photo  # mediapipe loads only when a photo is used

        photo = prepare_photo(Path(avatar_image), field=image_field, name=_given_name(hint) or "")
        notes.append(f"Presenter: a photo avatar made from '{Path(avatar_image).name}'.")
        notes += photo.notes
    elif avatar_id:
        presenter, photo = resolve_avatar_id(avatar_id, notes)
    else:
        presenter = match_presenter(hint, variety, style_tags)
        described = " to fit the brief's description of its host" if _has_cues(hint) else ""
        notes.append(f"Presenter: {presenter.name} ({presenter.id}){described}.")
    if voice_id:
        try:
            voice = get_voice(voice_id)
        except KeyError:
            raise InvalidInput("voice", f"unknown voice id '{voice_id}'; `onetake voices` lists the {len(list_voices())} valid ids") from None
    else:
        voice = _voice_for(presenter, photo, hint, language, notes)
    return Cast(presenter_id=presenter.id if presenter else photo.id, voice_id=voice.id, notes=notes, photo=photo)


def _voice_for(presenter: PresenterInfo | None, photo: PhotoAvatar | None, hint: str, language: str | None, notes: list[str]):
    """The presenter's own voice when it speaks the language, else one of its gender that does."""
    own = presenter.default_voice_id if presenter else (photo.voice_id if photo else None)
    gender = presenter.gender if presenter else (photo.gender if photo and photo.gender else _gender_of(hint))
    lang = (language or "en").strip() or "en"
    if own:
        mine = get_voice(own)
        if mine.language.lower().split("-")[0] == lang.lower().replace("_", "-").split("-")[0]:
            return mine
    try:
        voice = default_voice_for(lang, gender)
    except KeyError as exc:
        raise InvalidInput("language", str(exc.args[0])) from None
    if photo is not None and gender is None:
        notes.append(f"Voice: {voice.id}; the brief does not say who is in the photo (name a voice to choose another).")
    if voice.engine == "espeak":
        notes.append(f"Voice: {voice.name} ({voice.id}). No neural voice that speaks '{lang}' ships offline, "
                     "so eSpeak NG speaks: clear, but robotic.")
    return voice


def _given_name(hint: str) -> str | None:
    """A capitalised given name in the brief ("our CEO, Sarah"): the photo's lower-third name."""
    for word in re.findall(r"[A-Za-z]+", hint):
        if word[0].isupper() and word.lower() not in _ALSO_WORDS and any(word.lower() in names for names in _GIVEN_NAMES.values()):
            return word
    return None


def resolve_avatar_id(avatar_id: str, notes: list[str]) -> tuple[PresenterInfo | None, PhotoAvatar | None]:
    """A stock presenter, a saved photo avatar, or the closest stock match for a reference-service id."""
    from onetake.avatar.photo.store import list_saved, load_saved

    try:
        return get_presenter(avatar_id), None
    except KeyError:
        pass
    saved = load_saved(avatar_id)
    if saved is not None:
        if not saved.source.is_file():
            raise InvalidInput("avatar", f"saved avatar '{avatar_id}' lost its photo ({saved.source}); save it again")
        notes.append(f"Presenter: saved photo avatar '{avatar_id}'" + (f" ({saved.name})." if saved.name else "."))
        return None, saved
    if "_public" in avatar_id.lower():
        given = re.split(r"[_\-\s]", avatar_id)[0].lower()
        gender = next((g for g, names in _GIVEN_NAMES.items() if given in names), None)
        presenter = match_presenter(f"{gender or ''} {avatar_id.replace('_', ' ')}")
        why = f"a {gender} presenter for the name '{given.capitalize()}'" if gender else "no gender could be read from the id"
        notes.append(f"Avatar '{avatar_id}' is not in this catalogue; used the closest stock presenter, {presenter.name} ({presenter.id}): {why}.")
        return presenter, None
    valid = ", ".join([p.id for p in list_presenters()] + [a.id for a in list_saved()])
    raise InvalidInput("avatar", f"unknown avatar id '{avatar_id}'; valid ids: {valid}")


# A video style's mood (visuals.styles tags) leans towards presenters dressed for it; the brief's
# own description of its host always weighs more.
_STYLE_AFFINITY = {
    "corporate": {"business", "corporate", "finance", "formal"},
    "luxury": {"business", "formal", "executive"},
    "tech": {"tech", "startup"},
    "retro-tech": {"tech", "creator"},
    "playful": {"casual", "creator", "lifestyle"},
    "social": {"casual", "creator", "lifestyle"},
    "energetic": {"casual", "creator"},
    "friendly": {"casual", "education", "community"},
    "wellness": {"wellness", "community", "lifestyle"},
    "calm": {"wellness", "education"},
}


def match_presenter(hint: str, variety: str = "", style_tags: tuple[str, ...] = ()) -> PresenterInfo:
    """Score every presenter against the cues in `hint`; ties go to a stable hash of `variety`."""
    mood = set().union(*(_STYLE_AFFINITY.get(t, set()) for t in style_tags)) if style_tags else set()
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
        s += 0.75 if mood & set(p.style) else 0.0
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
            if word.lower() in names and word[0].isupper() and word.lower() not in _ALSO_WORDS:
                (female, male) = (female + 2, male) if gender == "female" else (female, male + 2)
    if female == male:
        return None
    return "female" if female > male else "male"
