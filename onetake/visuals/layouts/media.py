"""B-roll: the user's picture full frame with a slow pan and zoom, a headline, the presenter in a bubble."""

from __future__ import annotations

import skia

from onetake.draw import text
from onetake.draw.colors import skcolor
from onetake.draw.easing import ease_in_out_sine
from onetake.visuals.layouts.base import ScenePainter
from onetake.visuals.layouts.cards import TitleCard
from onetake.visuals.media import cover_image


class BRoll(ScenePainter):
    def __init__(self, stage, clip):
        super().__init__(stage, clip)
        self.image = _with_scrims(cover_image(clip.media[0], self.w, self.h)) if clip.media else None
        self.fallback = TitleCard(stage, clip)

    def draw(self, canvas, t):
        if self.image is None:
            self.fallback.pip_carried, self.fallback.eases_out = self.pip_carried, self.eases_out
            return self.fallback.draw(canvas, t)
        p = self.progress(t)
        zoom = 1.0 + 0.1 * ease_in_out_sine(p)  # Ken Burns: slow zoom with a drift
        spare_x = self.image.width() - self.w
        canvas.save()
        canvas.translate(self.w / 2, self.h / 2)
        canvas.scale(zoom, zoom)
        canvas.translate(-self.image.width() / 2 + spare_x * 0.3 * (p - 0.5), -self.image.height() / 2)
        canvas.drawImage(self.image, 0, 0, skia.SamplingOptions(skia.FilterMode.kLinear))
        canvas.restore()
        if self.clip.headline:
            enter = self.enter(t, 0.3, 0.6)
            block = self.fit(self.headline(), self.role("display-bold"), self.unit * 0.06, self.unit * 0.035, self.w * 0.55, self.h * 0.2)
            x, y = self.unit * 0.08, self.unit * 0.09
            canvas.drawRect(skia.Rect.MakeXYWH(x, y, self.unit * 0.008, block.height * enter), skia.Paint(Color=skcolor(self.palette.accent)))
            block.draw(canvas, x + self.unit * 0.03 - (1 - enter) * 30, y, skia.Paint(AntiAlias=True, Color=skcolor("#FFFFFF", enter)))
        self.pip(canvas, t)
        if self.stage.logo is not None:  # the headline owns the top-left on a photo; a kit's logo still shows
            self.brand_bug(canvas)


def _with_scrims(image: skia.Image) -> skia.Image:
    """Darken the top and bottom of a photo once, so the headline and captions read on any picture.

    Baked into the image: a full-frame gradient per frame costs ~10 ms (STACK.md)."""
    w, h = image.width(), image.height()
    surface = skia.Surface(w, h)
    canvas = surface.getCanvas()
    canvas.drawImage(image, 0, 0)
    colors = [skcolor("#000000", 0.55), skcolor("#000000", 0.0), skcolor("#000000", 0.0), skcolor("#000000", 0.6)]
    scrim = skia.Paint(Shader=skia.GradientShader.MakeLinear([skia.Point(0, 0), skia.Point(0, h)], colors, [0.0, 0.3, 0.62, 1.0]))
    canvas.drawRect(skia.Rect.MakeWH(w, h), scrim)
    return surface.makeImageSnapshot()
