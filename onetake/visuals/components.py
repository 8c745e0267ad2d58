"""Reusable graphic pieces: panels, lower thirds, picture-in-picture, brand bug, pills."""

from __future__ import annotations

import skia

from onetake.agent.storyboard import LowerThird, Palette
from onetake.draw import text
from onetake.draw.colors import mix, readable_on, skcolor
from onetake.draw.easing import ease_out_cubic, window


def shadow_paint(alpha: float, blur: float) -> skia.Paint:
    # MaskFilter blur is ~20x cheaper than an image-filter drop shadow (STACK.md).
    paint = skia.Paint(AntiAlias=True, Color=skia.ColorSetARGB(round(255 * alpha), 0, 0, 0))
    paint.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, blur))
    return paint


def card(canvas: skia.Canvas, rect: skia.Rect, radius: float, fill: str, alpha: float = 1.0, shadow: bool = True) -> None:
    rrect = skia.RRect.MakeRectXY(rect, radius, radius)
    if shadow:
        canvas.save()
        canvas.translate(0, radius * 0.35)
        canvas.drawRRect(rrect, shadow_paint(0.28 * alpha, radius * 0.6))
        canvas.restore()
    canvas.drawRRect(rrect, skia.Paint(AntiAlias=True, Color=skcolor(fill, alpha)))


def lower_third(canvas: skia.Canvas, tag: LowerThird, palette: Palette, width: int, height: int, t: float, shown_at: float, hidden_at: float) -> None:
    """Name and title tag that slides in from the left, holds, and slides out."""
    enter = ease_out_cubic(window(t, shown_at, 0.45))
    leave = ease_out_cubic(window(t, hidden_at - 0.35, 0.35))
    visible = enter * (1 - leave)
    if visible <= 0.001:
        return
    unit = min(width, height)
    name_block = text.layout(tag.name, "display-bold", round(unit * 0.046, 1), width * 0.6)
    title_block = text.layout(tag.title, "body-medium", round(unit * 0.03, 1), width * 0.6) if tag.title else None
    pad = unit * 0.025
    box_w = max(name_block.width, title_block.width if title_block else 0) + pad * 2.6
    box_h = name_block.height + (title_block.height + pad * 0.4 if title_block else 0) + pad * 1.6
    x0 = width * 0.06 - (1 - enter) * (box_w * 0.4) + leave * -box_w * 0.2
    y0 = height * (0.70 if height > width else 0.62)
    canvas.save()
    canvas.saveLayerAlpha(None, round(255 * visible))
    card(canvas, skia.Rect.MakeXYWH(x0, y0, box_w, box_h), unit * 0.012, palette.surface, 0.92)
    canvas.drawRect(skia.Rect.MakeXYWH(x0, y0, unit * 0.01, box_h), skia.Paint(AntiAlias=True, Color=skcolor(palette.accent)))
    name_color = readable_on(palette.surface, palette.text)
    name_block.draw(canvas, x0 + pad * 1.4, y0 + pad * 0.8, skia.Paint(AntiAlias=True, Color=skcolor(name_color)))
    if title_block:
        title_color = readable_on(palette.surface, palette.accent)
        title_block.draw(canvas, x0 + pad * 1.4, y0 + pad * 1.2 + name_block.height, skia.Paint(AntiAlias=True, Color=skcolor(title_color)))
    canvas.restore()
    canvas.restore()


def brand_bug(canvas: skia.Canvas, brand: str, palette: Palette, width: int, height: int) -> None:
    unit = min(width, height)
    block = text.layout(brand.upper(), "body-semibold", round(unit * 0.024, 1), width * 0.4)
    x, y = width * 0.04, height * 0.045
    canvas.drawCircle(x + unit * 0.008, y + block.height * 0.55, unit * 0.008, skia.Paint(AntiAlias=True, Color=skcolor(palette.accent)))
    block.draw(canvas, x + unit * 0.026, y, skia.Paint(AntiAlias=True, Color=skcolor(palette.text, 0.85)))


def pill(canvas: skia.Canvas, label: str, x: float, cy: float, size: float, fill: str, ink: str, max_width: float, anchor: str = "center") -> skia.Rect:
    """A rounded button. `x` is its centre, or its left edge with anchor="left"."""
    block = text.fit(label, "display-bold", size, size * 0.55, max_width - size * 2, size * 1.4, max_lines=1)
    w, h = block.width + size * 1.6, block.height + size * 0.9
    left = x if anchor == "left" else x - w / 2
    rect = skia.Rect.MakeXYWH(left, cy - h / 2, w, h)
    card(canvas, rect, h / 2, fill)
    block.draw(canvas, rect.left() + size * 0.8, rect.top() + size * 0.45, skia.Paint(AntiAlias=True, Color=skcolor(ink)))
    return rect


def circle_frame(canvas: skia.Canvas, cx: float, cy: float, radius: float, palette: Palette, draw_inside) -> None:
    """A round picture-in-picture: backdrop, content clipped to the circle, an accent ring."""
    canvas.drawCircle(cx, cy + radius * 0.06, radius, shadow_paint(0.35, radius * 0.12))
    canvas.save()
    path = skia.Path()
    path.addCircle(cx, cy, radius)
    canvas.clipPath(path, doAntiAlias=True)
    canvas.drawCircle(cx, cy, radius, skia.Paint(AntiAlias=True, Color=skcolor(mix(palette.surface, palette.primary, 0.35))))
    draw_inside()
    canvas.restore()
    ring = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=radius * 0.05, Color=skcolor(palette.accent))
    canvas.drawCircle(cx, cy, radius, ring)
