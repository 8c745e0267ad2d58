"""PhotoRig: a PhotoAvatar placed for one framing and size, drawn talking at any time.

Per frame: the face features warp inside small regions of the base (numpy tables,
cv2.remap), the head sway writes the output (an affine warp, a shift, an exact
remap across the neck), then the mouth interior and lash lines are drawn with
skia straight into the same buffer, which skia then draws without a copy.
"""

from __future__ import annotations

import cv2
import numpy as np
import skia

from onetake.avatar.motion import Pose
from onetake.avatar.mouth import MouthShape
from onetake.avatar.photo.crop import build_base
from onetake.avatar.photo.interior import MouthInterior
from onetake.avatar.photo.model import PhotoAvatar
from onetake.avatar.photo.source import load_photo
from onetake.avatar.photo.warp import FaceWarp, FeaturePose

cv2.setNumThreads(1)  # render workers own one core each; OpenCV's pool would oversubscribe it


class PhotoRig:
    def __init__(self, avatar: PhotoAvatar, kind: str, width: int, height: int):
        rgb = load_photo(avatar.source, "avatar_image")
        points = avatar.landmarks()
        if rgb.shape[1] != avatar.width or rgb.shape[0] != avatar.height:  # re-saved at another size
            points = points * np.array([rgb.shape[1] / avatar.width, rgb.shape[0] / avatar.height], np.float32)
        self.width, self.height = int(width), int(height)
        self.base = build_base(rgb, points, kind, self.width, self.height)
        b = self.base
        self.warp = FaceWarp(b.points, b.bgra, b.margin, self.width, self.height)
        self.interior = MouthInterior(*self._colours(), self.warp.mouth.w)
        self.out = np.zeros((self.height, self.width, 4), np.uint8)
        info = skia.ImageInfo.Make(self.width, self.height, skia.kBGRA_8888_ColorType, skia.kPremul_AlphaType)
        self.surface = skia.Surface.MakeRasterDirect(info, self.out)
        lash = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeCap=skia.Paint.kRound_Cap,
                          StrokeWidth=max(1.0, self.warp.eyes[0].opening * 0.16))
        self.lash = lash

    def _colours(self) -> tuple[float, tuple[float, float, float]]:
        """Exposure from the cheeks and the lip colour, both read off the placed photo."""
        p, img = self.base.points, self.base.bgra

        def mean_at(idx: list[int], r: int) -> np.ndarray:
            out = []
            for i in idx:
                x, y = int(p[i][0]), int(p[i][1])
                patch = img[max(0, y - r):y + r + 1, max(0, x - r):x + r + 1, :3]
                if patch.size:
                    out.append(patch.reshape(-1, 3).mean(axis=0))
            return np.mean(out, axis=0)[::-1] / 255.0 if out else np.array([0.6, 0.45, 0.4])

        r = max(1, int(self.warp.mouth.w * 0.15))
        cheeks = mean_at([50, 280, 205, 425], r)
        lips = mean_at([17, 84, 314], max(1, r // 2))
        exposure = float(np.dot(cheeks, [0.299, 0.587, 0.114])) / 0.55
        return exposure, (float(lips[0]), float(lips[1]), float(lips[2]))

    def head_motion(self, pose: Pose) -> tuple[np.ndarray, float]:
        fh = self.warp.face_h
        angle = -0.45 * pose.head_tilt  # a photo can only roll: small and slow reads as alive, more as rubber
        tx = fh * (0.018 * pose.head_turn + 0.01 * pose.head_shift)
        ty = fh * (0.016 * pose.head_nod - 0.006 * pose.breath)
        return self.warp.head_matrix(angle, tx, ty), -fh * 0.012 * pose.breath

    def render(self, m: MouthShape, pose: Pose) -> skia.Image:
        head, body_dy = self.head_motion(pose)
        mouth = self.warp.mouth
        gap = mouth.gap_px(m.open) - 0.025 * m.press * mouth.w  # p b m press the lips a touch tighter
        spread = 0.8 * (m.width - 1.0)
        fp = FeaturePose(gap=gap, spread=spread, blink=pose.blink, brow=pose.brow_raise)
        self.warp.features(fp)
        self.warp.sway(self.out, head, body_dy)
        c = self.surface.getCanvas()
        c.save()
        c.translate(-self.base.margin, -self.base.margin)
        c.concat(skia.Matrix.MakeAll(*head[0], *head[1], 0, 0, 1))
        if gap + mouth.rest_gap > 1.0:
            upper, lower = mouth.opening(gap, spread)
            self.interior.draw(c, upper, lower, m)
        if pose.blink > 0.35:
            self.lash.setColor(skia.Color4f(0.12, 0.08, 0.07, 0.55 * min(1.0, (pose.blink - 0.35) / 0.5)).toColor())
            for eye in self.warp.eyes:
                line = eye.lid_line(pose.blink)
                path = skia.Path()
                path.moveTo(*map(float, line[0]))
                for x, y in line[1:]:
                    path.lineTo(float(x), float(y))
                c.drawPath(path, self.lash)
        c.restore()
        return skia.Image.fromarray(self.out, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType, copy=False)
