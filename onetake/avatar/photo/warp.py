"""The per-frame mesh warp of a photo avatar.

Output pixel q samples base pixel F^-1(S^-1(q)): S is the head sway (a small
rigid motion of everything above the neck under a soft vertical mask, the
shoulders lifted by breathing below it), F the face features (jaw and lips
opening per viseme, eyelids sliding down for a blink, brows rising). Fields are
written in closed form from the landmarks and inverted by two fixed-point steps,
evaluated only inside small regions around the mouth and eyes.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

F32 = np.float32

UPPER_INNER = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308]
LOWER_INNER = [78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308]
UPPER_OUTER = [61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291]
LOWER_OUTER = [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291]
# (upper lid, lower lid, corners) for each eye, listed outer to inner corner.
EYES = [
    ([33, 246, 161, 160, 159, 158, 157, 173, 133], [33, 7, 163, 144, 145, 153, 154, 155, 133]),
    ([263, 466, 388, 387, 386, 385, 384, 398, 362], [263, 249, 390, 373, 374, 380, 381, 382, 362]),
]
LID_BAND = 0.5  # lid skin above the upper lid that stretches over the eye (fractions of its opening)
LASH_SKIP = 0.45  # of that band, the part next to the lid holds the lashes: never stretched
BROWS = [[46, 53, 52, 65, 55, 70, 63, 105, 66, 107], [276, 283, 282, 295, 285, 300, 293, 334, 296, 336]]


def _smoothstep(e0: float, e1: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def _column_table(pts: np.ndarray, x0: int, x1: int) -> np.ndarray:
    """y of a contour at every integer column x0..x1 (ends held flat)."""
    order = np.argsort(pts[:, 0])
    xs = np.arange(x0, x1 + 1, dtype=F32)
    return np.interp(xs, pts[order, 0], pts[order, 1]).astype(F32)


@dataclass
class Region:
    x0: int
    y0: int
    x1: int
    y1: int

    def clip(self, w: int, h: int) -> Region:
        return Region(max(0, self.x0), max(0, self.y0), min(w, self.x1), min(h, self.y1))

    def grow(self, d: int) -> Region:
        return Region(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)


class MouthField:
    """Jaw drop and lip spread around the mouth, split along the lower inner lip."""

    def __init__(self, pts: np.ndarray):
        left, right = pts[61], pts[291]
        self.cx = float((left[0] + right[0]) / 2)
        self.w = max(4.0, float(right[0] - left[0]) / 2)  # half width
        self.y_mouth = float((pts[13][1] + pts[14][1]) / 2)
        self.rest_gap = max(0.0, float(pts[14][1] - pts[13][1]))
        self.lower_lip = max(2.0, float(pts[17][1] - pts[14][1]))
        self.upper_lip = max(2.0, float(pts[13][1] - pts[0][1]))
        self.chin = float(pts[152][1])
        self.nose = float(pts[2][1])
        self.neck = self.chin + 0.6 * (self.chin - self.y_mouth)
        reach = int(2.6 * self.w)
        self.region = Region(int(self.cx - reach), int(self.nose), int(self.cx + reach) + 1, int(self.neck) + 2)
        self.tx0 = self.region.x0 - 64
        self.split = _column_table(pts[LOWER_INNER], self.tx0, self.region.x1 + 64)
        self.upper_inner = pts[UPPER_INNER].copy()
        self.lower_inner = pts[LOWER_INNER].copy()
        self.max_gap = 0.5 * self.w  # "aa" (openness 0.9) opens ~22% of the mouth width: natural, not a yawn

    def gap_px(self, openness: float) -> float:
        """Extra opening (px, negative closes a photo whose mouth is open at rest)."""
        return openness * self.max_gap - self.rest_gap

    def _split_at(self, x: np.ndarray) -> np.ndarray:
        i = np.clip((x - self.tx0).astype(np.int32), 0, len(self.split) - 1)
        return self.split[i]

    def _prof(self, u: np.ndarray) -> np.ndarray:
        return np.clip(1 - u * u, 0.0, 1.0) ** 0.7

    def source(self, x: np.ndarray, y: np.ndarray, gap: float, spread: float) -> tuple[np.ndarray, np.ndarray]:
        """Backward map: the base point each output point shows.

        The field is discontinuous at the split, so each side is inverted on its own (two
        fixed-point steps) and a point takes the lower lip's answer when that answer really
        lies below the split; otherwise the upper side's (inside an opening, where neither
        holds, the drawn interior covers it).
        """
        (sx, sy), (ux, uy) = (self._side(x, y, gap, spread, lower) for lower in (True, False))
        use_lower = sy >= self._split_at(sx)
        return np.where(use_lower, sx, ux).astype(F32), np.where(use_lower, sy, uy).astype(F32)

    def _side(self, x: np.ndarray, y: np.ndarray, gap: float, spread: float, lower: bool) -> tuple[np.ndarray, np.ndarray]:
        """One side's backward map over the grid (x, y): solved on every other pixel, then interpolated.

        Each side's displacement is smooth (only the choice between sides is sharp, and that is
        made at full resolution), so a half-resolution solve loses < 0.1 px and saves 3/4 of the
        mouth's cost (4 of a photo frame's 11 ms). The coarse samples sit at x0 + 2i + 0.5, where
        cv2.resize's bilinear upscaling puts them, so the interpolation is exact at the samples.
        """
        h, w = x.shape
        if h < 8 or w < 8:
            return self._solve(x, y, gap, spread, lower)
        cx = x[0, 0] + 0.5 + 2 * np.arange((w + 1) // 2, dtype=F32)
        cy = y[0, 0] + 0.5 + 2 * np.arange((h + 1) // 2, dtype=F32)
        gx, gy = np.meshgrid(cx, cy)
        sx, sy = self._solve(gx, gy, gap, spread, lower)
        big = (2 * len(cx), 2 * len(cy))
        dx = cv2.resize(sx - gx, big, interpolation=cv2.INTER_LINEAR)[:h, :w]
        dy = cv2.resize(sy - gy, big, interpolation=cv2.INTER_LINEAR)[:h, :w]
        return x + dx, y + dy

    def _solve(self, x: np.ndarray, y: np.ndarray, gap: float, spread: float, lower: bool) -> tuple[np.ndarray, np.ndarray]:
        sx, sy = x, y
        for _ in range(2):  # fixed point of src = p - D(src)
            dx, dy = self.displacement(sx, sy, gap, spread, lower=lower)
            sx, sy = x - dx, y - dy
        return sx, sy

    def displacement(self, x: np.ndarray, y: np.ndarray, gap: float, spread: float, lower: bool | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Forward displacement (dx, dy) of base points (x, y); `lower` forces one side of the split."""
        u = (x - self.cx) / self.w
        au = np.abs(u)
        ys = self._split_at(x)
        prof = self._prof(u)
        jaw = 1 - _smoothstep(1.0, 2.4, au)
        below = (y >= ys) if lower is None else lower
        s = _smoothstep(0.0, self.lower_lip * 1.3, y - ys)
        keep_neck = 1 - _smoothstep(self.chin, self.neck, y)
        down = 0.8 * gap * ((1 - s) * prof + s * jaw) * keep_neck
        lift = np.clip((ys - y) / np.maximum(2.0, ys - self.nose), 0.0, 1.0)
        up = -0.2 * gap * prof * (1 - lift * lift * (3 - 2 * lift))
        dy = np.where(below, down, up)
        # Spread (E, I) or purse (O, U): corners move out or in, fading away from the lips.
        near = 1 - _smoothstep(0.0, 1.6 * (self.upper_lip + self.lower_lip) + 0.5 * abs(gap), np.abs(y - self.y_mouth))
        bump = np.where(au <= 1, au, 1 - _smoothstep(1.0, 2.2, au))
        dx = spread * self.w * np.sign(u) * bump * near
        return dx.astype(F32), dy.astype(F32)

    def opening(self, gap: float, spread: float) -> tuple[np.ndarray, np.ndarray]:
        """The inner lip contours after the warp (upper, lower), in base pixels, corner to corner."""
        out = []
        for pts, lower in ((self.upper_inner, False), (self.lower_inner, True)):
            u = (pts[:, 0] - self.cx) / self.w
            prof = self._prof(u)
            dy = (0.8 if lower else -0.2) * gap * prof
            dx = spread * self.w * np.sign(u) * np.clip(np.abs(u), 0, 1)
            out.append(np.c_[pts[:, 0] + dx, pts[:, 1] + dy].astype(F32))
        return out[0], out[1]


