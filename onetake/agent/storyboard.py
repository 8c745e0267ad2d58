"""The Storyboard: the plan of a video, before any voice or pixel exists.

It is what chat mode shows for review and what revisions edit, so it holds
intent (roles, words, budgets), never rendering details.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field

from onetake.brief.models import Orientation


class SceneRole(str, Enum):
    hook = "hook"
    presenter = "presenter"
    problem = "problem"
    solution = "solution"
    broll = "broll"
    bullets = "bullets"
    quote = "quote"
    stat = "stat"
    montage = "montage"
    cta = "cta"


class Layout(str, Enum):
    presenter_full = "presenter_full"  # presenter fills the frame, lower third optional
    presenter_panel = "presenter_panel"  # presenter beside a title or bullet panel
    title_card = "title_card"  # big title, presenter heard not seen
    bullets = "bullets"  # bullet list with staggered entrances
    broll = "broll"  # user image with pan and zoom, presenter in a corner bubble
    end_card = "end_card"  # call to action
    stat = "stat"  # one big number that counts up, with its label
    quote = "quote"  # a pull quote with its attribution
    split_screen = "split_screen"  # presenter on one half, a picture or points on the other
    kinetic = "kinetic"  # kinetic typography: the spoken words land on screen as they are said
    icon_grid = "icon_grid"  # icons matched to the scene's visual query, in the palette's colours


class Palette(BaseModel):
    """Colour roles as #RRGGBB. The brief's own colours land here when given."""

    background: str = "#0F172A"
    surface: str = "#1E293B"
    primary: str = "#6366F1"
    accent: str = "#F59E0B"
    text: str = "#F8FAFC"
    muted: str = "#94A3B8"


class LowerThird(BaseModel):
    name: str = ""  # empty: the cast presenter's own name is shown
    title: str = ""


class Scene(BaseModel):
    id: str
    role: SceneRole
    layout: Layout
    narration: str = Field(min_length=1)
    on_screen_text: str = ""  # headline shown on screen (not read aloud as-is)
    bullets: list[str] = Field(default_factory=list)
    visual_query: str = ""  # nouns describing what B-roll should show
    serves: list[str] = Field(default_factory=list)  # the brief's visual requests this scene shows ("fresh loaves")
    media: list[int] = Field(default_factory=list)  # indexes into Brief.files
    lower_third: LowerThird | None = None
    duration_budget: float = Field(gt=0)  # seconds the planner wrote this scene for (speech + hold)
    hold: float = Field(default=0.0, ge=0, le=300)  # seconds the scene stays up after its words: a visual beat under music


class Storyboard(BaseModel):
    title: str
    brand: str | None = None
    target_duration: float  # seconds; the render lands within 5% of this
    duration_requested: bool = False  # whether the user asked for the target
    orientation: Orientation
    width: int
    height: int
    palette: Palette = Field(default_factory=Palette)
    palette_from_brief: bool = False  # the brief named colours: they override any style's palette
    style_id: str = "studio"
    brand_kit_id: str | None = None  # a stored brand kit (visuals.brand_kits): colours, fonts, logo
    cta: str | None = None
    avatar_hint: str = ""  # presenter description from the brief, for casting
    presenter_photo_requested: bool = False  # the brief asks for an attached photo to be the presenter
    language: str = "en"  # ISO 639-1 code of the narration, detected from the prompt; casting picks a voice that speaks it
    # directions of the brief (from its Reading) that style, music and layout choose by: never narrated
    tone: list[str] = Field(default_factory=list)
    music: str = ""  # a mood word, "none", or "" (the style decides)
    few_graphics: bool = False
    allow_repeats: bool = False
    scenes: list[Scene] = Field(min_length=1)
