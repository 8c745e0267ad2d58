"""Static parts of a bust baked into premultiplied skia images, once per (look, size).

Drawing a baked image costs ~0.1-0.7 ms; drawing the same hair as vectors
(hundreds of strands and blurs) costs tens of ms. Rotating an image while
drawing is ~10x dearer than an axis-aligned draw on skia's CPU backend, so head
layers are also kept pre-rotated in TILT_STEP increments, built on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import skia

from onetake.avatar.accessories import draw_glasses
from onetake.avatar.anatomy import DESIGN, PIVOT, anatomy_for
from onetake.avatar.face import draw_face_detail, draw_head_base, draw_moustache
from onetake.avatar.hair import hair_art
from onetake.avatar.look import Look
from onetake.avatar.outfit import draw_body

TILT_STEP = 0.25  # degrees between pre-rotated copies; the remainder is drawn as a sub-pixel shift


@dataclass(frozen=True)
class Layer:
    image: skia.Image  # BGRA premultiplied, cropped to its visible pixels
    rect: skia.Rect  # where the image goes, in design units


def _raster(w: int, h: int) -> skia.Surface:
    info = skia.ImageInfo.Make(w, h, skia.kBGRA_8888_ColorType, skia.kPremul_AlphaType)
    surf = skia.Surface.MakeRaster(info)
    surf.getCanvas().clear(skia.ColorTRANSPARENT)
    return surf


def bake(draw: Callable[[skia.Canvas], None], scale: float) -> Layer | None:
    """Render a design-space drawing at `scale`, cropped to its visible pixels (None if empty)."""
    size = int(np.ceil(DESIGN * scale))
    pad = int(np.ceil(60 * scale))  # hair, clothing and shadows may poke outside the nominal box
    surf = _raster(size + 2 * pad, size + 2 * pad)
    c = surf.getCanvas()
    ox, oy = pad + size / 2, pad  # pixel position of design (0, 0)
    c.translate(ox, oy)
    c.scale(scale, scale)
    draw(c)
    img = surf.makeImageSnapshot()
    alpha = img.toarray(colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)[:, :, 3]
    ys, xs = np.nonzero(alpha)
    if len(xs) == 0:
        return None
    x0, x1 = max(0, int(xs.min()) - 2), min(alpha.shape[1], int(xs.max()) + 3)
    y0, y1 = max(0, int(ys.min()) - 2), min(alpha.shape[0], int(ys.max()) + 3)
    sub = img.makeSubset(skia.IRect.MakeLTRB(x0, y0, x1, y1)).makeRasterImage()
    rect = skia.Rect.MakeLTRB((x0 - ox) / scale, (y0 - oy) / scale, (x1 - ox) / scale, (y1 - oy) / scale)
    return Layer(sub, rect)


def rotate(layer: Layer, degrees: float, scale: float) -> Layer:
    """The layer rotated about the neck pivot, resampled once with a cubic filter."""
    m = skia.Matrix.RotateDeg(degrees, skia.Point(*PIVOT))
    r = m.mapRect(layer.rect)
    pad = 2.0 / scale
    left, top = r.left() - pad, r.top() - pad
    w, h = int(np.ceil((r.width() + 2 * pad) * scale)), int(np.ceil((r.height() + 2 * pad) * scale))
    surf = _raster(w, h)
    c = surf.getCanvas()
    c.scale(scale, scale)
    c.translate(-left, -top)
    c.concat(m)
    c.drawImageRect(layer.image, layer.rect, skia.SamplingOptions(skia.CubicResampler.Mitchell()))
    return Layer(surf.makeImageSnapshot(), skia.Rect.MakeLTRB(left, top, left + w / scale, top + h / scale))


class LayerSet:
    """The baked layers of one look at one height, shared by every rig that draws it."""

    def __init__(self, look: Look, height_px: int):
        anat = anatomy_for(look)
        art = hair_art(look, anat)
        self.scale = height_px / DESIGN
        parts: dict[str, Callable[[skia.Canvas], None]] = {
            "hair_back": art.back,
            "body": lambda c: draw_body(c, look, anat),
            "head": lambda c: draw_head_base(c, look, anat, art.shadow),
            "detail": lambda c: draw_face_detail(c, look, anat),
            "moustache": lambda c: draw_moustache(c, look, anat),
            "hair_front": art.front,
            "glasses": lambda c: draw_glasses(c, look, anat),
        }
        self.base: dict[str, Layer] = {}
        for name, fn in parts.items():
            layer = bake(fn, self.scale)
            if layer is not None:
                self.base[name] = layer
        self._rotated: dict[tuple[str, int], Layer] = {}

    def get(self, name: str, step: int = 0) -> Layer | None:
        """Layer `name` pre-rotated by step * TILT_STEP degrees (None if the look has no such part)."""
        base = self.base.get(name)
        if base is None or step == 0:
            return base
        key = (name, step)
        if key not in self._rotated:
            self._rotated[key] = rotate(base, step * TILT_STEP, self.scale)
        return self._rotated[key]

    def nbytes(self) -> int:
        layers = list(self.base.values()) + list(self._rotated.values())
        return sum(layer.image.width() * layer.image.height() * 4 for layer in layers)


@lru_cache(maxsize=8)
def layer_set(look: Look, height_px: int) -> LayerSet:
    return LayerSet(look, height_px)
