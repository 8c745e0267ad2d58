"""What every layout shares while drawing one video: size, palette, presenter, backgrounds."""

from __future__ import annotations

from functools import cached_property

import skia

from onetake.avatar.animator import PresenterAnimator
from onetake.avatar.photo.animator import PhotoAnimator
from onetake.timeline.models import Timeline
from onetake.visuals.background import Background
from onetake.draw.colors import mix, relative_luminance


class Stage:
    def __init__(self, timeline: Timeline):
        self.timeline = timeline
        self.width, self.height = timeline.width, timeline.height
        self.palette = timeline.palette
        self.unit = min(self.width, self.height)
        self.portrait = self.height > self.width
        # One size for every large shot: each size costs the avatar ~35 MB of cached layers per process.
        self.bust_height = self.height * (0.62 if self.portrait else 0.88)
        self._animators: dict[int, PresenterAnimator] = {}
        self._photo: PhotoAnimator | None = None

    def presenter(self, canvas: skia.Canvas, cx: float, bottom: float, height: float, t: float, framing: str = "panel") -> None:
        """Draw the talking presenter; one rig per size, since rigs cache their layers per size.

        `framing` (avatar.framing: full, panel, pip) tells a photo avatar which rectangle to fill;
        stock busts are placed by (cx, bottom, height) alone.
        """
        track = self.timeline.presenter
        if track.photo is not None:
            if self._photo is None:
                self._photo = PhotoAnimator(track.photo, track.phonemes, track.words, self.timeline.duration, track.seed)
            self._photo.draw(canvas, cx, bottom, height, t, framing, self.width, self.height)
            return
        size = int(round(height / 8) * 8)  # a few sizes only, so layer caches stay small
        animator = self._animators.get(size)
        if animator is None:
            track = self.timeline.presenter
            animator = PresenterAnimator(track.presenter_id, track.phonemes, track.words, self.timeline.duration, track.seed, size)
            self._animators[size] = animator
        animator.draw(canvas, cx, bottom, t)

    @cached_property
    def studio(self) -> Background:
        p = self.palette
        if relative_luminance(p.background) > 0.5:  # light palettes: an airy set, tinted, never muddy grey
            colors = (mix(p.background, "#FFFFFF", 0.2), mix(p.background, p.primary, 0.18), mix(p.background, p.accent, 0.22))
        else:
            colors = (mix(p.background, "#000000", 0.15), mix(p.background, p.primary, 0.45), mix(p.background, p.accent, 0.25))
        return Background(self.width, self.height, colors, p.accent, seed=3, spotlight=True)

    @cached_property
    def field(self) -> Background:
        p = self.palette
        colors = (p.background, mix(p.background, p.primary, 0.6), mix(p.background, p.accent, 0.35), mix(p.background, p.surface, 0.8))
        return Background(self.width, self.height, colors, p.text, seed=11)
