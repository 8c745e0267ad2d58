"""frame = draw(timeline, t): the whole picture at one instant, into a reused BGRA buffer."""

from __future__ import annotations

import bisect

import numpy as np
import skia

from onetake.timeline.models import Timeline
from onetake.visuals.captions import CaptionPainter
from onetake.draw.easing import ease_in_out_sine
from onetake.visuals.painters import PAINTERS
from onetake.visuals.stage import Stage


class Compositor:
    def __init__(self, timeline: Timeline):
        self.timeline = timeline
        # Skia draws straight into this numpy buffer (premultiplied BGRA: its fast path).
        self.buffer = np.zeros((timeline.height, timeline.width, 4), dtype=np.uint8)
        self.surface = skia.Surface(self.buffer, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
        self.canvas = self.surface.getCanvas()
        stage = Stage(timeline)
        self.painters = [PAINTERS[clip.layout](stage, clip) for clip in timeline.scenes]
        self.starts = [clip.start for clip in timeline.scenes]
        self.captions = CaptionPainter(timeline.captions, timeline.palette, timeline.width, timeline.height)

    def frame(self, index: int) -> np.ndarray:
        return self.render(index / self.timeline.fps)

    def render(self, t: float) -> np.ndarray:
        """The frame at time t. The returned array is reused by the next call."""
        canvas = self.canvas
        canvas.clear(skia.ColorBLACK)
        index = max(0, bisect.bisect_right(self.starts, t) - 1)
        clip = self.timeline.scenes[index]
        fading = index > 0 and clip.transition_in > 0 and t < clip.start + clip.transition_in
        if fading:
            self.painters[index - 1].draw(canvas, t)
            alpha = ease_in_out_sine((t - clip.start) / clip.transition_in)
            canvas.saveLayerAlpha(None, round(255 * alpha))
            self.painters[index].draw(canvas, t)
            canvas.restore()
        else:
            self.painters[index].draw(canvas, t)
        self.captions.draw(canvas, t)
        self.surface.flushAndSubmit()
        return self.buffer