class EyeField:
    """Upper eyelid slides down to the lower lid; the field stays inside a tight box so glasses stay put."""

    def __init__(self, pts: np.ndarray, upper: list[int], lower: list[int]):
        up, lo = pts[upper], pts[lower]
        self.x0, self.x1 = float(min(up[:, 0].min(), lo[:, 0].min())), float(max(up[:, 0].max(), lo[:, 0].max()))
        span = self.x1 - self.x0
        tx0 = int(self.x0 - span)
        self.tx0 = tx0
        self.top = _column_table(up, tx0, int(self.x1 + span))
        self.bottom = _column_table(lo, tx0, int(self.x1 + span))
        self.opening = max(1.0, float(np.max(self.bottom - self.top)))
        self.reach = LID_BAND * self.opening + 2
        self.pad = 0.22 * span
        self.upper = up
        self.region = Region(int(self.x0 - self.pad) - 1, int(up[:, 1].min() - self.reach) - 1,
                             int(self.x1 + self.pad) + 2, int(lo[:, 1].max()) + 2)

    def _at(self, table: np.ndarray, x: np.ndarray) -> np.ndarray:
        return table[np.clip((x - self.tx0).astype(np.int32), 0, len(table) - 1)]

    def source_y(self, x: np.ndarray, y: np.ndarray, blink: float) -> np.ndarray:
        """Backward map for a blink, piecewise linear in y per column (no inversion needed).

        The thin band of lid skin just above the upper lid (LID_BAND of the opening) stretches
        down over the eye while the eyeball squashes against the lower lid; nothing further up
        moves, so glasses rims above the lid stay where they are.
        """
        top, bottom = self._at(self.top, x), self._at(self.bottom, x)
        d = np.maximum(bottom - top, 0.0)
        band = LID_BAND * np.maximum(d, 0.3 * self.opening)
        lashes = blink * LASH_SKIP * band  # the lash line itself is not stretched over the eye
        lid = top + blink * d  # where the lid edge is drawn now
        b0 = top - band
        skin = b0 + (y - b0) * (band - lashes) / np.maximum(lid - b0, 1e-3)
        eye = top + (y - lid) * d / np.maximum(bottom - lid, 1e-3)
        src = np.where(y < lid, skin, eye)
        src = np.where((y < b0) | (y > bottom), y, src)
        h = 1 - _smoothstep(0.0, self.pad, np.maximum(self.x0 - x, x - self.x1))
        return (y + (src - y) * h).astype(F32)

    def lid_line(self, blink: float) -> np.ndarray:
        """The upper lid's edge after the blink warp (for the lash line)."""
        x = self.upper[:, 0]
        d = np.maximum(self._at(self.bottom, x) - self._at(self.top, x), 0.0)
        return np.c_[x, self.upper[:, 1] + blink * d].astype(F32)


