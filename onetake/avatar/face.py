"""The head: cached base (ears, face, shading, beard) and per-frame eyes and brows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import skia

from onetake.avatar.anatomy import Anatomy
from onetake.avatar.look import Look
from onetake.avatar.paint import (
    RGB, dense, fill, intersect, minus, mirror, mix, moved, oval, poly_path, rgb, shade, smooth, stroke,
    tapered, tint, transformed,
)


@dataclass(frozen=True)
class SkinTones:
    base: RGB
    shadow: RGB
    deep: RGB
    light: RGB
    line: RGB  # feature lines (nose, lid crease) drawn in the skin's own darkest tone


def skin_tones(look: Look) -> SkinTones:
    b = rgb(look.skin)
    dark = sum(b) / 3 < 0.5  # dark skin needs less darkening to keep shadows visible but warm
    return SkinTones(
        base=b,
        shadow=shade(b, 0.87 if dark else 0.9, warm=0.06),
        deep=shade(b, 0.72 if dark else 0.76, warm=0.1),
        light=tint(b, 0.12 if dark else 0.18),
        line=shade(b, 0.5 if dark else 0.58, warm=0.15),
    )


def _ear(anat: Anatomy) -> tuple[skia.Path, skia.Path]:
    x, y = anat.ear_x, anat.ear_y
    outer = smooth([(x - 8, y - 44), (x + 14, y - 52), (x + 31, y - 38), (x + 33, y - 6),
                    (x + 24, y + 26), (x + 10, y + 44), (x - 8, y + 42)])
    inner = dense([(x + 16, y - 32), (x + 22, y - 14), (x + 16, y + 8), (x + 10, y + 26)])
    return outer, tapered(inner, 7, 4, 8)


def draw_head_base(c: skia.Canvas, look: Look, anat: Anatomy, hair_shadow: skia.Path | None) -> None:
    """Ears, face and its soft shading, stubble or beard; static, so it is cached."""
    sk = skin_tones(look)
    face = anat.face
    for mirror_x in (1, -1):
        outer, inner = _ear(anat)
        if mirror_x < 0:
            m = skia.Matrix.Scale(-1, 1)
            outer, inner = transformed(outer, m), transformed(inner, m)
        c.drawPath(outer, fill(sk.shadow))
        c.drawPath(inner, fill(sk.deep, 0.7))
        if look.earrings:
            ex = mirror_x * (anat.ear_x + 6)
            c.drawCircle(ex, anat.ear_y + 50, 7.5, fill(rgb("#E2B84C")))
            c.drawCircle(ex - 2, anat.ear_y + 48, 2.5, fill((1, 1, 0.9), 0.8))
    c.drawPath(face, fill(sk.base))

    c.save()
    c.clipPath(face, doAntiAlias=True)
    # Light from the upper left: shade the right cheek and jaw, lift the left cheek.
    c.drawPath(oval(215, 400, 105, 230), fill(sk.shadow, 0.9, blur=28))
    c.drawPath(oval(0, 640, 190, 110), fill(sk.shadow, 0.7, blur=30))
    c.drawPath(oval(-70, 300, 60, 90), fill(sk.light, 0.5, blur=30))
    if hair_shadow is not None:  # the fringe casts a soft shadow onto the forehead
        c.drawPath(moved(hair_shadow, 6, 14), fill(sk.deep, 0.55, blur=10))
    c.restore()

    if look.beard == "stubble":
        _stubble(c, look, anat, sk)
    elif look.beard == "short":
        _beard(c, look, anat, sk)


def _beard_shape(anat: Anatomy, grow: float) -> skia.Path:
    """Sideburns, jaw and chin, with a cheek line sloping down to the mouth corners; lips left bare."""
    y = anat.mouth_y
    ex = anat.ear_x
    area = smooth(mirror([(0, y - 34), (34, y - 36), (62, y - 22), (92, y - 44), (124, y - 92),
                          (ex - 4, y - 150), (ex + 30, y - 150), (ex + 30, y + 200, 0), (0, y + 200, 0)]))
    lips = smooth(mirror([(0, y - 15), (34, y - 14), (53, y - 6), (40, y + 14), (0, y + 21)]))
    face_grown = smooth([(px * (1 + grow / 150), py + (grow if py > 480 else 0)) for px, py, *_ in anat.face_pts])
    return minus(intersect(area, face_grown), lips)


def _stubble(c: skia.Canvas, look: Look, anat: Anatomy, sk: SkinTones) -> None:
    c.drawPath(_beard_shape(anat, 0), fill(shade(rgb(look.hair), 1.0), 0.22, blur=5))


def _beard(c: skia.Canvas, look: Look, anat: Anatomy, sk: SkinTones) -> None:
    hair = rgb(look.hair)
    shape = _beard_shape(anat, 6)
    # A soft halo first so the cheek edge fades into the skin like real growth.
    c.drawPath(shape, fill(hair, 0.5, blur=6))
    c.drawPath(shape, fill(hair, 0.9, blur=1.5))
    c.save()
    c.clipPath(shape, doAntiAlias=True)
    c.drawPath(oval(150, 560, 90, 110), fill(shade(hair, 0.7), 0.45, blur=24))
    c.drawPath(oval(-60, 540, 60, 40), fill(tint(hair, 0.15), 0.4, blur=20))
    # Short curved strokes following the growth direction give it texture.
    rng = np.random.default_rng(7)
    pen = stroke(shade(hair, 0.72), 2.0, 0.5)
    hi = stroke(tint(hair, 0.2), 1.8, 0.3)
    for _ in range(420):
        x = rng.uniform(-175, 175)
        yy = rng.uniform(anat.mouth_y - 150, anat.mouth_y + 90)
        ang = 0.35 * np.sign(x) * min(1.0, abs(x) / 120) + rng.normal(0, 0.15)
        dx, dy = np.sin(ang) * 8, np.cos(ang) * 8
        c.drawLine(x, yy, x + dx, yy + dy, pen if rng.random() < 0.6 else hi)
    c.restore()


def draw_moustache(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    """Drawn over the mouth so the upper lip tucks under it as the mouth opens."""
    if look.beard != "short":
        return
    hair = rgb(look.hair)
    y = anat.mouth_y
    shape = smooth(mirror([(0, y - 30), (26, y - 33), (50, y - 22), (62, y - 2, 0.6), (50, y - 10),
                           (26, y - 13), (0, y - 16)]))
    c.drawPath(shape, fill(hair))
    c.save()
    c.clipPath(shape, doAntiAlias=True)
    c.drawPath(oval(0, y - 8, 60, 8), fill(shade(hair, 0.7), 0.6, blur=4))
    pen = stroke(tint(hair, 0.18), 2.0, 0.3)
    for i in range(-9, 10):
        x = i * 6.0
        c.drawLine(x, y - 29, x + np.sign(x) * 5, y - 16, pen)
    c.restore()


def draw_face_detail(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    """Nose and cheeks: static, but shifted with the eyes and mouth when the head turns."""
    sk = skin_tones(look)
    blush = mix(rgb(look.lips), sk.base, 0.35)
    if look.blush > 0:
        for sx in (1, -1):
            c.drawPath(oval(sx * 88, anat.nose_y - 4, 30, 17), fill(blush, look.blush * 0.55, blur=11))
    y = anat.nose_y
    # Flat-style nose: the shadowed side of the bridge, a soft tip and one crisp wing line.
    bridge = dense([(10, anat.eye_y + 4), (14, y - 40), (20, y - 10)])
    c.drawPath(tapered(bridge, 1, 9), fill(sk.shadow, 0.9, blur=4))
    c.drawPath(smooth([(-18, y - 2), (0, y - 14), (18, y - 2), (12, y + 8), (0, y + 10), (-12, y + 8)]),
               fill(sk.shadow, 0.9, blur=2))
    c.drawPath(oval(-5, y - 6, 9, 6), fill(sk.light, 0.7, blur=3))
    wing = dense([(-20, y - 4), (-12, y + 7), (0, y + 9), (12, y + 7), (20, y - 4)], per_seg=8)
    c.drawPath(tapered(wing, 1.5, 1.5, 4.2), fill(sk.line, 0.7))


# -- per-frame: eyes and brows ----------------------------------------------------------------------

@lru_cache(maxsize=8)
def _eye_curves(hw: float, lashes: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Open upper lid, lower lid and closed-lid curves for a right-hand eye centred at 0."""
    up = dense([(-hw, 3), (-hw * 0.45, -17), (hw * 0.25, -19), (hw, -3)], per_seg=10)
    low = dense([(-hw, 3), (-hw * 0.3, 12), (hw * 0.35, 11), (hw, -3)], per_seg=10)
    closed = dense([(-hw, 3), (-hw * 0.3, 8), (hw * 0.35, 7), (hw, -3)], per_seg=10)
    return up, low, closed


