"""User files as B-roll sources: probed up front (a bad file fails before rendering), drawn per frame.

Each source draws itself filling a w x h frame at a local progress 0-1.
Videos stream: one decoded frame is held at a time, so memory stays flat
whatever the clip's length.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import skia

from onetake.errors import RenderFailed
from onetake.visuals.media import check_image
from onetake.visuals.saliency import Rect, best_crop, focus_point, saliency_map

MAX_VIDEO_PIXELS = 4096 * 2304  # 4K: bigger clips cost seconds per frame to decode and scale
MAX_PDF_PAGES = 40  # slides used from one PDF
MAX_PAGE_PX = 4096  # longest side a page is rasterised at
OVERSCAN = 1.12  # room for pan and zoom


# --- images ------------------------------------------------------------------------------------

def _decode(path: Path) -> skia.Image:
    check_image(path)
    image = skia.Image.MakeFromEncoded(skia.Data.MakeFromFileName(str(path)))
    if image is None:
        raise RenderFailed(f"file '{path.name}': not a decodable image")
    return image.makeRasterImage() if image.isLazyGenerated() else image


def _small_rgb(image: skia.Image, side: int = 128) -> np.ndarray:
    scale = side / max(image.width(), image.height())
    w, h = max(1, round(image.width() * scale)), max(1, round(image.height() * scale))
    surface = skia.Surface(w, h)
    surface.getCanvas().drawImageRect(image, skia.Rect.MakeWH(w, h), skia.SamplingOptions(skia.FilterMode.kLinear))
    bgra = surface.makeImageSnapshot().toarray(colorType=skia.kBGRA_8888_ColorType)
    return np.ascontiguousarray(bgra[..., 2::-1])


def image_focus(path: Path, aspect: float) -> Rect:
    """The crop of the picture (normalised) to keep at this frame aspect: faces and salient regions."""
    return best_crop(saliency_map(_small_rgb(_decode(path))), aspect)


@lru_cache(maxsize=6)
def framed_image(path: Path, width: int, height: int, focus: Rect | None) -> tuple[skia.Image, tuple[float, float]]:
    """The picture cropped to `focus` (or its salient crop), covering width x height x OVERSCAN; and the zoom anchor."""
    source = _decode(path)
    rgb = _small_rgb(source)
    heat = saliency_map(rgb)
    crop = focus or best_crop(heat, width / height)
    fx, fy = focus_point(heat)
    x0, y0, x1, y1 = crop[0] * source.width(), crop[1] * source.height(), crop[2] * source.width(), crop[3] * source.height()
    tw, th = round(width * OVERSCAN), round(height * OVERSCAN)
    # grow the crop to the overscan's extra margin where the picture has it
    cx, cy, hw, hh = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 * OVERSCAN, (y1 - y0) / 2 * OVERSCAN
    cx = min(max(cx, hw), source.width() - hw) if hw * 2 <= source.width() else source.width() / 2
    cy = min(max(cy, hh), source.height() - hh) if hh * 2 <= source.height() else source.height() / 2
    src = skia.Rect.MakeLTRB(cx - hw, cy - hh, cx + hw, cy + hh)
    surface = skia.Surface(tw, th)
    surface.getCanvas().drawImageRect(source, src, skia.Rect.MakeWH(tw, th), skia.SamplingOptions(skia.CubicResampler.Mitchell()))
    ax = min(1.0, max(0.0, (fx * source.width() - src.left()) / src.width()))
    ay = min(1.0, max(0.0, (fy * source.height() - src.top()) / src.height()))
    return surface.makeImageSnapshot(), (ax, ay)


def draw_cover(canvas: skia.Canvas, image: skia.Image, anchor: tuple[float, float], width: int, height: int, zoom: float, drift: float) -> None:
    """Ken Burns: the overscanned image zoomed about its salient point, drifting a little across the spare margin."""
    iw, ih = image.width(), image.height()
    ax, ay = anchor
    spare_x, spare_y = iw - width, ih - height
    # start centred, end nearer the salient point
    ox = -spare_x / 2 + (0.5 - ax) * spare_x * drift
    oy = -spare_y / 2 + (0.5 - ay) * spare_y * drift
    px, py = width * ax, height * ay
    canvas.save()
    canvas.translate(px, py)
    canvas.scale(zoom, zoom)
    canvas.translate(-px, -py)
    canvas.drawImage(image, ox, oy, skia.SamplingOptions(skia.FilterMode.kLinear))
    canvas.restore()


# --- videos ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VideoInfo:
    duration: float
    width: int
    height: int


def probe_video(path: Path) -> VideoInfo:
    """Open the clip and decode its first frame: a zero-length or broken file is refused here."""
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise RenderFailed(f"file '{path.name}': has no video stream")
            stream = container.streams.video[0]
            width, height = stream.codec_context.width, stream.codec_context.height
            if width * height > MAX_VIDEO_PIXELS:
                raise RenderFailed(f"file '{path.name}': {width}x{height} video; the limit is {MAX_VIDEO_PIXELS:,} pixels (4K)")
            first = next(container.decode(stream), None)
            if first is None:
                raise RenderFailed(f"file '{path.name}': a video with no frames")
            if stream.duration is not None:
                duration = float(stream.duration * stream.time_base)
            elif container.duration:
                duration = container.duration / 1_000_000
            else:
                duration = 0.0
    except av.error.FFmpegError as exc:
        raise RenderFailed(f"file '{path.name}': not a readable video ({exc.strerror or type(exc).__name__})") from None
    return VideoInfo(max(duration, 1.0 / 25), width, height)


def video_focus(path: Path, at: float, aspect: float) -> Rect:
    """The salient crop of the clip's frame at `at` seconds, for a frame of this aspect (clips are cropped around it)."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        if at > 0.5:
            container.seek(int(at / stream.time_base), stream=stream, backward=True)
        frame = next(container.decode(stream), None)
        if frame is None:
            return (0.0, 0.0, 1.0, 1.0)
        scale = 128 / max(frame.width, frame.height)
        rgb = frame.reformat(width=max(1, round(frame.width * scale)), height=max(1, round(frame.height * scale)), format="rgb24").to_ndarray()
    return best_crop(saliency_map(rgb), aspect)


