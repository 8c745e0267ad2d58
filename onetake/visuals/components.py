"""Reusable graphic pieces drawn in the video's style: cards, lower thirds, brand bug, pills, frames."""

from __future__ import annotations

from functools import lru_cache

import skia

from onetake.agent.storyboard import LowerThird
from onetake.draw import text
from onetake.draw.blit import draw_at_pixel
from onetake.draw.colors import mix, readable_on, relative_luminance, skcolor
from onetake.draw.easing import ease_in_out_sine, ease_out_cubic, window


def shadow_paint(alpha: float, blur: float) -> skia.Paint:
    # MaskFilter blur is ~20x cheaper than an image-filter drop shadow (STACK.md).
    paint = skia.Paint(AntiAlias=True, Color=skia.ColorSetARGB(round(255 * alpha), 0, 0, 0))
    paint.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, max(0.1, blur)))
    return paint


def card(canvas: skia.Canvas, rect: skia.Rect, radius: float, fill: str, alpha: float = 1.0, shadow: bool = True) -> None:
    """A filled rounded card with a soft drop shadow, drawn from a cached sprite.

    A blurred shadow under a large card costs 7-14 ms per 720p frame; the same
    card baked once and drawn as an image costs well under 1 ms."""
    if alpha <= 0.001:
        return
    image, pad = _card_sprite(round(rect.width() * 2) / 2, round(rect.height() * 2) / 2, round(radius, 1), fill, shadow)
    paint = skia.Paint(AntiAlias=True)
    paint.setAlphaf(min(1.0, alpha))
    draw_at_pixel(canvas, image, rect.left() - pad, rect.top() - pad, paint)


@lru_cache(maxsize=64)
def _card_sprite(width: float, height: float, radius: float, fill: str, shadow: bool) -> tuple[skia.Image, float]:
    blur = max(6.0, radius * 0.6, height * 0.04)
    pad = blur * 3.5 if shadow else 2.0
    surface = skia.Surface(int(width + 2 * pad) + 1, int(height + 2 * pad + blur) + 1)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorTRANSPARENT)
    rrect = skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(pad, pad, width, height), radius, radius)
    if shadow:
        canvas.save()
        canvas.translate(0, blur * 0.5)
        canvas.drawRRect(rrect, shadow_paint(0.28, blur))
        canvas.restore()
    canvas.drawRRect(rrect, skia.Paint(AntiAlias=True, Color=skcolor(fill)))
    return surface.makeImageSnapshot(), pad


