"""Where the parts of a bust sit, in design units.

The bust is designed in a 1000 x 1000 box: x from -500 to 500 (0 is the centre
line), y from 0 (top) to 1000 (bottom edge). The rig scales it to the requested
height, so every part shares one coordinate system and one set of line weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import skia

from onetake.avatar.look import Look
from onetake.avatar.paint import Pt, mirror, smooth

DESIGN = 1000.0
PIVOT = (0.0, 585.0)
BELOW = 1040.0  # clothing runs past the bottom edge so breathing never lifts it into view  # the head turns, tilts and nods about the top of the neck

# Right half of the face outline, crown to chin (x >= 0).
_FACE_OVAL: list[Pt] = [(0, 150), (86, 164), (133, 208), (149, 278), (150, 350), (146, 410),
                        (133, 460), (110, 503), (77, 537), (38, 557), (0, 562)]
_FACE_SQUARE: list[Pt] = [(0, 146), (92, 162), (143, 210), (160, 280), (162, 350), (160, 412),
                          (152, 464), (134, 510), (97, 546), (49, 564), (0, 569)]


@dataclass(frozen=True)
class Anatomy:
    face_pts: tuple[Pt, ...]
    eye_y: float = 378.0
    eye_dx: float = 64.0  # eye centres at +-eye_dx
    eye_hw: float = 31.0  # half width of an eye
    brow_y: float = 328.0
    nose_y: float = 455.0  # tip
    mouth_y: float = 503.0
    ear_x: float = 150.0
    ear_y: float = 396.0
    neck_hw: float = 54.0
    shoulder_k: float = 1.0  # horizontal scale of the shoulders

    @property
    def face(self) -> skia.Path:
        return smooth(self.face_pts)

    def torso(self, collar_y: float = 640.0) -> skia.Path:
        """The whole clothed torso silhouette, closed straight across the neck at `collar_y`."""
        k = self.shoulder_k
        right: list[Pt] = [(0, collar_y, 0), (self.neck_hw + 10, collar_y + 24), (150 * k, 694), (265 * k, 716),
                           (345 * k, 745), (395 * k, 800), (418 * k, 880), (428 * k, 1000), (430 * k, BELOW, 0),
                           (0, BELOW, 0)]
        return smooth(mirror(right))


@lru_cache(maxsize=32)
def anatomy_for(look: Look) -> Anatomy:
    square = look.face == "square"
    return Anatomy(
        face_pts=tuple(mirror(_FACE_SQUARE if square else _FACE_OVAL)),
        neck_hw=62.0 if look.broad else (58.0 if square else 52.0),
        shoulder_k=1.0 if look.broad else 0.92,
        ear_x=156.0 if square else 146.0,
    )
