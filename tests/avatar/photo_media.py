"""The public-domain portraits that ship in wheels, as files, and bad photos made from them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image


def astronaut(directory: Path) -> Path:
    from skimage import data

    path = directory / "astronaut.png"
    if not path.exists():
        Image.fromarray(data.astronaut()).save(path)
    return path


def grace_hopper() -> Path:
    import matplotlib.cbook

    return Path(matplotlib.cbook.get_sample_data("grace_hopper.jpg", asfileobj=False))


def two_faces(directory: Path) -> Path:
    """Grace Hopper twice, the left one larger: two faces, one clearly the largest."""
    g = Image.open(grace_hopper()).convert("RGB")
    small = g.resize((g.width * 3 // 4, g.height * 3 // 4))
    canvas = Image.new("RGB", (g.width + small.width, g.height), (120, 130, 140))
    canvas.paste(g, (0, 0))
    canvas.paste(small, (g.width, g.height - small.height))
    path = directory / "two.jpg"
    canvas.save(path, quality=92)
    return path


def tiny_face(directory: Path) -> Path:
    """The astronaut at 160 px inside a 1600 px frame: a face some 30 px tall."""
    a = Image.open(astronaut(directory)).convert("RGB").resize((160, 160))
    canvas = Image.new("RGB", (1600, 1200), (90, 100, 110))
    canvas.paste(a, (700, 500))
    path = directory / "tiny.jpg"
    canvas.save(path)
    return path


def rotated(directory: Path, degrees: float) -> Path:
    g = Image.open(grace_hopper()).convert("RGB")
    path = directory / f"rotated{degrees:g}.jpg"
    g.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(100, 110, 120)).save(path)
    return path


def landscape_no_face(directory: Path) -> Path:
    rng = np.random.default_rng(3)
    sky = np.linspace(60, 200, 480, dtype=np.float32)[:, None, None] * np.array([0.6, 0.8, 1.0], np.float32)
    img = np.clip(np.broadcast_to(sky, (480, 640, 3)) + rng.normal(0, 6, (480, 640, 3)), 0, 255).astype(np.uint8)
    path = directory / "landscape.jpg"
    Image.fromarray(img).save(path)
    return path