def lower_third(stage, canvas: skia.Canvas, tag: LowerThird, t: float, shown_at: float, hidden_at: float) -> None:
    """Name and title tag in the style's design; enters eased, holds, and leaves eased."""
    enter = ease_out_cubic(window(t, shown_at, stage.pace(0.5)))
    leave = ease_in_out_sine(window(t, hidden_at - 0.35, 0.35))
    visible = enter * (1 - leave)
    if visible <= 0.001:
        return
    palette, unit, width, height = stage.palette, stage.unit, stage.width, stage.height
    design = stage.style.lower_third
    name_block = text.layout(stage.display(tag.name), stage.role("display-bold"), round(unit * 0.046, 1), width * 0.6)
    title_block = text.layout(tag.title, stage.role("body-medium"), round(unit * 0.03, 1), width * 0.6) if tag.title else None
    pad = unit * 0.025
    x0 = width * 0.06
    y0 = height * (0.70 if stage.portrait else 0.62)
    canvas.save()
    canvas.saveLayerAlpha(None, round(255 * visible))
    if design == "tab":  # two stacked tabs: the name on the accent, the title on the surface
        name_w = name_block.width + pad * 2
        slide = (1 - enter) * -name_w * 0.5
        h1 = name_block.height + pad * 0.9
        r = stage.radius(unit * 0.012)
        card(canvas, skia.Rect.MakeXYWH(x0 + slide, y0, name_w, h1), r, palette.accent)
        name_block.draw(canvas, x0 + slide + pad, y0 + pad * 0.45, skia.Paint(AntiAlias=True, Color=skcolor(readable_on(palette.accent, "#0B0F19"))))
        if title_block:
            late = ease_out_cubic(window(t, shown_at + 0.15, stage.pace(0.5)))
            tw = title_block.width + pad * 2
            card(canvas, skia.Rect.MakeXYWH(x0 + pad * 0.8 + (1 - late) * -tw * 0.4, y0 + h1 - pad * 0.1, tw, title_block.height + pad * 0.8), r, palette.surface, late)
            title_block.draw(canvas, x0 + pad * 1.8 + (1 - late) * -tw * 0.4, y0 + h1 + pad * 0.3,
                             skia.Paint(AntiAlias=True, Color=skcolor(readable_on(palette.surface, palette.text), late)))
    elif design == "underline":  # no box: type over a soft scrim, an accent rule drawing itself under the name
        box_w = max(name_block.width, title_block.width if title_block else 0)
        box_h = name_block.height + (title_block.height + pad * 0.9 if title_block else 0)
        light = relative_luminance(palette.background) > 0.4
        scrim = shadow_paint(0.32, unit * 0.05)
        if light:  # a paper-white glow, not a grey smudge, behind dark type
            scrim.setColor(skcolor(palette.surface, 0.7))
        canvas.drawRect(skia.Rect.MakeXYWH(x0 - pad, y0 - pad * 0.5, box_w + pad * 2, box_h + pad), scrim)
        dx = (1 - enter) * -unit * 0.03
        ink = readable_on(palette.surface, palette.text) if light else "#FFFFFF"
        name_block.draw(canvas, x0 + dx, y0, skia.Paint(AntiAlias=True, Color=skcolor(ink)))
        rule_y = y0 + name_block.height + pad * 0.35
        canvas.drawRect(skia.Rect.MakeXYWH(x0, rule_y, box_w * ease_out_cubic(window(t, shown_at + 0.1, stage.pace(0.7))), max(2.0, unit * 0.004)),
                        skia.Paint(AntiAlias=True, Color=skcolor(palette.accent)))
        if title_block:
            title_block.draw(canvas, x0 + dx * 0.5, rule_y + pad * 0.55, skia.Paint(AntiAlias=True, Color=skcolor(mix(ink, palette.accent, 0.35))))
    else:  # bar (a card with an accent edge) or glass (a translucent card with a hairline border)
        box_w = max(name_block.width, title_block.width if title_block else 0) + pad * 2.6
        box_h = name_block.height + (title_block.height + pad * 0.4 if title_block else 0) + pad * 1.6
        x = x0 - (1 - enter) * (box_w * 0.4) + leave * -box_w * 0.2
        rect = skia.Rect.MakeXYWH(x, y0, box_w, box_h)
        r = stage.radius(unit * (0.02 if design == "glass" else 0.012))
        fill = palette.surface
        card(canvas, rect, r, fill, 0.72 if design == "glass" else 0.94)
        if design == "glass":
            border = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=max(1.0, unit * 0.0018), Color=skcolor(palette.text, 0.28))
            canvas.drawRRect(skia.RRect.MakeRectXY(rect, r, r), border)
            canvas.drawCircle(x + pad * 0.7, y0 + pad * 0.8 + name_block.height * 0.5, unit * 0.006, skia.Paint(AntiAlias=True, Color=skcolor(palette.accent)))
        else:
            canvas.save()
            canvas.clipRRect(skia.RRect.MakeRectXY(rect, r, r), doAntiAlias=True)
            canvas.drawRect(skia.Rect.MakeXYWH(x, y0, unit * 0.01, box_h), skia.Paint(AntiAlias=True, Color=skcolor(palette.accent)))
            canvas.restore()
        name_color = readable_on(fill, palette.text)
        name_block.draw(canvas, x + pad * 1.4, y0 + pad * 0.8, skia.Paint(AntiAlias=True, Color=skcolor(name_color)))
        if title_block:
            title_color = readable_on(fill, palette.accent, palette.muted, palette.muted)
            title_block.draw(canvas, x + pad * 1.4, y0 + pad * 1.2 + name_block.height, skia.Paint(AntiAlias=True, Color=skcolor(title_color)))
    canvas.restore()
    canvas.restore()