class BrowField:
    def __init__(self, pts: np.ndarray, idx: list[int], eye: EyeField):
        b = pts[idx]
        self.x0, self.x1 = float(b[:, 0].min()), float(b[:, 0].max())
        self.y = float(b[:, 1].mean())
        self.to_eye = max(2.0, float(eye.upper[:, 1].min()) - self.y)
        self.amp = 0.3 * eye.opening
        self.pad = 0.25 * (self.x1 - self.x0)
        self.region = Region(int(self.x0 - self.pad) - 1, int(self.y - 2.0 * self.to_eye) - 1,
                             int(self.x1 + self.pad) + 2, int(self.y + self.to_eye) + 2)

    def displacement(self, x: np.ndarray, y: np.ndarray, raise_: float) -> np.ndarray:
        below = 1 - _smoothstep(0.0, self.to_eye * 0.9, y - self.y)
        above = 1 - _smoothstep(0.0, self.to_eye * 2.0, self.y - y)
        v = np.where(y >= self.y, below, above)
        h = 1 - _smoothstep(0.0, self.pad, np.maximum(self.x0 - x, x - self.x1))
        return (-raise_ * self.amp * v * h).astype(F32)


@dataclass(frozen=True)
class FeaturePose:
    gap: float = 0.0  # px of extra mouth opening (negative closes)
    spread: float = 0.0  # corner motion as a fraction of the half width
    blink: float = 0.0
    brow: float = 0.0


