"""Hair styles, drawn as masses of strands rather than flat helmets.

A straight or wavy style is a few *masses*, each bounded by an outer and an
inner curve running root -> tip. Strand lines are interpolations between the
two curves, so they follow the flow of the hair; a sheen band and a shadow at
the parting give it volume. Curly styles are built from overlapping shaded curls.
Every style draws a `back` part (behind head and neck) and a `front` part.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import skia

from onetake.avatar.anatomy import Anatomy
from onetake.avatar.look import Look
from onetake.avatar.paint import (
    RGB, Pt, dense, fill, flip, intersect, minus, mirror, moved, oval, poly_path, resample, rgb, shade,
    smooth, stroke, tapered, tint, union,
)


@dataclass(frozen=True)
class HairTones:
    base: RGB
    dark: RGB
    deep: RGB
    light: RGB


def hair_tones(look: Look) -> HairTones:
    b = rgb(look.hair)
    light = rgb(look.hair_highlight) if look.hair_highlight else tint(b, 0.3)
    grey = max(b) - min(b) < 0.06 and sum(b) / 3 > 0.5  # silver hair needs gentler shadows
    return HairTones(base=b, dark=shade(b, 0.8 if grey else 0.68), deep=shade(b, 0.66 if grey else 0.45), light=light)


class Mass:
    """A lock of hair between an outer and an inner curve, both root -> tip."""

    def __init__(self, outer: Sequence[Pt], inner: Sequence[Pt], n: int = 80):
        self.outer = resample(dense(outer), n)
        self.inner = resample(dense(inner), n)
        self.path = poly_path(np.vstack([self.outer, self.inner[::-1]]))

    def line(self, f: float, t0: float = 0.0, t1: float = 1.0) -> np.ndarray:
        """The strand a fraction f of the way from the outer to the inner curve, between t0 and t1."""
        n = len(self.outer)
        a, b = int(t0 * (n - 1)), max(int(t0 * (n - 1)) + 2, int(t1 * (n - 1)) + 1)
        return self.outer[a:b] + (self.inner[a:b] - self.outer[a:b]) * f

    def lock(self, f0: float, f1: float, t0: float, extend: float) -> skia.Path:
        """A pointed lock running along the mass from t0 and past its end by `extend`."""
        a, b = self.line(f0, t0, 1.0), self.line(f1, t0, 1.0)
        end = (a[-1] + b[-1]) / 2
        d = end - (self.line((f0 + f1) / 2, 0.9, 1.0)[0])
        tip = end + d / max(1e-6, float(np.hypot(*d))) * extend
        return smooth([*map(tuple, a[::4]), tuple(tip) + (0.3,), *map(tuple, b[::-4])])

    def band(self, f0: float, f1: float, t0: float, t1: float) -> skia.Path:
        return poly_path(np.vstack([self.line(f0, t0, t1), self.line(f1, t0, t1)[::-1]]))


def paint_mass(c: skia.Canvas, m: Mass, tones: HairTones, seed: int, strands: int = 9,
               sheen: tuple[float, float, float, float] | None = (0.18, 0.42, 0.06, 0.5)) -> None:
    """Fill, then inside the mass: shadow at the root and inner edge, strands and a sheen band."""
    c.drawPath(m.path, fill(tones.base))
    c.save()
    c.clipPath(m.path, doAntiAlias=True)
    c.drawPath(tapered(m.inner, 26, 18), fill(tones.dark, 0.55, blur=9))  # depth where hair meets face
    c.drawPath(oval(float(m.outer[0, 0]), float(m.outer[0, 1]) + 10, 40, 28), fill(tones.dark, 0.6, blur=14))
    if sheen:  # a soft wide glow with a crisper streak inside: the illustrated look of glossy hair
        f0, f1, t0, t1 = sheen
        c.drawPath(m.band(f0, f1, t0, t1), fill(tones.light, 0.5, blur=9))
        mid = m.line((f0 + f1) / 2, t0 + 0.02, t1 - 0.04)
        c.drawPath(tapered(mid, 1.0, 1.0, 12.0), fill(tint(tones.light, 0.1), 0.7, blur=2.5))
    rng = np.random.default_rng(seed)
    for i in range(strands):
        f = (i + 0.5) / strands + rng.uniform(-0.03, 0.03)
        t0, t1 = rng.uniform(0.0, 0.12), rng.uniform(0.75, 0.98)
        c.drawPath(tapered(m.line(f, t0, t1), 1.0, 0.6, 3.0), fill(tones.dark, 0.5))
    for i in range(max(2, strands // 3)):
        f = rng.uniform(0.12, 0.5)
        t0, t1 = rng.uniform(0.05, 0.2), rng.uniform(0.4, 0.7)
        c.drawPath(tapered(m.line(f, t0, t1), 0.6, 0.4, 2.2), fill(tones.light, 0.6))
    c.restore()


def paint_curl(c: skia.Canvas, x: float, y: float, r: float, tones: HairTones, rng: np.random.Generator) -> None:
    """One curl: dark rim, lit body offset to the light, a highlight arc and a hint of spiral."""
    c.drawCircle(x, y, r, fill(tones.deep))
    c.drawCircle(x - r * 0.1, y - r * 0.12, r * 0.84, fill(tones.base))
    a0 = rng.uniform(190, 225)
    arc = skia.Path()
    arc.addArc(skia.Rect.MakeLTRB(x - r * 0.62, y - r * 0.62, x + r * 0.5, y + r * 0.5), a0, 80)
    c.drawPath(arc, stroke(tones.light, max(1.5, r * 0.16), 0.8))
    sp = skia.Path()
    sp.addArc(skia.Rect.MakeLTRB(x - r * 0.35, y - r * 0.2, x + r * 0.45, y + r * 0.55), a0 + 150, 150)
    c.drawPath(sp, stroke(tones.dark, max(1.2, r * 0.1), 0.7))


@dataclass
class HairArt:
    back: Callable[[skia.Canvas], None]
    front: Callable[[skia.Canvas], None]
    shadow: skia.Path | None  # the fringe outline that casts a shadow on the forehead


# -- straight styles --------------------------------------------------------------------------------

def _bob_side(look: Look, anat: Anatomy) -> HairArt:
    t = hair_tones(look)
    # A-line bob: part on the viewer's right, a fringe swept across to the left.
    left = Mass([(40, 124), (-20, 110), (-100, 126), (-166, 184), (-198, 280), (-206, 390), (-208, 480),
                 (-212, 560), (-206, 604), (-186, 618)],
                [(40, 124), (16, 170), (-38, 216), (-98, 248), (-141, 292), (-155, 362), (-159, 452),
                 (-160, 532), (-168, 604)])
    right = Mass([(40, 124), (104, 130), (162, 180), (192, 268), (200, 380), (202, 480), (204, 556),
                  (198, 598), (178, 612)],
                 [(40, 124), (70, 168), (112, 208), (145, 262), (157, 350), (160, 450), (162, 530),
                  (162, 598)])
    back_path = poly_path(np.vstack([right.outer, [[150, 610], [-150, 610]], left.outer[::-1]]))

    def back(c: skia.Canvas) -> None:
        c.drawPath(back_path, fill(t.deep))
        c.drawPath(oval(0, 560, 120, 40), fill(shade(t.deep, 0.7), 0.8, blur=20))

    def front(c: skia.Canvas) -> None:
        for m, seed, locks in ((right, 1, ((0.0, 0.3, 14), (0.45, 0.8, 10))),
                               (left, 2, ((0.0, 0.28, 16), (0.3, 0.6, 10), (0.62, 0.95, 8)))):
            paint_mass(c, m, t, seed, strands=10, sheen=(0.12, 0.4, 0.04, 0.45))
            for f0, f1, ext in locks:  # pointed tips break up the cut line
                lk = m.lock(f0, f1, 0.82, ext)
                c.drawPath(lk, fill(t.base))
                c.drawPath(tapered(m.line((f0 + f1) / 2, 0.82, 1.0), 2.5, 0.5), fill(t.dark, 0.6))
        # The parting: a short dark crease where the two masses meet.
        c.drawPath(tapered(dense([(40, 122), (44, 150)]), 3, 1), fill(t.deep, 0.8))

    return HairArt(back, front, union(left.path, right.path))


def _long_straight(look: Look, anat: Anatomy) -> HairArt:
    t = hair_tones(look)
    outer = [(0, 124), (-80, 128), (-150, 176), (-182, 268), (-190, 380), (-196, 500), (-208, 620),
             (-222, 740), (-226, 835), (-214, 900)]
    inner = [(0, 124), (-14, 165), (-66, 208), (-126, 260), (-151, 340), (-157, 440), (-154, 540),
             (-148, 640), (-152, 760), (-170, 860), (-194, 908)]
    left = Mass(outer, inner, n=110)
    right = Mass(flip(outer), flip(inner), n=110)
    back_path = poly_path(np.vstack([right.outer, [[200, 880], [-200, 880]], left.outer[::-1]]))

    def back(c: skia.Canvas) -> None:
        c.drawPath(back_path, fill(t.deep))
        c.drawPath(oval(0, 600, 140, 80), fill(shade(t.deep, 0.7), 0.8, blur=24))

    def front(c: skia.Canvas) -> None:
        # A soft shadow the hair casts on the shoulders.
        for m in (left, right):
            c.drawPath(moved(m.path, 6, 10), fill((0, 0, 0), 0.12, blur=10))
        paint_mass(c, left, t, 3, strands=12, sheen=(0.12, 0.36, 0.04, 0.3))
        paint_mass(c, right, t, 4, strands=12, sheen=(0.12, 0.32, 0.04, 0.3))
        c.drawPath(tapered(dense([(0, 122), (0, 150)]), 3.5, 1), fill(t.deep, 0.8))

    return HairArt(back, front, union(left.path, right.path))


def _bun(look: Look, anat: Anatomy) -> HairArt:
    t = hair_tones(look)
    # Side-swept, softly waved hair combed up and back into a bun.
    left = Mass([(-20, 118), (-100, 124), (-160, 176), (-182, 262), (-178, 345), (-160, 402)],
                [(-20, 118), (-52, 190), (-112, 222), (-146, 268), (-154, 330), (-150, 392)])
    right = Mass([(-20, 118), (80, 118), (150, 160), (180, 240), (180, 330), (163, 400)],
                 [(-20, 118), (30, 188), (100, 206), (140, 250), (152, 320), (153, 392)])
    bun_c, bun_r = (0.0, 92.0), 60.0

    def back(c: skia.Canvas) -> None:
        c.drawPath(smooth(mirror([(0, 118), (120, 130), (176, 230), (178, 350), (150, 420), (0, 430)])),
                   fill(t.deep))
        x, y = bun_c
        c.drawCircle(x, y, bun_r, fill(t.dark))
        c.drawCircle(x - 6, y - 8, bun_r * 0.86, fill(t.base))
        rng = np.random.default_rng(5)
        for i in range(7):  # wrapped strands spiralling round the bun
            r = bun_r * (0.3 + 0.09 * i)
            a0 = rng.uniform(0, 360)
            arc = skia.Path()
            arc.addArc(skia.Rect.MakeLTRB(x - r - 4, y - r * 0.8, x + r - 4, y + r * 0.8), a0, 200)
            c.drawPath(arc, stroke(t.dark if i % 2 else t.light, 2.6, 0.6))

    def front(c: skia.Canvas) -> None:
        paint_mass(c, right, t, 5, strands=10, sheen=(0.1, 0.35, 0.05, 0.45))
        paint_mass(c, left, t, 6, strands=8, sheen=(0.1, 0.35, 0.05, 0.45))

    return HairArt(back, front, union(left.path, right.path))


def _short_back(t: HairTones, top: float = 124.0) -> Callable[[skia.Canvas], None]:
    def back(c: skia.Canvas) -> None:
        c.drawPath(smooth(mirror([(0, top), (110, top + 14), (165, top + 80), (174, 260), (170, 360),
                                  (150, 430), (0, 440)])), fill(t.dark))
    return back


def _sideburn(x_outer: float, x_inner: float) -> tuple[list[Pt], list[Pt]]:
    """Extra points that carry a side mass down in front of the ear as a tapered sideburn."""
    return [(x_outer, 340), (x_outer - 2, 378, 0.5)], [(x_inner, 342), (x_inner + 6, 378, 0.5)]


def _side_part(look: Look, anat: Anatomy) -> HairArt:
    t = hair_tones(look)
    e = anat.ear_x
    # Part on the wearer's right (viewer's left); a slight recession at the temples.
    burn_o, burn_i = _sideburn(e + 6, e - 12)
    top = Mass([(-58, 128), (0, 114), (80, 118), (140, 160), (166, 226), (170, 300)] + burn_o,
               [(-58, 128), (-50, 188), (10, 196), (70, 196), (118, 214), (146, 258), (154, 300)] + burn_i)
    side = Mass([(-58, 128), (-110, 142), (-152, 186), (-168, 250), (-170, 300)] + flip(burn_o),
                [(-58, 128), (-74, 192), (-120, 216), (-148, 262), (-154, 300)] + flip(burn_i), n=60)

    def front(c: skia.Canvas) -> None:
        paint_mass(c, side, t, 7, strands=6, sheen=(0.1, 0.4, 0.05, 0.5))
        paint_mass(c, top, t, 8, strands=10, sheen=(0.12, 0.4, 0.08, 0.5))

    return HairArt(_short_back(t), front, union(top.path, side.path))


def _swept(look: Look, anat: Anatomy) -> HairArt:
    t = hair_tones(look)
    e = anat.ear_x
    # A longer top swept from a left part across the forehead, ending in pointed locks.
    so, si = _sideburn(e + 6, e - 12)
    top = Mass([(-62, 126), (0, 96), (90, 100), (152, 146), (174, 214), (172, 280)] + so,
               [(-62, 126), (-46, 196), (0, 222), (58, 232), (108, 240), (140, 262), (154, 300)] + si)
    side = Mass([(-62, 126), (-120, 140), (-160, 186), (-172, 260), (-172, 300)] + flip(so),
                [(-62, 126), (-80, 190), (-128, 218), (-150, 262), (-154, 300)] + flip(si), n=60)
    locks = [  # fringe tips overlapping the main mass and each other
        ([(-50, 140), (0, 196), (36, 236), (46, 250)], [(-50, 140), (14, 176), (50, 212), (46, 250)]),
        ([(-10, 140), (44, 196), (80, 238), (88, 258)], [(-10, 140), (58, 178), (94, 216), (88, 258)]),
        ([(30, 140), (90, 196), (118, 244), (124, 274)], [(30, 140), (104, 180), (134, 226), (124, 274)]),
    ]

    def front(c: skia.Canvas) -> None:
        paint_mass(c, side, t, 9, strands=5, sheen=None)
        c.drawPath(side.path, fill(t.dark, 0.35))  # shorter sides read darker (undercut)
        paint_mass(c, top, t, 10, strands=12, sheen=(0.1, 0.35, 0.06, 0.5))
        for i, (o, n) in enumerate(locks):
            lock = Mass(o, n, n=40)
            paint_mass(c, lock, t, 11 + i, strands=3, sheen=None)

    return HairArt(_short_back(t, 100), front, union(top.path, side.path))


# -- curly and cropped styles ------------------------------------------------------------------------

def scallop(points: Sequence[Pt], radius: tuple[float, float], rng: np.random.Generator, closed: bool = False,
            spacing: float = 1.3) -> skia.Path:
    """Circles strung along a curve: a cloud-like edge that reads as curly hair."""
    line = dense(points, closed=closed)
    length = float(np.sum(np.hypot(*np.diff(line, axis=0).T)))
    n = max(3, int(length / (sum(radius) / 2 * spacing)))
    out = skia.Path()
    for x, y in resample(line, n):
        out.addCircle(float(x) + rng.normal(0, 2), float(y) + rng.normal(0, 2), rng.uniform(*radius))
    return out


def coils(c: skia.Canvas, region: skia.Path, tones: HairTones, rng: np.random.Generator, size: float,
          density: float = 1.0) -> None:
    """C-shaped strokes scattered inside a region: the texture of curls, lit from the upper left."""
    b = region.getBounds()
    n = int(b.width() * b.height() / (size * size * 2.2) * density)
    dark, light = stroke(tones.deep, size * 0.34, 0.55), stroke(tones.light, size * 0.26, 0.5)
    for _ in range(n):
        x, y = rng.uniform(b.left(), b.right()), rng.uniform(b.top(), b.bottom())
        if not region.contains(x, y):
            continue
        r = size * rng.uniform(0.55, 1.05)
        arc = skia.Path()
        start = rng.uniform(0, 360)
        arc.addArc(skia.Rect.MakeLTRB(x - r, y - r, x + r, y + r), start, rng.uniform(160, 250))
        lit = rng.random() < 0.35 + 0.3 * (b.centerX() - x) / max(1.0, b.width())
        c.drawPath(arc, light if lit else dark)


def _curly_volume(look: Look, anat: Anatomy) -> HairArt:
    t = hair_tones(look)
    rng = np.random.default_rng(11)
    env_pts = mirror([(0, 78), (110, 90), (200, 150), (245, 255), (256, 380), (252, 500), (240, 600),
                      (214, 680), (150, 690), (0, 680)])
    hairline = [(-150, 700), (-146, 520), (-147, 420), (-145, 330), (-122, 254), (-70, 216), (0, 204),
                (70, 216), (122, 254), (145, 330), (147, 420), (146, 520), (150, 700)]
    window = smooth(hairline + [(0, 760)])
    volume = union(smooth(env_pts), scallop(env_pts, (24, 34), rng, closed=True))
    bumps = scallop(hairline[2:-2], (15, 22), rng)  # curls spilling over the hairline
    front_shape = union(minus(volume, window), intersect(bumps, volume))
    back_shape = volume

    def back(c: skia.Canvas) -> None:
        c.drawPath(back_shape, fill(t.deep))
        c.save()
        c.clipPath(back_shape, doAntiAlias=True)
        coils(c, back_shape, HairTones(t.dark, shade(t.deep, 0.7), shade(t.deep, 0.7), t.base),
              np.random.default_rng(12), 22, 0.6)
        c.restore()

    def front(c: skia.Canvas) -> None:
        c.drawPath(front_shape, fill(t.base))
        c.save()
        c.clipPath(front_shape, doAntiAlias=True)
        c.drawPath(oval(-90, 150, 130, 80), fill(t.light, 0.35, blur=30))  # sheen on the crown
        c.drawPath(tapered(dense(hairline[1:-1]), 34, 34), fill(t.deep, 0.55, blur=12))  # depth at the face
        c.drawPath(oval(0, 680, 300, 110), fill(t.deep, 0.6, blur=30))
        coils(c, front_shape, t, np.random.default_rng(13), 19, 1.3)
        c.restore()

    return HairArt(back, front, intersect(front_shape, oval(0, 230, 160, 70)))


def _curly_top(look: Look, anat: Anatomy) -> HairArt:
    t = hair_tones(look)
    rng = np.random.default_rng(21)
    top_pts = [(-150, 262), (-158, 190), (-132, 122), (-70, 94), (0, 88), (70, 94), (132, 122), (158, 190),
               (150, 262)]
    hairline = [(150, 262), (140, 246, 0.4), (112, 228), (56, 220), (0, 222), (-56, 220), (-112, 228),
                (-140, 246, 0.4)]
    core = smooth(top_pts + hairline)
    # Curls bump the outline, but none may dangle below the crisp (lined-up) hairline.
    bumps = minus(scallop(top_pts[1:-1], (9, 13), rng, spacing=1.1), skia.Path.Rect(skia.Rect.MakeLTRB(-200, 226, 200, 400)))
    shape = union(core, bumps)
    fade = smooth(mirror([(0, 200), (140, 224), (164, 262), (166, 345), (156, 352), (146, 290),
                          (112, 246), (0, 236)]))

    def front(c: skia.Canvas) -> None:
        c.drawPath(fade, fill(t.base, 0.6, blur=2.5))  # faded sides: short hair lets the skin through
        c.drawPath(shape, fill(t.base))
        c.save()
        c.clipPath(shape, doAntiAlias=True)
        c.drawPath(oval(-50, 120, 100, 40), fill(t.light, 0.4, blur=18))
        c.drawPath(tapered(dense(hairline[1:]), 14, 14), fill(t.deep, 0.5, blur=5))
        coils(c, shape, t, np.random.default_rng(22), 8.5, 1.5)
        c.restore()

    return HairArt(_short_back(t, 110), front, shape)


def _buzz(look: Look, anat: Anatomy) -> HairArt:
    t = hair_tones(look)
    cap = smooth(mirror([(0, 130), (96, 138), (150, 188), (167, 262), (166, 330), (160, 372, 0.5),
                         (150, 372, 0.5), (150, 290), (126, 232, 0.6), (60, 216), (0, 214)]))

    def front(c: skia.Canvas) -> None:
        c.drawPath(cap, fill(t.base))
        c.save()
        c.clipPath(cap, doAntiAlias=True)
        rng = np.random.default_rng(31)
        dot = fill(t.light, 0.5)
        for _ in range(900):  # fine speckle reads as close-cropped texture
            x, y = rng.uniform(-170, 170), rng.uniform(128, 380)
            c.drawCircle(x, y, rng.uniform(0.8, 1.6), dot)
        c.drawPath(oval(-50, 160, 90, 40), fill(t.light, 0.35, blur=18))
        c.drawPath(oval(140, 260, 50, 120), fill(t.deep, 0.5, blur=18))
        c.restore()

    return HairArt(_short_back(t, 128), front, None)


_STYLES: dict[str, Callable[[Look, Anatomy], HairArt]] = {
    "bob_side": _bob_side,
    "long_straight": _long_straight,
    "bun": _bun,
    "side_part": _side_part,
    "swept": _swept,
    "curly_volume": _curly_volume,
    "curly_top": _curly_top,
    "buzz": _buzz,
}


def hair_art(look: Look, anat: Anatomy) -> HairArt:
    return _STYLES[look.hair_style](look, anat)
