"""Neck, shoulders and clothing: the static body layer.

Each outfit draws in three passes so the neck sits between them: `back`
(collar or hood behind the neck), the skin (neck and any open neckline), then
`front` (garment, lapels, collar points, tie...). Light comes from the upper left.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import skia

from onetake.avatar.anatomy import Anatomy
from onetake.avatar.face import skin_tones
from onetake.avatar.look import Look
from onetake.avatar.paint import (
    RGB, Pt, dense, fill, flip, intersect, minus, mirror, moved, oval, poly_path, resample, rgb, shade,
    smooth, stroke, tapered, tint, union,
)


class Cloth:
    """Palette of one fabric: base, shadow, deep shadow and light."""

    def __init__(self, c: RGB, cool: bool = False):
        self.base = c
        light = sum(c) / 3 > 0.8
        self.shadow = shade(c, 0.9 if light else 0.82)
        self.deep = shade(c, 0.78 if light else 0.62)
        self.light = tint(c, 0.12)
        self.edge = shade(c, 0.7 if light else 0.5)
        if cool and light:  # white fabric: shade with cool greys so it reads as white, not dirty
            self.shadow, self.deep, self.edge = (0.85, 0.88, 0.92), (0.74, 0.78, 0.84), (0.62, 0.67, 0.74)


def shade_garment(c: skia.Canvas, shape: skia.Path, cloth: Cloth, anat: Anatomy) -> None:
    """Fill a garment and shade it: arms turn away at the sides, the right side is in shadow."""
    c.drawPath(shape, fill(cloth.base))
    c.save()
    c.clipPath(shape, doAntiAlias=True)
    k = anat.shoulder_k
    for s in (-1, 1):
        # Where the arm meets the chest: a soft seam of shadow curving down from the shoulder.
        seam = dense([(s * 330 * k, 752), (s * 318 * k, 850), (s * 312 * k, 1040)])
        c.drawPath(tapered(seam, 6, 30, 16), fill(cloth.deep, 0.5, blur=10))
    c.drawPath(oval(430 * k, 880, 150, 260), fill(cloth.deep, 0.55, blur=40))
    c.drawPath(oval(-430 * k, 880, 110, 240), fill(cloth.shadow, 0.6, blur=40))
    c.drawPath(oval(-220 * k, 730, 120, 30), fill(cloth.light, 0.6, blur=20))
    c.restore()


def _drop_shadow(c: skia.Canvas, path: skia.Path, alpha: float = 0.28, dx: float = 4, dy: float = 7,
                 blur: float = 6) -> None:
    c.drawPath(moved(path, dx, dy), fill((0.05, 0.04, 0.06), alpha, blur=blur))


def _v_cut(top_hw: float, bottom_y: float, top_y: float = 640.0) -> skia.Path:
    """The front opening of a jacket or cardigan, from both sides of the neck down to a point."""
    return smooth([(-top_hw, top_y - 60, 0), (top_hw, top_y - 60, 0), (top_hw, top_y, 0.3),
                   (top_hw * 0.45, (top_y + bottom_y) / 2, 0.4), (0, bottom_y, 0),
                   (-top_hw * 0.45, (top_y + bottom_y) / 2, 0.4), (-top_hw, top_y, 0.3)])


def _lapel(side: int, neck: float, tip_y: float, notch_y: float, width: float) -> skia.Path:
    """A notched lapel on one side (+1 = viewer's right), rolling from the neck to the top button."""
    pts: list[Pt] = [
        (neck + 2, 628, 0),  # collar at the back of the neck
        (neck + 34, 640, 0.8),
        (neck + 30 + width * 0.55, notch_y - 22, 0),  # collar outer corner
        (neck + 14 + width * 0.55, notch_y - 6, 0),  # notch
        (neck + 26 + width, notch_y + 4, 0),  # lapel peak
        (neck * 0.6 + width * 0.6, (notch_y + tip_y) / 2 + 20, 0.5),  # belly of the lapel
        (4, tip_y, 0),  # meets the opening at the top button
        (neck * 0.42, (640 + tip_y) / 2, 0.4),
        (neck - 4, 646, 0),
    ]
    if side < 0:
        pts = flip(pts)
    return smooth(pts)


def _lapels(c: skia.Canvas, cloth: Cloth, anat: Anatomy, tip_y: float, notch_y: float, width: float) -> None:
    neck = anat.neck_hw + 14
    for side in (1, -1):
        lap = _lapel(side, neck, tip_y, notch_y, width)
        _drop_shadow(c, lap, 0.3)
        c.drawPath(lap, fill(cloth.base))
        c.save()
        c.clipPath(lap, doAntiAlias=True)
        c.drawPath(oval(side * (neck + width), notch_y + 60, 40, 140), fill(cloth.light if side < 0 else cloth.shadow, 0.7, blur=18))
        c.restore()
        c.drawPath(lap, stroke(cloth.edge, 2.2, 0.55))


def _neck_and_chest(c: skia.Canvas, look: Look, anat: Anatomy, chest_y: float) -> None:
    """Skin from under the jaw down to the neckline; the jaw's shadow falls on its top."""
    sk = skin_tones(look)
    n = anat.neck_hw
    column = smooth(mirror([(0, 440), (n - 4, 450), (n, 560), (n + 3, 640), (n + 8, 700), (0, 700)]))
    chest = smooth(mirror([(0, 600), (n + 10, 610), (n + 80, 676), (150, chest_y - 40), (0, chest_y)]))
    # The chest never shows outside the clothed silhouette, only through its neckline.
    neck = union(column, intersect(chest, anat.torso()))
    c.drawPath(neck, fill(sk.shadow))
    c.save()
    c.clipPath(neck, doAntiAlias=True)
    c.drawPath(oval(0, 546, n + 30, 48), fill(sk.deep, 0.9, blur=16))  # under the chin
    c.drawPath(oval(n + 10, 600, 22, 90), fill(sk.deep, 0.5, blur=12))  # right side of the neck
    c.drawPath(oval(-30, chest_y - 10, 90, 40), fill(sk.base, 0.7, blur=20))  # chest catches light
    c.restore()


def _collar_band(c: skia.Canvas, colour: RGB, anat: Anatomy, y0: float = 606, h: float = 40) -> None:
    n = anat.neck_hw
    band = smooth(mirror([(0, y0), (n + 6, y0 + 8), (n + 18, y0 + h), (n, y0 + h + 6), (0, y0 + h - 4)]))
    c.drawPath(band, fill(colour))


# -- outfits ----------------------------------------------------------------------------------------

def _blazer(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    jacket, top = Cloth(rgb(look.outfit_main)), Cloth(rgb(look.outfit_inner), cool=True)
    _collar_band(c, jacket.deep, anat, 612, 36)
    _neck_and_chest(c, look, anat, 760)
    torso = anat.torso()
    scoop = smooth([(-300, 500, 0), (300, 500, 0), (300, 640, 0), (86, 650), (40, 712), (0, 722),
                    (-40, 712), (-86, 650), (-300, 640, 0)])
    shell = minus(torso, scoop)
    c.drawPath(shell, fill(top.base))
    c.save()
    c.clipPath(shell, doAntiAlias=True)
    c.drawPath(tapered(dense([(-86, 656), (0, 724), (86, 656)]), 8, 8), fill(top.deep, 0.8, blur=4))
    c.restore()
    body = minus(torso, _v_cut(anat.neck_hw + 14, 960))
    _drop_shadow(c, body, 0.2, 0, 4, 8)
    shade_garment(c, body, jacket, anat)
    _lapels(c, jacket, anat, tip_y=940, notch_y=770, width=62)
    c.drawCircle(10, 968, 7, fill(jacket.deep))
    c.drawLine(170, 880, 255, 874, stroke(jacket.edge, 3, 0.6))  # breast pocket welt


def _suit_tie(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    jacket, shirt, tie = Cloth(rgb(look.outfit_main)), Cloth(rgb(look.outfit_inner), cool=True), Cloth(rgb(look.outfit_accent))
    n = anat.neck_hw
    _collar_band(c, shirt.deep, anat, 598, 44)
    _neck_and_chest(c, look, anat, 660)
    torso = anat.torso()
    c.drawPath(torso, fill(shirt.base))
    c.save()
    c.clipPath(torso, doAntiAlias=True)
    c.drawPath(oval(40, 800, 60, 200), fill(shirt.shadow, 0.6, blur=20))
    c.restore()
    # Tie: knot, then the blade widening to a point.
    knot = smooth([(-19, 662, 0.4), (19, 662, 0.4), (13, 704, 0.4), (-13, 704, 0.4)])
    blade = smooth([(-13, 702, 0), (13, 702, 0), (30, 900, 0.3), (0, 936, 0), (-30, 900, 0.3)])
    _drop_shadow(c, blade, 0.3, 3, 5, 5)
    c.drawPath(blade, fill(tie.base))
    c.save()
    c.clipPath(blade, doAntiAlias=True)
    c.drawPath(oval(30, 820, 16, 140), fill(tie.shadow, 0.8, blur=8))
    for y in range(730, 940, 26):  # a subtle diagonal stripe
        c.drawLine(-40, y, 40, y - 30, stroke(tint(tie.base, 0.2), 4, 0.35))
    c.drawPath(oval(0, 712, 10, 8), fill(tie.deep, 0.7, blur=4))  # the dimple under the knot
    c.restore()
    c.drawPath(knot, fill(tie.light))
    c.drawPath(oval(6, 690, 14, 14), fill(tie.shadow, 0.6, blur=5))
    # Collar points over the knot's sides.
    for s in (1, -1):
        pts: list[Pt] = [(s * (n - 4), 618, 0), (s * (n + 16), 640, 0.5), (s * (n - 2), 705, 0.6), (s * 34, 738, 0),
                         (s * 14, 682, 0.4), (s * 8, 652, 0)]
        pt = smooth(pts)
        _drop_shadow(c, pt, 0.25, 3 * s, 5, 4)
        c.drawPath(pt, fill(shirt.base))
        c.drawPath(pt, stroke(shirt.edge, 2, 0.6))
    body = minus(torso, _v_cut(n + 16, 920))
    _drop_shadow(c, body, 0.25, 0, 4, 8)
    shade_garment(c, body, jacket, anat)
    _lapels(c, jacket, anat, tip_y=905, notch_y=765, width=72)
    # Pocket square peeking from the breast pocket.
    sq = skia.Path.Polygon([skia.Point(198, 846), skia.Point(200, 832), skia.Point(264, 828), skia.Point(266, 842)], True)
    c.drawPath(sq, fill((0.95, 0.95, 0.96)))
    c.drawLine(192, 846, 272, 842, stroke(jacket.edge, 3.5, 0.8))


def _jacket_open(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    jacket, shirt = Cloth(rgb(look.outfit_main)), Cloth(rgb(look.outfit_inner), cool=True)
    n = anat.neck_hw
    _collar_band(c, shirt.deep, anat, 596, 46)
    _neck_and_chest(c, look, anat, 780)
    torso = anat.torso()
    open_v = smooth([(-n - 2, 560, 0), (n + 2, 560, 0), (n + 2, 640, 0.3), (20, 740), (0, 770, 0), (-20, 740),
                     (-n - 2, 640, 0.3)])
    shirt_front = minus(torso, open_v)
    c.drawPath(shirt_front, fill(shirt.base))
    c.save()
    c.clipPath(shirt_front, doAntiAlias=True)
    c.drawPath(oval(50, 840, 60, 200), fill(shirt.shadow, 0.7, blur=20))
    c.drawLine(2, 770, 2, 1040, stroke(shirt.deep, 2.5, 0.7))  # placket
    for y in (830, 915):
        c.drawCircle(8, y, 4.5, fill(shirt.deep))
    c.restore()
    for s in (1, -1):  # open collar leaves splaying out over the jacket
        pts: list[Pt] = [(s * (n - 2), 610, 0), (s * (n + 24), 632, 0.5), (s * (n + 40), 720, 0), (s * (n + 6), 704, 0.5),
                         (s * 22, 748, 0), (s * (n - 6), 650, 0.5)]
        leaf = smooth(pts)
        _drop_shadow(c, leaf, 0.25, 4 * s, 6, 5)
        c.drawPath(leaf, fill(shirt.base))
        c.drawPath(leaf, stroke(shirt.edge, 2, 0.5))
    body = minus(torso, _v_cut(n + 24, 980))
    _drop_shadow(c, body, 0.25, 0, 4, 8)
    shade_garment(c, body, jacket, anat)
    _lapels(c, jacket, anat, tip_y=965, notch_y=790, width=64)
    c.drawLine(180, 890, 262, 884, stroke(jacket.edge, 3, 0.7))


def _hoodie(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    cloth, tee = Cloth(rgb(look.outfit_main)), Cloth(rgb(look.outfit_inner), cool=True)
    n = anat.neck_hw
    # The lowered hood: a soft fold of fabric behind the neck, its lining in shadow.
    hood = smooth(mirror([(0, 598), (64, 598), (112, 610), (142, 640), (138, 684), (0, 694)]))
    c.drawPath(hood, fill(cloth.shadow))
    c.save()
    c.clipPath(hood, doAntiAlias=True)
    c.drawPath(oval(0, 650, n + 40, 60), fill(cloth.deep, 0.9, blur=14))
    c.restore()
    _neck_and_chest(c, look, anat, 740)
    torso = anat.torso()
    opening = smooth(mirror([(0, 560), (n + 30, 590), (n + 40, 650), (44, 724), (0, 742)]))
    collar = dense([(-n - 10, 640), (-n * 0.6, 686), (0, 698), (n * 0.6, 686), (n + 10, 640)])
    crew = poly_path(np.vstack([collar, [[n + 10, 500], [-n - 10, 500]]]))
    c.drawPath(minus(intersect(torso, opening), crew), fill(tee.base))
    c.drawPath(tapered(collar, 12, 12), fill(tee.shadow))
    body = minus(torso, opening)
    shade_garment(c, body, cloth, anat)
    # The hood's two rims: thick rounded tubes that cross at the front.
    rim = dense([(n + 74, 612), (n + 66, 668), (n + 24, 722), (6, 752), (-20, 764)], per_seg=14)
    for s in (1, -1):
        r = rim * np.array([s, 1.0])
        band = union(tapered(r, 46, 30, 40), skia.Path.Circle(float(r[0, 0]), float(r[0, 1]), 23))
        _drop_shadow(c, band, 0.3, 2 * s, 8, 8)
        c.drawPath(band, fill(cloth.base))
        c.save()
        c.clipPath(band, doAntiAlias=True)
        c.drawPath(tapered(r + np.array([-s * 16.0, 14.0]), 20, 14), fill(cloth.deep, 0.8, blur=8))
        c.drawPath(tapered(r + np.array([s * 6.0, -6.0]), 8, 5), fill(cloth.light, 0.9, blur=4))
        c.restore()
    # Drawstrings with aglets.
    for s in (1, -1):
        cord = dense([(s * 24, 748), (s * 30, 800), (s * 25, 856), (s * 31, 905)], per_seg=10)
        c.drawPath(poly_path(cord + np.array([3.0, 4.0]), closed=False), stroke((0, 0, 0), 7, 0.18))
        c.drawPath(poly_path(cord, closed=False), stroke(rgb(look.outfit_accent), 7))
        c.drawRoundRect(skia.Rect.MakeLTRB(s * 31 - 5, 896, s * 31 + 5, 926), 4, 4, fill((0.72, 0.72, 0.74)))
        c.drawCircle(s * 24, 746, 6, fill(cloth.deep))  # eyelet
    c.drawPath(smooth([(-130, 1000), (0, 976), (130, 1000)], closed=False), stroke(cloth.deep, 3, 0.6))


def _lab_coat(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    coat, blouse = Cloth(rgb(look.outfit_main), cool=True), Cloth(rgb(look.outfit_inner))
    n = anat.neck_hw
    _collar_band(c, coat.deep, anat, 606, 40)
    _neck_and_chest(c, look, anat, 740)
    torso = anat.torso()
    neckline = smooth([(-300, 500, 0), (300, 500, 0), (300, 640, 0), (n + 20, 652), (0, 706), (-n - 20, 652),
                       (-300, 640, 0)])
    top = minus(torso, neckline)
    c.drawPath(top, fill(blouse.base))
    c.save()
    c.clipPath(top, doAntiAlias=True)
    c.drawPath(tapered(dense([(-n - 20, 656), (0, 708), (n + 20, 656)]), 10, 10), fill(blouse.deep, 0.7, blur=4))
    c.drawPath(oval(40, 860, 60, 160), fill(blouse.shadow, 0.8, blur=20))
    c.restore()
    body = minus(torso, _v_cut(n + 26, 1010))
    _drop_shadow(c, body, 0.22, 0, 4, 8)
    shade_garment(c, body, coat, anat)
    c.drawPath(body, stroke(coat.edge, 2, 0.5))
    _lapels(c, coat, anat, tip_y=990, notch_y=800, width=78)
    # Breast pocket with a pen (viewer's right), a name badge (viewer's left).
    pocket = skia.Rect.MakeLTRB(178, 862, 268, 1040)
    c.drawRect(pocket, fill(coat.shadow, 0.5))
    c.drawLine(176, 862, 270, 860, stroke(coat.edge, 2.5, 0.7))
    pen = rgb(look.outfit_accent)
    c.drawRoundRect(skia.Rect.MakeLTRB(200, 818, 212, 866), 5, 5, fill(pen))
    c.drawRoundRect(skia.Rect.MakeLTRB(209, 826, 214, 870), 2, 2, fill((0.8, 0.82, 0.86)))
    badge = skia.Rect.MakeLTRB(-262, 860, -176, 912)
    _drop_shadow(c, skia.Path.Rect(badge), 0.2, 2, 3, 3)
    c.drawRoundRect(badge, 6, 6, fill((1, 1, 1)))
    c.drawRoundRect(skia.Rect.MakeLTRB(-262, 860, -176, 874), 6, 6, fill(blouse.base))
    c.drawRect(skia.Rect.MakeLTRB(-252, 884, -200, 889), fill((0.7, 0.72, 0.76)))
    c.drawRect(skia.Rect.MakeLTRB(-252, 896, -216, 900), fill((0.82, 0.84, 0.87)))


def _cardigan(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    cardi, top = Cloth(rgb(look.outfit_main)), Cloth(rgb(look.outfit_inner), cool=True)
    n = anat.neck_hw
    _neck_and_chest(c, look, anat, 760)
    torso = anat.torso()
    scoop = smooth([(-300, 500, 0), (300, 500, 0), (300, 640, 0), (n + 34, 648), (50, 716), (0, 728), (-50, 716),
                    (-n - 34, 648), (-300, 640, 0)])
    shell = minus(torso, scoop)
    c.drawPath(shell, fill(top.base))
    c.save()
    c.clipPath(shell, doAntiAlias=True)
    c.drawPath(tapered(dense([(-n - 34, 652), (0, 730), (n + 34, 652)]), 8, 8), fill(top.deep, 0.7, blur=4))
    c.restore()
    # Pearls along a gentle curve.
    for x, y in resample(dense([(-n - 8, 640), (0, 712), (n + 8, 640)]), 17):
        c.drawCircle(float(x) + 1, float(y) + 2, 6.5, fill((0.4, 0.35, 0.35), 0.3, blur=1.5))
        c.drawCircle(float(x), float(y), 6.2, fill(rgb(look.outfit_accent)))
        c.drawCircle(float(x) - 2, float(y) - 2, 2, fill((1, 1, 1), 0.9))
    cut = _v_cut(n + 30, 990)
    body = minus(torso, cut)
    _drop_shadow(c, body, 0.22, 0, 4, 8)
    shade_garment(c, body, cardi, anat)
    # Ribbed button band along the opening, buttons on the wearer's right (viewer's left).
    edges = {}
    for s in (1, -1):
        edge = dense([(s * (n + 30), 640), (s * (n + 30) * 0.45, 815), (0, 990)], per_seg=20)
        edge = edges[s] = edge + np.array([s * 9.0, 0.0])
        band = intersect(tapered(edge, 18, 18), torso)
        c.drawPath(band, fill(cardi.light))
        c.save()
        c.clipPath(band, doAntiAlias=True)
        for x, y in resample(edge, 40):
            c.drawLine(float(x) - 10, float(y), float(x) + 10, float(y) - 2, stroke(cardi.shadow, 1.6, 0.7))
        c.restore()
        c.drawPath(band, stroke(cardi.edge, 1.5, 0.4))
    for y in (860, 950):
        x = float(np.interp(y, edges[-1][:, 1], edges[-1][:, 0]))
        c.drawCircle(x, y, 7, fill(shade(cardi.base, 0.6)))
        c.drawCircle(x - 1.5, y - 1.5, 2.2, fill(cardi.light, 0.8))


def _turtleneck(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    cloth = Cloth(rgb(look.outfit_main))
    n = anat.neck_hw
    _neck_and_chest(c, look, anat, 680)
    torso = anat.torso(650)
    shade_garment(c, torso, cloth, anat)
    c.save()
    c.clipPath(torso, doAntiAlias=True)
    for x in range(-420, 430, 22):  # faint knit ribs
        c.drawLine(x, 640, x * 1.04, 1040, stroke(cloth.shadow, 2.5, 0.35))
    c.restore()
    collar = smooth(mirror([(0, 572), (n + 6, 574), (n + 20, 604), (n + 26, 660), (n + 18, 694), (0, 712)]))
    _drop_shadow(c, collar, 0.35, 2, 10, 10)
    c.drawPath(collar, fill(cloth.base))
    c.save()
    c.clipPath(collar, doAntiAlias=True)
    for x in np.arange(-n - 24, n + 26, 11.0):
        c.drawLine(float(x), 560, float(x) * 0.95, 720, stroke(cloth.shadow, 3.2, 0.55))
    c.drawPath(oval(n + 20, 650, 30, 70), fill(cloth.deep, 0.6, blur=12))
    c.drawPath(tapered(dense([(-n - 10, 606), (0, 618), (n + 10, 606)]), 12, 12), fill(cloth.deep, 0.6, blur=5))
    c.drawPath(tapered(dense([(-n - 6, 582), (0, 590), (n + 6, 582)]), 8, 8), fill(cloth.light, 0.7, blur=3))
    c.restore()


_OUTFITS: dict[str, Callable[[skia.Canvas, Look, Anatomy], None]] = {
    "blazer": _blazer,
    "suit_tie": _suit_tie,
    "jacket_open": _jacket_open,
    "hoodie": _hoodie,
    "lab_coat": _lab_coat,
    "cardigan": _cardigan,
    "turtleneck": _turtleneck,
}


def draw_body(c: skia.Canvas, look: Look, anat: Anatomy) -> None:
    _OUTFITS[look.outfit](c, look, anat)