class FaceWarp:
    """Warps one base image (fixed size) into an output buffer each frame.

    Two steps keep it cheap: the face features are remapped only inside their small
    regions, into an edited copy of the base; then the sway is one affine warp for the
    head rows, one shift for the body rows and an exact remap for the neck band only.
    """

    def __init__(self, points: np.ndarray, base: np.ndarray, margin: int, out_w: int, out_h: int):
        self.mouth = MouthField(points)
        self.eyes = [EyeField(points, up, lo) for up, lo in EYES]
        self.brows = [BrowField(points, b, e) for b, e in zip(BROWS, self.eyes)]
        self.base, self.edited = base, base.copy()
        self.base_h, self.base_w = base.shape[:2]
        self.margin, self.out_w, self.out_h = margin, out_w, out_h
        self._dirty: list[Region] = []
        self._soft: np.ndarray | None = None
        chin, top = float(points[152][1]), float(points[10][1])
        face_h = chin - top
        self.face_h = face_h
        self.pivot = (float(points[152][0]), chin + 0.25 * face_h)
        # Everything above the chin moves with the head; the shoulders below stay, joined at the neck.
        gy = np.arange(out_h, dtype=F32) + margin
        mask = (1 - _smoothstep(chin + 0.1 * face_h, chin + 0.75 * face_h, gy)).astype(F32)
        inside = np.nonzero((mask < 0.999) & (mask > 0.001))[0]
        self.band = (int(inside[0]), int(inside[-1]) + 1) if len(inside) else (int(np.searchsorted(-mask, -0.5)),) * 2
        b0, b1 = self.band
        self.band_mask = mask[b0:b1]
        self.band_gy = gy[b0:b1]
        self.gx = np.arange(out_w, dtype=F32) + margin
        self.mapx = np.empty((b1 - b0, out_w), F32)
        self.mapy = np.empty((b1 - b0, out_w), F32)

    def head_matrix(self, angle_deg: float, tx: float, ty: float) -> np.ndarray:
        """Forward 2x3 affine of the head in base pixels: rotate about the neck pivot, then shift."""
        a = np.radians(angle_deg)
        c, s = np.cos(a), np.sin(a)
        px, py = self.pivot
        return np.array([[c, -s, px - c * px + s * py + tx], [s, c, py - s * px - c * py + ty]], dtype=np.float64)

    def features(self, pose: FeaturePose) -> None:
        """Apply jaw, lips, lids and brows to the edited base (only their regions change)."""
        for r in self._dirty:
            self.edited[r.y0:r.y1, r.x0:r.x1] = self.base[r.y0:r.y1, r.x0:r.x1]
        self._dirty = []
        fields = []
        if abs(pose.gap) > 0.05 or abs(pose.spread) > 0.002:
            grow = int(abs(pose.gap)) + 2
            fields.append((self.mouth.region.grow(grow), None, lambda x, y: self.mouth.source(x, y, pose.gap, pose.spread)))
        if pose.brow > 0.01:
            for brow in self.brows:
                fields.append((brow.region.grow(2), lambda x, y, b=brow: (0.0, b.displacement(x, y, pose.brow)), None))
        if pose.blink > 0.01:
            for eye in self.eyes:
                fields.append((eye.region, None, lambda x, y, e=eye: e.source_y(x, y, pose.blink)))
        for region, field, backward in fields:
            r = region.clip(self.base_w, self.base_h)
            if r.x1 <= r.x0 or r.y1 <= r.y0:
                continue
            px = np.broadcast_to(np.arange(r.x0, r.x1, dtype=F32)[None, :], (r.y1 - r.y0, r.x1 - r.x0))
            py = np.broadcast_to(np.arange(r.y0, r.y1, dtype=F32)[:, None], (r.y1 - r.y0, r.x1 - r.x0))
            if backward is not None:
                out = backward(px, py)
                sx, sy = out if isinstance(out, tuple) else (np.ascontiguousarray(px), out)
            else:
                sx, sy = px, py
                for _ in range(2):  # fixed point of src = p - D(src)
                    dx, dy = field(sx, sy)
                    sx, sy = px - dx, py - dy
            # A region overlapping an earlier one (lids under raised brows) samples the edited image.
            src = self.edited.copy() if any(_overlap(r, d) for d in self._dirty) else self.base
            sx, sy = np.ascontiguousarray(sx, dtype=F32), np.ascontiguousarray(sy, dtype=F32)
            dst = self.edited[r.y0:r.y1, r.x0:r.x1]
            cv2.remap(src, sx, sy, cv2.INTER_LINEAR, dst=dst, borderMode=cv2.BORDER_REPLICATE)
            closing = float(_smoothstep(0.4, 1.0, np.float32(pose.blink))) if field is None and not isinstance(out, tuple) else 0.0
            if closing > 0.0:
                # A lid stretched over the eye smears skin texture into vertical streaks: blend in
                # the same warp of a sideways-blurred photo, which reads as smooth lid skin.
                soft = cv2.remap(self._lid_soft(), sx, sy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
                cv2.addWeighted(soft, 0.6 * closing, dst, 1.0 - 0.6 * closing, 0.0, dst=dst)
            self._dirty.append(r)

    def _lid_soft(self) -> np.ndarray:
        if self._soft is None:
            k = max(3, int(self.eyes[0].opening * 0.35)) | 1
            self._soft = cv2.blur(self.base, (k, 1))
        return self._soft

    def sway(self, out: np.ndarray, head: np.ndarray, body_dy: float) -> None:
        """Write the edited base into `out` with the head moved by `head` and the body by body_dy."""
        inv = _invert(head)
        m = float(self.margin)
        b0, b1 = self.band
        head_m = np.hstack([inv[:, :2], (inv[:, :2] @ [m, m] + inv[:, 2])[:, None]])
        flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
        if b0 > 0:
            cv2.warpAffine(self.edited, head_m, (self.out_w, b0), dst=out[:b0], flags=flags, borderMode=cv2.BORDER_REPLICATE)
        if b1 < self.out_h:
            body_m = np.array([[1.0, 0.0, m], [0.0, 1.0, m + b1 - body_dy]])
            cv2.warpAffine(self.edited, body_m, (self.out_w, self.out_h - b1), dst=out[b1:], flags=flags, borderMode=cv2.BORDER_REPLICATE)
        if b1 > b0:  # the neck: the head's motion fades into the body's
            w = self.band_mask
            gx, gy = self.gx, self.band_gy
            np.multiply(gx[None, :], (1 + w * (inv[0, 0] - 1))[:, None], out=self.mapx)
            self.mapx += (w * (inv[0, 1] * gy + inv[0, 2]))[:, None]
            np.multiply(gx[None, :], (w * inv[1, 0])[:, None], out=self.mapy)
            self.mapy += (gy + w * ((inv[1, 1] - 1) * gy + inv[1, 2]) - (1 - w) * body_dy)[:, None]
            cv2.remap(self.edited, self.mapx, self.mapy, cv2.INTER_LINEAR, dst=out[b0:b1], borderMode=cv2.BORDER_REPLICATE)


def _overlap(a: Region, b: Region) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _invert(m: np.ndarray) -> np.ndarray:
    a = np.vstack([m, [0.0, 0.0, 1.0]])
    return np.linalg.inv(a)[:2]
