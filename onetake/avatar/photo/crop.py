"""Place a photo in a framing: upright, head and shoulders at a set size, blurred fill where it runs out.

The base image is the output size plus a margin on every side, so the per-frame
head sway never samples outside it. Fill is a blurred, darkened cover of the
same photo: never a mirrored edge (mirrored hair reads as a glitch).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from onetake.avatar.photo.landmarks import face_height, roll_degrees

# (face height as a fraction of the output height, eye line as a fraction of it, face centre x fraction)
_PLACEMENT = {
    "full": (0.33, 0.39, 0.5),
    "full_portrait": (0.2, 0.47, 0.5),  # low enough for the headline the portrait layout sets above the head
    "card": (0.36, 0.38, 0.5),
    "pip": (0.5, 0.42, 0.5),
}


@dataclass(frozen=True)
class Base:
    bgra: np.ndarray  # (H + 2m, W + 2m, 4) uint8, opaque (premultiplied == straight)
    points: np.ndarray  # (478, 2) float32 landmarks in base pixels
    margin: int
    width: int  # output size
    height: int


def placement_for(kind: str, width: int, height: int) -> tuple[float, float, float]:
    if kind == "full" and height > width:
        return _PLACEMENT["full_portrait"]
    return _PLACEMENT[kind]


def build_base(rgb: np.ndarray, points: np.ndarray, kind: str, width: int, height: int) -> Base:
    face_frac, eye_frac, cx_frac = placement_for(kind, width, height)
    margin = max(8, int(round(0.03 * max(width, height))))
    bw, bh = width + 2 * margin, height + 2 * margin
    scale = face_frac * height / max(1.0, face_height(points))
    roll = roll_degrees(points)
    eyes = points[[33, 133, 362, 263]].mean(axis=0)
    # Rotate about the eyes by -roll (straightens the face), scale, then put the eyes at their spot.
    m = cv2.getRotationMatrix2D((float(eyes[0]), float(eyes[1])), roll, scale)
    m[0, 2] += margin + cx_frac * width - eyes[0]
    m[1, 2] += margin + eye_frac * height - eyes[1]
    # Keep the face centred but pull the photo's edges in when a whole side would be fill.
    sharp = cv2.warpAffine(rgb, m, (bw, bh), flags=cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA, borderMode=cv2.BORDER_CONSTANT)
    cover = _blurred_cover(rgb, bw, bh)
    coverage = cv2.warpAffine(np.full(rgb.shape[:2], 255, np.uint8), m, (bw, bh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    feather = max(3, int(0.025 * max(bw, bh))) | 1  # a wide, soft seam between photo and fill
    # Erode before feathering: the photo's own edge pixels never show as a hard seam.
    alpha = cv2.GaussianBlur(cv2.erode(coverage, np.ones((feather, feather), np.uint8)), (feather * 2 + 1, feather * 2 + 1), 0)
    a = (alpha.astype(np.float32) / 255.0)[:, :, None]
    rgb_out = (sharp.astype(np.float32) * a + cover.astype(np.float32) * (1 - a)).astype(np.uint8)
    bgra = np.empty((bh, bw, 4), np.uint8)
    bgra[:, :, :3] = rgb_out[:, :, ::-1]
    bgra[:, :, 3] = 255
    pts = np.c_[points, np.ones(len(points), np.float32)] @ m.T.astype(np.float32)
    return Base(bgra=np.ascontiguousarray(bgra), points=pts.astype(np.float32), margin=margin, width=width, height=height)


def _blurred_cover(rgb: np.ndarray, bw: int, bh: int) -> np.ndarray:
    """The photo scaled to cover the base, blurred hard and dimmed a little, as a soft backdrop."""
    h, w = rgb.shape[:2]
    small_w, small_h = max(8, bw // 8), max(8, bh // 8)  # blur at 1/8 size: cheap and smoother
    s = max(small_w / w, small_h / h)
    resized = cv2.resize(rgb, (max(small_w, math.ceil(w * s)), max(small_h, math.ceil(h * s))), interpolation=cv2.INTER_AREA)
    y0 = (resized.shape[0] - small_h) // 2
    x0 = (resized.shape[1] - small_w) // 2
    crop = resized[y0:y0 + small_h, x0:x0 + small_w]
    blurred = cv2.GaussianBlur(crop, (0, 0), sigmaX=max(2.0, small_w * 0.06))
    big = cv2.resize(blurred, (bw, bh), interpolation=cv2.INTER_CUBIC)
    return (big.astype(np.float32) * 0.82).astype(np.uint8)
