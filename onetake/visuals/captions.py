"""Burned-in captions in the style's caption look, with the spoken word highlighted."""

from __future__ import annotations

import bisect

import skia

from onetake.draw import text
from onetake.draw.colors import readable_on, skcolor
from onetake.draw.easing import ease_out_cubic, window
from onetake.timeline.models import CaptionCue
from onetake.visuals.components import shadow_paint


class CaptionPainter:
    def __init__(self, cues: list[CaptionCue], stage, hidden: list[tuple[float, float]] | None = None):
        # Scenes whose words are already the picture (kinetic type) show no captions over them.
        cues = [c for c in cues if not any(start <= c.start < end for start, end in hidden or [])]
        self.cues = cues
        self.starts = [c.start for c in cues]
        self.stage = stage
        self.palette = stage.palette
        self.look = stage.style.caption
        self.width, self.height = stage.width, stage.height
        portrait = self.height > self.width
        unit = min(self.width, self.height)
        self.size = round(unit * (0.052 if portrait else 0.047) * self.look.scale, 1)
        self.max_width = self.width * (0.84 if portrait else 0.7)
        # Portrait: below the presenter's chin and above the bottom fifth that social apps cover with their UI.
        self.centre_y = self.height * (0.79 if portrait else 0.875)
        self.highlight_ink = readable_on(self.palette.accent, "#0B0F19")
        # Accent ink on a dark box must still read: fall back to white-ish when the accent is too dark.
        self.accent_ink = readable_on("#05070D", self.palette.accent, "#FFFFFF", "#FFE27A")
        self.role = stage.role("caption")

    def cue_at(self, t: float) -> CaptionCue | None:
        index = bisect.bisect_right(self.starts, t) - 1
        if index >= 0 and t < self.cues[index].end:
            return self.cues[index]
        return None

    def draw(self, canvas: skia.Canvas, t: float) -> None:
        cue = self.cue_at(t)
        if cue is None:
            return
        words = cue.text.upper() if self.look.uppercase else cue.text
        block = text.layout(words, self.role, self.size, self.max_width, align="center", max_lines=2)
        pad_x, pad_y = self.size * 0.55, self.size * 0.35
        left = (self.width - self.max_width) / 2
        top = self.centre_y - block.height / 2
        appear = ease_out_cubic(window(t, cue.start, 0.12))
        x_min = min(w.x for w in block.words)
        widest = max(w.x + w.width for w in block.words) - x_min
        canvas.save()
        canvas.translate(0, (1 - appear) * self.size * 0.3)
        if self.look.box == "panel":
            box = skia.Rect.MakeXYWH(left + x_min - pad_x, top - pad_y, widest + 2 * pad_x, block.height + 2 * pad_y)
            r = self.size * 0.35 * min(1.0, max(0.25, self.stage.style.corner))
            canvas.drawRRect(skia.RRect.MakeRectXY(box, r, r), skia.Paint(AntiAlias=True, Color=skcolor("#05070D", 0.62 * appear)))
        elif self.look.box == "band":
            band = skia.Rect.MakeXYWH(0, top - pad_y * 1.3, self.width, block.height + 2.6 * pad_y)
            canvas.drawRect(band, skia.Paint(Color=skcolor("#05070D", 0.58 * appear)))
            canvas.drawRect(skia.Rect.MakeXYWH(0, band.top(), self.width, max(2.0, self.size * 0.06)), skia.Paint(Color=skcolor(self.palette.accent, appear)))
        else:  # type on a soft shadow, no box: cinematic and print looks
            shadow = shadow_paint(0.75 * appear, self.size * 0.16)
            for word in block.words:
                canvas.drawTextBlob(word.blob, left + word.x, top + word.baseline + self.size * 0.05, shadow)
        spoken = _spoken_index(cue, t)
        plain = skia.Paint(AntiAlias=True, Color=skcolor("#FFFFFF", appear))
        for index, word in enumerate(block.words):
            x, baseline = left + word.x, top + word.baseline
            if index != spoken:
                canvas.drawTextBlob(word.blob, x, baseline, plain)
            elif self.look.highlight == "fill":
                rect = skia.Rect.MakeXYWH(x - self.size * 0.16, top + word.baseline - block.ascent * 0.98, word.width + self.size * 0.32, block.line_height * 0.98)
                r = self.size * 0.2 * min(1.0, max(0.3, self.stage.style.corner))
                canvas.drawRRect(skia.RRect.MakeRectXY(rect, r, r), skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent, appear)))
                canvas.drawTextBlob(word.blob, x, baseline, skia.Paint(AntiAlias=True, Color=skcolor(self.highlight_ink, appear)))
            elif self.look.highlight == "ink":
                canvas.drawTextBlob(word.blob, x, baseline, skia.Paint(AntiAlias=True, Color=skcolor(self.accent_ink, appear)))
            else:  # underline
                canvas.drawTextBlob(word.blob, x, baseline, plain)
                canvas.drawRect(skia.Rect.MakeXYWH(x, baseline + self.size * 0.14, word.width, max(2.0, self.size * 0.08)),
                                skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent, appear)))
        canvas.restore()


def _spoken_index(cue: CaptionCue, t: float) -> int:
    """The word being said at t; between words the last one said stays lit."""
    index = 0
    for i, word in enumerate(cue.words):
        if word.start <= t:
            index = i
    return index
