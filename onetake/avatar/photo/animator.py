"""PhotoAnimator: a photo avatar talking on the voice's clock, in any framing."""

from __future__ import annotations

import copy
from collections.abc import Sequence

import skia

from onetake.avatar.framing import crop_kind, photo_rect
from onetake.avatar.motion import MotionTrack
from onetake.avatar.mouth import blend
from onetake.avatar.photo.model import PhotoAvatar
from onetake.avatar.photo.rig import PhotoRig
from onetake.avatar.visemes import VisemeTrack
from onetake.draw.blit import draw_at_pixel
from onetake.voice.models import PhonemeTiming, WordTiming

class PhotoAnimator:
    def __init__(self, avatar: PhotoAvatar, phonemes: Sequence[PhonemeTiming], words: Sequence[WordTiming],
                 duration: float, seed: int = 0):
        self.avatar = avatar
        self.visemes = VisemeTrack.from_phonemes(phonemes)
        self.motion = MotionTrack(words, duration, seed=seed, phonemes=phonemes)
        self._rigs: dict[tuple[str, int, int], PhotoRig] = {}
        self._shadows: dict[tuple[int, int], tuple[skia.Image, float]] = {}
        self._timed: dict[int, tuple[object, float, PhotoAnimator]] = {}

    def with_timings(self, track, duration: float) -> PhotoAnimator:
        """This avatar on another track's timings (a scene's own, see render.scenes), sharing the rigs and
        shadows; built once per track."""
        entry = self._timed.get(id(track))
        if entry is None or entry[0] is not track or entry[1] != duration:
            other = copy.copy(self)  # shallow: the rig and shadow dicts stay shared
            other.visemes = VisemeTrack.from_phonemes(track.phonemes)
            other.motion = MotionTrack(track.words, duration, seed=track.seed, phonemes=track.phonemes)
            entry = self._timed[id(track)] = (track, duration, other)
        return entry[2]

    def rig(self, framing: str, width: int, height: int) -> PhotoRig:
        key = (crop_kind(framing), width, height)
        if key not in self._rigs:
            self._rigs[key] = PhotoRig(self.avatar, key[0], width, height)
        return self._rigs[key]

    def frame(self, framing: str, width: int, height: int, t: float) -> skia.Image:
        return self.rig(framing, width, height).render(blend(self.visemes.weights_at(t)), self.motion.pose_at(t))

    def draw(self, canvas: skia.Canvas, cx: float, bottom: float, height: float, t: float,
             framing: str, frame_w: int, frame_h: int) -> None:
        rect = photo_rect(framing, frame_w, frame_h, cx, bottom, height)
        w, h = max(16, int(round(rect.width()))), max(16, int(round(rect.height())))
        image = self.frame(framing, w, h, t)
        left, top = rect.left(), rect.top()
        if framing in ("full", "pip"):  # full bleeds to the edges; the PiP's circle clip is the layout's
            # The rig drew it at the rect's size rounded: a whole-pixel blit, not a filtered stretch (4 ms at 720p).
            draw_at_pixel(canvas, image, left + (rect.width() - w) / 2, top + (rect.height() - h) / 2)
            return
        # A card beside the panel: rounded, lifted by a soft shadow (baked once per size: blurs are dear).
        shadow, pad = self._shadow(w, h)
        draw_at_pixel(canvas, shadow, left - pad, top - pad)
        radius = min(w, h) * 0.06
        rrect = skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(left, top, w, h), radius, radius)
        canvas.save()
        canvas.clipRRect(rrect, doAntiAlias=True)
        draw_at_pixel(canvas, image, left, top)
        canvas.restore()
        canvas.drawRRect(rrect, self._rim)

    _rim = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=2, Color=skia.Color4f(1, 1, 1, 0.35).toColor())

    def _shadow(self, w: int, h: int) -> tuple[skia.Image, float]:
        key = (w, h)
        if key not in self._shadows:
            radius = min(w, h) * 0.06
            pad = int(radius * 2)
            surf = skia.Surface(w + 2 * pad, h + 2 * pad)
            c = surf.getCanvas()
            c.clear(skia.ColorTRANSPARENT)
            paint = skia.Paint(AntiAlias=True, Color=skia.Color4f(0, 0, 0, 0.35).toColor(),
                               MaskFilter=skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, radius * 0.5))
            c.drawRRect(skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(pad, pad + radius * 0.25, w, h), radius, radius), paint)
            self._shadows[key] = (surf.makeImageSnapshot(), float(pad))
        return self._shadows[key]
