"""The Reading: a brief understood once, as typed data with each fact's span in the source.

Every stage after it (writer, casting, style, music, layout direction, the LLM planner and
its validator) consults the Reading; nothing after it reads the prompt. It is saved as
`reading.json` beside `storyboard.json`.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from onetake.brief.models import Orientation

SCHEMA_VERSION = 1


class Span(BaseModel):
    start: int
    end: int


class Phrase(BaseModel):
    """Words of the source, as written there."""

    text: str
    span: Span


class ItemList(BaseModel):
    """Items in the order the brief lists them ("features: a, b and c", "1. ... 2. ...")."""

    kind: str  # the list's own head noun, singular ("feature", "step", "rule", "dish"), or "item"
    head: str = ""  # the words that introduce it: "Three new rules"
    items: list[Phrase]
    ordered: bool = False  # numbered, or steps: said in order with ordinals
    clauses: bool = False  # the items are sentences on their own ("badges must be worn")
    subject: str = ""  # who does what the items say, when they are verb phrases ("We" of "We stock a, run b and host c")
    span: Span | None = None  # where the list is in the source


class Figure(BaseModel):
    """A number with what it counts: "1,200 trees planted", "$25 a month", "24/7"."""

    text: str
    number: str
    span: Span


class Entity(BaseModel):
    text: str
    kind: str  # person | place | date | time | org
    role: str = ""  # "a driver in Leeds"
    span: Span


class Quote(BaseModel):
    text: str  # the words inside the quotation marks, verbatim
    author: str = ""
    role: str = ""
    script: bool = False  # words to say exactly ("Say: '...'", "verbatim")
    span: Span


class CallToAction(BaseModel):
    text: str  # the brief's own words as one speakable sentence: "Book at bloomyoga.studio."
    url: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""  # "412 Elm Street, Austin": where to go, when the brief gives no other way to act
    deadline: str = ""
    span: Span


class RequestedScene(BaseModel):
    """A numbered or labelled scene of the brief: the label is kept apart from the content."""

    number: int | None = None
    label: str = ""  # "problem", "hook"; never spoken or shown
    role: str = ""  # hook | problem | solution | features | quote | stats | steps | cta | body
    content: str  # what the scene says or shows, in the brief's words
    span: Span


class VisualRequest(BaseModel):
    text: str  # what to show: "fresh loaves and croissants"
    nouns: list[str]  # the things, for matching media and icons: ["loaf", "croissant"]
    span: Span


class Statement(BaseModel):
    """One thing the brief says should be said, already in speakable form."""

    text: str  # "Riders wait 20 minutes for a bus."
    span: Span
    kind: str = "fact"  # fact | subject | list | step | quote | cta | visual | document
    scene: int | None = None  # index into Reading.structure when it belongs to a requested scene
    priority: int = 1  # 0 must be said, 1 should, 2 may be dropped for time (documents, long tails)


class Presenter(BaseModel):
    description: str = ""  # "a woman in her fifties in a lab coat"
    gender: str = ""  # female | male | ""
    age: str = ""  # young | senior | ""
    role: str = ""  # "CTO", "head chef"
    name: str = ""
    photo_requested: bool = False  # "use the attached image as the presenter"


class Directions(BaseModel):
    """How the video should look and sound: never narrated."""

    duration: float | None = None
    duration_span: Span | None = None
    duration_limit: bool = False  # "under a minute", "30 seconds max": the length is a ceiling, not a target
    orientation: Orientation | None = None
    square: bool = False  # "square format", "1:1": as wide as it is tall
    tone: list[str] = Field(default_factory=list)
    colours: list[str] = Field(default_factory=list)  # #RRGGBB in the brief's order
    colour_mode: str | None = None  # dark | light
    music: str = ""  # a mood word, "none", or ""
    camera: list[str] = Field(default_factory=list)
    presenter: Presenter = Field(default_factory=Presenter)
    few_graphics: bool = False  # "minimal graphics", "talking head"
    allow_repeats: bool = False  # "one shot", "same framing"
    recorded_narration: bool = False  # an attached recording is the voice-over
    phrases: list[Phrase] = Field(default_factory=list)  # every span read as direction


class Reading(BaseModel):
    schema_version: int = SCHEMA_VERSION
    language: str = "en"
    source: str  # the prompt, then each attached document's text
    prompt_length: int  # source[:prompt_length] is the prompt
    kind: str = ""  # what the brief asks for: "explainer", "reel", "ad", "onboarding video"
    subject: Phrase | None = None  # what the video is about: "Bloom Yoga, a neighbourhood studio"
    brand: str = ""
    description: str = ""  # what the brand is: "a neighbourhood studio"
    offer: str = ""
    audience: str = ""
    lists: list[ItemList] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    titles: list[Phrase] = Field(default_factory=list)
    cta: CallToAction | None = None
    structure: list[RequestedScene] = Field(default_factory=list)
    visual_requests: list[VisualRequest] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    directions: Directions = Field(default_factory=Directions)
    documents: list[str] = Field(default_factory=list)  # attached documents' names, in order
    remembered: list[str] = Field(default_factory=list)  # what came from memory, not the brief: "the call to action 'Book at ...'"

    def in_prompt(self, span: Span) -> bool:
        return span.start < self.prompt_length
