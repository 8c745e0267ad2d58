"""Moving procedural backgrounds: a gradient mesh with a baked texture, and drifting sprite layers.

Cheap by construction (STACK.md fast paths): everything static (mesh, grain,
paper, grid, vignette) is baked once into one opaque image per scene kind; per
frame only a whole-pixel copy of it plus a few small premultiplied sprites are
drawn, each layer drifting at its own rate (parallax). No frame is a flat colour.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import skia

from onetake.draw.colors import hex_to_rgb, skcolor
from onetake.visuals.styles.models import BackgroundSpec

OVERSCAN = 1.12  # the image is larger than the frame so it can drift without showing edges
FIELD_SCALE = 4  # the mesh is computed at 1/4 size and smoothly upscaled: it has no detail to lose


def _to_image(rgba: np.ndarray) -> skia.Image:
    """RGBA float 0..1 (straight alpha) -> premultiplied BGRA skia.Image."""
    premul = rgba.copy()
    premul[..., :3] *= premul[..., 3:4]
    bgra = np.ascontiguousarray((premul[..., [2, 1, 0, 3]] * 255 + 0.5).astype(np.uint8))
    return skia.Image.fromarray(bgra, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)


def _rgb(color: str) -> np.ndarray:
    return np.array(hex_to_rgb(color), np.float32) / 255


def _mesh(w: int, h: int, colors: tuple[str, ...], seed: int, spot: float, vignette: float) -> np.ndarray:
    """A gradient mesh: colour blobs blended by distance, a top light and a vignette (RGB 0..1)."""
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    xs /= w
    ys /= h
    rng = np.random.default_rng(seed)
    image = np.broadcast_to(_rgb(colors[0]), (h, w, 3)).copy()
    for color in colors[1:]:
        cx, cy = rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95)
        radius = rng.uniform(0.3, 0.55)
        d2 = ((xs - cx) * (w / h)) ** 2 + (ys - cy) ** 2
        weight = (np.exp(-d2 / (2 * radius**2)) * 0.6)[..., None]
        image = image * (1 - weight) + _rgb(color) * weight
    if spot > 0:  # a key light behind the presenter's head / the title
        d2 = ((xs - 0.5) * (w / h)) ** 2 * 0.6 + (ys - 0.3) ** 2
        image = image + (np.exp(-d2 / 0.09) * spot * 0.5)[..., None]
    falloff = np.clip(((xs - 0.5) ** 2 + (ys - 0.5) ** 2) * 2.2, 0, 1)
    return np.clip(image * (1 - vignette * falloff)[..., None], 0, 1)


def _texture(canvas: skia.Canvas, w: int, h: int, spec: BackgroundSpec, ink: str, seed: int) -> None:
    """Line textures drawn with skia onto the baked field (grid, scanlines)."""
    if spec.texture == "grid":  # a synthwave floor: lines converging on a horizon, fading with distance
        horizon = h * 0.62
        paint = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=max(1.0, h / 540))
        for i in range(-14, 15):
            paint.setColor(skcolor(ink, 0.22))
            canvas.drawLine(w / 2 + i * w * 0.012, horizon, w / 2 + i * w * 0.16, h * 1.05, paint)
        for j in range(1, 13):
            y = horizon + (h - horizon) * (j / 12) ** 2.2
            paint.setColor(skcolor(ink, 0.08 + 0.22 * j / 12))
            canvas.drawLine(0, y, w, y, paint)
        glow = skia.Paint(AntiAlias=True, Color=skcolor(ink, 0.35))
        glow.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, h * 0.02))
        canvas.drawRect(skia.Rect.MakeXYWH(0, horizon - h * 0.006, w, h * 0.012), glow)
    elif spec.texture == "scanlines":
        paint = skia.Paint(Color=skia.ColorSetARGB(40, 0, 0, 0))
        step = max(3, round(h / 240))
        for y in range(0, h, step):
            canvas.drawRect(skia.Rect.MakeXYWH(0, y, w, 1), paint)


@lru_cache(maxsize=16)
def field_image(width: int, height: int, colors: tuple[str, ...], seed: int, spec: BackgroundSpec, ink: str) -> skia.Image:
    full_w, full_h = int(width * OVERSCAN), int(height * OVERSCAN)
    w, h = -(-full_w // FIELD_SCALE), -(-full_h // FIELD_SCALE)
    mesh = _mesh(w, h, colors, seed, spec.spot, spec.vignette)
    small = _to_image(np.concatenate([mesh, np.ones((h, w, 1), np.float32)], axis=2))
    surface = skia.Surface(full_w, full_h)
    canvas = surface.getCanvas()
    canvas.drawImageRect(small, skia.Rect.MakeWH(full_w, full_h), skia.SamplingOptions(skia.CubicResampler.Mitchell()))
    _texture(canvas, full_w, full_h, spec, ink, seed)
    pixels = np.asarray(surface.makeImageSnapshot().toarray(colorType=skia.kBGRA_8888_ColorType), dtype=np.float32)
    if spec.grain > 0 or spec.texture == "paper":
        _grain(pixels, spec, seed)
    out = np.ascontiguousarray(np.clip(pixels, 0, 255).astype(np.uint8))
    out[..., 3] = 255
    # Flagged opaque: drawing it is then a plain copy, no blending (~2x cheaper).
    return skia.Image.fromarray(out, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kOpaque_AlphaType)


def _grain(pixels: np.ndarray, spec: BackgroundSpec, seed: int) -> None:
    full_h, full_w = pixels.shape[:2]
    # Grain and paper fibres are baked at full resolution, once: animated grain would cost a full-frame blend per frame.
    rng = np.random.default_rng(seed + 101)
    noise = rng.standard_normal((full_h, full_w), dtype=np.float32) * (spec.grain * 255)
    if spec.texture == "paper":  # long soft fibres: stretched low-frequency noise
        fibres = _smooth_noise(rng, full_w, full_h, 24, 4)
        blotch = _smooth_noise(rng, full_w, full_h, 90, 90)
        noise += fibres * 3.5 + blotch * 4.0
    pixels[..., :3] += noise[..., None]


def _smooth_noise(rng: np.random.Generator, w: int, h: int, step_x: int, step_y: int) -> np.ndarray:
    """Noise on a coarse grid, bilinearly upscaled: soft fibres (long steps in x) or blotches."""
    from scipy.ndimage import zoom

    coarse = rng.standard_normal((h // step_y + 2, w // step_x + 2)).astype(np.float32)
    return zoom(coarse, (step_y, step_x), order=1)[:h, :w]


def _sprite(size: int, draw) -> skia.Image:
    surface = skia.Surface(size, size)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    draw(canvas, size)
    return surface.makeImageSnapshot()


@lru_cache(maxsize=16)
def sprites(width: int, height: int, kind: str, colors: tuple[str, ...], seed: int) -> tuple[tuple[skia.Image, float, float, float, float], ...]:
    """Small separate images (image, x, y, depth, spin): blending a few sprites costs a fraction of a full-frame layer."""
    rng = np.random.default_rng(seed + 7)
    scale = min(width, height)
    out = []
    count = {"bokeh": 14, "shapes": 9, "dust": 26, "confetti": 16}.get(kind, 0)
    for i in range(count):
        color = colors[i % len(colors)]
        depth = float(rng.uniform(0.4, 1.6))  # nearer sprites are bigger and drift further
        if kind == "bokeh":
            radius = float(rng.uniform(0.015, 0.07) * scale)
            blur = radius * 0.25
            size = int(2 * (radius + 3 * blur)) + 2
            alpha = rng.uniform(0.07, 0.22)

            def draw(c, s, radius=radius, blur=blur, alpha=alpha, color=color):
                p = skia.Paint(AntiAlias=True, Color=skcolor(color, alpha))
                p.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, blur))
                c.drawCircle(s / 2, s / 2, radius, p)
        elif kind == "shapes":
            radius = float(rng.uniform(0.03, 0.11) * scale)
            size = int(radius * 2.6) + 4
            shape = ("ring", "square", "plus", "dots", "arc")[i % 5]
            alpha = rng.uniform(0.12, 0.24)
            angle = float(rng.uniform(-35, 35))  # baked in: rotating per frame costs ~8x a plain draw

            def draw(c, s, radius=radius, shape=shape, alpha=alpha, color=color, angle=angle):
                c.translate(s / 2, s / 2)
                c.rotate(angle)
                c.translate(-s / 2, -s / 2)
                stroke = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=max(2.0, radius * 0.12), Color=skcolor(color, alpha))
                stroke.setStrokeCap(skia.Paint.kRound_Cap)
                m = s / 2
                if shape == "ring":
                    c.drawCircle(m, m, radius, stroke)
                elif shape == "square":
                    c.drawRoundRect(skia.Rect.MakeXYWH(m - radius * 0.8, m - radius * 0.8, radius * 1.6, radius * 1.6), radius * 0.25, radius * 0.25, stroke)
                elif shape == "plus":
                    c.drawLine(m - radius * 0.6, m, m + radius * 0.6, m, stroke)
                    c.drawLine(m, m - radius * 0.6, m, m + radius * 0.6, stroke)
                elif shape == "dots":
                    fill = skia.Paint(AntiAlias=True, Color=skcolor(color, alpha * 1.4))
                    for gx in range(4):
                        for gy in range(4):
                            c.drawCircle(m - radius * 0.75 + gx * radius * 0.5, m - radius * 0.75 + gy * radius * 0.5, radius * 0.06, fill)
                else:
                    c.drawArc(skia.Rect.MakeXYWH(m - radius, m - radius, radius * 2, radius * 2), 200, 140, False, stroke)
        elif kind == "dust":
            radius = float(rng.uniform(0.0015, 0.005) * scale)
            size = int(radius * 8) + 4
            alpha = rng.uniform(0.25, 0.6)

            def draw(c, s, radius=radius, alpha=alpha, color=color):
                p = skia.Paint(AntiAlias=True, Color=skcolor(color, alpha))
                p.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, radius * 0.8))
                c.drawCircle(s / 2, s / 2, radius, p)
        else:  # confetti
            length = float(rng.uniform(0.018, 0.036) * scale)
            size = int(length * 1.6) + 4
            alpha = rng.uniform(0.55, 0.85)

            def draw(c, s, length=length, alpha=alpha, color=color):
                p = skia.Paint(AntiAlias=True, Color=skcolor(color, alpha))
                r = skia.Rect.MakeXYWH(s / 2 - length / 2, s / 2 - length * 0.18, length, length * 0.36)
                c.drawRoundRect(r, length * 0.18, length * 0.18, p)
        image = _sprite(size, draw)
        x, y = float(rng.uniform(-0.05, 1.05) * width), float(rng.uniform(-0.05, 1.05) * height)
        # Only confetti spins: rotated draws cost ~8x more, and it is small (STACK.md: fast paths).
        spin = float(rng.uniform(-12, 12)) if kind == "confetti" else 0.0
        out.append((image, x - size / 2, y - size / 2, depth, spin))
    return tuple(out)


class Background:
    """Draws the baked field and its sprite layers with slow, different drifts (parallax)."""

    def __init__(self, width: int, height: int, colors: tuple[str, ...], sprite_colors: tuple[str, ...], seed: int, spec: BackgroundSpec, ink: str):
        self.width, self.height = width, height
        self.field = field_image(width, height, colors, seed, spec, ink)
        self.sprites = sprites(width, height, spec.particles, sprite_colors, seed)
        self.rises = spec.particles == "dust"  # dust floats up through a light beam
        # Soft sprites (bokeh, dust) at whole pixels are a plain blend (~8x cheaper); a 1 px step
        # in a blurred disc is invisible. Crisp shapes keep sub-pixel filtering so they glide.
        self.whole_pixels = spec.particles in ("bokeh", "dust")
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
        for image, x, y, depth, spin in self.sprites:
            px, py = x - 1.8 * depth * dx, y - 1.5 * depth * dy
            if self.rises:
                py = (py - t * self.height * 0.012 * depth) % (self.height * 1.1) - self.height * 0.05
            if spin:
                half = image.width() / 2
                canvas.save()
                canvas.translate(px + half, py + half)
                canvas.rotate(spin * t + x)
                canvas.drawImage(image, -half, -half, self.linear)
                canvas.restore()
            elif self.whole_pixels:
                canvas.drawImage(image, round(px), round(py))
            else:
                canvas.drawImage(image, px, py, self.linear)
