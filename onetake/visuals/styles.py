"""Curated looks as data. A style gives the palette unless the brief named its own colours."""

from __future__ import annotations

from pydantic import BaseModel

from onetake.agent.storyboard import Palette, Storyboard
from onetake.errors import InvalidInput


class Style(BaseModel):
    id: str
    name: str
    description: str
    tags: list[str]
    palette: Palette


STYLES: list[Style] = [
    Style(id="studio", name="Studio Night", description="Deep navy studio with indigo light and amber accents.", tags=["corporate", "tech", "cinematic"],
          palette=Palette(background="#0F172A", surface="#1E293B", primary="#6366F1", accent="#F59E0B", text="#F8FAFC", muted="#94A3B8")),
    Style(id="daylight", name="Daylight", description="Bright, airy and clean: white surfaces, sky blue, coral highlights.", tags=["minimal", "friendly", "corporate"],
          palette=Palette(background="#EEF4FB", surface="#FFFFFF", primary="#3B82F6", accent="#F97362", text="#0F172A", muted="#64748B")),
    Style(id="editorial", name="Editorial", description="Warm paper tones, ink black and a brick-red accent, like print.", tags=["print", "luxury", "handmade"],
          palette=Palette(background="#F4EDE1", surface="#FFFDF8", primary="#1F2933", accent="#B4432F", text="#1B1B1B", muted="#6B6158")),
    Style(id="neon", name="Retro Neon", description="Midnight purple with teal and hot pink: retro-tech energy.", tags=["retro-tech", "playful", "bold"],
          palette=Palette(background="#120B2E", surface="#221A4D", primary="#14B8A6", accent="#F472B6", text="#F5F3FF", muted="#A5A0C8")),
    Style(id="forest", name="Evergreen", description="Deep green and cream with a brass accent: calm, premium.", tags=["luxury", "calm", "wellness"],
          palette=Palette(background="#0E2A22", surface="#173D31", primary="#2F7A5F", accent="#D4A94C", text="#F7F3E8", muted="#A9BFB4")),
    Style(id="sunrise", name="Sunrise", description="Warm oranges and plum: upbeat, social-first.", tags=["playful", "social", "energetic"],
          palette=Palette(background="#2B1330", surface="#43204A", primary="#F97316", accent="#FACC15", text="#FFF7ED", muted="#D8B4C8")),
]


def list_styles() -> list[Style]:
    return list(STYLES)


def get_style(style_id: str) -> Style:
    for style in STYLES:
        if style.id == style_id:
            return style
    raise InvalidInput("style", f"unknown style id '{style_id}'; valid ids: {', '.join(s.id for s in STYLES)}")


def apply_style(storyboard: Storyboard, style_id: str | None) -> Storyboard:
    """The named style's palette, unless the brief's own colours are already in the storyboard."""
    if not style_id:
        return storyboard
    style = get_style(style_id)
    if storyboard.palette_from_brief:
        return storyboard.model_copy(update={"style_id": style.id})
    return storyboard.model_copy(update={"style_id": style.id, "palette": style.palette})
