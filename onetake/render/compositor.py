"""frame = draw(timeline, t): the whole picture at one instant, into a reused BGRA buffer.

Each scene is drawn from its own scene-local timeline (render.scenes), so its
pixels do not depend on where it sits in the video: a revision re-draws only
the scenes it changed.
"""

from __future__ import annotations

import bisect

import numpy as np
import skia

from onetake.render.scenes import scene_frames, scene_timeline, visible_captions
from onetake.timeline.models import Timeline
from onetake.visuals import transitions
from onetake.visuals.captions import CaptionPainter
from onetake.visuals.layouts import painter_for
from onetake.visuals.stage import Stage


class Compositor:
    def __init__(self, timeline: Timeline):
        self.timeline = timeline
        # Skia draws straight into this numpy buffer (premultiplied BGRA: its fast path).
        self.buffer = np.zeros((timeline.height, timeline.width, 4), dtype=np.uint8)
        self.surface = skia.Surface(self.buffer, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
        self.canvas = self.surface.getCanvas()
        self.stage = Stage(timeline)  # the look every scene shares: style, fonts, backgrounds, presenter rigs
        self.firsts = [first for first, _ in scene_frames(timeline)]
        captions = visible_captions(timeline)
        self.scenes = [scene_timeline(timeline, i, captions) for i in range(len(timeline.scenes))]
        stages = [self.stage.for_scene(local) for local in self.scenes]
        self.painters = [painter_for(local.scenes[0].layout)(stage, local.scenes[0]) for stage, local in zip(stages, self.scenes)]
        self.transitions = [
            transitions.choose(self.stage.style, i, self.painters[i - 1].presenter_spot, self.painters[i].presenter_spot) if i else None
            for i in range(len(self.painters))
        ]
        for before, after, kind in zip(self.painters, self.painters[1:], self.transitions[1:]):
            after.pip_carried = before.presenter_spot == after.presenter_spot == "pip"
            # Slides, wipes and zooms carry the old content out; before a cut or a dissolve it eases out
            # itself (two blocks of type dissolving through each other read as a mess).
            before.eases_out = after.clip.transition_in <= 0 or kind is transitions.Transition.crossfade
        self.painters[-1].eases_out = False  # the last scene holds to the end
        self.captions = [CaptionPainter(local.captions, stage) for stage, local in zip(stages, self.scenes)]

    def frame(self, index: int) -> np.ndarray:
        scene = max(0, bisect.bisect_right(self.firsts, index) - 1)
        return self._draw(scene, (index - self.firsts[scene]) / self.timeline.fps)

    def render(self, t: float) -> np.ndarray:
        """The frame at time t (previews and stills may ask between frames). The returned array is reused by the next call."""
        fps = self.timeline.fps
        scene = max(0, bisect.bisect_right(self.firsts, round(t * fps, 6)) - 1)
        return self._draw(scene, t - self.firsts[scene] / fps)

    def _draw(self, index: int, t: float) -> np.ndarray:
        """Scene `index` at its own time t."""
        canvas = self.canvas
        canvas.clear(skia.ColorBLACK)
        clip = self.scenes[index].scenes[0]
        if index > 0 and clip.transition_in > 0 and t < clip.transition_in:
            # The scene before, on its own clock, carries on past its end under the transition.
            old, new, before = self.painters[index - 1], self.painters[index], self.scenes[index - 1].scenes[0].end
            transitions.draw(self.transitions[index], canvas, t / clip.transition_in,
                             lambda c: old.draw(c, t + before), lambda c: new.draw(c, t), self.timeline.width, self.timeline.height, self.timeline.palette.accent)
        else:
            self.painters[index].draw(canvas, t)
        self.captions[index].draw(canvas, t)
        self.surface.flushAndSubmit()
        return self.buffer
