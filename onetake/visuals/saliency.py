"""Smart crop: where the interesting part of a picture is, so a crop to the frame's shape keeps it.

No face detector ships here that fits (opencv 5 dropped its cascades), so faces
are found as skin-toned regions (a classic YCrCb rule) and weighted above
plain saliency: local contrast (edges) and colour distinctness from the mean.
"""

from __future__ import annotations

import numpy as np

Rect = tuple[float, float, float, float]  # normalised x0, y0, x1, y1

SKIN_WEIGHT = 3.0


def saliency_map(rgb: np.ndarray) -> np.ndarray:
    """(h, w) float32, sums to 1, from a small (~128 px) RGB uint8 image."""
    from scipy import ndimage  # here, not at the top: only briefs with pictures pay its 0.1 s import

    img = rgb.astype(np.float32) / 255.0
    grey = img @ np.array([0.299, 0.587, 0.114], np.float32)
    edges = np.hypot(ndimage.sobel(grey, 0), ndimage.sobel(grey, 1))
    distinct = np.linalg.norm(ndimage.gaussian_filter(img, (2, 2, 0)) - img.reshape(-1, 3).mean(0), axis=2)
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    cr = 0.5 + 0.5 * r - 0.4187 * g - 0.0813 * b
    cb = 0.5 - 0.1687 * r - 0.3313 * g + 0.5 * b
    skin = ((cr > 0.535) & (cr < 0.68) & (cb > 0.3) & (cb < 0.5) & (grey > 0.2)).astype(np.float32)
    skin = ndimage.binary_opening(skin > 0, iterations=1).astype(np.float32)
    heat = _norm(edges) + _norm(distinct) + SKIN_WEIGHT * _norm(skin)
    heat = ndimage.gaussian_filter(heat, max(1.0, min(heat.shape) / 40))
    total = float(heat.sum())
    return (heat / total) if total > 0 else np.full(heat.shape, 1.0 / heat.size, np.float32)


def _norm(a: np.ndarray) -> np.ndarray:
    top = float(a.max())
    return a / top if top > 0 else a


def best_crop(heat: np.ndarray, aspect: float) -> Rect:
    """The window of the given width/height aspect (as large as fits) holding the most saliency."""
    h, w = heat.shape
    cw, ch = (w, w / aspect) if w / h < aspect else (h * aspect, h)
    cw, ch = max(1, min(w, round(cw))), max(1, min(h, round(ch)))
    integral = np.pad(heat.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    sums = integral[ch:, cw:] - integral[:-ch, cw:] - integral[ch:, :-cw] + integral[:-ch, :-cw]
    # a mild pull to the centre, so flat pictures stay centred
    ys, xs = np.mgrid[0 : sums.shape[0], 0 : sums.shape[1]]
    centre = 1.0 - 0.05 * (np.abs(xs - (w - cw) / 2) / max(1, w) + np.abs(ys - (h - ch) / 2) / max(1, h))
    y, x = np.unravel_index(np.argmax(sums * centre), sums.shape)
    return (x / w, y / h, (x + cw) / w, (y + ch) / h)


def focus_point(heat: np.ndarray) -> tuple[float, float]:
    """The saliency's centre of mass, normalised."""
    h, w = heat.shape
    ys, xs = np.mgrid[0:h, 0:w]
    return float((heat * xs).sum() / w), float((heat * ys).sum() / h)
