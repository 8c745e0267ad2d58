"""The soft studio backdrop behind presenter previews (catalogue sheets, preview images and videos)."""

from __future__ import annotations

import skia


def draw_backdrop(c: skia.Canvas, rect: skia.Rect, top: int = 0xFFF3F5F9, bottom: int = 0xFFDCE3EC) -> None:
    paint = skia.Paint(Shader=skia.GradientShader.MakeLinear(
        [(rect.left(), rect.top()), (rect.left(), rect.bottom())], [top, bottom]))
    c.drawRect(rect, paint)
    glow = skia.Paint(AntiAlias=True, Color=skia.Color4f(1, 1, 1, 0.55).toColor(),
                      MaskFilter=skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, rect.width() * 0.12))
    c.drawCircle(rect.centerX(), rect.top() + rect.height() * 0.42, rect.width() * 0.3, glow)
