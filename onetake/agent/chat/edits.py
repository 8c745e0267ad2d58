"""Typed edits: what a chat follow-up asks to change, as data.

A message is read into an Understanding (understand.py): its edits, or that it approves,
thanks, answers a question, or could not be turned into an edit. Edits name what they change
and nothing else; applying them (revise.py) leaves everything unnamed as it was, seed included.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field

from onetake.brief.models import Orientation


class SceneRef(BaseModel):
    """A scene of the storyboard the edit was read against, by position and by its words then
    (so a script edit still finds its scene after a re-write moved it)."""

    index: int
    narration: str


class SetDuration(BaseModel):
    kind: Literal["duration"] = "duration"
    seconds: float


class SetOrientation(BaseModel):
    kind: Literal["orientation"] = "orientation"
    orientation: Orientation


class SetPresenter(BaseModel):
    kind: Literal["presenter"] = "presenter"
    presenter_id: str | None = None
    gender: str = ""
    age: str = ""
    description: str = ""
    other: bool = False  # "I don't like the presenter": someone else of the same kind


class SetVoice(BaseModel):
    kind: Literal["voice"] = "voice"
    voice_id: str | None = None
    gender: str = ""
    accent: str = ""  # a language tag the voice should speak: "en-GB" for "a British voice"
    other: bool = False  # "I don't like the voice": another of the same kind


class SetTone(BaseModel):
    kind: Literal["tone"] = "tone"
    words: list[str]


class SetPalette(BaseModel):
    kind: Literal["palette"] = "palette"
    colours: list[str] = Field(default_factory=list)  # #RRGGBB
    mode: str | None = None  # dark | light


class SetMusic(BaseModel):
    kind: Literal["music"] = "music"
    mood: str  # a mood word or "none"


class SetStyle(BaseModel):
    kind: Literal["style"] = "style"
    style_id: str


class SetBrandKit(BaseModel):
    kind: Literal["brand_kit"] = "brand_kit"
    brand_kit_id: str


class SetCta(BaseModel):
    kind: Literal["cta"] = "cta"
    text: str


class Replace(BaseModel):
    """"Say X instead of Y": wherever the script says `old`."""

    kind: Literal["replace"] = "replace"
    old: str
    new: str


class RewriteScene(BaseModel):
    kind: Literal["rewrite"] = "rewrite"
    scene: SceneRef
    text: str


class RemoveScene(BaseModel):
    kind: Literal["remove"] = "remove"
    scene: SceneRef
    item: str = ""  # one item of a list scene to drop ("the part about rehab"): the scene stays with the others


class ResizeScene(BaseModel):
    """"Make scene 2 shorter" (factor < 1) or "longer" (> 1)."""

    kind: Literal["resize"] = "resize"
    scene: SceneRef
    factor: float


class AddScene(BaseModel):
    kind: Literal["add"] = "add"
    text: str
    after: SceneRef | None = None  # None: before the closing call to action


class MoveScene(BaseModel):
    kind: Literal["move"] = "move"
    scene: SceneRef
    position: int  # index in the new order; -1 the end


class SetTitle(BaseModel):
    """"Change the title to Greenleaf Family Dental": the video's title, and the on-screen text that showed the old one."""

    kind: Literal["title"] = "title"
    text: str


class AddFiles(BaseModel):
    kind: Literal["files"] = "files"
    count: int


Edit = Annotated[Union[SetDuration, SetOrientation, SetPresenter, SetVoice, SetTone, SetPalette, SetMusic, SetStyle, SetBrandKit,
                       SetCta, SetTitle, Replace, RewriteScene, RemoveScene, ResizeScene, AddScene, MoveScene, AddFiles],
                 Field(discriminator="kind")]
SCRIPT_EDITS = (SetCta, SetTitle, Replace, RewriteScene, RemoveScene, ResizeScene, AddScene, MoveScene)  # applied to the written storyboard


class Understanding(BaseModel):
    """What one message means for the session."""

    intent: Literal["revise", "approve", "thanks", "unclear"]
    edits: list[Edit] = Field(default_factory=list)
    question: str = ""  # for "unclear": the one question to ask back
    unread: list[str] = Field(default_factory=list)  # clauses that asked for something no edit covers