@dataclass
class EyeStyle:
    white: RGB
    iris: RGB
    iris_dark: RGB
    lash: RGB
    crease: RGB
    lid_shadow: RGB


def eye_style(look: Look) -> EyeStyle:
    sk = skin_tones(look)
    iris = rgb(look.eyes)
    return EyeStyle(white=(0.99, 0.975, 0.96), iris=iris, iris_dark=shade(iris, 0.55),
                    lash=(0.13, 0.09, 0.08), crease=sk.line, lid_shadow=sk.deep)


class EyePainter:
    """Draws both eyes for an openness and gaze; paints and curves are built once."""

    def __init__(self, look: Look, anat: Anatomy):
        self.anat = anat
        self.lashes = look.lashes
        st = eye_style(look)
        self.up, self.low, self.closed = _eye_curves(anat.eye_hw, look.lashes)
        self.p_white = fill(st.white)
        self.p_lidshadow = fill(st.lid_shadow, 0.35, blur=4)
        self.p_iris = fill(st.iris)
        self.p_ring = stroke(st.iris_dark, 2.4)
        self.p_pupil = fill((0.07, 0.05, 0.05))
        self.p_hi = fill((1, 1, 1), 0.95)
        self.p_lash = fill(st.lash)
        self.p_crease = stroke(st.crease, 2.4, 0.3)
        self.p_lower = stroke(st.crease, 2.0, 0.25)
        hw = anat.eye_hw
        self.crease = smooth([(-hw * 0.55, -24), (0, -30), (hw * 0.6, -25)], closed=False)
        self.lower_line = smooth([(-hw * 0.5, 12), (hw * 0.1, 14), (hw * 0.6, 10)], closed=False)
        self._cache: dict[int, tuple] = {}

    def _paths(self, q: int) -> tuple[skia.Path | None, skia.Path, skia.Path | None, skia.Path | None]:
        """Opening (clip), lash line, lid shadow and lash flick for openness level q (0..32).

        Building these is Python-heavy, so they are cached; 33 levels are finer than
        any frame of a 150 ms blink can show.
        """
        if q not in self._cache:
            o = q / 32.0
            hw = self.anat.eye_hw
            upper = self.closed + (self.up - self.closed) * o
            opening = lid_shadow = None
            if o > 0.06:
                opening = poly_path(np.vstack([upper, self.low[::-1]]))
                lid_shadow = poly_path(np.vstack([upper + [0.0, 2.0], [[hw, -40.0], [-hw, -40.0]]]))
            flick = None
            if self.lashes:  # a small flick at the outer corner
                x, y = upper[-1]
                flick = tapered(dense([(x - 6, y + 1), (x + 3, y - 3), (x + 9, y - 9)], per_seg=6), 4.5, 0.8)
            self._cache[q] = (opening, tapered(upper, 2.5, 4.0, 5.5), lid_shadow, flick)
        return self._cache[q]

    def draw(self, c: skia.Canvas, openness: float, gaze_x: float, gaze_y: float, dx: float, dy: float) -> None:
        a = self.anat
        opening, lid, lid_shadow, flick = self._paths(int(round(max(0.0, min(1.0, openness)) * 32)))
        for side in (1.0, -1.0):
            c.save()
            c.translate(side * a.eye_dx + dx, a.eye_y + dy)
            if side < 0:
                c.scale(-1, 1)  # the left eye is the right one mirrored
            c.drawPath(self.crease, self.p_crease)
            if opening is not None:
                c.save()
                c.clipPath(opening, doAntiAlias=True)
                c.drawPaint(self.p_white)
                gx = gaze_x * 7.0 * side  # mirrored canvas: flip gaze back
                gy = gaze_y * 4.0 + 1.0
                c.drawCircle(gx, gy, 14.0, self.p_iris)
                c.drawCircle(gx, gy, 13.4, self.p_ring)
                c.drawCircle(gx, gy, 6.5, self.p_pupil)
                c.drawCircle(gx - 4.0 * side, gy - 4.5, 3.4, self.p_hi)
                c.drawCircle(gx + 4.0 * side, gy + 4.0, 1.5, self.p_hi)
                c.drawPath(lid_shadow, self.p_lidshadow)
                c.restore()
                c.drawPath(self.lower_line, self.p_lower)
            c.drawPath(lid, self.p_lash)
            if flick is not None:
                c.drawPath(flick, self.p_lash)
            c.restore()


