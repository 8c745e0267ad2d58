"""The stock presenters: who they are (for choosing) and how they look (for drawing)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from onetake.avatar.look import Look


class PresenterInfo(BaseModel):
    id: str
    name: str
    gender: Literal["male", "female"]
    age_group: Literal["young", "adult", "senior"]
    style: list[str]  # tags a planner can match: "business", "casual", "lab coat", ...
    skin_tone: Literal["light", "light-medium", "medium", "tan", "brown", "dark"]
    default_voice_id: str  # "joe" (male) or "heart" (female): the voices that ship offline
    description: str
    look: Look
    preferred_framings: list[str] = ["full", "panel", "pip"]  # avatar.framing names, best first

    @property
    def tags(self) -> list[str]:
        """Everything a planner or a client can filter on: gender, age group, then style tags."""
        return [self.gender, self.age_group, *self.style]


def _voice(gender: str) -> str:
    return "joe" if gender == "male" else "heart"


def _p(id: str, name: str, gender: str, age: str, style: list[str], tone: str, desc: str, look: Look,
       framings: tuple[str, ...] = ("full", "panel", "pip")) -> PresenterInfo:
    return PresenterInfo(
        id=id, name=name, gender=gender, age_group=age, style=style, skin_tone=tone,
        default_voice_id=_voice(gender), description=desc, look=look, preferred_framings=list(framings),
    )


_PRESENTERS: list[PresenterInfo] = [
    _p("ava", "Ava Morgan", "female", "adult", ["business", "corporate", "finance"], "light",
       "Woman in her thirties with a dark brown side-parted bob, navy blazer over a white top.",
       Look(skin="#F3D2BE", eyes="#4E7A5A", lips="#C4646A", hair_style="bob_side", hair="#4A2E22",
            hair_highlight="#7A4E38", lashes=True, blush=0.35, outfit="blazer",
            outfit_main="#27406B", outfit_inner="#F4F1EC", earrings=True)),
    _p("george", "George Whitfield", "male", "senior", ["business", "executive", "finance", "formal"], "light",
       "Man in his sixties with neat grey hair, a trimmed grey beard and glasses, charcoal suit and burgundy tie.",
       Look(face="square", skin="#EFC9B0", eyes="#5A6E86", lips="#B97F74", hair_style="side_part",
            hair="#B9B7B4", hair_highlight="#E4E2DE", brows="#8E8A86", blush=0.2, beard="short",
            glasses="rect", glasses_colour="#2A2A2E", outfit="suit_tie", outfit_main="#3A3D44",
            outfit_inner="#DCE7F3", outfit_accent="#7D2433", broad=True, smile=0.3)),
    _p("marcus", "Marcus Reed", "male", "young", ["casual", "tech", "startup", "creator"], "brown",
       "Young man with short curly hair and light stubble, in a mustard hoodie.",
       Look(face="square", skin="#8D5A3E", eyes="#2E1C14", lips="#6E3F33", hair_style="curly_top",
            hair="#1E1714", hair_highlight="#4A3A32", blush=0.1, beard="stubble", outfit="hoodie",
            outfit_main="#D9A23A", outfit_inner="#F2EEE6", outfit_accent="#F7F3EA", broad=True, smile=0.45)),
    _p("priya", "Dr. Priya Raman", "female", "adult", ["lab coat", "science", "healthcare", "education"], "tan",
       "Woman with voluminous dark curly hair, white lab coat over a teal blouse.",
       Look(skin="#C68B62", eyes="#3A2418", lips="#A8525A", hair_style="curly_volume", hair="#221814",
            hair_highlight="#5A3E30", lashes=True, blush=0.3, outfit="lab_coat", outfit_main="#F5F7F9",
            outfit_inner="#2C8C8C", outfit_accent="#2F5BD0", earrings=True)),
    _p("kenji", "Kenji Sato", "male", "adult", ["business casual", "tech", "consulting", "casual"], "light-medium",
       "Man in his thirties with black side-swept hair, camel jacket over an open-collar white shirt.",
       Look(face="square", skin="#EBC4A0", eyes="#2E2019", lips="#BE8677", hair_style="swept",
            hair="#17171A", hair_highlight="#3E3E46", blush=0.15, outfit="jacket_open",
            outfit_main="#B08A5E", outfit_inner="#FBFBF8", smile=0.4)),
    _p("margaret", "Margaret Ellis", "female", "senior", ["casual", "education", "wellness", "community"], "light",
       "Woman in her sixties with silver hair in a bun and round glasses, dusty-rose cardigan and pearls.",
       Look(skin="#F1CDB8", eyes="#5C7A96", lips="#B8646E", hair_style="bun", hair="#C9C6C4",
            hair_highlight="#EFEDEA", brows="#9A918C", lashes=True, blush=0.35, glasses="round",
            glasses_colour="#8A5A44", outfit="cardigan", outfit_main="#C98E94", outfit_inner="#F6EFE4",
            outfit_accent="#F4EFE6", earrings=True, smile=0.45)),
    _p("sofia", "Sofia Alvarez", "female", "young", ["casual", "lifestyle", "marketing", "creator"], "medium",
       "Young woman with long dark-brown hair, terracotta turtleneck.",
       Look(skin="#D9A47E", eyes="#3B2619", lips="#B4545C", hair_style="long_straight", hair="#2E1D16",
            hair_highlight="#6A4330", lashes=True, blush=0.35, outfit="turtleneck", outfit_main="#C0623E",
            outfit_inner="#C0623E", smile=0.45)),
    _p("daniel", "Daniel Okafor", "male", "adult", ["business", "corporate", "legal", "formal"], "dark",
       "Man in his forties with a close crop and a full trimmed beard, navy suit, white shirt and teal tie.",
       Look(face="square", skin="#6B4331", eyes="#24160F", lips="#5A3328", hair_style="buzz", hair="#141112",
            hair_highlight="#3A3436", blush=0.05, beard="short", outfit="suit_tie", outfit_main="#1F2B45",
            outfit_inner="#F7F8FA", outfit_accent="#1F7A7A", broad=True, smile=0.35)),
    _p("amara", "Amara Nwosu", "female", "adult", ["business", "education", "nonprofit", "corporate"], "dark",
       "Woman in her forties with black hair in a neat bun, mustard blazer over a cream top, gold earrings.",
       Look(skin="#6E4532", eyes="#24140E", lips="#8A4A48", hair_style="bun", hair="#141012",
            hair_highlight="#3C3234", lashes=True, blush=0.12, outfit="blazer", outfit_main="#C9962E",
            outfit_inner="#F6EFE2", earrings=True, smile=0.45), ("panel", "full", "pip")),
    _p("luis", "Dr. Luis Herrera", "male", "senior", ["lab coat", "healthcare", "dentist", "science", "friendly"], "tan",
       "Man in his sixties with white hair, a trimmed white beard and round glasses, white coat over a blue shirt.",
       Look(face="square", skin="#C98E66", eyes="#3A2616", lips="#9C5E50", hair_style="side_part", hair="#E6E3DF",
            hair_highlight="#FFFFFF", brows="#BDB6AE", blush=0.2, beard="short", glasses="round",
            glasses_colour="#4A4A52", outfit="lab_coat", outfit_main="#F4F6F8", outfit_inner="#7FA6D6",
            outfit_accent="#2F5BD0", broad=True, smile=0.5)),
    _p("mei", "Mei Chen", "female", "young", ["casual", "tech", "creator", "startup", "lifestyle"], "light-medium",
       "Young woman with long straight black hair, lavender hoodie.",
       Look(skin="#EDC7A6", eyes="#2A1C14", lips="#C46A74", hair_style="long_straight", hair="#121116",
            hair_highlight="#3A3846", lashes=True, blush=0.4, outfit="hoodie", outfit_main="#9C8CD0",
            outfit_inner="#F5F2FA", outfit_accent="#F7F4FB", smile=0.5), ("full", "pip", "panel")),
    _p("omar", "Omar Haddad", "male", "young", ["tech", "startup", "design", "business casual"], "medium",
       "Young man with short dark curls and stubble, charcoal turtleneck.",
       Look(face="square", skin="#C08A62", eyes="#2C1A10", lips="#8E5646", hair_style="curly_top", hair="#1A1412",
            hair_highlight="#45362E", blush=0.1, beard="stubble", outfit="turtleneck", outfit_main="#3B3F46",
            outfit_inner="#3B3F46", broad=True, smile=0.4)),
]
_BY_ID = {p.id: p for p in _PRESENTERS}


def list_presenters() -> list[PresenterInfo]:
    return list(_PRESENTERS)


def get_presenter(presenter_id: str) -> PresenterInfo:
    try:
        return _BY_ID[presenter_id]
    except KeyError:
        raise KeyError(f"unknown presenter {presenter_id!r}; valid ids: {', '.join(_BY_ID)}") from None
