"""Per-frame cost of drawing a talking presenter: `python -m onetake.avatar.bench [N]`.

Measures what a renderer pays per frame: a ~650 px bust drawn onto a 1280x720
BGRA premultiplied surface backed by numpy, over a cached backdrop image.
Layer baking happens once, before timing starts.
"""

from __future__ import annotations

import sys
import time

import numpy as np
import skia

from onetake.avatar.animator import PresenterAnimator
from onetake.voice.models import PhonemeTiming, WordTiming

_SENTENCE = "hˈɛloʊ ænd wˈɛlkʌm tə ðə ʃˈoʊ, ɪts ɐ plˈɛʒɚ tə biː hˈɪɹ wɪð juː tədˈeɪ"


def synthetic_timings(seconds: float) -> tuple[list[PhonemeTiming], list[WordTiming]]:
    """Plausible phoneme and word timings (~12 phonemes/s with pauses) for benchmarks and tests."""
    phones: list[PhonemeTiming] = []
    words: list[WordTiming] = []
    t, word_start, word = 0.3, 0.3, ""
    chars = [ch for ch in _SENTENCE]
    i = 0
    while t < seconds - 0.5:
        ch = chars[i % len(chars)]
        i += 1
        if ch in " ,":
            if word:
                words.append(WordTiming(text=word + ("," if ch == "," else ""), start=word_start, end=t))
                word = ""
            t += 0.35 if ch == "," else 0.04
            word_start = t
            continue
        dur = 0.0 if ch in "ˈ" else 0.05 if ch == "ː" else 0.085
        phones.append(PhonemeTiming(phoneme=ch, start=t, end=t + dur))
        word += ch
        t += dur
    if word:
        words.append(WordTiming(text=word, start=word_start, end=t))
    return phones, words


def _surface(width: int, height: int) -> tuple[np.ndarray, skia.Surface]:
    buf = np.zeros((height, width, 4), dtype=np.uint8)
    info = skia.ImageInfo.Make(width, height, skia.kBGRA_8888_ColorType, skia.kPremul_AlphaType)
    return buf, skia.Surface.MakeRasterDirect(info, buf)


def _backdrop(width: int, height: int) -> skia.Image:
    y = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    # BGRA order: a warm light grey fading to a slightly deeper one.
    top, bottom = np.array([243, 245, 249, 255], np.float32), np.array([220, 227, 236, 255], np.float32)
    arr = np.broadcast_to(top + (bottom - top) * y, (height, width, 4)).astype(np.uint8)
    return skia.Image.fromarray(np.ascontiguousarray(arr), colorType=skia.kBGRA_8888_ColorType,
                                alphaType=skia.kPremul_AlphaType)


def benchmark(n_frames: int = 250, presenter_id: str = "ava", height_px: int = 650, fps: float = 25.0) -> float:
    """Mean milliseconds per frame for backdrop + animated presenter at 1280x720.

    The mean (not the median) so the one-off cost of pre-rotating head layers for
    each new tilt step, paid during the first seconds of a render, is included.
    """
    seconds = n_frames / fps + 1.0
    phones, words = synthetic_timings(seconds)
    anim = PresenterAnimator(presenter_id, phones, words, seconds, seed=1, height_px=height_px)
    buf, surf = _surface(1280, 720)
    canvas = surf.getCanvas()
    bg = _backdrop(1280, 720)
    times = []
    for k in range(n_frames + 5):
        t0 = time.perf_counter()
        canvas.drawImage(bg, 0, 0)
        anim.draw(canvas, 860.0, 720.0, k / fps)
        if k >= 5:  # the first frames import modules and bake the static layers
            times.append(time.perf_counter() - t0)
    return float(np.mean(times) * 1000.0)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    from onetake.avatar.catalogue import list_presenters

    for p in list_presenters():
        print(f"{p.id:10s} {benchmark(n, p.id):6.2f} ms/frame")
