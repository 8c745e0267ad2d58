"""One painter per scene layout. A painter draws its scene at any time t (seekable, pure)."""

from __future__ import annotations

import math
import re

import skia

from onetake.agent.storyboard import Layout
from onetake.timeline.models import SceneClip
from onetake.draw import text
from onetake.visuals import components
from onetake.draw.colors import mix, readable_on, skcolor
from onetake.draw.easing import ease_in_out_sine, ease_out_back, ease_out_cubic, window
from onetake.visuals.media import cover_image
from onetake.visuals.stage import Stage

LOWER_THIRD_HOLD_S = 4.5


class ScenePainter:
    def __init__(self, stage: Stage, clip: SceneClip):
        self.stage, self.clip = stage, clip
        self.palette = stage.palette
        self.w, self.h, self.unit = stage.width, stage.height, stage.unit

    def draw(self, canvas: skia.Canvas, t: float) -> None:
        raise NotImplementedError

    def progress(self, t: float) -> float:
        return window(t, self.clip.start, self.clip.duration)

    def brand_bug(self, canvas: skia.Canvas) -> None:
        if self.stage.timeline.brand:
            components.brand_bug(canvas, self.stage.timeline.brand, self.palette, self.w, self.h)

    def lower_third(self, canvas: skia.Canvas, t: float) -> None:
        tag = self.clip.lower_third
        if tag:
            shown = self.clip.start + 0.5
            components.lower_third(canvas, tag, self.palette, self.w, self.h, t, shown, min(shown + LOWER_THIRD_HOLD_S, self.clip.end - 0.2))

    def pip(self, canvas: skia.Canvas, t: float) -> None:
        """The presenter in a circle, top-right, so the voice keeps a face during B-roll and cards."""
        radius = self.unit * (0.13 if self.stage.portrait else 0.125)
        cx, cy = self.w - radius - self.unit * 0.06, radius + self.unit * 0.07
        pop = ease_out_back(window(t, self.clip.start + 0.15, 0.5))
        if pop <= 0.01:
            return
        canvas.save()
        canvas.translate(cx, cy)
        canvas.scale(pop, pop)
        canvas.translate(-cx, -cy)
        components.circle_frame(canvas, cx, cy, radius, self.palette, lambda: self.stage.presenter(canvas, cx, cy + radius * 1.05, radius * 2.25, t, framing="pip"))
        canvas.restore()

    def bullet_blocks(self, width: float, size: float) -> list[text.TextBlock]:
        marker = size * 1.35
        return [text.layout(b, "body-semibold", size, width - marker * 1.5, max_lines=2) for b in self.clip.bullets]

    def bullets_height(self, width: float, size: float) -> float:
        marker = size * 1.35
        blocks = self.bullet_blocks(width, size)
        return sum(max(b.height, marker) for b in blocks) + size * 0.9 * max(0, len(blocks) - 1)

    def bullet_icon(self, index: int, marker: float) -> skia.Image | None:
        icons = [v.icon for v in self.clip.visuals if v.kind.value == "icon"]
        if len(icons) != len(self.clip.bullets):
            return None
        from onetake.visuals.icons import draw_icon, get_icon

        px = int(round(marker * 0.72 / 4) * 4)
        return draw_icon(get_icon(icons[index]), px, self.palette, ink=readable_on(self.palette.accent, "#0B0F19"))

    def draw_bullets(self, canvas: skia.Canvas, t: float, left: float, top: float, width: float, size: float) -> float:
        marker = size * 1.35
        ink = skcolor(readable_on(self.palette.surface, self.palette.text))
        marker_ink = skcolor(readable_on(self.palette.accent, "#0B0F19"))
        y = top
        for index, (block, at) in enumerate(zip(self.bullet_blocks(width, size), self.clip.bullet_times)):
            enter = ease_out_cubic(window(t, at, 0.45))
            row = max(block.height, marker)
            if enter > 0:
                canvas.save()
                canvas.translate((1 - enter) * size * 2, 0)
                canvas.saveLayerAlpha(None, round(255 * enter))
                rect = skia.Rect.MakeXYWH(left, y + (row - marker) / 2, marker, marker)
                canvas.drawRRect(skia.RRect.MakeRectXY(rect, marker * 0.3, marker * 0.3), skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent)))
                icon = self.bullet_icon(index, marker)
                if icon is not None:  # an icon per bullet (onetake.visuals.assets), else the number
                    canvas.drawImage(icon, rect.centerX() - icon.width() / 2, rect.centerY() - icon.height() / 2)
                else:
                    number = text.layout(str(index + 1), "display-bold", round(size * 0.8, 1), marker, align="center")
                    number.draw(canvas, rect.left(), rect.top() + (marker - number.height) / 2, skia.Paint(AntiAlias=True, Color=marker_ink))
                block.draw(canvas, left + marker * 1.5, y + (row - block.height) / 2, skia.Paint(AntiAlias=True, Color=ink))
                canvas.restore()
                canvas.restore()
            y += row + size * 0.9
        return y