class VideoSource:
    """Frames of one clip at increasing times, decoded on demand; seeks only when time jumps."""

    def __init__(self, path: Path, width: int, height: int, focus: Rect | None = None):
        self.path, self.width, self.height = path, width, height
        self.focus = focus
        self.container = None
        self.frames = None
        self.current: tuple[float, skia.Image] | None = None
        self.ahead = None

    def _open(self, at: float) -> None:
        import av

        self.close()
        self.container = av.open(str(self.path))
        stream = self.container.streams.video[0]
        stream.thread_type = "AUTO"
        stream.codec_context.thread_count = 1  # render workers already use every core
        if at > 0.5:
            self.container.seek(int(at / stream.time_base), stream=stream, backward=True)
        self.frames = self.container.decode(stream)
        self.current, self.ahead = None, next(self.frames, None)

    def image_at(self, at: float) -> skia.Image | None:
        if self.container is None or (self.current and at < self.current[0] - 1e-3):
            self._open(at)
        while self.ahead is not None and (self.current is None or _time(self.ahead) <= at + 1e-4):
            frame, self.ahead = self.ahead, next(self.frames, None)
            if self.ahead is None or _time(self.ahead) > at + 1e-4 or self.current is None:
                self.current = (_time(frame), self._to_image(frame))
        return self.current[1] if self.current else None

    def _to_image(self, frame) -> skia.Image:
        # swscale scales to cover the frame; the centre crop is a numpy view
        scale = max(self.width / frame.width, self.height / frame.height)
        sw, sh = max(self.width, round(frame.width * scale)), max(self.height, round(frame.height * scale))
        bgra = frame.reformat(width=sw, height=sh, format="bgra").to_ndarray()
        x0, y0 = (sw - self.width) // 2, (sh - self.height) // 2
        if self.focus:  # centre the crop on the clip's salient region, within the picture
            cx, cy = (self.focus[0] + self.focus[2]) / 2 * sw, (self.focus[1] + self.focus[3]) / 2 * sh
            x0 = int(min(max(cx - self.width / 2, 0), sw - self.width))
            y0 = int(min(max(cy - self.height / 2, 0), sh - self.height))
        crop = np.ascontiguousarray(bgra[y0 : y0 + self.height, x0 : x0 + self.width])
        crop[..., 3] = 255
        return skia.Image.fromarray(crop, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)

    def close(self) -> None:
        if self.container is not None:
            self.container.close()
            self.container = None


def _time(frame) -> float:
    if frame.pts is None or frame.time_base is None:
        return float(frame.time or 0.0)
    return float(frame.pts * frame.time_base)


# --- PDF pages ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class PageText:
    rect: Rect  # normalised, origin top-left
    text: str


def _open_pdf(path: Path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise RenderFailed(f"file '{path.name}': not a readable PDF ({exc})") from None


def pdf_page_count(path: Path) -> int:
    doc = _open_pdf(path)
    try:
        count = len(doc)
    finally:
        doc.close()
    if count == 0:
        raise RenderFailed(f"file '{path.name}': a PDF with no pages")
    return count


def pdf_page_text(path: Path, index: int) -> list[PageText]:
    """The page's lines of text with their boxes (empty for a scanned or text-less page)."""
    doc = _open_pdf(path)
    try:
        page = doc[index]
        pw, ph = page.get_size()
        textpage = page.get_textpage()
        # pdfium's rects can be per glyph (some writers place each glyph): merge them into lines
        lines: list[list[float]] = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            line = lines[-1] if lines else None
            if line and min(top, line[3]) - max(bottom, line[1]) > 0.5 * min(top - bottom, line[3] - line[1]) and left - line[2] < 2 * (top - bottom):
                line[0], line[1], line[2], line[3] = min(line[0], left), min(line[1], bottom), max(line[2], right), max(line[3], top)
            else:
                lines.append([left, bottom, right, top])
        out = []
        for left, bottom, right, top in lines:
            words = textpage.get_text_bounded(left, bottom, right, top).strip()
            if words and pw > 0 and ph > 0:
                out.append(PageText((left / pw, 1 - top / ph, right / pw, 1 - bottom / ph), words))
        return out
    finally:
        doc.close()


@lru_cache(maxsize=4)
def pdf_page_image(path: Path, index: int, longest_px: int) -> skia.Image:
    """The page rasterised on white with its longest side `longest_px`."""
    import pypdfium2 as pdfium

    doc = _open_pdf(path)
    try:
        page = doc[index]
        pw, ph = page.get_size()
        scale = min(longest_px, MAX_PAGE_PX) / max(pw, ph, 1.0)
        bitmap = page.render(scale=scale, may_draw_forms=False, fill_color=(255, 255, 255, 255), force_bitmap_format=pdfium.raw.FPDFBitmap_BGRA)
        bgra = np.ascontiguousarray(bitmap.to_numpy())
    except pdfium.PdfiumError as exc:
        raise RenderFailed(f"file '{path.name}': page {index + 1} could not be drawn ({exc})") from None
    finally:
        doc.close()
    bgra[..., 3] = 255
    return skia.Image.fromarray(bgra, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
