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


def write_test_clip(directory: Path, seconds: float = 2.0, width: int = 320, height: int = 240, fps: int = 25, name: str = "clip.mp4") -> Path:
    """An H.264 clip of a ball crossing a gradient, with a frame counter bar (so frames differ)."""
    import av
    import numpy as np

    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps, options={"preset": "ultrafast"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        ys, xs = np.mgrid[0:height, 0:width]
        for i in range(round(seconds * fps)):
            frame = np.zeros((height, width, 3), np.uint8)
            frame[..., 0] = (xs * 255 // width).astype(np.uint8)
            frame[..., 2] = 120
            cx = int(width * (0.1 + 0.8 * i / max(1, seconds * fps - 1)))
            frame[(xs - cx) ** 2 + (ys - height // 2) ** 2 < (height // 6) ** 2] = (250, 230, 40)
            for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def write_test_pdf(directory: Path, pages: list[list[str]] | None = None, name: str = "deck.pdf") -> Path:
    """A PDF with real (extractable) text: one heading and a few lines per page, drawn by skia's PDF backend."""
    pages = pages if pages is not None else [
        ["Quarterly results", "Revenue grew forty percent", "Customers in twelve countries"],
        ["Our roadmap", "Offline rendering for every team", "Brand kits and music beds"],
        ["Pricing", "Starter plan is free", "Studio plan for agencies"],
    ]
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    stream = skia.FILEWStream(str(path))
    document = skia.PDF.MakeDocument(stream)
    for lines in pages:
        canvas = document.beginPage(612, 792)
        canvas.drawColor(skia.ColorWHITE)
        canvas.drawRect(skia.Rect.MakeXYWH(0, 0, 612, 90), skia.Paint(Color=skia.ColorSetRGB(30, 60, 140)))
        for k, line in enumerate(lines):
            font = skia.Font(skia.Typeface("DejaVu Sans"), 34 if k == 0 else 22)
            canvas.drawString(line, 50, 160 + k * 120, font, skia.Paint(AntiAlias=True, Color=skia.ColorBLACK))
        document.endPage()
    document.close()
    stream.flush()
    del stream
    return path


def write_test_song(directory: Path, seconds: float = 6.0, rate: int = 44_100, name: str = "song.wav") -> Path:
    """A WAV 'song': a repeating C-major arpeggio of decaying tones."""
    import numpy as np
    from scipy.io import wavfile

    t = np.arange(int(seconds * rate)) / rate
    notes = [261.63, 329.63, 392.0, 523.25]
    step = 0.25
    index = (t // step).astype(int) % len(notes)
    local = t % step
    wave = np.sin(2 * np.pi * np.array(notes)[index] * t) * np.exp(-local * 8) * 0.5
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    wavfile.write(path, rate, (wave * 32767).astype(np.int16))
    return path