class PresenterFull(ScenePainter):
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
        block = text.fit(self.clip.headline, "display-black", self.unit * 0.11, self.unit * 0.06, width, self.h * 0.2, align="center")
        enter = ease_out_cubic(window(t, self.clip.start + 0.2, 0.6))
        top = self.h * 0.2 - block.height / 2 + (1 - enter) * self.unit * 0.04
        ink = skcolor(readable_on(self.palette.background, self.palette.text), enter)
        block.draw(canvas, (self.w - width) / 2, top, skia.Paint(AntiAlias=True, Color=ink))


class PresenterPanel(ScenePainter):
    def draw(self, canvas, t):
        self.stage.studio.draw(canvas, t)
        slide = ease_out_cubic(window(t, self.clip.start + 0.1, 0.6))
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
        title = text.fit(self.clip.headline or self.stage.timeline.title, "display-bold", self.unit * 0.075, self.unit * 0.04, inner_w, max(title_room, self.unit * 0.1))
        rule_h = self.unit * 0.008
        content_h = rule_h + pad * 0.5 + title.height + (pad * 0.7 + list_h if list_h else 0)
        panel_h = content_h + 2 * pad
        top = area_top + max(0.0, (area_bottom - area_top - panel_h) / 2)
        panel = skia.Rect.MakeLTRB(left, top, right, top + panel_h)
        canvas.save()
        canvas.translate((1 - slide) * self.w * 0.12, 0)
        canvas.saveLayerAlpha(None, round(255 * slide))
        components.card(canvas, panel, self.unit * 0.03, self.palette.surface, 0.93)
        canvas.drawRect(skia.Rect.MakeXYWH(left + pad, top + pad, self.unit * 0.07, rule_h), skia.Paint(Color=skcolor(self.palette.accent)))
        title_top = top + pad + rule_h + pad * 0.5
        title.draw(canvas, left + pad, title_top, skia.Paint(AntiAlias=True, Color=skcolor(readable_on(self.palette.surface, self.palette.text))))
        if self.clip.bullets:
            self.draw_bullets(canvas, t, left + pad, title_top + title.height + pad * 0.7, inner_w, size)
        canvas.restore()
        canvas.restore()
        self.brand_bug(canvas)
        self.lower_third(canvas, t)