class BrowPainter:
    def __init__(self, look: Look, anat: Anatomy):
        self.anat = anat
        brow = rgb(look.brows) if look.brows else shade(rgb(look.hair), 0.8)
        self.paint = fill(brow)
        self.thick = 10.0 if look.face == "square" else 8.0
        self._cache: dict[int, skia.Path] = {}

    def _path(self, raise_q: int) -> skia.Path:
        """Right brow for a quantised raise (25 levels are indistinguishable from continuous)."""
        if raise_q not in self._cache:
            r = raise_q / 24.0
            a = self.anat
            y = a.brow_y
            pts = dense([(a.eye_dx - 31, y + 3 - 12 * r), (a.eye_dx + 4, y - 8 - 9 * r),
                         (a.eye_dx + 40, y + 1 - 5 * r)], per_seg=12)
            self._cache[raise_q] = tapered(pts, self.thick * 0.85, self.thick * 0.3, self.thick)
        return self._cache[raise_q]

    def draw(self, c: skia.Canvas, raise_: float, dx: float, dy: float) -> None:
        p = self._path(int(round(max(0.0, min(1.0, raise_)) * 24)))
        c.save()
        c.translate(dx, dy)
        c.drawPath(p, self.paint)
        c.scale(-1, 1)  # the left brow mirrors the right about the (shifted) centre line
        c.drawPath(p, self.paint)
        c.restore()
