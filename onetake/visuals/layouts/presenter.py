"""Scenes where the presenter is large: full frame, beside a panel, or on one half of a split screen."""

from __future__ import annotations

import skia

from onetake.draw import text
from onetake.draw.colors import mix, skcolor
from onetake.draw.easing import ease_in_out_sine, ease_out_cubic, window
from onetake.visuals import components
from onetake.visuals.layouts.base import ScenePainter
from onetake.visuals.media import cover_image


class PresenterFull(ScenePainter):
    presenter_spot = "centre"

    def draw(self, canvas, t):
        self.stage.studio.draw(canvas, t)
        push = 1.0 + 0.035 * ease_in_out_sine(self.progress(t))  # a slow camera push-in
        canvas.save()
        cx = self.w * 0.5
        canvas.translate(cx, self.h * 0.4)
        canvas.scale(push, push)
        canvas.translate(-cx, -self.h * 0.4)
        self.stage.presenter(canvas, cx, self.h * 1.02, self.stage.bust_height, t, framing="full")
        canvas.restore()
        if self.stage.portrait and self.clip.headline:
            self.headline_above(canvas, t)
        self.brand_bug(canvas)
        self.lower_third(canvas, t)

    def headline_above(self, canvas: skia.Canvas, t: float) -> None:
        """Portrait frames have room above the presenter: the scene's headline goes there."""
        width = self.w * 0.84
        block = self.fit(self.headline(), self.role("display-black"), self.unit * 0.11, self.unit * 0.06, width, self.h * 0.2, align="center")
        enter = self.enter(t, 0.2)
        top = self.h * 0.2 - block.height / 2 + (1 - enter) * self.unit * 0.04
        block.draw(canvas, (self.w - width) / 2, top, skia.Paint(AntiAlias=True, Color=skcolor(self.ink(), enter)))


class PresenterPanel(ScenePainter):
    @property
    def presenter_spot(self):
        return "centre" if self.stage.portrait else "left"

    def draw(self, canvas, t):
        self.stage.studio.draw(canvas, t)
        slide = self.enter(t, 0.1)
        if self.stage.portrait:
            left, right, area_top, area_bottom = self.w * 0.07, self.w * 0.93, self.h * 0.06, self.h * 0.4
            self.stage.presenter(canvas, self.w * 0.5, self.h * 1.02, self.stage.bust_height, t)
        else:
            left, right, area_top, area_bottom = self.w * 0.5, self.w * 0.94, self.h * 0.1, self.h * 0.76
            self.stage.presenter(canvas, self.w * 0.27, self.h * 1.02, self.stage.bust_height, t)
        pad = self.unit * 0.05
        inner_w = right - left - 2 * pad
        size = round(self.unit * 0.04, 1)
        list_h = self.bullets_height(inner_w, size) if self.clip.bullets else 0.0
        title_room = (area_bottom - area_top) - 3 * pad - list_h
        title = self.fit(self.headline(), self.role("display-bold"), self.unit * 0.075, self.unit * 0.04, inner_w, max(title_room, self.unit * 0.1))
        rule_h = self.unit * 0.008
        content_h = rule_h + pad * 0.5 + title.height + (pad * 0.7 + list_h if list_h else 0)
        panel_h = content_h + 2 * pad
        top = area_top + max(0.0, (area_bottom - area_top - panel_h) / 2)
        panel = skia.Rect.MakeLTRB(left, top, right, top + panel_h)
        if slide > 0.001:
            canvas.save()
            canvas.translate((1 - slide) * self.w * 0.12, 0)
            canvas.saveLayerAlpha(None, round(255 * slide))
            components.card(canvas, panel, self.stage.radius(self.unit * 0.03), self.palette.surface, 0.93)
            canvas.drawRect(skia.Rect.MakeXYWH(left + pad, top + pad, self.unit * 0.07, rule_h), skia.Paint(Color=skcolor(self.palette.accent)))
            title_top = top + pad + rule_h + pad * 0.5
            title.draw(canvas, left + pad, title_top, skia.Paint(AntiAlias=True, Color=skcolor(self.ink(self.palette.surface))))
            canvas.restore()
            canvas.restore()
            if self.clip.bullets:
                canvas.save()
                canvas.translate((1 - slide) * self.w * 0.12, 0)
                self.draw_bullets(canvas, t, left + pad, title_top + title.height + pad * 0.7, inner_w, size)
                canvas.restore()
        self.brand_bug(canvas)
        self.lower_third(canvas, t)


