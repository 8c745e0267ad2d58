"""A presenter's short preview video: it greets the viewer in its own default voice.

Rendered by onetake's own rig, lip-sync and motion (not a stock clip), encoded
with PyAV (H.264 + AAC). Written by `make presenters`; the listing shows the
path once it exists.
"""

from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import skia

from onetake.avatar.animator import PresenterAnimator
from onetake.avatar.backdrop import draw_backdrop
from onetake.avatar.catalogue import PresenterInfo
from onetake.voice.speak import synthesize

FPS = 25


def greeting(presenter: PresenterInfo) -> str:
    first = presenter.name.removeprefix("Dr. ").split()[0]
    return f"Hi, I'm {first}. I'd love to present your next video."


def write_preview_video(presenter: PresenterInfo, path: Path, size: int = 512) -> Path:
    utterance = synthesize(greeting(presenter), presenter.default_voice_id)
    duration = utterance.duration + 0.6
    anim = PresenterAnimator(presenter.id, utterance.phonemes, utterance.words, duration, seed=1, height_px=int(size * 0.94))
    backdrop = skia.Surface(size, size)
    draw_backdrop(backdrop.getCanvas(), skia.Rect.MakeWH(size, size))
    bg = backdrop.makeImageSnapshot()
    buf = np.zeros((size, size, 4), np.uint8)
    surf = skia.Surface.MakeRasterDirect(skia.ImageInfo.Make(size, size, skia.kBGRA_8888_ColorType, skia.kPremul_AlphaType), buf)
    canvas = surf.getCanvas()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp.mp4")
    with av.open(str(tmp), "w") as out:
        video = out.add_stream("libx264", rate=FPS, options={"crf": "22", "preset": "veryfast"})
        video.width = video.height = size
        video.pix_fmt = "yuv420p"
        audio = out.add_stream("aac", rate=utterance.sample_rate)
        audio.layout = "mono"
        for k in range(int(round(duration * FPS))):
            canvas.drawImage(bg, 0, 0)
            anim.draw(canvas, size / 2, size, k / FPS)
            frame = av.VideoFrame.from_ndarray(buf, format="bgra")
            frame.pts = k
            frame.time_base = Fraction(1, FPS)
            out.mux(video.encode(frame))
        out.mux(video.encode())
        samples = np.concatenate([utterance.samples, np.zeros(int(0.6 * utterance.sample_rate), np.float32)])
        for i in range(0, len(samples), 1024):
            chunk = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples[None, i:i + 1024], dtype=np.float32), format="fltp", layout="mono")
            chunk.sample_rate = utterance.sample_rate
            chunk.pts = i
            chunk.time_base = Fraction(1, utterance.sample_rate)
            out.mux(audio.encode(chunk))
        out.mux(audio.encode())
    tmp.replace(path)
    return path


def preview_video_path(presenter_id: str, directory: Path) -> Path:
    return directory / f"{presenter_id}.mp4"