class TitleCard(ScenePainter):
    def draw(self, canvas, t):
        self.stage.field.draw(canvas, t)
        headline = self.clip.headline or self.stage.timeline.title
        width = self.w * (0.84 if self.stage.portrait else 0.72)
        block = text.fit(headline, "display-black", self.unit * 0.13, self.unit * 0.06, width, self.h * 0.42)
        left = (self.w - width) / 2
        top = self.h * (0.34 if self.stage.portrait else 0.5) - block.height / 2
        ink = readable_on(self.palette.background, self.palette.text)
        kicker = self.stage.timeline.brand
        if kicker:
            k = text.layout(kicker.upper(), "body-semibold", round(self.unit * 0.03, 1), width)
            fade = ease_out_cubic(window(t, self.clip.start + 0.05, 0.5))
            k.draw(canvas, left, top - k.height - self.unit * 0.04, skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent, fade)))
        # Kinetic type: each word rises into place a beat after the one before.
        for index, word in enumerate(block.words):
            enter = ease_out_cubic(window(t, self.clip.start + 0.15 + index * 0.08, 0.5))
            if enter <= 0:
                continue
            paint = skia.Paint(AntiAlias=True, Color=skcolor(ink, enter))
            canvas.drawTextBlob(word.blob, left + word.x, top + word.baseline + (1 - enter) * self.unit * 0.05, paint)
        bar = ease_out_cubic(window(t, self.clip.start + 0.4, 0.7))
        canvas.drawRRect(
            skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(left, top + block.height + self.unit * 0.04, self.unit * 0.22 * bar, self.unit * 0.012), 4, 4),
            skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent)),
        )
        self.pip(canvas, t)


class Bullets(ScenePainter):
    def draw(self, canvas, t):
        self.stage.field.draw(canvas, t)
        margin = self.unit * 0.09
        width = self.w - margin * 2 - (0 if self.stage.portrait else self.unit * 0.32)
        title = text.fit(self.clip.headline or self.stage.timeline.title, "display-bold", self.unit * 0.08, self.unit * 0.045, width, self.h * 0.2)
        size = round(self.unit * 0.05, 1)
        pad = self.unit * 0.045
        list_h = self.bullets_height(width - 2 * pad, size)
        # Centre title + list in the space above the captions.
        block_h = title.height + self.unit * 0.05 + list_h + 2 * pad
        top = max(self.h * 0.08, (self.h * (0.62 if self.stage.portrait else 0.78) - block_h) / 2)
        enter = ease_out_cubic(window(t, self.clip.start, 0.5))
        title.draw(canvas, margin, top + (1 - enter) * 20, skia.Paint(AntiAlias=True, Color=skcolor(readable_on(self.palette.background, self.palette.text), enter)))
        panel_top = top + title.height + self.unit * 0.05
        panel = skia.Rect.MakeXYWH(margin, panel_top, width, list_h + 2 * pad)
        components.card(canvas, panel, self.unit * 0.03, self.palette.surface, 0.85 * enter)
        canvas.drawRect(skia.Rect.MakeXYWH(margin, panel_top + pad, self.unit * 0.008, list_h * enter), skia.Paint(Color=skcolor(self.palette.accent)))
        self.draw_bullets(canvas, t, margin + pad, panel_top + pad, width - 2 * pad, size)
        self.pip(canvas, t)
        self.brand_bug(canvas)


class BRoll(ScenePainter):
    def __init__(self, stage, clip):
        super().__init__(stage, clip)
        self.image = _with_scrims(cover_image(clip.media[0], self.w, self.h)) if clip.media else None
        self.fallback = TitleCard(stage, clip)

    def draw(self, canvas, t):
        if self.image is None:
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
            enter = ease_out_cubic(window(t, self.clip.start + 0.3, 0.6))
            block = text.fit(self.clip.headline, "display-bold", self.unit * 0.06, self.unit * 0.035, self.w * 0.55, self.h * 0.2)
            x, y = self.unit * 0.08, self.unit * 0.09
            canvas.drawRect(skia.Rect.MakeXYWH(x, y, self.unit * 0.008, block.height * enter), skia.Paint(Color=skcolor(self.palette.accent)))
            block.draw(canvas, x + self.unit * 0.03 - (1 - enter) * 30, y, skia.Paint(AntiAlias=True, Color=skcolor("#FFFFFF", enter)))
        self.pip(canvas, t)


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


