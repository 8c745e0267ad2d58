"""Drawing a ready-made image at 1:1 scale, the cheap way.

Skia's bilinear path costs about ten times a plain blend (1.7 ms against 0.16 ms
for a 450 px square; 4 ms for a full 720p layer), and at 1:1 scale it only
buys sub-pixel placement. When the canvas holds no scale or rotation, the image
is drawn at the nearest whole device pixel without filtering.
"""

from __future__ import annotations

import skia

LINEAR = skia.SamplingOptions(skia.FilterMode.kLinear)
NEAREST = skia.SamplingOptions()


def draw_at_pixel(canvas: skia.Canvas, image: skia.Image, x: float, y: float, paint: skia.Paint | None = None) -> None:
    """Draw `image` with its top-left at (x, y): snapped to whole pixels if the canvas only translates, else filtered."""
    matrix = canvas.getTotalMatrix()
    if matrix.isTranslate():
        dx, dy = matrix.getTranslateX(), matrix.getTranslateY()
        canvas.drawImage(image, round(x + dx) - dx, round(y + dy) - dy, NEAREST, paint)
    else:
        canvas.drawImage(image, x, y, LINEAR, paint)
