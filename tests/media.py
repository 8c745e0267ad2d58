"""Real media files for tests, made on the fly (the example prompts' image URLs are unreachable)."""

from __future__ import annotations

from pathlib import Path

import skia


def write_test_photo(directory: Path, width: int = 900, height: int = 1200) -> Path:
    """A JPEG 'photo': a lit backdrop, a head-and-shoulders silhouette and some texture."""
    surface = skia.Surface(width, height)
    canvas = surface.getCanvas()
    shader = skia.GradientShader.MakeLinear([skia.Point(0, 0), skia.Point(width, height)], [skia.ColorSetRGB(90, 60, 40), skia.ColorSetRGB(200, 160, 110)])
    canvas.drawPaint(skia.Paint(Shader=shader))
    paint = skia.Paint(AntiAlias=True, Color=skia.ColorSetRGB(60, 40, 60))
    canvas.drawRRect(skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(width * 0.15, height * 0.62, width * 0.7, height * 0.5), 180, 180), paint)
    paint.setColor(skia.ColorSetRGB(224, 180, 150))
    canvas.drawOval(skia.Rect.MakeXYWH(width * 0.32, height * 0.2, width * 0.36, height * 0.38), paint)
    for i in range(40):
        paint.setColor(skia.ColorSetARGB(40, 255, 255, 255))
        canvas.drawCircle((i * 97) % width, (i * 53) % height, 12 + i % 9, paint)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "portrait.jpg"
    path.write_bytes(bytes(surface.makeImageSnapshot().encodeToData(skia.kJPEG, 90)))
    return path
