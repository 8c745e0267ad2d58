"""Burned-in captions with the spoken word highlighted."""

from __future__ import annotations

import bisect

import skia

from onetake.agent.storyboard import Palette
from onetake.timeline.models import CaptionCue
from onetake.draw import text
from onetake.draw.colors import readable_on, skcolor
from onetake.draw.easing import ease_out_cubic, window


class CaptionPainter:
    def __init__(self, cues: list[CaptionCue], palette: Palette, width: int, height: int):
        self.cues = cues
        self.starts = [c.start for c in cues]
        self.palette = palette
        self.width, self.height = width, height
        portrait = height > width
        unit = min(width, height)
        self.size = round(unit * (0.052 if portrait else 0.047), 1)
        self.max_width = width * (0.84 if portrait else 0.7)
        # Portrait: below the presenter's chin and above the bottom fifth that social apps cover with their UI.
        self.centre_y = height * (0.79 if portrait else 0.875)
        self.highlight_ink = readable_on(palette.accent, "#0B0F19")

    def cue_at(self, t: float) -> CaptionCue | None:
        index = bisect.bisect_right(self.starts, t) - 1
        if index >= 0 and t < self.cues[index].end:
            return self.cues[index]
        return None

    def draw(self, canvas: skia.Canvas, t: float) -> None:
        cue = self.cue_at(t)
        if cue is None:
            return
        block = text.layout(cue.text, "caption", self.size, self.max_width, align="center", max_lines=2)
        pad_x, pad_y = self.size * 0.55, self.size * 0.35
        left = (self.width - self.max_width) / 2
        top = self.centre_y - block.height / 2
        appear = ease_out_cubic(window(t, cue.start, 0.12))
        widest = max(w.x + w.width for w in block.words) - min(w.x for w in block.words)
        box = skia.Rect.MakeXYWH(
            left + min(w.x for w in block.words) - pad_x, top - pad_y, widest + 2 * pad_x, block.height + 2 * pad_y
        )
        canvas.save()
        canvas.translate(0, (1 - appear) * self.size * 0.3)
        canvas.drawRRect(skia.RRect.MakeRectXY(box, self.size * 0.35, self.size * 0.35), skia.Paint(AntiAlias=True, Color=skcolor("#05070D", 0.62 * appear)))
        spoken = _spoken_index(cue, t)
        plain = skia.Paint(AntiAlias=True, Color=skcolor("#FFFFFF", appear))
        ink = skia.Paint(AntiAlias=True, Color=skcolor(self.highlight_ink, appear))
        for index, word in enumerate(block.words):
            x, baseline = left + word.x, top + word.baseline
            if index == spoken:
                rect = skia.Rect.MakeXYWH(x - self.size * 0.16, top + word.baseline - block.ascent * 0.98, word.width + self.size * 0.32, block.line_height * 0.98)
                canvas.drawRRect(skia.RRect.MakeRectXY(rect, self.size * 0.2, self.size * 0.2), skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent, appear)))
                canvas.drawTextBlob(word.blob, x, baseline, ink)
            else:
                canvas.drawTextBlob(word.blob, x, baseline, plain)
        canvas.restore()


def _spoken_index(cue: CaptionCue, t: float) -> int:
    """The word being said at t; between words the last one said stays lit."""
    index = 0
    for i, word in enumerate(cue.words):
        if word.start <= t:
            index = i
    return index
