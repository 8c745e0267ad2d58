"""How a stock presenter is drawn: the palette and the part choices the rig combines."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

HairStyle = Literal[
    "bob_side",  # chin-to-shoulder bob with a side part and a swept fringe
    "long_straight",  # long hair, centre part, falling over the shoulders
    "curly_volume",  # big curly hair framing the face
    "bun",  # hair combed back into a bun
    "side_part",  # short classic side part (men)
    "swept",  # short sides, longer top swept to one side
    "curly_top",  # short tight curls on top, faded sides
    "buzz",  # close crop
]
Outfit = Literal["blazer", "suit_tie", "hoodie", "lab_coat", "jacket_open", "cardigan", "turtleneck"]


class Look(BaseModel):
    """Colours are #RRGGBB. Values were tuned by eye on the preview contact sheet."""

    model_config = ConfigDict(frozen=True)  # hashable: layer caches key on it

    face: Literal["oval", "square"] = "oval"
    skin: str
    eyes: str = "#4A3426"  # iris
    lips: str  # lip colour; close to the skin for most men
    hair_style: HairStyle
    hair: str
    hair_highlight: str | None = None  # defaults to a lighter hair colour
    brows: str | None = None  # defaults to a darker hair colour
    lashes: bool = False  # a lash flick on the upper lid
    blush: float = 0.25  # cheek colour strength 0..1
    beard: Literal["none", "stubble", "short"] = "none"
    glasses: Literal["none", "rect", "round"] = "none"
    glasses_colour: str = "#2B2B30"
    outfit: Outfit
    outfit_main: str  # jacket, hoodie, coat, sweater
    outfit_inner: str  # shirt, top or blouse under it
    outfit_accent: str = "#8A2F3C"  # tie, drawstrings, pen, necklace
    earrings: bool = False
    broad: bool = False  # broader shoulders and neck
    smile: float = 0.35  # resting corner lift of the mouth 0..1
