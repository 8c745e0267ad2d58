"""Motion-graphics scenes: title card, bullet list, big-number stat, quote card, kinetic typography."""

from __future__ import annotations

import re

import skia

from onetake.draw import text
from onetake.draw.colors import mix, readable_on, skcolor
from onetake.draw.easing import ease_out_back, ease_out_cubic, window
from onetake.visuals import components
from onetake.visuals.figures import split_figure
from onetake.text_units import CLAUSE_END, SENTENCE_END, display_width, join_units, units
from onetake.visuals.layouts.base import ScenePainter


class TitleCard(ScenePainter):
    """A headline in the style's title design: rise (words rise in turn), center, frame or slab."""

    def draw(self, canvas, t):
        self.stage.field.draw(canvas, t)
        canvas.save()
        self.push(canvas, t)
        design = self.stage.style.title_card
        centred = design in ("center", "frame")
        width = self.w * (0.84 if self.stage.portrait else (0.7 if centred else 0.72))
        role = self.role("display-black")
        block = self.fit(self.headline(), role, self.unit * 0.13, self.unit * 0.06, width, self.h * 0.42, align="center" if centred else "left")
        left = (self.w - width) / 2
        top = self.h * (0.34 if self.stage.portrait else 0.47) - block.height / 2
        ink = self.ink()
        if design == "slab":
            self._slab(canvas, t, block, left, top)
        else:
            if design == "frame":
                pad = self.unit * 0.07
                frame = skia.Rect.MakeLTRB(left - pad * 0.2, top - pad, left + width + pad * 0.2, top + block.height + pad)
                components.corner_frame(canvas, frame, self.palette.accent, window(t, self.clip.start + 0.1, self.stage.pace(0.9)) * self.exit(t),
                                        max(2.0, self.unit * 0.005), self.unit * 0.06)
            self._words(canvas, t, block, left, top, ink)
        self._kicker(canvas, t, left, top, width, block.height, centred)
        canvas.restore()
        self.pip(canvas, t)
        self.brand_bug(canvas)

    def _words(self, canvas, t, block, left, top, ink) -> None:
        """Kinetic type: each word rises into place a beat after the one before."""
        for index, word in enumerate(block.words):
            enter = self.enter(t, 0.15 + index * 0.07, 0.55)
            if enter <= 0.001:
                continue
            paint = skia.Paint(AntiAlias=True, Color=skcolor(ink, enter))
            canvas.drawTextBlob(word.blob, left + word.x, top + word.baseline + (1 - enter) * self.unit * 0.05, paint)

    def _slab(self, canvas, t, block, left, top) -> None:
        pad = self.unit * 0.05
        wipe = ease_out_cubic(window(t, self.clip.start + 0.05, self.stage.pace(0.55))) * self.exit(t)
        words_w = max(w.x + w.width for w in block.words)
        rect = skia.Rect.MakeXYWH(left - pad, top - pad * 0.8, words_w + pad * 2, block.height + pad * 1.6)
        shadow = rect.makeOffset(self.unit * 0.018, self.unit * 0.018)
        r = self.stage.radius(self.unit * 0.02)
        canvas.save()
        canvas.clipRect(skia.Rect.MakeLTRB(rect.left(), 0, rect.left() + (rect.width() + self.unit * 0.02) * wipe, self.h))
        canvas.drawRRect(skia.RRect.MakeRectXY(shadow, r, r), skia.Paint(AntiAlias=True, Color=skcolor(self.palette.primary)))
        canvas.drawRRect(skia.RRect.MakeRectXY(rect, r, r), skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent)))
        canvas.restore()
        self._words(canvas, t, block, left, top, readable_on(self.palette.accent, "#0B0F19"))

    def _kicker(self, canvas, t, left, top, width, height, centred) -> None:
        kicker = self.stage.timeline.brand
        if not kicker:
            if self.stage.style.title_card == "rise":  # an accent bar grows under the title
                bar = self.enter(t, 0.4, 0.7)
                canvas.drawRRect(skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(left, top + height + self.unit * 0.04, self.unit * 0.22 * bar, self.unit * 0.012), 4, 4),
                                 skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent)))
            return
        size = round(self.unit * 0.03, 1)
        k = text.layout(kicker.upper(), self.role("body-semibold"), size, width, align="center" if centred else "left")
        fade = self.enter(t, 0.05, 0.5)
        y = top - k.height - self.unit * (0.1 if self.stage.style.title_card == "frame" else 0.045)
        color = readable_on(self.palette.background, self.palette.accent, self.palette.text, self.palette.text)
        k.draw(canvas, left, y, skia.Paint(AntiAlias=True, Color=skcolor(color, fade)))
        if centred:  # hairlines either side of the kicker
            words_w = max(w.x + w.width for w in k.words) - min(w.x for w in k.words)
            cx, cy, gap = left + width / 2, y + k.height * 0.55, self.unit * 0.03
            line = self.unit * 0.08 * fade
            paint = skia.Paint(AntiAlias=True, Color=skcolor(color, fade), StrokeWidth=max(1.0, self.unit * 0.002))
            canvas.drawLine(cx - words_w / 2 - gap - line, cy, cx - words_w / 2 - gap, cy, paint)
            canvas.drawLine(cx + words_w / 2 + gap, cy, cx + words_w / 2 + gap + line, cy, paint)
        elif self.stage.style.title_card == "rise":
            bar = self.enter(t, 0.4, 0.7)
            canvas.drawRRect(skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(left, top + height + self.unit * 0.04, self.unit * 0.22 * bar, self.unit * 0.012), 4, 4),
                             skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent)))


