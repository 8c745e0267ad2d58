"""What a style is: plain data every painter reads (palette, type, components' designs, motion)."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from onetake.agent.storyboard import Palette
from onetake.visuals.typefaces import FontPairing


class Transition(str, Enum):
    crossfade = "crossfade"
    slide = "slide"  # the new scene pushes the old one out
    wipe = "wipe"  # a soft-edged accent bar sweeps across
    zoom = "zoom"  # the old scene grows and fades as the new one settles


class CaptionLook(BaseModel):
    box: Literal["panel", "band", "none"] = "panel"  # rounded dark box, full-width band, or text on a shadow
    highlight: Literal["fill", "ink", "underline"] = "fill"  # spoken word: accent chip, accent ink, or underline
    uppercase: bool = False
    scale: float = 1.0


class BackgroundSpec(BaseModel):
    """Layers of a procedural backdrop; the mesh gradient is always there, so no frame is flat."""

    model_config = ConfigDict(frozen=True)  # hashable: baked layers are cached by it

    texture: Literal["none", "grain", "paper", "grid", "scanlines"] = "grain"
    particles: Literal["bokeh", "shapes", "dust", "confetti", "none"] = "bokeh"
    grain: float = 0.035  # amplitude of baked film grain (0..0.1)
    spot: float = 0.0  # strength of a cinematic top light
    vignette: float = 0.35


class Style(BaseModel):
    id: str
    name: str
    description: str
    tags: list[str]
    palette: Palette
    fonts: FontPairing
    caption: CaptionLook = Field(default_factory=CaptionLook)
    lower_third: Literal["bar", "tab", "underline", "glass"] = "bar"
    title_card: Literal["rise", "center", "frame", "slab"] = "rise"
    background: BackgroundSpec = Field(default_factory=BackgroundSpec)
    transitions: list[Transition] = Field(min_length=1)
    pacing: float = Field(default=1.0, gt=0.4, lt=2.0)  # scales entrance durations: <1 snappy, >1 unhurried
    corner: float = Field(default=1.0, ge=0.0, le=2.0)  # scales corner radii: 0 is square, print-like
    music_mood: str
    tone_words: list[str] = Field(default_factory=list)  # words in a brief that call for this style