class SplitScreen(ScenePainter):
    """Presenter on one half (full bleed, on the studio set), the scene's picture or points on the other.

    The halves meet on a hard edge with an accent seam that wipes in: it reads
    as an edit, not as a card floating over a backdrop."""

    def __init__(self, stage, clip):
        super().__init__(stage, clip)
        self.portrait = stage.portrait
        self.presenter_spot = "bottom" if self.portrait else "left"
        # Landscape: the content is the right half; portrait: the top half.
        self.content = skia.Rect.MakeXYWH(self.w * 0.5, 0, self.w * 0.5, self.h) if not self.portrait else skia.Rect.MakeXYWH(0, 0, self.w, self.h * 0.5)
        self.image = cover_image(clip.media[0], round(self.content.width()), round(self.content.height()), 1.1) if clip.media else None

    def draw(self, canvas, t):
        self.stage.studio.draw(canvas, t)
        if self.portrait:
            self.stage.presenter(canvas, self.w * 0.5, self.h * 1.02, self.h * 0.5, t)
        else:
            self.stage.presenter(canvas, self.w * 0.25, self.h * 1.02, self.stage.bust_height, t)
        reveal = ease_out_cubic(window(t, self.clip.start, self.stage.pace(0.55)))
        c = self.content
        canvas.save()
        if self.portrait:
            clip = skia.Rect.MakeLTRB(c.left(), c.top(), c.right(), c.top() + c.height() * reveal)
        else:
            clip = skia.Rect.MakeLTRB(c.right() - c.width() * reveal, c.top(), c.right(), c.bottom())
        canvas.clipRect(clip)
        if self.image is not None:
            self.stage.field.draw(canvas, t)  # behind pictures with transparency
            p = self.progress(t)
            zoom = 1.0 + 0.06 * ease_in_out_sine(p)
            canvas.save()
            canvas.translate(c.centerX(), c.centerY())
            canvas.scale(zoom, zoom)
            canvas.drawImage(self.image, -self.image.width() / 2, -self.image.height() / 2, skia.SamplingOptions(skia.FilterMode.kLinear))
            canvas.restore()
            canvas.drawRect(c, skia.Paint(Shader=skia.GradientShader.MakeLinear(
                [skia.Point(0, c.top()), skia.Point(0, c.bottom())], [skcolor("#000000", 0.0), skcolor("#000000", 0.55)], [0.45, 1.0])))
        else:
            self.stage.field.draw(canvas, t)
            # A tint of the surface colour sets the half apart from the presenter's set.
            canvas.drawRect(c, skia.Paint(Color=skcolor(self.palette.surface, 0.45)))
        self.draw_content(canvas, t, c)
        canvas.restore()
        seam = max(3.0, self.unit * 0.008)
        paint = skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent))
        if self.portrait:
            canvas.drawRect(skia.Rect.MakeXYWH(0, clip.bottom() - seam / 2, self.w, seam), paint)
        else:
            canvas.drawRect(skia.Rect.MakeXYWH(clip.left() - seam / 2, 0, seam, self.h), paint)
        self.brand_bug(canvas)

    def draw_content(self, canvas, t, c):
        pad = self.unit * 0.07
        width = c.width() - 2 * pad
        if self.image is not None:  # a caption-style headline at the foot of the picture
            if not self.clip.headline:
                return
            block = self.fit(self.headline(), self.role("display-bold"), self.unit * 0.06, self.unit * 0.035, width, c.height() * 0.3)
            enter = self.enter(t, 0.35)
            top = c.bottom() - pad - block.height - (self.unit * 0.12 if not self.portrait else 0)
            block.draw(canvas, c.left() + pad, top + (1 - enter) * self.unit * 0.03, skia.Paint(AntiAlias=True, Color=skcolor("#FFFFFF", enter)))
            return
        size = round(self.unit * 0.042, 1)
        list_h = self.bullets_height(width, size) if self.clip.bullets else 0.0
        room = c.height() * (0.72 if not self.portrait else 0.8) - list_h - pad
        title = self.fit(self.headline(), self.role("display-black"), self.unit * 0.09, self.unit * 0.045, width, max(room, self.unit * 0.1))
        total = title.height + (pad * 0.6 + list_h if list_h else 0)
        bottom_room = self.unit * 0.14 if not self.portrait else 0.0  # keep clear of the captions
        top = c.top() + max(pad, (c.height() - bottom_room - total) / 2)
        enter = self.enter(t, 0.2)
        ink = self.ink(mix(self.palette.background, self.palette.surface, 0.45))
        title.draw(canvas, c.left() + pad + (1 - enter) * self.unit * 0.04, top, skia.Paint(AntiAlias=True, Color=skcolor(ink, enter)))
        canvas.drawRect(skia.Rect.MakeXYWH(c.left() + pad, top - pad * 0.45, self.unit * 0.08 * enter, self.unit * 0.008), skia.Paint(Color=skcolor(self.palette.accent)))
        if list_h:
            self.draw_bullets(canvas, t, c.left() + pad, top + title.height + pad * 0.6, width, size, on=mix(self.palette.background, self.palette.surface, 0.45))