class Bullets(ScenePainter):
    def draw(self, canvas, t):
        self.stage.field.draw(canvas, t)
        margin = self.unit * 0.09
        width = self.w - margin * 2 - (0 if self.stage.portrait else self.unit * 0.32)
        title = self.fit(self.headline(), self.role("display-bold"), self.unit * 0.08, self.unit * 0.045, width, self.h * 0.2)
        size = round(self.unit * 0.05, 1)
        pad = self.unit * 0.045
        list_h = self.bullets_height(width - 2 * pad, size)
        # Centre title + list in the space above the captions.
        block_h = title.height + self.unit * 0.05 + list_h + 2 * pad
        top = max(self.h * 0.08, (self.h * (0.62 if self.stage.portrait else 0.78) - block_h) / 2)
        enter = self.enter(t, 0.0, 0.5)
        title.draw(canvas, margin, top + (1 - enter) * 20, skia.Paint(AntiAlias=True, Color=skcolor(self.ink(), enter)))
        panel_top = top + title.height + self.unit * 0.05
        panel = skia.Rect.MakeXYWH(margin, panel_top, width, list_h + 2 * pad)
        components.card(canvas, panel, self.stage.radius(self.unit * 0.03), self.palette.surface, 0.85 * enter)
        inset = min(pad * 0.45, self.stage.radius(self.unit * 0.03) * 0.4)  # inside rounded corners, never hanging off them
        canvas.drawRect(skia.Rect.MakeXYWH(margin + inset, panel_top + pad, self.unit * 0.008, list_h * enter), skia.Paint(Color=skcolor(self.palette.accent)))
        self.draw_bullets(canvas, t, margin + pad, panel_top + pad, width - 2 * pad, size)
        self.pip(canvas, t)
        self.brand_bug(canvas)


