"""Curated looks as data. A style gives the palette unless the brief named its own colours."""

from __future__ import annotations

import re

from onetake.agent.storyboard import Storyboard
from onetake.draw.colors import relative_luminance
from onetake.errors import InvalidInput
from onetake.visuals.styles.catalogue import STYLES
from onetake.visuals.styles.models import BackgroundSpec, CaptionLook, Style, Transition

DEFAULT_STYLE = "studio"


def list_styles(tag: str | None = None) -> list[Style]:
    return [s for s in STYLES if tag is None or tag in s.tags]


def get_style(style_id: str) -> Style:
    for style in STYLES:
        if style.id == style_id:
            return style
    raise InvalidInput("style", f"unknown style id '{style_id}'; valid ids: {', '.join(s.id for s in STYLES)}")


def pick_style(prompt: str, palette_background: str | None = None) -> Style:
    """The style whose tone words the brief uses most (a style's first three words count double).

    When the brief named its own colours, a style of the same lightness wins ties,
    so a "cream and sage" brief does not land in a midnight look."""
    lowered = prompt.lower()
    light = relative_luminance(palette_background) > 0.4 if palette_background else None
    best, best_key = get_style(DEFAULT_STYLE), (0, 0, 0)
    for order, style in enumerate(STYLES):
        score = sum(2 if rank < 3 else 1 for rank, word in enumerate(style.tone_words) if re.search(rf"\b{re.escape(word)}\b", lowered))
        same_lightness = light is None or (relative_luminance(style.palette.background) > 0.4) == light
        key = (score, int(same_lightness), -order)
        if score and key > best_key:
            best, best_key = style, key
    return best


def apply_style(storyboard: Storyboard, style_id: str | None) -> Storyboard:
    """The named style's palette, unless the brief's own colours are already in the storyboard."""
    if not style_id:
        return storyboard
    style = get_style(style_id)
    if storyboard.palette_from_brief:
        return storyboard.model_copy(update={"style_id": style.id})
    return storyboard.model_copy(update={"style_id": style.id, "palette": style.palette})


__all__ = ["BackgroundSpec", "CaptionLook", "Style", "Transition", "STYLES", "apply_style", "get_style", "list_styles", "pick_style"]
