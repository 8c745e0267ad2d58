"""frame = draw(timeline, t): the whole picture at one instant, into a reused BGRA buffer."""

from __future__ import annotations

import bisect

import numpy as np
import skia

from onetake.agent.storyboard import Layout
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
        self.stage = Stage(timeline)
        self.painters = [painter_for(clip.layout)(self.stage, clip) for clip in timeline.scenes]
        self.starts = [clip.start for clip in timeline.scenes]
        self.transitions = [
            transitions.choose(self.stage.style, i, self.painters[i - 1].presenter_spot, self.painters[i].presenter_spot) if i else None
            for i in range(len(self.painters))
        ]
        for before, after, kind in zip(self.painters, self.painters[1:], self.transitions[1:]):
            after.pip_carried = before.presenter_spot == after.presenter_spot == "pip"
            # Slides, wipes and zooms carry the old content out; before a cut or a dissolve it eases out
            # itself (two blocks of type dissolving through each other read as a mess).
            before.eases_out = after.clip.transition_in <= 0 or kind is transitions.Transition.crossfade
        kinetic = [(clip.start, clip.end) for clip in timeline.scenes if clip.layout is Layout.kinetic]
        self.captions = CaptionPainter(timeline.captions, self.stage, hidden=kinetic)

    def frame(self, index: int) -> np.ndarray:
        return self.render(index / self.timeline.fps)

    def render(self, t: float) -> np.ndarray:
        """The frame at time t. The returned array is reused by the next call."""
        canvas = self.canvas
        canvas.clear(skia.ColorBLACK)
        index = max(0, bisect.bisect_right(self.starts, t) - 1)
        clip = self.timeline.scenes[index]
        if index > 0 and clip.transition_in > 0 and t < clip.start + clip.transition_in:
            old, new = self.painters[index - 1], self.painters[index]
            transitions.draw(self.transitions[index], canvas, (t - clip.start) / clip.transition_in,
                             lambda c: old.draw(c, t), lambda c: new.draw(c, t), self.timeline.width, self.timeline.height, self.timeline.palette.accent)
        else:
            self.painters[index].draw(canvas, t)
        self.captions.draw(canvas, t)
        self.surface.flushAndSubmit()
        return self.buffer