def counting(figure: str, progress: float) -> str:
    """The figure as it counts up: digits grow with `progress`, the unit and formatting stay."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", figure)
    if not match or progress >= 1:
        return figure
    raw = match.group(0)
    value = float(raw.replace(",", ""))
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    current = value * progress
    shown = f"{current:,.{decimals}f}" if "," in raw else f"{current:.{decimals}f}"
    return figure[: match.start()] + shown + figure[match.end():]


class Stat(ScenePainter):
    """One big number that counts up, an arc that fills with it, and its label."""

    def __init__(self, stage, clip):
        super().__init__(stage, clip)
        self.figure, self.label = split_figure(clip.headline or "")
        if not self.figure:
            self.figure, self.label = "1", clip.headline or stage.timeline.title

    def draw(self, canvas, t):
        self.stage.field.draw(canvas, t)
        canvas.save()
        self.push(canvas, t)
        count = ease_out_cubic(window(t, self.clip.start + 0.2, self.stage.pace(1.3)))
        out = self.exit(t)
        portrait = self.stage.portrait
        cx = self.w * (0.5 if portrait else 0.36)
        cy = self.h * (0.36 if portrait else 0.46)
        radius = self.unit * (0.28 if portrait else 0.27)
        # The ring: a faint track and an accent arc that fills as the number counts.
        track = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=self.unit * 0.022, Color=skcolor(self.palette.surface, 0.55 * out))
        canvas.drawCircle(cx, cy, radius, track)
        arc = skia.Paint(AntiAlias=True, Style=skia.Paint.kStroke_Style, StrokeWidth=self.unit * 0.022, Color=skcolor(self.palette.accent, out))
        arc.setStrokeCap(skia.Paint.kRound_Cap)
        fraction = _fraction(self.figure)
        canvas.drawArc(skia.Rect.MakeXYWH(cx - radius, cy - radius, radius * 2, radius * 2), -90, 360 * fraction * count, False, arc)
        shown = counting(self.figure, count)
        number = self.fit(self.figure, self.role("display-black"), self.unit * 0.22, self.unit * 0.05, radius * 1.6, radius * 0.9, align="center")
        # Laid out at the size that fits the final figure, so the count never changes size.
        live = text.layout(shown, self.role("display-black"), round(number.line_height / 1.18, 1), radius * 1.6, align="center")
        pop = ease_out_back(window(t, self.clip.start + 0.1, self.stage.pace(0.6)))
        canvas.save()
        canvas.translate(cx, cy)
        canvas.scale(pop * out + (1 - out), pop * out + (1 - out))
        live.draw(canvas, -radius * 0.8, -live.height / 2, skia.Paint(AntiAlias=True, Color=skcolor(self.ink(), min(1.0, pop) * out)))
        canvas.restore()
        if self.label:
            if portrait:
                left, width, top = self.w * 0.1, self.w * 0.8, cy + radius + self.unit * 0.08
            else:
                left, width = self.w * 0.62, self.w * 0.32
                top = None
            label = self.fit(self.stage.display(self.label), self.role("display-bold"), self.unit * 0.07, self.unit * 0.04, width, self.h * 0.4,
                             align="center" if portrait else "left")
            if top is None:
                top = cy - label.height / 2
            enter = self.enter(t, 0.55, 0.6)
            if not portrait:
                canvas.drawRect(skia.Rect.MakeXYWH(left, top - self.unit * 0.04, self.unit * 0.08 * enter, self.unit * 0.008), skia.Paint(Color=skcolor(self.palette.accent)))
            label.draw(canvas, left + (1 - enter) * self.unit * 0.04, top, skia.Paint(AntiAlias=True, Color=skcolor(self.ink(), enter)))
        canvas.restore()
        self.pip(canvas, t)
        self.brand_bug(canvas)


def _fraction(figure: str) -> float:
    """How full the ring is: the percentage itself, else a confident three quarters."""
    match = re.search(r"(\d+(?:\.\d+)?)\s?%", figure)
    if match:
        return max(0.04, min(1.0, float(match.group(1)) / 100))
    return 0.75


class Quote(ScenePainter):
    """A pull quote: a big accent quotation mark, the words in the display face, an attribution."""

    def draw(self, canvas, t):
        self.stage.field.draw(canvas, t)
        canvas.save()
        self.push(canvas, t)
        quote = (self.clip.headline or self.stage.timeline.title).strip().strip("\"“”'")
        portrait = self.stage.portrait
        width = self.w * (0.8 if portrait else 0.62)
        left = self.w * (0.1 if portrait else 0.12)
        # The big mark opens the quote; inline marks would say it twice.
        block = self.fit(quote, self.role("display-bold"), self.unit * 0.085, self.unit * 0.045, width, self.h * (0.36 if portrait else 0.46))
        top = self.h * (0.3 if portrait else 0.45) - block.height / 2
        mark = text.layout("“", self.role("display-black"), round(self.unit * 0.42, 1), self.unit)
        pop = ease_out_back(window(t, self.clip.start + 0.05, self.stage.pace(0.6))) * self.exit(t)
        canvas.save()
        canvas.translate(left - self.unit * 0.05, top - self.unit * 0.12)
        canvas.scale(pop, pop)
        mark.draw(canvas, -self.unit * 0.04, -mark.ascent * 0.35, skia.Paint(AntiAlias=True, Color=skcolor(self.palette.accent, 0.9)))
        canvas.restore()
        ink = self.ink()
        lines = max((w.line for w in block.words), default=0) + 1
        for index, word in enumerate(block.words):  # line by line, like a reveal behind a mask
            enter = self.enter(t, 0.25 + word.line * 0.18 + index * 0.005, 0.6)
            if enter > 0.001:
                canvas.drawTextBlob(word.blob, left + word.x, top + word.baseline + (1 - enter) * self.unit * 0.03, skia.Paint(AntiAlias=True, Color=skcolor(ink, enter)))
        # the quote's author (the storyboard's lower third on a quote scene), else the brand
        who = (self.clip.lower_third.name if self.clip.lower_third else "") or self.stage.timeline.brand
        if who:
            enter = self.enter(t, 0.4 + lines * 0.18, 0.6)
            size = round(self.unit * 0.032, 1)
            attribution = text.layout("— " + who, self.role("body-semibold"), size, width)
            attribution.draw(canvas, left, top + block.height + self.unit * 0.05, skia.Paint(AntiAlias=True, Color=skcolor(mix(ink, self.palette.accent, 0.5), enter)))
        canvas.restore()
        self.pip(canvas, t)
        self.brand_bug(canvas)


def kinetic_line(words: list[str]) -> list[str]:
    """A kinetic line's words as shown. A line ends where the speaker pauses, and at this size a trailing
    comma or full stop reads as a smudge; "!", "?" and an ellipsis stay."""
    if not words or words[-1].endswith("..."):
        return words
    return words[:-1] + [words[-1].rstrip(",;:.，；：。、") or words[-1]]


class Kinetic(ScenePainter):
    """Kinetic typography for hooks: the spoken words land on screen as they are said, a few at a time,
    big and centred; long words take the accent."""

    MAX_LINE_COLUMNS = 16  # display width: 16 Latin characters or 8 Chinese ones

    def __init__(self, stage, clip):
        super().__init__(stage, clip)
        words = self.spoken_words()
        if words:
            timed = [(w.text, w.start) for w in words]
        else:  # no voice track (previews): the headline, a word every quarter second
            timed = [(word, clip.start + 0.3 + 0.25 * i) for i, word in enumerate(units(clip.headline or stage.timeline.title))]
        self.groups: list[list[tuple[str, float]]] = [[]]
        for word, at in timed:
            group = self.groups[-1]
            if group and (display_width(join_units([w for w, _ in group] + [word])) > self.MAX_LINE_COLUMNS or group[-1][0].endswith(SENTENCE_END + CLAUSE_END)):
                self.groups.append([])
            self.groups[-1].append((word, at))
        self.groups = [g for g in self.groups if g]

    def draw(self, canvas, t):
        self.stage.field.draw(canvas, t)
        if not self.groups:
            self.brand_bug(canvas)
            return
        current = 0
        for index, group in enumerate(self.groups):
            if group[0][1] <= t:
                current = index
        width = self.w * 0.84
        size = self.unit * (0.16 if self.stage.portrait else 0.15)
        cy = self.h * (0.38 if self.stage.portrait else 0.44)
        out = self.exit(t)
        # The previous line lifts away as the new one lands.
        if current > 0:
            since = ease_out_cubic(window(t, self.groups[current][0][1] - 0.04, 0.25))
            if since < 1:
                self._line(canvas, self.groups[current - 1], t, width, size, cy - since * size * 1.8, (1 - since) ** 2 * out, settled=True)
        self._line(canvas, self.groups[current], t, width, size, cy, out)
        self.pip(canvas, t)
        self.brand_bug(canvas)

    def _line(self, canvas, group, t, width, size, cy, alpha, settled=False):
        words = kinetic_line([self.stage.display(w).strip() for w, _ in group])
        block = self.fit(join_units(words), self.role("display-black"), size, size * 0.45, width, size * 2.4, align="center", line_spacing=1.05)
        top = cy - block.height / 2
        left = (self.w - width) / 2
        for placed, (_, at) in zip(block.words, group):
            pop = 1.0 if settled else ease_out_back(window(t, at - 0.04, 0.28), 1.7)
            if pop <= 0.001:
                continue
            accent = len(placed.text.strip(".,!?;:")) >= 7
            color = self.palette.accent if accent else self.ink()
            if accent:
                color = readable_on(self.palette.background, color, self.ink(), self.ink())
            x, y = left + placed.x, top + placed.baseline
            canvas.save()
            canvas.translate(x + placed.width / 2, y - block.ascent * 0.35)
            scale = 0.6 + 0.4 * pop
            canvas.scale(scale, scale)
            canvas.drawTextBlob(placed.blob, -placed.width / 2, block.ascent * 0.35, skia.Paint(AntiAlias=True, Color=skcolor(color, min(1.0, pop) * alpha)))
            canvas.restore()

