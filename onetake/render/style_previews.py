"""Each style's thumbnail and preview video, rendered by onetake itself with the real painters.

Cached under $XDG_CACHE_HOME/onetake/styles/<id>/<fingerprint>/ (like presenter previews): a changed style re-renders.
"""

from __future__ import annotations

import hashlib
import os
from fractions import Fraction
from pathlib import Path

from pydantic import BaseModel

from onetake.agent.storyboard import Layout
from onetake.render.compositor import Compositor
from onetake.visuals.previews import SCENE_S, sample_timeline
from onetake.visuals.styles import Style, get_style, list_styles


class StyleMedia(BaseModel):
    style_id: str
    name: str
    tags: list[str]
    thumbnail: Path | None
    preview_video: Path | None
    aspect_ratio: str = "16:9"


def _folder(style: Style) -> Path:
    fingerprint = hashlib.sha256(style.model_dump_json().encode()).hexdigest()[:12]
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "onetake" / "styles" / style.id / fingerprint


def render_thumbnail(style: Style, path: Path, width: int = 640, height: int = 360) -> Path:
    """The style's title card, mid-entrance settled, as a JPEG."""
    import skia

    still = Compositor(sample_timeline(style.id, width, height, [Layout.title_card]))
    frame = still.render(SCENE_S * 0.75)
    image = skia.Image.fromarray(frame, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    partial = path.with_suffix(".partial")
    partial.write_bytes(bytes(image.encodeToData(skia.kJPEG, 88)))
    partial.rename(path)
    return path


def render_preview(style: Style, path: Path, width: int = 640, height: int = 360) -> Path:
    """A ~10 s silent preview: kinetic hook, stat, presenter with a lower third, end card, in the style's transitions."""
    import av

    timeline = sample_timeline(style.id, width, height, [Layout.kinetic, Layout.stat, Layout.presenter_full, Layout.end_card])
    compositor = Compositor(timeline)
    partial = path.with_suffix(".partial.mp4")
    with av.open(str(partial), "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=timeline.fps, options={"crf": "24", "preset": "veryfast"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.thread_type = "FRAME"
        for index in range(timeline.frame_count):
            picture = av.VideoFrame.from_ndarray(compositor.frame(index), format="bgra")
            picture.pts = index
            picture.time_base = Fraction(1, timeline.fps)
            container.mux(stream.encode(picture))
        container.mux(stream.encode(None))
    partial.rename(path)  # a half-written preview is never served
    return path


def style_media(style_id: str, thumbnail: bool = True, preview: bool = False) -> StyleMedia:
    """A style's thumbnail and preview paths, rendering the ones asked for when missing (None if not rendered)."""
    style = get_style(style_id)
    folder = _folder(style)
    folder.mkdir(parents=True, exist_ok=True)
    thumb, video = folder / "thumbnail.jpg", folder / "preview.mp4"
    if thumbnail and not thumb.is_file():
        render_thumbnail(style, thumb)
    if preview and not video.is_file():
        render_preview(style, video)
    return StyleMedia(style_id=style.id, name=style.name, tags=style.tags,
                      thumbnail=thumb if thumb.is_file() else None, preview_video=video if video.is_file() else None)


def list_style_media(tag: str | None = None, thumbnails: bool = True, previews: bool = False) -> list[StyleMedia]:
    """Every style (optionally of one tag) with its thumbnail and preview video: what `GET /v3/video-agents/styles` serves."""
    return [style_media(s.id, thumbnails, previews) for s in list_styles(tag)]
