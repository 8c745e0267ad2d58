"""Colour, paint and path helpers shared by every drawn part of a presenter.

Shapes are designed as a few points and turned into smooth Catmull-Rom curves,
so hair, faces and clothing read as organic without hand-placing Bezier handles.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import skia

RGB = tuple[float, float, float]
# A design point: (x, y) or (x, y, k) where k scales the curve's tangent there
# (0 makes a sharp corner, 1 a normal smooth point).
Pt = Sequence[float]


# -- colour ---------------------------------------------------------------------------------
def rgb(hex_colour: str) -> RGB:
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16) / 255.0, int(h[2:4], 16) / 255.0, int(h[4:6], 16) / 255.0)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def shade(c: RGB, k: float, warm: float = 0.0) -> RGB:
    """Darken by factor k (<1); `warm` pushes shadows towards red, as skin and fabric do."""
    r, g, b = c[0] * k, c[1] * k, c[2] * k
    return (min(1.0, r * (1 + warm)), g, max(0.0, b * (1 - warm * 0.5)))


def tint(c: RGB, t: float) -> RGB:
    return mix(c, (1.0, 1.0, 1.0), t)


def col(c: RGB, alpha: float = 1.0) -> int:
    return skia.Color4f(c[0], c[1], c[2], alpha).toColor()


# -- paints ---------------------------------------------------------------------------------
def fill(c: RGB, alpha: float = 1.0, blur: float = 0.0) -> skia.Paint:
    p = skia.Paint(AntiAlias=True, Color=col(c, alpha))
    if blur > 0:
        # MaskFilter blur is skia's fast blur; sigma is in design units (respects the CTM).
        p.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, blur))
    return p


def stroke(c: RGB, width: float, alpha: float = 1.0, blur: float = 0.0) -> skia.Paint:
    p = fill(c, alpha, blur)
    p.setStyle(skia.Paint.kStroke_Style)
    p.setStrokeWidth(width)
    p.setStrokeCap(skia.Paint.kRound_Cap)
    p.setStrokeJoin(skia.Paint.kRound_Join)
    return p


def linear(p: skia.Paint, y0: float, y1: float, c0: RGB, c1: RGB, x0: float = 0.0, x1: float = 0.0) -> skia.Paint:
    """Give a paint a two-stop linear gradient (used only in cached layers)."""
    p.setShader(skia.GradientShader.MakeLinear([(x0, y0), (x1, y1)], [col(c0), col(c1)]))
    return p


# -- curves ---------------------------------------------------------------------------------
def _tangents(pts: np.ndarray, ks: np.ndarray, closed: bool) -> np.ndarray:
    n = len(pts)
    if closed:
        prev, nxt = np.roll(pts, 1, axis=0), np.roll(pts, -1, axis=0)
    else:
        prev = np.vstack([pts[:1], pts[:-1]])
        nxt = np.vstack([pts[1:], pts[-1:]])
    tan = (nxt - prev) / 6.0 * ks[:, None]
    if not closed and n > 1:
        tan[0] = (pts[1] - pts[0]) / 3.0 * ks[0]
        tan[-1] = (pts[-1] - pts[-2]) / 3.0 * ks[-1]
    return tan


def _split(points: Sequence[Pt]) -> tuple[np.ndarray, np.ndarray]:
    pts = np.array([[p[0], p[1]] for p in points], dtype=np.float64)
    ks = np.array([p[2] if len(p) > 2 else 1.0 for p in points], dtype=np.float64)
    return pts, ks


def _beziers(points: Sequence[Pt], closed: bool) -> list[tuple[np.ndarray, ...]]:
    pts, ks = _split(points)
    tan = _tangents(pts, ks, closed)
    n = len(pts)
    segs = []
    for i in range(n if closed else n - 1):
        j = (i + 1) % n
        segs.append((pts[i], pts[i] + tan[i], pts[j] - tan[j], pts[j]))
    return segs


def smooth(points: Sequence[Pt], closed: bool = True, path: skia.Path | None = None) -> skia.Path:
    """A smooth path through the points (Catmull-Rom as cubic Beziers)."""
    path = path if path is not None else skia.Path()
    segs = _beziers(points, closed)
    path.moveTo(*segs[0][0])
    for _, c1, c2, p in segs:
        path.cubicTo(c1[0], c1[1], c2[0], c2[1], p[0], p[1])
    if closed:
        path.close()
    return path


def dense(points: Sequence[Pt], closed: bool = False, per_seg: int = 16) -> np.ndarray:
    """The same curve as `smooth`, sampled as a polyline (for strands and offsets)."""
    t = np.linspace(0.0, 1.0, per_seg, endpoint=False)[:, None]
    out = []
    for p0, c1, c2, p1 in _beziers(points, closed):
        u = 1 - t
        out.append(u**3 * p0 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t**3 * p1)
    out.append(np.array([_split(points)[0][0 if closed else -1]]))
    return np.vstack(out)


def resample(poly: np.ndarray, n: int) -> np.ndarray:
    """n points evenly spaced by arc length along a polyline."""
    d = np.r_[0.0, np.cumsum(np.hypot(*np.diff(poly, axis=0).T))]
    s = np.linspace(0.0, d[-1], n)
    return np.column_stack([np.interp(s, d, poly[:, 0]), np.interp(s, d, poly[:, 1])])


def mirror(right: Sequence[Pt]) -> list[Pt]:
    """A closed outline from its right half listed top to bottom (x >= 0), symmetric about x=0.

    The first and last points should lie on the axis; they are not duplicated.
    """
    left = [(-p[0], p[1], *p[2:]) for p in reversed(right[1:-1])]
    return list(right) + left


def flip(points: Sequence[Pt]) -> list[Pt]:
    return [(-p[0], p[1], *p[2:]) for p in points]


def poly_path(poly: np.ndarray, closed: bool = True) -> skia.Path:
    path = skia.Path()
    path.moveTo(float(poly[0, 0]), float(poly[0, 1]))
    for x, y in poly[1:]:
        path.lineTo(float(x), float(y))
    if closed:
        path.close()
    return path


def tapered(poly: np.ndarray, w0: float, w1: float, w_mid: float | None = None) -> skia.Path:
    """A filled brush stroke along a polyline whose width goes w0 -> (w_mid) -> w1.

    Hair strands and lash lines drawn this way look inked rather than plotted.
    """
    n = len(poly)
    s = np.linspace(0.0, 1.0, n)
    if w_mid is None:
        w = w0 + (w1 - w0) * s
    else:
        w = np.where(s < 0.5, w0 + (w_mid - w0) * s * 2, w_mid + (w1 - w_mid) * (s - 0.5) * 2)
    d = np.gradient(poly, axis=0)
    norm = np.hypot(d[:, 0], d[:, 1])
    norm[norm == 0] = 1.0
    nrm = np.column_stack([-d[:, 1], d[:, 0]]) / norm[:, None]
    left = poly + nrm * (w[:, None] / 2)
    right = poly - nrm * (w[:, None] / 2)
    return poly_path(np.vstack([left, right[::-1]]))


def union(*paths: skia.Path) -> skia.Path:
    out = paths[0]
    for p in paths[1:]:
        out = skia.Op(out, p, skia.kUnion_PathOp)
    return out


def minus(a: skia.Path, b: skia.Path) -> skia.Path:
    return skia.Op(a, b, skia.kDifference_PathOp)


def intersect(a: skia.Path, b: skia.Path) -> skia.Path:
    return skia.Op(a, b, skia.kIntersect_PathOp)


def circle(x: float, y: float, r: float) -> skia.Path:
    p = skia.Path()
    p.addCircle(x, y, r)
    return p


def oval(x: float, y: float, rx: float, ry: float) -> skia.Path:
    p = skia.Path()
    p.addOval(skia.Rect.MakeLTRB(x - rx, y - ry, x + rx, y + ry))
    return p


def moved(path: skia.Path, dx: float, dy: float) -> skia.Path:
    p = skia.Path(path)
    p.offset(dx, dy)
    return p


def transformed(path: skia.Path, m: skia.Matrix) -> skia.Path:
    out = skia.Path(path)
    out.transform(m)
    return out
