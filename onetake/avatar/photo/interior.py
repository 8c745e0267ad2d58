"""The inside of an opened photo mouth: cavity, upper and lower teeth, tongue, shaded lip edges.

Drawn with skia over the warped photo, in base pixels, clipped to the opening
between the warped inner lip contours. Colours follow the photo's exposure so
the teeth never glow on a dim portrait.
"""

from __future__ import annotations

import numpy as np
import skia

from onetake.avatar.mouth import MouthShape


def _c(rgb: tuple[float, float, float], a: float = 1.0) -> int:
    return skia.Color4f(float(min(1, rgb[0])), float(min(1, rgb[1])), float(min(1, rgb[2])), float(a)).toColor()


def _curve(path: skia.Path, pts: np.ndarray, move: bool) -> None:
    n = len(pts)
    if move:
        path.moveTo(float(pts[0, 0]), float(pts[0, 1]))
    for i in range(n - 1):
        p0, p1, p2 = pts[max(0, i - 1)], pts[i], pts[i + 1]
        p3 = pts[min(n - 1, i + 2)]
        c1, c2 = p1 + (p2 - p0) / 6, p2 - (p3 - p1) / 6
        path.cubicTo(float(c1[0]), float(c1[1]), float(c2[0]), float(c2[1]), float(p2[0]), float(p2[1]))


class MouthInterior:
    def __init__(self, exposure: float, lip_rgb: tuple[float, float, float], half_width: float):
        k = float(np.clip(exposure, 0.55, 1.05))
        self.w = half_width
        self.cavity = _c((0.23 * k, 0.06 * k, 0.07 * k))
        self.throat = _c((0.1 * k, 0.02 * k, 0.03 * k), 0.9)
        self.teeth = (0.86 * k, 0.82 * k, 0.74 * k)
        self.tongue = (0.72 * k, 0.33 * k, 0.36 * k)
        self.lip_edge = _c((lip_rgb[0] * 0.55, lip_rgb[1] * 0.45, lip_rgb[2] * 0.45), 0.55)
        self.shadow = _c((0.05, 0.01, 0.02), 0.55)

    def draw(self, c: skia.Canvas, upper: np.ndarray, lower: np.ndarray, m: MouthShape) -> None:
        mid = len(upper) // 2
        gap = float(lower[mid, 1] - upper[mid, 1])
        if gap < 1.2:
            return
        path = skia.Path()
        _curve(path, upper, True)
        _curve(path, lower[::-1], False)
        path.close()
        cx = float((upper[0, 0] + upper[-1, 0]) / 2)
        w = float(upper[-1, 0] - upper[0, 0]) / 2
        top, bottom = float(upper[mid, 1]), float(lower[mid, 1])
        c.save()
        c.clipPath(path, doAntiAlias=True)
        c.drawPaint(skia.Paint(Color=self.cavity))
        throat = skia.Paint(AntiAlias=True, Color=self.throat, MaskFilter=skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, max(1.0, gap * 0.25)))
        c.drawOval(skia.Rect.MakeLTRB(cx - w * 0.45, top + gap * 0.2, cx + w * 0.45, bottom - gap * 0.05), throat)
        if m.tongue > 0.05:
            ty = bottom - gap * (0.2 + 0.25 * m.tongue + 0.25 * m.tongue_up)
            tongue = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
                [(cx, ty), (cx, bottom)], [_c(self.tongue), _c(tuple(v * 0.75 for v in self.tongue))]))
            c.drawOval(skia.Rect.MakeLTRB(cx - w * 0.7, ty, cx + w * 0.7, bottom + gap * 0.6), tongue)
        if m.upper_teeth > 0.05:
            h = m.upper_teeth * min(gap * 0.45, w * 0.28) + 1.0
            self._teeth(c, cx, w * 0.78, top - 3, top + h, True)
        if m.lower_teeth > 0.05:
            h = m.lower_teeth * min(gap * 0.3, w * 0.2) + 0.5
            self._teeth(c, cx, w * 0.62, bottom - h, bottom + 3, False)
        # The lips' own shadow inside the opening, deepest under the upper lip.
        edge = skia.Paint(AntiAlias=True, Color=self.shadow, Style=skia.Paint.kStroke_Style,
                          StrokeWidth=max(1.5, gap * 0.22),
                          MaskFilter=skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, max(0.8, gap * 0.08)))
        c.drawPath(path, edge)
        c.restore()
        line = skia.Paint(AntiAlias=True, Color=self.lip_edge, Style=skia.Paint.kStroke_Style, StrokeWidth=max(0.8, w * 0.025))
        c.drawPath(path, line)

    def _teeth(self, c: skia.Canvas, cx: float, hw: float, y0: float, y1: float, upper: bool) -> None:
        light, dark = _c(self.teeth), _c(tuple(v * 0.55 for v in self.teeth))
        rect = skia.Rect.MakeLTRB(cx - hw, y0, cx + hw, y1)
        stops = [dark, light, light] if upper else [light, light, dark]
        paint = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear([(cx, y0), (cx, y1)], stops, [0.0, 0.45, 1.0]))
        r = min(hw * 0.2, (y1 - y0) * 0.45)
        c.drawRoundRect(rect, r, r, paint)
        # Gaps between teeth, fading towards the corners where the teeth turn away.
        sep = skia.Paint(AntiAlias=True, Color=_c(tuple(v * 0.6 for v in self.teeth), 0.35), Style=skia.Paint.kStroke_Style, StrokeWidth=max(0.6, hw * 0.018))
        for f in (-0.62, -0.36, -0.12, 0.12, 0.36, 0.62):
            x = cx + f * hw
            c.drawLine(x, y0 + (y1 - y0) * (0.35 if upper else 0.0), x, y1 - (y1 - y0) * (0.0 if upper else 0.35), sep)
        # Side teeth recede into the dark.
        side = skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeLinear(
            [(cx - hw, y0), (cx + hw, y0)], [_c((0.1, 0.03, 0.03), 0.6), _c((0, 0, 0), 0.0), _c((0, 0, 0), 0.0), _c((0.1, 0.03, 0.03), 0.6)], [0.0, 0.3, 0.7, 1.0]))
        c.drawRect(rect, side)