class EndCard(ScenePainter):
    """Brand (or title), the call to action, and a button: a URL when the CTA has one, else its action."""

    def draw(self, canvas, t):
        self.stage.field.draw(canvas, t)
        if self.stage.portrait:
            self.stage.presenter(canvas, self.w * 0.5, self.h * 1.02, self.stage.bust_height, t)
            left, width, area_top, area_bottom = self.w * 0.08, self.w * 0.84, self.h * 0.06, self.h * 0.4
        else:
            self.stage.presenter(canvas, self.w * 0.76, self.h * 1.02, self.stage.bust_height, t)
            left, width, area_top, area_bottom = self.w * 0.07, self.w * 0.5, self.h * 0.08, self.h * 0.74
        timeline = self.stage.timeline
        label = cta_label(timeline.cta, self.clip.headline)
        headline = self.clip.headline or timeline.cta or ""
        if headline.lower().strip(" .!") == label.lower():
            headline = ""
        # The brand leads when there is one; otherwise the call to action does (never a placeholder title).
        lead = timeline.brand or headline or timeline.title
        if not timeline.brand:
            headline = ""
        name = text.fit(lead, "display-black", self.unit * 0.11, self.unit * 0.055, width, self.h * 0.26)
        sub = text.fit(headline, "display-bold", self.unit * 0.06, self.unit * 0.035, width, self.h * 0.2) if headline else None
        button = self.unit * 0.045
        gap = self.unit * 0.045
        total = name.height + (gap + sub.height if sub else 0) + gap * 1.3 + button * 2
        y = area_top + max(0.0, (area_bottom - area_top - total) / 2)
        ink = readable_on(self.palette.background, self.palette.text)
        enter = ease_out_cubic(window(t, self.clip.start + 0.1, 0.6))
        name.draw(canvas, left, y + (1 - enter) * 24, skia.Paint(AntiAlias=True, Color=skcolor(ink, enter)))
        y += name.height + gap
        if sub:
            enter = ease_out_cubic(window(t, self.clip.start + 0.35, 0.6))
            sub.draw(canvas, left, y + (1 - enter) * 24, skia.Paint(AntiAlias=True, Color=skcolor(mix(ink, self.palette.accent, 0.3), enter)))
            y += sub.height + gap * 1.3
        pop = ease_out_back(window(t, self.clip.start + 0.7, 0.5))
        if pop > 0.01:
            pulse = 1 + 0.02 * math.sin(max(0.0, t - self.clip.start - 1.2) * 4.0)
            canvas.save()
            canvas.translate(left, y)
            canvas.scale(pop * pulse, pop * pulse)
            components.pill(canvas, label, 0.0, button, button, self.palette.accent, readable_on(self.palette.accent, "#0B0F19"), width, anchor="left")
            canvas.restore()


_URL = re.compile(r"\b((?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?)", re.I)
_ACTION_END = re.compile(r"\s+(?:to|and|for|with|so|at|by|today|now)\b|[,.;:!]", re.I)


def cta_label(cta: str | None, headline: str = "") -> str:
    """The button's words: a URL in the CTA, else its leading action ("Book a private styling appointment")."""
    source = cta or headline or "Learn more"
    match = _URL.search(source)
    if match:
        return match.group(1).rstrip(".,").removeprefix("https://").removeprefix("http://").removeprefix("www.")
    words = source.strip().split()
    # Cut at the first connective after the verb phrase ("Get in touch | to see..."),
    # but keep at least two words ("Come and see it", not "Come").
    action = " ".join(words[:2]) + " " + _ACTION_END.split(" ".join(words[2:]), maxsplit=1)[0] if len(words) > 2 else " ".join(words)
    action = action.strip(" ,.;:!")
    if len(action.split()) > 5:
        action = " ".join(action.split()[:5])
    return action[:1].upper() + action[1:] if action else "Learn more"


PAINTERS: dict[Layout, type[ScenePainter]] = {
    Layout.presenter_full: PresenterFull,
    Layout.presenter_panel: PresenterPanel,
    Layout.title_card: TitleCard,
    Layout.bullets: Bullets,
    Layout.broll: BRoll,
    Layout.end_card: EndCard,
}
