"""Moving backgrounds: a soft gradient field and a bokeh layer, pre-rendered once, drifted per frame.

STACK.md: big gradients computed in numpy are ~10x cheaper than skia's
gradient shader, and pre-rendered premultiplied images draw in ~0.1 ms.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import skia

from onetake.draw.colors import hex_to_rgb

OVERSCAN = 1.12  # the image is larger than the frame so it can drift without showing edges


def _to_image(rgba: np.ndarray) -> skia.Image:
    """RGBA float 0..1 (straight alpha) -> premultiplied BGRA skia.Image."""
    premul = rgba.copy()
    premul[..., :3] *= premul[..., 3:4]
    bgra = np.ascontiguousarray((premul[..., [2, 1, 0, 3]] * 255 + 0.5).astype(np.uint8))
    return skia.Image.fromarray(bgra, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)


FIELD_SCALE = 4  # the field is computed at 1/4 size and smoothly upscaled: it has no detail to lose


@lru_cache(maxsize=16)
def gradient_field(width: int, height: int, colors: tuple[str, ...], seed: int, spotlight: bool) -> skia.Image:
    """A mesh-like gradient: colour blobs blended by distance, plus a vignette (and a key light)."""
    full_w, full_h = int(width * OVERSCAN), int(height * OVERSCAN)
    w, h = -(-full_w // FIELD_SCALE), -(-full_h // FIELD_SCALE)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    xs /= w
    ys /= h
    rng = np.random.default_rng(seed)
    base = np.array(hex_to_rgb(colors[0]), np.float32) / 255
    image = np.broadcast_to(base, (h, w, 3)).copy()
    for color in colors[1:]:
        cx, cy = rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9)
        radius = rng.uniform(0.35, 0.6)
        d2 = ((xs - cx) * (w / h)) ** 2 + (ys - cy) ** 2
        weight = (np.exp(-d2 / (2 * radius**2)) * 0.55)[..., None]
        image = image * (1 - weight) + (np.array(hex_to_rgb(color), np.float32) / 255) * weight
    if spotlight:  # a key light behind the presenter's head
        d2 = ((xs - 0.5) * (w / h)) ** 2 + (ys - 0.35) ** 2
        image = image + (np.exp(-d2 / 0.08) * 0.16)[..., None]
    vignette = 1 - 0.35 * np.clip(((xs - 0.5) ** 2 + (ys - 0.5) ** 2) * 2.2, 0, 1)
    image = image * vignette[..., None]
    rgba = np.concatenate([np.clip(image, 0, 1), np.ones((h, w, 1), np.float32)], axis=2)
    small = _to_image(rgba)
    surface = skia.Surface(full_w, full_h)
    surface.getCanvas().drawImageRect(small, skia.Rect.MakeWH(full_w, full_h), skia.SamplingOptions(skia.CubicResampler.Mitchell()))
    return surface.makeImageSnapshot()


@lru_cache(maxsize=16)
def bokeh_sprites(width: int, height: int, color: str, seed: int, count: int = 14) -> tuple[tuple[skia.Image, float, float], ...]:
    """Soft discs as small separate images with their positions: blending a few small
    sprites costs a fraction of blending a full-frame transparent layer."""
    rng = np.random.default_rng(seed + 7)
    r, g, b = hex_to_rgb(color)
    scale = min(width, height)
    sprites = []
    for _ in range(count):
        radius = float(rng.uniform(0.015, 0.07) * scale)
        blur = radius * 0.25
        size = int(2 * (radius + 3 * blur)) + 2
        surface = skia.Surface(size, size)
        canvas = surface.getCanvas()
        canvas.clear(skia.ColorTRANSPARENT)
        paint = skia.Paint(AntiAlias=True, Color=skia.ColorSetARGB(int(rng.uniform(18, 55)), r, g, b))
        paint.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, blur))
        canvas.drawCircle(size / 2, size / 2, radius, paint)
        x, y = float(rng.uniform(-0.05, 1.05) * width), float(rng.uniform(-0.05, 1.05) * height)
        sprites.append((surface.makeImageSnapshot(), x - size / 2, y - size / 2))
    return tuple(sprites)


class Background:
    """Draws the field and the bokeh with slow, different drifts (parallax)."""

    def __init__(self, width: int, height: int, colors: tuple[str, ...], bokeh_color: str, seed: int, spotlight: bool = False):
        self.width, self.height = width, height
        self.field = gradient_field(width, height, colors, seed, spotlight)
        self.sprites = bokeh_sprites(width, height, bokeh_color, seed)
        self.linear = skia.SamplingOptions(skia.FilterMode.kLinear)
        self.seed = seed

    def draw(self, canvas: skia.Canvas, t: float) -> None:
        spare_x = self.width * (OVERSCAN - 1) / 2
        spare_y = self.height * (OVERSCAN - 1) / 2
        phase = self.seed * 0.37
        dx = spare_x * (0.8 * math.sin(t * 0.09 + phase))
        dy = spare_y * (0.8 * math.cos(t * 0.07 + phase))
        # Whole-pixel offsets make the opaque field a plain copy (no filtering):
        # ~10x cheaper, and a 1 px step in a soft gradient every second or so is invisible.
        canvas.drawImage(self.field, round(-spare_x + dx), round(-spare_y + dy))
        for image, x, y in self.sprites:
            canvas.drawImage(image, x - 1.8 * dx, y - 1.5 * dy, self.linear)
