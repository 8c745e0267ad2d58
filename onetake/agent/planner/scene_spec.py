"""Planner-internal scene descriptions: a requested item and the spec a scene is written from."""

from __future__ import annotations

from dataclasses import dataclass, field

from onetake.agent.storyboard import Layout, LowerThird, SceneRole

MAX_SCENES = 12


@dataclass
class Item:
    text: str
    start: int
    role: SceneRole | None = None  # forced role (e.g. "Open with" -> hook)
    numbered: bool = False
    source: str = "list"


@dataclass
class SceneSpec:
    role: SceneRole
    source: str = ""
    topic: str | None = None  # a noun phrase or "how ..." clause to talk about
    statement: str | None = None  # a sentence the prompt wants said ("explain that ...")
    message: str | None = None  # "how flat sheets become complex structures"
    shots: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)  # spoken form
    bullet_head: str | None = None
    scripts: list[str] = field(default_factory=list)  # verbatim lines
    extra_topics: list[str] = field(default_factory=list)
    requested: bool = True
    family: bool = False  # "family-friendly" closing
    group: int = -1  # shots split from one list item share a group
    elaborate: str | None = None  # elaboration scene for a thin prompt: feature, audience, day, recap, ...
    feature: str | None = None  # the feature a spotlight scene is about
    feature_pos: str = "next"  # first / next / last spotlight
    # filled by finish()
    layout: Layout = Layout.presenter_full
    headline: str = ""
    visual_query: str = ""
    media: list[int] = field(default_factory=list)
    lower_third: LowerThird | None = None
    weight: float = 1.0
