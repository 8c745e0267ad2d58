"""Decoding a user's photo safely: size limits before decoding, EXIF orientation applied."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from onetake.errors import InvalidInput

MAX_PHOTO_BYTES = 40 * 1024 * 1024
MAX_PHOTO_PIXELS = 60_000_000  # a 20,000 x 20,000 bomb is refused from its header
WORK_MAX_SIDE = 2048  # larger photos are scaled down once: landmarks and crops need no more


def load_photo(path: Path, field: str) -> np.ndarray:
    """The photo as RGB uint8 (H, W, 3), upright, at most WORK_MAX_SIDE on its longer side."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = Path(path)
    if not path.is_file():
        raise InvalidInput(field, f"cannot read '{path}': no such file")
    size = path.stat().st_size
    if size > MAX_PHOTO_BYTES:
        raise InvalidInput(field, f"'{path.name}' is {size:,} bytes; the limit for an avatar photo is {MAX_PHOTO_BYTES:,}")
    Image.MAX_IMAGE_PIXELS = None  # we check the header ourselves, with our own limit and message
    try:
        with Image.open(path) as img:
            w, h = img.size
            if w * h > MAX_PHOTO_PIXELS:
                raise InvalidInput(field, f"'{path.name}' is {w}x{h} pixels; the limit for an avatar photo is {MAX_PHOTO_PIXELS:,} pixels")
            img.draft("RGB", (WORK_MAX_SIDE, WORK_MAX_SIDE))  # JPEG: decode at a reduced scale directly
            img = ImageOps.exif_transpose(img).convert("RGB")
            if max(img.size) > WORK_MAX_SIDE:
                img.thumbnail((WORK_MAX_SIDE, WORK_MAX_SIDE), Image.Resampling.LANCZOS)
            rgb = np.asarray(img, dtype=np.uint8).copy()
    except InvalidInput:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise InvalidInput(field, f"'{path.name}' is not a decodable image ({exc.__class__.__name__})") from None
    if min(rgb.shape[:2]) < 64:
        raise InvalidInput(field, f"'{path.name}' is {rgb.shape[1]}x{rgb.shape[0]} pixels; an avatar photo needs at least 64 on each side")
    return rgb
