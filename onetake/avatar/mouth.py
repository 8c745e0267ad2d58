"""The mouth: viseme weights -> blended shape parameters -> lips, interior, teeth, tongue.

Blending parameters (not images) lets any mix of visemes produce a plausible
in-between mouth, which is what makes 25 fps lip motion look continuous.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import skia

from onetake.avatar.look import Look
from onetake.avatar.paint import RGB, fill, mix, rgb, shade, stroke, tint
from onetake.avatar.visemes import OPENNESS, VISEMES


@dataclass(frozen=True)
class MouthShape:
    open: float = 0.0  # jaw/lip gap 0..1 (from visemes.OPENNESS)
    width: float = 1.0  # corner spread; <1 rounds/purses, >1 spreads (E, I)
    upper_teeth: float = 0.0  # 0..1 how much of the upper teeth shows
    lower_teeth: float = 0.0
    tongue: float = 0.0  # 0..1 tongue visible
    tongue_up: float = 0.0  # tip raised behind the teeth (t d n l th)
    press: float = 0.0  # lips pressed together (p b m)
    tuck: float = 0.0  # lower lip under the upper teeth (f v)
    round: float = 0.0  # lips pushed forward (o u w sh)


def _s(v: str, **kw: float) -> MouthShape:
    return MouthShape(open=OPENNESS[v], **kw)


SHAPES: dict[str, MouthShape] = {
    "sil": _s("sil"),
    "PP": _s("PP", width=0.94, press=1.0),
    "FF": _s("FF", width=0.98, upper_teeth=1.0, tuck=1.0),
    "TH": _s("TH", width=0.98, upper_teeth=0.8, lower_teeth=0.4, tongue=1.0, tongue_up=0.55),
    "DD": _s("DD", width=1.0, upper_teeth=0.75, lower_teeth=0.45, tongue=0.55, tongue_up=1.0),
    "kk": _s("kk", width=1.0, upper_teeth=0.6, lower_teeth=0.35, tongue=0.75),
    "CH": _s("CH", width=0.8, upper_teeth=0.95, lower_teeth=0.9, round=0.55),
    "SS": _s("SS", width=1.06, upper_teeth=1.0, lower_teeth=1.0),
    "nn": _s("nn", width=1.0, upper_teeth=0.6, lower_teeth=0.3, tongue=0.8, tongue_up=1.0),
    "RR": _s("RR", width=0.82, upper_teeth=0.5, lower_teeth=0.2, tongue=0.4, round=0.45),
    "aa": _s("aa", width=1.0, upper_teeth=0.45, lower_teeth=0.2, tongue=0.7),
    "E": _s("E", width=1.1, upper_teeth=0.7, lower_teeth=0.35, tongue=0.5),
    "I": _s("I", width=1.16, upper_teeth=0.85, lower_teeth=0.6, tongue=0.3),
    "O": _s("O", width=0.7, upper_teeth=0.25, lower_teeth=0.1, tongue=0.45, round=0.85),
    "U": _s("U", width=0.56, upper_teeth=0.1, tongue=0.2, round=1.0),
}
assert set(SHAPES) == set(VISEMES)
_FIELDS = [f.name for f in fields(MouthShape)]


def blend(weights: dict[str, float]) -> MouthShape:
    acc = dict.fromkeys(_FIELDS, 0.0)
    total = 0.0
    for v, w in weights.items():
        shape = SHAPES[v]
        total += w
        for f in _FIELDS:
            acc[f] += getattr(shape, f) * w
    if total <= 0:
        return SHAPES["sil"]
    return MouthShape(**{f: acc[f] / total for f in _FIELDS})


def _curve(path: skia.Path, pts: list[tuple[float, float]], move: bool) -> None:
    """Append a smooth curve through pts (Catmull-Rom with clamped ends) to path."""
    n = len(pts)
    if move:
        path.moveTo(*pts[0])
    for i in range(n - 1):
        p0 = pts[i - 1] if i > 0 else pts[i]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[i + 2] if i + 2 < n else p2
        k = 1 / 6
        path.cubicTo(p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k,
                     p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k, p2[0], p2[1])


class MouthPainter:
    """Draws a MouthShape at the mouth centre; paints are built once per presenter."""

    HALF_WIDTH = 43.0
    MAX_GAP = 46.0

    def __init__(self, look: Look, mouth_y: float, line_colour: RGB):
        self.y = mouth_y
        self.smile = look.smile
        self.bow = 1.0 if look.lashes else 0.5  # cupid's bow depth
        lip = rgb(look.lips)
        self.p_upper = fill(shade(lip, 0.86))
        self.p_lower = fill(lip)
        self.p_lower_hi = fill(tint(lip, 0.35), 0.55, blur=3)
        self.p_inside = fill((0.24, 0.07, 0.09))
        self.p_throat = fill((0.13, 0.03, 0.05), 0.9, blur=6)
        self.p_teeth = fill((0.97, 0.955, 0.93))
        self.p_tongue = fill((0.78, 0.36, 0.4))
        self.p_tongue_hi = fill((0.88, 0.5, 0.53), 0.8, blur=3)
        self.p_line = stroke(shade(mix(lip, line_colour, 0.5), 0.6), 3.2, 0.95)
        self.p_corner = stroke(line_colour, 2.4, 0.35)
        self.p_shadow = fill(shade(line_colour, 1.0), 0.18, blur=5)

    def draw(self, c: skia.Canvas, m: MouthShape, dx: float, dy: float) -> None:
        W = self.HALF_WIDTH * m.width
        H = self.MAX_GAP * m.open
        rnd, press, tuck = m.round, m.press, m.tuck
        cl = -self.smile * 10.0 * (1 - rnd) * (1 - 0.5 * press) + H * 0.06  # resting smile, relaxed when rounded
        tu = 11.0 * (1 + 0.45 * rnd - 0.45 * press)  # lip thickness at the centre
        tl = 14.0 * (1 + 0.35 * rnd - 0.4 * press - 0.3 * tuck)
        top = -H * 0.3  # inner edge of the upper lip at the centre
        bot = H * 0.7 - tuck * 3.0  # inner edge of the lower lip
        # Opening profile: near-elliptic (round corners) for O/U, lens-shaped for spread vowels.
        a = 0.85 - 0.35 * rnd
        u = _U
        body = np.clip(1.0 - u * u, 0.0, 1.0)
        prof = body ** a
        x_in = W * u
        x_out = (W + 4.0) * u
        corner = cl * u * u
        up_in = corner + top * prof
        lo_in = corner + bot * prof
        bow = self.bow * tu * (1 - 0.6 * rnd) * (np.exp(-(((np.abs(u) - 0.22) / 0.2) ** 2)) * 0.16
                                                 - np.exp(-((u / 0.1) ** 2)) * 0.1)
        up_out = corner + top * prof - tu * body ** 0.55 - bow
        lo_out = corner + bot * prof + tl * body ** 0.6

        c.save()
        c.translate(dx, self.y + dy)
        # A soft shadow under the lower lip grounds the mouth on the face.
        c.drawOval(skia.Rect.MakeLTRB(-W * 0.55, bot + tl * 0.75, W * 0.55, bot + tl * 1.55), self.p_shadow)

        inner_up = list(zip(x_in, up_in))
        inner_lo = list(zip(x_in, lo_in))
        if H > 1.2:
            inside = skia.Path()
            _curve(inside, inner_up, True)
            _curve(inside, inner_lo[::-1], False)
            inside.close()
            c.save()
            c.clipPath(inside, doAntiAlias=True)
            c.drawPaint(self.p_inside)
            c.drawOval(skia.Rect.MakeLTRB(-W * 0.5, top + H * 0.15, W * 0.5, bot), self.p_throat)
            if m.tongue > 0.05:
                ty = bot - 2 - H * (0.12 + 0.2 * m.tongue + 0.3 * m.tongue_up)
                c.drawOval(skia.Rect.MakeLTRB(-W * 0.62, ty, W * 0.62, ty + H * 0.6 + 12), self.p_tongue)
                c.drawOval(skia.Rect.MakeLTRB(-W * 0.3, ty + 3, W * 0.2, ty + 9), self.p_tongue_hi)
            if m.upper_teeth > 0.05:
                h = 2.0 + (H * 0.42 + 3) * m.upper_teeth
                c.drawRoundRect(skia.Rect.MakeLTRB(-W * 0.7, top - 8, W * 0.7, top + h), 5, 5, self.p_teeth)
            if m.lower_teeth > 0.05:
                h = 1.5 + (H * 0.3 + 2) * m.lower_teeth
                c.drawRoundRect(skia.Rect.MakeLTRB(-W * 0.58, bot - h, W * 0.58, bot + 8), 5, 5, self.p_teeth)
            c.restore()

        lower = skia.Path()
        _curve(lower, inner_lo, True)
        _curve(lower, list(zip(x_out, lo_out))[::-1], False)
        lower.close()
        upper = skia.Path()
        _curve(upper, list(zip(x_out, up_out)), True)
        _curve(upper, inner_up[::-1], False)
        upper.close()
        c.drawPath(lower, self.p_lower)
        c.drawOval(skia.Rect.MakeLTRB(-W * 0.32, bot + tl * 0.25, W * 0.12, bot + tl * 0.6), self.p_lower_hi)
        if tuck > 0.05:  # upper incisors resting on the lower lip
            c.drawRoundRect(skia.Rect.MakeLTRB(-W * 0.45, top - 4, W * 0.45, top + 4 + 6 * tuck), 4, 4,
                            self.p_teeth)
        c.drawPath(upper, self.p_upper)

        if H <= 6.0:  # closed or nearly: the line where the lips meet carries the expression
            line = skia.Path()
            _curve(line, inner_up, True)
            c.drawPath(line, self.p_line)
        for s in (-1, 1):  # small dimples at the corners
            x = s * (W + 4)
            c.drawLine(x - s * 1.0, cl + 2, x + s * 2.5, cl - 1.5 - self.smile * 2, self.p_corner)
        c.restore()


_U = np.linspace(-1.0, 1.0, 15)
