"""The facts read from a prompt, as plain dataclasses (filled by cues.extract)."""

from __future__ import annotations

from dataclasses import dataclass, field

from onetake.brief.models import Orientation

from .lexicon import GENERIC_ROLES


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # "script" | "name" | "cta" | "other"


@dataclass
class Presenter:
    role: str | None = None  # display form: "CTO", "Weather Reporter"
    name: str | None = None
    hint: str = ""
    company_voice: bool = False  # speaks as the company: "our new platform"

    @property
    def specific(self) -> bool:
        return bool(self.name) or (self.role is not None and self.role.lower() not in GENERIC_ROLES)


@dataclass
class CtaCue:
    requested: bool = False
    action: str | None = None  # imperative, e.g. "book a private styling appointment"
    verbatim: str | None = None  # a quoted line to say as is
    url: str | None = None


@dataclass
class Cues:
    text: str
    sentences: list[tuple[int, int]]
    duration: float | None = None
    orientation: Orientation | None = None
    brand: str | None = None
    subject: str | None = None  # "a boutique vinyl subscription club"
    company: str | None = None  # "a boutique jewelry house"
    description: str | None = None  # appositive after the brand: "a smart everyday gadget"
    benefit: str | None = None  # verb clause: "organizes notes, payments, and travel access ..."
    audience: str | None = None
    features: list[str] = field(default_factory=list)
    feature_head: str | None = None  # "design principles"
    presenter: Presenter = field(default_factory=Presenter)
    tones: list[str] = field(default_factory=list)
    tone: str = "warm"
    colours: list[str] = field(default_factory=list)
    colour_mode: str | None = None
    cta: CtaCue = field(default_factory=CtaCue)
    quotes: list[Quote] = field(default_factory=list)
    avatar_image: bool = False
    setting: str | None = None
    kind: str | None = None
    domain: str = "general"
    facts: list[str] = field(default_factory=list)

    def scripts(self) -> list[Quote]:
        return [q for q in self.quotes if q.kind == "script"]
