"""User images prepared for B-roll: decoded once, checked, scaled to cover the frame."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import skia

from onetake.errors import RenderFailed

MAX_IMAGE_PIXELS = 60_000_000  # decoding more would cost ~250 MB per image
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".webm", ".mkv"}
POSTER_AT_S = 1.0  # a clip's first frame is often black: its still is taken a second in


def poster_frame(path: Path) -> skia.Image:
    """One frame of a video clip as a skia image (the frame at POSTER_AT_S, or the last if it is shorter)."""
    import av
    import numpy as np

    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            chosen = None
            for frame in container.decode(stream):
                chosen = frame
                if frame.time is not None and frame.time >= POSTER_AT_S:
                    break
    except (av.FFmpegError, IndexError) as exc:
        raise RenderFailed(f"file '{path.name}': not a decodable video ({exc})") from None
    if chosen is None:
        raise RenderFailed(f"file '{path.name}': a video without frames")
    rgba = np.ascontiguousarray(chosen.to_ndarray(format="rgba"))
    return skia.Image.fromarray(rgba, colorType=skia.ColorType.kRGBA_8888_ColorType)


def image_size(path: Path) -> tuple[int, int]:
    """Read only the header: a 20,000 x 20,000 image must be refused before it is decoded."""
    try:
        codec = skia.Codec.MakeFromData(skia.Data.MakeFromFileName(str(path)))
    except RuntimeError:  # skia-python raises rather than returning None
        codec = None
    if codec is None:
        raise RenderFailed(f"file '{path.name}': not a decodable image")
    info = codec.getInfo()
    return info.width(), info.height()


def check_image(path: Path) -> None:
    width, height = image_size(path)
    if width * height > MAX_IMAGE_PIXELS:
        raise RenderFailed(f"file '{path.name}': {width}x{height} pixels; the limit is {MAX_IMAGE_PIXELS:,} pixels")


@lru_cache(maxsize=8)
def cover_image(path: Path, width: int, height: int, overscan: float = 1.15) -> skia.Image:
    """The image scaled (centre crop) to cover width x height times `overscan`, ready for pan and zoom.
    A video clip gives its poster frame: a layout that shows a still (split screen, panel) shows the clip's."""
    if path.suffix.lower() in VIDEO_SUFFIXES:
        source = poster_frame(path)
    else:
        check_image(path)
        source = skia.Image.MakeFromEncoded(skia.Data.MakeFromFileName(str(path)))
    if source is None:
        raise RenderFailed(f"file '{path.name}': not a decodable image")
    target_w, target_h = round(width * overscan), round(height * overscan)
    scale = max(target_w / source.width(), target_h / source.height())
    surface = skia.Surface(target_w, target_h)  # N32 premultiplied: the fast path for later draws
    canvas = surface.getCanvas()
    canvas.translate(target_w / 2, target_h / 2)
    canvas.scale(scale, scale)
    canvas.drawImage(source, -source.width() / 2, -source.height() / 2, skia.SamplingOptions(skia.CubicResampler.Mitchell()))
    return surface.makeImageSnapshot()
