"""Per-frame cost of a talking presenter on a 1280x720 frame, one core: medians in ms.

    .venv/bin/python bench/avatar_frames.py [N_FRAMES]

Stock presenters: backdrop + the full-shot bust (the heaviest stock framing).
Photo avatars (astronaut, Grace Hopper): the full 16:9 framing (a 1280x720 warp),
a card beside a panel and the circular PiP. Frames animate real-looking timings
(visemes, blinks, head sway), so warp regions switch on and off as in a video.
Pin to one core with `taskset -c 0` for the figures in the notes.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
import tempfile  # noqa: E402

import numpy as np  # noqa: E402

from onetake.avatar.animator import PresenterAnimator  # noqa: E402
from onetake.avatar.bench import _backdrop, _surface, synthetic_timings  # noqa: E402
from onetake.avatar.catalogue import list_presenters  # noqa: E402

W, H, FPS = 1280, 720, 25.0


def _median_ms(draw, n: int) -> tuple[float, float]:
    """(CPU ms, wall ms) medians. CPU time is what one core pays; on a shared machine the
    wall clock also counts the time other processes held the core."""
    cpu, wall = [], []
    for k in range(n + 5):
        c0, t0 = time.thread_time(), time.perf_counter()
        draw(k / FPS)
        if k >= 5:  # warm-up: layer baking, first rotations, first remap tables
            cpu.append(time.thread_time() - c0)
            wall.append(time.perf_counter() - t0)
    return float(np.median(cpu) * 1000.0), float(np.median(wall) * 1000.0)


def stock(n: int) -> dict[str, tuple[float, float]]:
    seconds = n / FPS + 1.0
    phones, words = synthetic_timings(seconds)
    buf, surf = _surface(W, H)
    canvas, bg = surf.getCanvas(), _backdrop(W, H)
    out = {}
    for p in list_presenters():
        anim = PresenterAnimator(p.id, phones, words, seconds, seed=1, height_px=int(round(H * 0.88 / 8) * 8))

        def draw(t, anim=anim):
            canvas.drawImage(bg, 0, 0)
            anim.draw(canvas, W / 2, H * 1.02, t)
        out[p.id] = _median_ms(draw, n)
    return out


def photo(n: int) -> dict[str, tuple[float, float]]:
    import matplotlib.cbook
    from PIL import Image
    from skimage import data

    from onetake.avatar.photo import prepare_photo
    from onetake.avatar.photo.animator import PhotoAnimator

    tmp = Path(tempfile.mkdtemp())
    Image.fromarray(data.astronaut()).save(tmp / "astronaut.png")
    sources = {"astronaut": tmp / "astronaut.png", "grace": Path(matplotlib.cbook.get_sample_data("grace_hopper.jpg", asfileobj=False))}
    seconds = n / FPS + 1.0
    phones, words = synthetic_timings(seconds)
    buf, surf = _surface(W, H)
    canvas, bg = surf.getCanvas(), _backdrop(W, H)
    out = {}
    for name, path in sources.items():
        anim = PhotoAnimator(prepare_photo(path), phones, words, seconds, seed=1)
        for framing, args in (("full", (W / 2, H * 1.02, H * 0.88)), ("panel", (W * 0.27, H * 1.02, H * 0.88)), ("pip", (W - 110, 215, 200))):
            def draw(t, framing=framing, args=args):
                canvas.drawImage(bg, 0, 0)
                anim.draw(canvas, *args, t, framing, W, H)
            out[f"{name}/{framing}"] = _median_ms(draw, n)
    return out


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 200
    for label, results in (("stock, full shot", stock(n)), ("photo", photo(n))):
        print(f"{label}: median ms per 1280x720 frame over {n} frames (CPU / wall)")
        for key, (cpu, wall) in results.items():
            print(f"  {key:18s} {cpu:6.2f} / {wall:6.2f}")
        print(f"  {'worst median':18s} {max(c for c, _ in results.values()):6.2f} / {max(w for _, w in results.values()):6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