def brand_bug(stage, canvas: skia.Canvas, on: str | None = None) -> None:
    """The brand's mark in the top-left corner: the kit's logo when there is one, else a dot and the name."""
    unit, palette = stage.unit, stage.palette
    x, y = stage.width * 0.04, stage.height * 0.045
    logo = stage.logo
    if logo is not None:
        h = unit * 0.07
        w = h * logo.width() / logo.height()
        if w > stage.width * 0.2:  # wide wordmarks: cap the width instead
            w = stage.width * 0.2
            h = w * logo.height() / logo.width()
        canvas.drawImageRect(logo, skia.Rect.MakeXYWH(x, y, w, h), skia.SamplingOptions(skia.CubicResampler.Mitchell()),
                             skia.Paint(AntiAlias=True, Color=skia.ColorSetARGB(235, 255, 255, 255)))
        return
    brand = stage.timeline.brand
    if not brand:
        return
    block = text.layout(brand.upper(), stage.role("body-semibold"), round(unit * 0.024, 1), stage.width * 0.4)
    canvas.drawCircle(x + unit * 0.008, y + block.height * 0.55, unit * 0.008, skia.Paint(AntiAlias=True, Color=skcolor(palette.accent)))
    ink = readable_on(on or palette.background, palette.text)
    block.draw(canvas, x + unit * 0.026, y, skia.Paint(AntiAlias=True, Color=skcolor(ink, 0.88)))


def pill(stage, canvas: skia.Canvas, label: str, x: float, cy: float, size: float, fill: str, ink: str, max_width: float, anchor: str = "center") -> skia.Rect:
    """A button. `x` is its centre, or its left edge with anchor="left". Square-cornered styles get a square button."""
    block = text.fit(label, stage.role("display-bold"), size, size * 0.55, max_width - size * 2, size * 1.4, max_lines=1)
    w, h = block.width + size * 1.6, block.height + size * 0.9
    left = x if anchor == "left" else x - w / 2
    rect = skia.Rect.MakeXYWH(left, cy - h / 2, w, h)
    card(canvas, rect, min(h / 2, stage.radius(h / 2)) if stage.style.corner < 1 else h / 2, fill)
    block.draw(canvas, rect.left() + size * 0.8, rect.top() + size * 0.45, skia.Paint(AntiAlias=True, Color=skcolor(ink)))
    return rect


def circle_frame(canvas: skia.Canvas, cx: float, cy: float, radius: float, palette, draw_inside) -> None:
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


def corner_frame(canvas: skia.Canvas, rect: skia.Rect, color: str, progress: float, stroke: float, arm: float) -> None:
    """Hairline frame with heavier corner brackets, drawing itself in (print and luxury title cards)."""
    p = ease_out_cubic(progress)
    if p <= 0:
        return
    hair = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=max(1.0, stroke * 0.35), Color=skcolor(color, 0.55 * p))
    inset = (1 - p) * arm
    canvas.drawRect(skia.Rect.MakeLTRB(rect.left() + inset, rect.top() + inset, rect.right() - inset, rect.bottom() - inset), hair)
    heavy = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=stroke, Color=skcolor(color, p))
    a = arm * p
    for x, y, sx, sy in ((rect.left(), rect.top(), 1, 1), (rect.right(), rect.top(), -1, 1), (rect.left(), rect.bottom(), 1, -1), (rect.right(), rect.bottom(), -1, -1)):
        canvas.drawLine(x, y, x + sx * a, y, heavy)
        canvas.drawLine(x, y, x, y + sy * a, heavy)
