"""Icons rasterised offline with ThorVG (skia's SVG renderer mis-draws some SVGs, STACK.md) and recoloured to the palette.

Line icons take one palette colour; colour emoji are gradient-mapped: each
pixel's luminance picks a colour on a ramp through the palette, so an emoji's
shading survives but its hues become the brand's.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache

import numpy as np
import skia

from onetake.agent.storyboard import Palette
from onetake.draw.colors import hex_to_rgb, mix
from onetake.errors import RenderFailed
from onetake.visuals.icons.catalogue import Icon, svg_text

MAX_ICON_PX = 2048
MAP_STRENGTH = 0.85  # a little of the original colour keeps an emoji recognisable


@lru_cache(maxsize=1)
def _engine():
    import thorvg_python as tvg

    return tvg, tvg.Engine(threads=0)


def rasterise(svg: str, size_px: int) -> np.ndarray:
    """(size, size, 4) uint8 straight-alpha RGBA, the SVG fitted into the square."""
    if not 1 <= size_px <= MAX_ICON_PX:
        raise RenderFailed(f"icon size must be 1-{MAX_ICON_PX} px, not {size_px}")
    tvg, engine = _engine()
    canvas = tvg.SwCanvas(engine)
    canvas.set_target(size_px, size_px, cs=tvg.Colorspace.ABGR8888S)
    picture = tvg.Picture(engine)
    data = svg.replace("currentColor", "#000000").encode("utf-8")
    if picture.load_data(data, "svg", None, True) != tvg.Result.SUCCESS:
        raise RenderFailed("an icon's SVG could not be read")
    _, w, h = picture.get_size()
    scale = size_px / max(w, h, 1e-6)
    picture.set_size(w * scale, h * scale)
    picture.translate((size_px - w * scale) / 2, (size_px - h * scale) / 2)
    canvas.add(picture)
    canvas.draw(True)
    canvas.sync()
    pixels = np.frombuffer(canvas.buffer_arr, dtype=np.uint8).reshape(size_px, size_px, 4).copy()
    canvas.destroy()
    return pixels


def _ramp(palette: Palette) -> np.ndarray:
    stops = [mix(palette.background, "#000000", 0.35), palette.primary, palette.accent, mix(palette.accent, "#FFFFFF", 0.75)]
    anchors = np.array([0.0, 0.4, 0.72, 1.0])
    colours = np.array([hex_to_rgb(c) for c in stops], np.float32)
    x = np.linspace(0, 1, 256)
    return np.stack([np.interp(x, anchors, colours[:, c]) for c in range(3)], axis=1)  # (256, 3) 0-255


def recolour(rgba: np.ndarray, palette: Palette, ink: str | None, colour: bool) -> np.ndarray:
    out = rgba.astype(np.float32)
    if colour:
        lum = (0.2126 * out[..., 0] + 0.7152 * out[..., 1] + 0.0722 * out[..., 2]).astype(np.uint8)
        out[..., :3] = _ramp(palette)[lum] * MAP_STRENGTH + out[..., :3] * (1 - MAP_STRENGTH)
    else:
        out[..., :3] = np.array(hex_to_rgb(ink or palette.accent), np.float32)
    return out.clip(0, 255).astype(np.uint8)


def to_skia(rgba: np.ndarray) -> skia.Image:
    """Straight RGBA -> premultiplied BGRA skia image (its fast drawing path, STACK.md)."""
    alpha = rgba[..., 3:4].astype(np.uint16)
    bgra = np.empty_like(rgba)
    bgra[..., :3] = ((rgba[..., 2::-1].astype(np.uint16) * alpha + 127) // 255).astype(np.uint8)
    bgra[..., 3] = rgba[..., 3]
    return skia.Image.fromarray(np.ascontiguousarray(bgra), colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)


@lru_cache(maxsize=64)
def _drawn(icon: Icon, size_px: int, palette_json: str, ink: str | None) -> skia.Image:
    palette = Palette.model_validate_json(palette_json)
    return to_skia(recolour(rasterise(svg_text(icon), size_px), palette, ink, icon.colour))


def draw_icon(icon: Icon, size_px: int, palette: Palette, ink: str | None = None) -> skia.Image:
    """The icon as a premultiplied BGRA skia image, size_px square, in the palette's colours (cached)."""
    return _drawn(icon, int(size_px), palette.model_dump_json(), ink)
