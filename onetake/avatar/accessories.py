"""Glasses: drawn over the eyes and shifted with them when the head turns."""

from __future__ import annotations

import skia

from onetake.avatar.anatomy import Anatomy
from onetake.avatar.look import Look
from onetake.avatar.paint import fill, rgb, shade, stroke


def draw_glasses(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    if look.glasses == "none":
        return
    frame = rgb(look.glasses_colour)
    y = anat.eye_y + 2
    dx = anat.eye_dx
    if look.glasses == "rect":
        hw, hh, r = 45.0, 30.0, 13.0
    else:
        hw, hh, r = 38.0, 36.0, 36.0
    pen = stroke(frame, 6.0)
    shadow = stroke((0.1, 0.05, 0.05), 6.0, 0.18, blur=3)
    glint = fill((1, 1, 1), 0.22)
    for s in (-1, 1):
        rect = skia.Rect.MakeLTRB(s * dx - hw, y - hh, s * dx + hw, y + hh)
        lens = skia.Path.RRect(skia.RRect.MakeRectXY(rect, r, r))
        c.drawPath(lens, fill((1, 1, 1), 0.07))
        c.save()
        c.clipPath(lens, doAntiAlias=True)
        band = skia.Path.Polygon([skia.Point(s * dx - hw * 0.2, y - hh), skia.Point(s * dx + hw * 0.25, y - hh),
                                  skia.Point(s * dx - hw * 0.35, y + hh), skia.Point(s * dx - hw * 0.8, y + hh)], True)
        c.drawPath(band, glint)
        c.restore()
        c.save()
        c.translate(2, 8)
        c.drawPath(lens, shadow)  # the frame's shadow on the cheek
        c.restore()
        c.drawPath(lens, pen)
        # Temple arm running back to the ear.
        x0 = s * (dx + hw - 2)
        c.drawLine(x0, y - hh * 0.55, s * (anat.ear_x + 4), y - hh * 0.3, stroke(shade(frame, 0.9), 5.0))
    bridge = skia.Path()
    bridge.moveTo(-dx + hw - 1, y - hh * 0.35)
    bridge.quadTo(0, y - hh * 0.8, dx - hw + 1, y - hh * 0.35)
    c.drawPath(bridge, stroke(frame, 5.0))
